"""Public addresses of pages (the web package's URL scheme), absolute on the configured base URL."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings


def base_url() -> str:
    return settings.GHR["GHR_BASE_URL"].rstrip("/")


def gene_path(symbol: str) -> str:
    return f"/gene/{quote(symbol, safe='')}"


def condition_path(slug: str) -> str:
    return f"/condition/{quote(slug, safe='')}"


def chromosome_path(name: str) -> str:
    return f"/chromosome/{quote(name, safe='')}"


def gene_family_path(slug: str) -> str:
    return f"/gene-family/{quote(slug, safe='')}"


def glossary_path(slug: str) -> str:
    return f"/glossary/{quote(slug, safe='')}"


MITOCHONDRIAL = "mitochondrial-dna"


def medlineplus_path(kind: str, name: str) -> str:
    """The MedlinePlus Genetics address of a page, which ghr redirects to the page's own: kind 'gene' (a symbol,
    lower-cased as NLM writes it), 'condition' (its NLM slug) or 'chromosome' (1-22, x, y, mitochondrial-dna)."""
    if kind == "chromosome":
        name = MITOCHONDRIAL if name == "MT" else name.lower()
    elif kind == "gene":
        name = name.lower()
    return f"/genetics/{kind}/{quote(name, safe='')}"


def condition_medlineplus_path(condition) -> str:
    return medlineplus_path("condition", condition.nlm_slug or condition.slug)


def absolute(path: str) -> str:
    return base_url() + path
