"""The XML form of the old-service documents: the same names as the JSON, in NLM's namespace, text as XHTML.

Elements are in the default namespace NLM's ghr-summaries.xml declares (``ghr.api.nlm``); keys starting with '@'
become attributes (``{"@id": ...}`` -> ``id="..."``), as xmltodict reads them back. ``<html>`` elements hold the
text's markup in the XHTML namespace with the ``html`` prefix, as NLM's files do
(``<html><html:p>...</html:p></html>``), so a namespace-aware parser separates document structure from prose.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ghr.api.nlm import SUMMARIES_NAMESPACE, XHTML

NSMAP = {None: SUMMARIES_NAMESPACE, "html": XHTML}


def _copy_into(parent: etree._Element, node) -> None:
    """Append an HTML node (parsed without namespaces) to ``parent`` as XHTML."""
    if not isinstance(node.tag, str):  # comments and processing instructions are dropped
        if node.tail:
            _append_text(parent, node.tail)
        return
    child = etree.SubElement(parent, f"{{{XHTML}}}{node.tag.lower()}")
    for name, value in node.attrib.items():
        if ":" not in name:
            child.set(name, value)
    child.text = node.text
    for sub in node:
        _copy_into(child, sub)
    child.tail = node.tail


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def xhtml_into(element: etree._Element, markup: str) -> None:
    """Fill ``element`` with ``markup`` (an HTML fragment) as XHTML elements."""
    if not markup.strip():
        return
    fragments = lxml_html.fragments_fromstring(markup)
    for fragment in fragments:
        if isinstance(fragment, str):
            _append_text(element, fragment)
        else:
            _copy_into(element, fragment)


def _fill(element: etree._Element, value, namespace: str) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, sub in value.items():
            if key.startswith("@"):
                element.set(key[1:], str(sub))
                continue
            if sub is None:  # unknown: no element, where JSON says null
                continue
            child = etree.SubElement(element, f"{{{namespace}}}{key}" if namespace else key)
            if key == "html" and isinstance(sub, str):
                xhtml_into(child, sub)
            else:
                _fill(child, sub, namespace)
    elif isinstance(value, list):
        for item in value:
            _fill(element, item, namespace)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = str(value)


def to_element(root: str, document: dict, namespace: str = SUMMARIES_NAMESPACE) -> etree._Element:
    nsmap = NSMAP if namespace == SUMMARIES_NAMESPACE else {None: namespace} if namespace else None
    element = etree.Element(f"{{{namespace}}}{root}" if namespace else root, nsmap=nsmap)
    _fill(element, document, namespace)
    return element


def to_bytes(root: str, document: dict, namespace: str = SUMMARIES_NAMESPACE) -> bytes:
    return etree.tostring(
        to_element(root, document, namespace), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
