"""The XML form of the old-service documents: the same names as the JSON, text HTML as namespaced XHTML.

``<html>`` elements hold the text's markup in the XHTML namespace with the ``html`` prefix, as the old bulk file did
(``<html><html:p>...</html:p></html>``), so a namespace-aware parser separates document structure from prose.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

XHTML = "http://www.w3.org/1999/xhtml"
NSMAP = {"html": XHTML}


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


def _fill(element: etree._Element, value) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, sub in value.items():
            child = etree.SubElement(element, key)
            if key == "html" and isinstance(sub, str):
                xhtml_into(child, sub)
            else:
                _fill(child, sub)
    elif isinstance(value, list):
        for item in value:
            _fill(element, item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = str(value)


def to_element(root: str, document: dict, nsmap: dict | None = NSMAP) -> etree._Element:
    element = etree.Element(root, nsmap=nsmap)
    _fill(element, document)
    return element


def to_bytes(root: str, document: dict) -> bytes:
    return etree.tostring(to_element(root, document), xml_declaration=True, encoding="UTF-8", pretty_print=True)
