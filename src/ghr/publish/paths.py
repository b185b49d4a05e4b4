"""Which URLs the export asks for: the site's sitemaps, the knowledge base's pages and their documents, and every
internal link found on the pages exported (so a page that is linked but missing from a sitemap is still exported).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

# Answered by the app at request time (queries, editing, accounts) or served separately (static files).
DYNAMIC_PREFIXES = ("/search", "/api/", "/connect", "/editorial/", "/admin/", "/static/", "/accounts/")
# Machine-readable documents the old service offered beside each page.
DOCUMENT_SUFFIXES = (".json", ".xml")
# Genes and conditions also have a printer-friendly page.
PRINT_SUFFIX = "/print"
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


def sitemap_paths() -> set[str]:
    """Every path the site's sitemaps list, with the sitemap index and the first page of each section.

    Read from the sitemap classes rather than by rendering and parsing every sitemap page (seconds spent before
    any page can be exported); a test checks the two agree. Later pages of a section have a query string (?p=2),
    which the app answers.
    """
    from django.urls import reverse

    from ghr.web.sitemaps import SITEMAPS

    found = {reverse("web:sitemap-index")}
    for section, sitemap_class in SITEMAPS.items():
        found.add(reverse("web:sitemap-section", kwargs={"section": section}))
        sitemap = sitemap_class()
        found |= {urlsplit(sitemap.location(item)).path for item in sitemap.items()}
    return found


def knowledge_base_paths() -> set[str]:
    """The page of every gene, condition and chromosome, its JSON and XML documents, and the printer-friendly
    pages of genes and conditions."""
    from ghr.kb.models import Chromosome, Condition, Gene

    pages = {f"/gene/{symbol}" for symbol in Gene.objects.values_list("symbol", flat=True).iterator()}
    pages |= {f"/condition/{slug}" for slug in Condition.objects.values_list("slug", flat=True).iterator()}
    # Listed with the page rather than found later through its link, so that one batch renders all four documents.
    printed = {page + PRINT_SUFFIX for page in pages}
    pages |= {f"/chromosome/{name}" for name in Chromosome.objects.values_list("name", flat=True)}
    return pages | printed | {page + suffix for page in pages for suffix in DOCUMENT_SUFFIXES}


def bulk_download_paths() -> frozenset[str]:
    """The bulk files of /download/, written once per release by ghr.api.bulkstore."""
    from ghr.api.bulkstore import FILES

    return frozenset(f"/download/{name}" for name in FILES)


def download_paths() -> set[str]:
    """The bulk files of /download/ and the schema of ghr-summaries.xml."""
    from ghr.api.nlm import SCHEMA_PATH

    return set(bulk_download_paths()) | {SCHEMA_PATH}


def seeds() -> Seeds:
    listed = sitemap_paths()
    found = Seeds()
    found.required = {path for path in listed if is_static_path(path)}
    # Answered 404 when the site has no such page; cheaper than resolving each of ~175,000 paths first.
    expected = knowledge_base_paths() | download_paths() | set(HUB_PATHS)
    found.candidates = {path for path in expected - found.required if is_static_path(path)}
    return found
