"""What the public site may read of the editorial texts: published versions only.

Readers (web pages, API, search, static export) use these functions and nothing else from ghr.editorial, so
drafts, texts in review and withdrawn texts can never leak onto a public page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date

from django.core.cache import cache
from django.db import connections, router

from ghr.editorial.citations import Citation, parse_citations
from ghr.editorial.models import AuditEvent, Kind, Revision, Text

# Audit actions that change what the public sees; the newest such event's id is the release token.
PUBLIC_ACTIONS = ("publish", "withdraw", "import")

# The chapters of Help Me Understand Genetics in GHR's reading order, used when a handbook text does not give its
# chapter's place itself (front matter ``chapter_order``). Unknown chapters come after these, by title.
HANDBOOK_CHAPTERS = (
    "cells-and-dna", "how-genes-work", "mutations-and-health", "inheriting-genetic-conditions",
    "genetic-counseling", "genetic-consultation", "genetic-testing", "gene-therapy", "genomic-research",
    "precision-medicine", "newborn-screening",
)  # fmt: skip
UNKNOWN_CHAPTER = 1000
LIST_CACHE_SECONDS = 3600

# While an editor previews a draft, the public pages rendered for that request see the draft in place of the
# published version of that one text (and a release token of their own, so no cache mixes the two).
_preview: ContextVar[tuple[Text, Revision] | None] = ContextVar("ghr_editorial_preview", default=None)


@dataclass(frozen=True)
class PublishedText:
    kind: str
    key: str
    title: str
    html: str
    references: tuple[int, ...]
    reviewed: date | None
    published: date | None
    revision_id: int
    chapter: str = ""
    order: int = 0
    synonyms: tuple[str, ...] = ()
    chapter_order: int = 0
    citations: tuple[Citation, ...] = ()
    """The references written out in full (bare PubMed IDs are only in ``references``)."""


def _published():
    return Text.objects.filter(published_revision__isnull=False).select_related("published_revision")


def _as_published(text: Text, revision: Revision | None = None) -> PublishedText:
    revision = revision or text.published_revision
    citations = parse_citations(revision.references)
    return PublishedText(
        kind=text.kind,
        key=text.key,
        title=revision.title,
        html=revision.html,
        references=tuple(c.pmid for c in citations if c.pmid),
        citations=tuple(c for c in citations if not c.is_bare),
        reviewed=text.reviewed_on,
        published=text.published_on,
        revision_id=revision.pk,
        chapter=revision.chapter,
        order=revision.order,
        synonyms=tuple(revision.synonyms),
        chapter_order=revision.chapter_order or _chapter_place(text),
    )


def _chapter_place(text: Text) -> int:
    if text.kind != Kind.HANDBOOK:
        return 0
    chapter = text.key.split("/", 1)[0]
    return HANDBOOK_CHAPTERS.index(chapter) + 1 if chapter in HANDBOOK_CHAPTERS else UNKNOWN_CHAPTER


def _previewed(kind: str, key: str) -> PublishedText | None:
    current = _preview.get()
    if current is None or (current[0].kind, current[0].key) != (kind, key):
        return None
    text, revision = current
    shown = _as_published(text, revision)
    reviewed = revision.approved_at.date() if revision.approved_at else None
    return replace(shown, reviewed=reviewed, published=None)


@contextmanager
def previewing(text: Text, revision: Revision) -> Iterator[None]:
    """Inside this block (one editor's preview request) the draft ``revision`` stands in for ``text``'s published
    version. Only the editorial preview view uses it."""
    token = _preview.set((text, revision))
    try:
        yield
    finally:
        _preview.reset(token)


def published_text(kind: str, key: str) -> PublishedText | None:
    """The published version of one text, or None when there is none (never a draft)."""
    previewed = _previewed(kind, key)
    if previewed is not None:
        return previewed
    text = _published().filter(kind=kind, key=key).first()
    return _as_published(text) if text else None


def _published_list(kind: str, prefix: str) -> list[PublishedText]:
    texts = {text.key: _as_published(text) for text in _published().filter(kind=kind, key__startswith=prefix)}
    current = _preview.get()
    if current is not None and current[0].kind == kind and current[0].key.startswith(prefix):
        texts[current[0].key] = _previewed(kind, current[0].key)
    return sorted(texts.values(), key=lambda t: (t.chapter_order, t.chapter, t.order, t.title.lower(), t.key))


def published_texts(kind: str, prefix: str = "") -> list[PublishedText]:
    """Every published text of a kind whose key starts with ``prefix`` (e.g. "ALAS2/" for a gene's conditions),
    in reading order: chapter, then topic order, then title.

    Lists are cached under the release token, so a publication is seen at once and pages that list every
    glossary term do not read them all each time."""
    if _preview.get() is not None:
        return _published_list(kind, prefix)
    digest = hashlib.sha1(f"{kind}\0{prefix}".encode()).hexdigest()[:16]
    key = f"ghr:editorial:published:{texts_release()}:{digest}"
    texts = cache.get(key)
    if texts is None:
        texts = _published_list(kind, prefix)
        cache.set(key, texts, LIST_CACHE_SECONDS)
    return list(texts)


def glossary_index() -> list[tuple[str, str]]:
    """(term or synonym as written, glossary slug) for every published glossary text, longest terms first, so a
    page can link "erythropoietic protoporphyria" before "protoporphyria"."""
    if _preview.get() is not None:
        return _glossary_pairs()
    key = f"ghr:editorial:glossary-index:{texts_release()}"
    pairs = cache.get(key)
    if pairs is None:
        pairs = _glossary_pairs()
        cache.set(key, pairs, LIST_CACHE_SECONDS)
    return list(pairs)


def _glossary_pairs() -> list[tuple[str, str]]:
    pairs: dict[tuple[str, str], None] = {}
    for entry in published_texts(Kind.GLOSSARY):
        for written in (entry.title, *entry.synonyms):
            if written.strip():
                pairs[(written.strip(), entry.key)] = None
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0].lower(), pair[1]))


def texts_release() -> str:
    """A short token that changes whenever anything is published, withdrawn or imported (for cache keys)."""
    current = _preview.get()
    if current is not None:
        return f"preview-{current[1].pk}"
    # Asked on every search request: one plain statement, as building it through the ORM cost more than the rest
    # of a suggestion's work. The time as well as the id: an id can be used again after a rolled-back transaction
    # (SQLite), a time not.
    connection = connections[router.db_for_read(AuditEvent)]
    table, at = AuditEvent._meta.db_table, connection.ops.quote_name("at")
    marks = ", ".join(["%s"] * len(PUBLIC_ACTIONS))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {at} FROM {table} WHERE action IN ({marks}) ORDER BY id DESC LIMIT 1", PUBLIC_ACTIONS
        )
        latest = cursor.fetchone()
    newest = f"{latest[0]}:{latest[1]}" if latest else "none"
    return hashlib.sha1(f"texts:{newest}".encode()).hexdigest()[:12]
