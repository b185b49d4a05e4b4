"""Markdown to safe HTML: glossary links, PubMed reference lists, and an allow-list sanitiser (nh3).

Everything an editor writes passes through ``sanitise`` last, so whatever the Markdown or raw HTML in a text
contains, only the tags and attributes listed here reach a reader's browser.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3

GLOSSARY_LINK = re.compile(r"\[\[([a-z0-9][a-z0-9-]*)(?:\|([^\]\n]+))?\]\]")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https"}
EXTERNAL_REL = "noopener noreferrer"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def glossary_url(slug: str) -> str:
    return f"/glossary/{slug}"


def _glossary_link(match: re.Match) -> str:
    slug, shown = match.group(1), match.group(2)
    text = (shown or slug.replace("-", " ")).strip()
    # Brackets in the shown text would end the Markdown link early.
    text = text.replace("[", "\\[").replace("]", "\\]")
    return f"[{text}]({glossary_url(slug)})"


def expand_glossary_links(body: str) -> str:
    """``[[slug]]`` and ``[[slug|shown text]]`` become ordinary Markdown links to the glossary page."""
    return GLOSSARY_LINK.sub(_glossary_link, body)


def glossary_slugs(body: str) -> list[str]:
    """The glossary terms a text links to, in order of first use."""
    return list(dict.fromkeys(match.group(1) for match in GLOSSARY_LINK.finditer(body)))


def is_external(href: str) -> bool:
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc)


class _ExternalLinkMarker(HTMLParser):
    """Re-writes sanitised HTML, adding rel="noopener noreferrer" to links that leave the site."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def _tag(self, tag, attrs, closing=""):
        attributes = dict(attrs)
        if tag == "a" and is_external(attributes.get("href") or ""):
            attributes["rel"] = EXTERNAL_REL
        text = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attributes.items())
        self.out.append(f"<{tag}{text}{closing}>")

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))


def mark_external_links(safe_html: str) -> str:
    marker = _ExternalLinkMarker()
    marker.feed(safe_html)
    marker.close()
    return "".join(marker.out)


def sanitise(untrusted_html: str) -> str:
    """Keep only allow-listed tags and attributes; links only http, https or relative."""
    cleaned = nh3.clean(
        untrusted_html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return mark_external_links(cleaned)


def render_markdown(body: str) -> str:
    """An editor's Markdown as the safe HTML the public page shows."""
    converted = markdown.markdown(expand_glossary_links(body), extensions=["tables", "sane_lists"])
    return sanitise(converted)


def pubmed_url(pmid: int) -> str:
    return PUBMED_URL.format(pmid=int(pmid))


def references_html(pmids) -> str:
    """A numbered list of PubMed links, one per reference."""
    if not pmids:
        return ""
    items = "".join(
        f'<li><a href="{pubmed_url(pmid)}" rel="{EXTERNAL_REL}">PubMed: {int(pmid)}</a></li>' for pmid in pmids
    )
    return f'<ol class="references">{items}</ol>'
