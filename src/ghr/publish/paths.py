"""Which URLs the export asks for: the site's sitemaps, the knowledge base's pages and their documents, and every
internal link found on the pages exported (so a page that is linked but missing from a sitemap is still exported).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from ghr.publish.render import InProcessClient

# Answered by the app at request time (queries, editing, accounts) or served separately (static files).
DYNAMIC_PREFIXES = ("/search", "/api/", "/connect", "/editorial/", "/admin/", "/static/", "/accounts/")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Machine-readable documents the old service offered beside each page.
DOCUMENT_SUFFIXES = (".json", ".xml")
# Pages the site is expected to have; each is exported when the app answers it.
HUB_PATHS = (
    "/", "/sitemap.xml", "/download/", "/glossary/", "/handbook/", "/about/", "/about/sources", "/robots.txt",
    "/favicon.ico",
)  # fmt: skip


def is_static_path(path: str) -> bool:
    """A path a file can stand for: no query string, and not answered by the app at request time."""
    return path.startswith("/") and "?" not in path and not path.startswith(DYNAMIC_PREFIXES)


def is_exportable(path: str) -> bool:
    """A static path the URLconf knows (links found on pages are checked so; asking the app costs more)."""
    if not is_static_path(path):
        return False
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@dataclass
class Seeds:
    required: set[str] = field(default_factory=set)
    """Paths the site itself lists (its sitemaps): anything but 200 is an error."""
    candidates: set[str] = field(default_factory=set)
    """Paths the export expects to exist: exported when the app answers 200, skipped otherwise."""


def _read_xml(client: InProcessClient, path: str) -> ET.Element | None:
    with client.get(path) as response:
        body = b"".join(response.chunks)
        if response.status != 200:
            return None
    try:
        return ET.fromstring(body)
    except ET.ParseError:
        return None


def sitemap_paths(client: InProcessClient, path: str = "/sitemap.xml", depth: int = 0) -> set[str]:
    """Every same-site path listed in the sitemap at ``path``, following a sitemap index one level down."""
    root = _read_xml(client, path)
    if root is None:
        return set()
    found = {path} if "?" not in path else set()
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        parts = urlsplit((loc.text or "").strip())
        if parts.netloc and parts.netloc != client.host:
            continue
        listed = parts.path + (f"?{parts.query}" if parts.query else "")
        if root.tag == f"{SITEMAP_NS}sitemapindex" and depth == 0:
            found |= sitemap_paths(client, listed, depth + 1)
        else:
            found.add(listed)
    return found


def knowledge_base_paths() -> set[str]:
    """The page of every gene, condition and chromosome, its JSON and XML documents, and the printer-friendly
    pages of genes and conditions."""
    from ghr.kb.models import Chromosome, Condition, Gene

    pages = {f"/gene/{symbol}" for symbol in Gene.objects.values_list("symbol", flat=True).iterator()}
    pages |= {f"/condition/{slug}" for slug in Condition.objects.values_list("slug", flat=True).iterator()}
    # Listed with the page rather than found later through its link, so that one batch renders all four documents.
    printed = {page + "/print" for page in pages}
    pages |= {f"/chromosome/{name}" for name in Chromosome.objects.values_list("name", flat=True)}
    return pages | printed | {page + suffix for page in pages for suffix in DOCUMENT_SUFFIXES}


def seeds(client: InProcessClient) -> Seeds:
    listed = sitemap_paths(client)
    found = Seeds()
    found.required = {path for path in listed if is_static_path(path)}
    # Answered 404 when the site has no such page; cheaper than resolving each of ~175,000 paths first.
    expected = knowledge_base_paths() | set(HUB_PATHS)
    found.candidates = {path for path in expected - found.required if is_static_path(path)}
    return found
