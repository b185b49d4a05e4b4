"""Glossary terms and handbook topics in search results.

They are a few hundred published texts in the editorial database, so they are matched in memory: each process
prepares the index once per editorial release token (ghr.editorial.public.texts_release), which changes whenever
anything is published or withdrawn, so a new text is findable on the next request and a withdrawn one never is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from ghr.search import ranking
from ghr.search.text import normalize, order_free_key, stems

TEXT_KINDS = ("glossary", "handbook", "condition-description")
# The editors' name for a condition (their description's title) and the other names they list find its page.
PAGE_OF_KIND = {"condition-description": "condition"}


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


@dataclass(frozen=True)
class IndexedText:
    kind: str
    key: str
    title: str
    names: tuple[tuple[str, str, str], ...]
    """(field, as written, normalized) for the title and each synonym."""
    order_free: frozenset[str]
    title_words: frozenset[str]
    body_words: frozenset[str]


def _prepare(text) -> IndexedText:
    written = [("title", text.title)] + [("synonym", synonym) for synonym in text.synonyms]
    names = tuple((kind, name, normalize(name)) for kind, name in written if normalize(name))
    title_words = {word for _, _, norm in names for word in stems(norm)}
    page_kind = PAGE_OF_KIND.get(text.kind)
    return IndexedText(
        kind=page_kind or text.kind,
        key=text.key,
        title=text.title,
        names=names,
        order_free=frozenset(order_free_key(norm) for _, _, norm in names),
        title_words=frozenset(title_words),
        # A condition's description is found through the knowledge base's own index; here only its names count.
        body_words=frozenset() if page_kind else frozenset(stems(normalize(plain_text(text.html)))),
    )


@dataclass
class TextIndex:
    """Every published text, with lookups from a normalized name, a word-order key or a word to the texts."""

    entries: list[IndexedText]
    by_name: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    """normalized title or synonym -> [(entry, field, as written)]"""
    by_order_free: dict[str, set[int]] = field(default_factory=dict)
    sorted_names: list[tuple[str, int, str, str]] = field(default_factory=list)
    """(normalized, entry, field, as written), sorted, for prefix lookups by bisection"""
    title_words: dict[str, set[int]] = field(default_factory=dict)
    body_words: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: list[IndexedText]) -> TextIndex:
        index = cls(entries)
        for number, entry in enumerate(entries):
            for name_field, name, norm in entry.names:
                index.by_name.setdefault(norm, []).append((number, name_field, name))
                index.sorted_names.append((norm, number, name_field, name))
            for key in entry.order_free:
                index.by_order_free.setdefault(key, set()).add(number)
            for word in entry.title_words:
                index.title_words.setdefault(word, set()).add(number)
            for word in entry.body_words:
                index.body_words.setdefault(word, set()).add(number)
        index.sorted_names.sort()
        return index

    def starting_with(self, norm: str) -> Iterator[tuple[str, int, str, str]]:
        for row in self.sorted_names[bisect_left(self.sorted_names, (norm,)) :]:
            if not row[0].startswith(norm):
                return
            yield row

    @staticmethod
    def holding(words: list[str], postings: dict[str, set[int]], prefix_last: bool) -> set[int]:
        """Texts holding every word (the last one as a prefix if asked)."""
        *whole, last = words
        found = set.intersection(*(postings.get(word, set()) for word in whole)) if whole else None
        if prefix_last:
            completions = set().union(*(texts for word, texts in postings.items() if word.startswith(last)))
        else:
            completions = postings.get(last, set())
        return completions if found is None else found & completions


@lru_cache(maxsize=4)
def _index_for(release: str) -> TextIndex:
    from ghr.editorial.public import published_texts

    return TextIndex.of([_prepare(text) for kind in TEXT_KINDS for text in published_texts(kind)])


def text_index() -> TextIndex:
    """The index of what is published now: rebuilt in each process when the editorial release token changes."""
    from ghr.editorial.public import texts_release

    return _index_for(texts_release())


def forget_text_index() -> None:
    """Drop prepared indexes (tests whose rolled-back transactions may reuse a release token)."""
    _index_for.cache_clear()


def _offer(found, entry: IndexedText, tier: int, closeness: tuple, note: str) -> None:
    rank = ranking.sort_key(tier, closeness, 0, entry.title, entry.key)
    found.offer(entry.kind, entry.key, entry.title, note, rank)


def _name_matches(index: TextIndex, query, found) -> None:
    for number, name_field, name in index.by_name.get(query.norm, []):
        tier = ranking.PREFERRED_NAME if name_field == "title" else ranking.OTHER_NAME
        note = "" if name_field == "title" else f"other name: {name}"
        _offer(found, index.entries[number], tier, (ranking.FIELD_WEIGHT[name_field], 0), note)
    for number in index.by_order_free.get(order_free_key(query.norm), set()):
        _offer(found, index.entries[number], ranking.ANY_ORDER, (1, 0), "")
    if len(query.norm) >= 2:
        for norm, number, name_field, name in index.starting_with(query.norm):
            note = "" if name_field == "title" else f"other name: {name}"
            _offer(found, index.entries[number], ranking.PREFIX, (ranking.FIELD_WEIGHT[name_field], len(norm)), note)


def add_matches(query, found) -> None:
    """Offer every published glossary term and handbook topic that matches ``query`` to the collector."""
    index = text_index()
    _name_matches(index, query, found)
    if not query.words:
        return
    for number in index.holding(query.words, index.title_words, prefix_last=True):
        closeness = (ranking.extra_words(index.entries[number].names[0][2], len(query.words)), 1)
        _offer(found, index.entries[number], ranking.ALL_WORDS, closeness, "")
    # A text that only mentions the words is weaker evidence than any name or feature holding some of them
    # ("ALAS2 gene" wants the gene, not every handbook page naming it): it ranks after them all.
    mentions = "text mentions: " + " ".join(query.words)
    for number in index.holding(query.words, index.body_words, prefix_last=False):
        _offer(found, index.entries[number], ranking.PARTIAL, (0, ranking.IN_TEXT, 0, 0, 0), mentions)
