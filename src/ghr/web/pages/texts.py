"""Editors' published texts, read through ghr.editorial.public, plus glossary-term detection in page text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup


def published_text(kind: str, key: str):
    from ghr.editorial import public

    return public.published_text(kind, key)


def published_texts(kind: str, prefix: str = "") -> list:
    from ghr.editorial import public

    return public.published_texts(kind, prefix)


def glossary_index() -> list[tuple[str, str]]:
    from ghr.editorial import public

    return public.glossary_index()


@dataclass(frozen=True)
class GlossaryHit:
    term: str
    slug: str

    @property
    def url(self) -> str:
        return f"/glossary/{self.slug}"


def plain_text(html: str) -> str:
    return Markup(html).striptags()


def _pattern(index: list[tuple[str, str]]) -> re.Pattern | None:
    terms = sorted({term for term, _ in index if term.strip()}, key=len, reverse=True)
    if not terms:
        return None
    # \b only works next to word characters; lookarounds also handle terms such as "5'" or "X-linked".
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE)


def glossary_terms_in(texts: Iterable[str]) -> list[GlossaryHit]:
    """The glossary entries whose title or synonym appears in the texts (whole words, any case), by title."""
    index = glossary_index()
    pattern = _pattern(index)
    if pattern is None:
        return []
    slug_of = {term.lower(): slug for term, slug in index}
    titles = _titles()
    found: dict[str, GlossaryHit] = {}
    for text in texts:
        for match in pattern.finditer(text or ""):
            slug = slug_of.get(match.group(0).lower())
            if slug and slug not in found:
                found[slug] = GlossaryHit(term=titles.get(slug, match.group(0)), slug=slug)
    return sorted(found.values(), key=lambda hit: hit.term.lower())


def _titles() -> dict[str, str]:
    return {text.key: text.title for text in published_texts("glossary")}
