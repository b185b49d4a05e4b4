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


# A word, with inner hyphens or apostrophes kept ("X-linked", "5'-end"): matching whole words of the text, in any
# case, by looking word sequences up in a dictionary is linear in the text, where one big alternation regex is not.
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(match.group(0).lower() for match in _WORD.finditer(text))


@dataclass(frozen=True)
class GlossaryMatcher:
    index: dict[tuple[str, ...], str]  # the words of a term or synonym -> glossary slug
    titles: dict[str, str]  # slug -> the entry's title
    sizes: dict[str, tuple[int, ...]]  # first word -> the lengths (in words) of the terms starting with it


def _build_matcher() -> GlossaryMatcher:
    index = {_words(term): slug for term, slug in glossary_index() if _words(term)}
    sizes: dict[str, set[int]] = {}
    for words in index:
        sizes.setdefault(words[0], set()).add(len(words))
    return GlossaryMatcher(index, _titles(), {first: tuple(sorted(n)) for first, n in sizes.items()})


def glossary_matcher() -> GlossaryMatcher:
    """Built once per publication of texts and kept in Django's cache (the key changes when anything is published)."""
    from django.core.cache import cache

    from ghr.editorial import public

    key = f"ghr:web:glossary-matcher:v2:{public.texts_release()}"
    matcher = cache.get(key)
    if matcher is None:
        matcher = _build_matcher()
        cache.set(key, matcher, 24 * 3600)
    return matcher


def glossary_terms_in(texts: Iterable[str], matcher: GlossaryMatcher | None = None) -> list[GlossaryHit]:
    """The glossary entries whose title or synonym appears in the texts (whole words, any case), by title."""
    matcher = matcher or glossary_matcher()
    found: dict[str, GlossaryHit] = {}
    for text in texts:
        words = _words(text or "")
        for start, first in enumerate(words):
            for size in matcher.sizes.get(first, ()):
                slug = matcher.index.get(words[start : start + size])
                if slug and slug not in found:
                    term = matcher.titles.get(slug, " ".join(words[start : start + size]))
                    found[slug] = GlossaryHit(term=term, slug=slug)
    return sorted(found.values(), key=lambda hit: hit.term.lower())


def _titles() -> dict[str, str]:
    return {text.key: text.title for text in published_texts("glossary")}


class PageTexts:
    """The editors' published texts as a page reads them: one look-up at a time, as a request does.

    Look-ups go through ghr.editorial.public, so an editor's preview of a draft shows on the pages it renders.
    """

    def one(self, kind: str, key: str):
        return published_text(kind, key)

    def under(self, kind: str, prefix: str) -> list:
        """The texts of ``kind`` whose key starts with ``prefix``, in reading order."""
        return published_texts(kind, prefix)

    def glossary(self) -> GlossaryMatcher:
        return glossary_matcher()


class PreloadedPageTexts(PageTexts):
    """Every published text of the given kinds, read once: for rendering thousands of pages in one go.

    Editors write hundreds to a few thousand texts, not one per gene, so holding them all costs little. Keys
    like "ALAS2/x-linked-sideroblastic-anemia" are also grouped by their part before the slash, which is the
    prefix pages ask for.
    """

    def __init__(self, kinds: Iterable[str]):
        self._by_key: dict[tuple[str, str], object] = {}
        self._by_head: dict[tuple[str, str], list] = {}
        self._all: dict[str, list] = {}
        for kind in kinds:
            self._all[kind] = published_texts(kind)
            for text in self._all[kind]:
                self._by_key[(kind, text.key)] = text
                head, slash, _ = text.key.partition("/")
                if slash:
                    self._by_head.setdefault((kind, head + "/"), []).append(text)
        self._matcher = glossary_matcher()

    def one(self, kind: str, key: str):
        self._loaded(kind)
        return self._by_key.get((kind, key))

    def under(self, kind: str, prefix: str) -> list:
        self._loaded(kind)
        if prefix.endswith("/") and prefix.count("/") == 1:
            return list(self._by_head.get((kind, prefix), ()))
        return [text for text in self._all[kind] if text.key.startswith(prefix)]

    def glossary(self) -> GlossaryMatcher:
        return self._matcher

    def _loaded(self, kind: str) -> None:
        if kind not in self._all:
            raise KeyError(f"texts of kind {kind!r} were not preloaded")
