"""Editors' published texts for the API, read through ``ghr.editorial.public``.

Where no editor has written a text, the API falls back on sentences assembled from knowledge-base facts, so every
document still says something true (and says which release it comes from).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Text:
    """One text of a document: its role (function, description...), XHTML-ready HTML and where it comes from."""

    role: str
    html: str
    source: str
    """'editorial' for an editor's text, else the key of the release the sentences were assembled from."""
    reviewed: date | None = None
    published: date | None = None
    references: tuple[int, ...] = ()
    citations: tuple[dict, ...] = ()
    """The editors' sources written out in full: authors, year, title, journal, and pmid or nbk where known."""


def editorial_module():
    try:
        from ghr.editorial import public
    except ImportError:  # the editorial package is optional at run time: the API then uses facts only
        return None
    return public


def texts_release() -> str:
    public = editorial_module()
    if public is None:
        return ""
    try:
        return str(public.texts_release())
    except Exception:  # noqa: BLE001 - a broken editorial database must not take the data API down
        return ""


class TextLookup:
    """Finds published texts one at a time (for single documents)."""

    def get(self, kind: str, key: str):
        public = editorial_module()
        return public.published_text(kind, key) if public else None


class PreloadedTexts(TextLookup):
    """Loads every published text of the kinds a bulk file needs once, so a long export makes no query per record.

    Editors write a bounded number of texts (hundreds to a few thousand), unlike the knowledge base, so holding them
    does not grow with the knowledge base.
    """

    def __init__(self, kinds: tuple[str, ...]):
        public = editorial_module()
        self._texts: dict[tuple[str, str], object] = {}
        if public is None:
            return
        for kind in kinds:
            for text in public.published_texts(kind):
                self._texts[(kind, text.key)] = text

    def get(self, kind: str, key: str):
        return self._texts.get((kind, key))


def from_published(role: str, published) -> Text:
    return Text(
        role=role,
        html=published.html,
        source="editorial",
        reviewed=published.reviewed,
        published=published.published,
        references=tuple(published.references),
        citations=tuple(_public_citation(c) for c in published.citations),
    )


def _public_citation(citation) -> dict:
    # How the writer checked a citation is a note for reviewers, not part of the published record.
    return {name: value for name, value in citation.as_dict().items() if name != "checked"}


def paragraph(*sentences: str) -> str:
    """One HTML paragraph of plain sentences, escaped."""
    return "<p>" + " ".join(html.escape(s, quote=False) for s in sentences if s) + "</p>"


def latest(dates) -> date | None:
    known = [d for d in dates if d]
    return max(known) if known else None
