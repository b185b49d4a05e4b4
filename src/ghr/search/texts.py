"""Glossary terms and handbook topics in search results.

They are a few hundred published texts in the editorial database, so they are matched in memory: the prepared
index is cached under the editorial release token (ghr.editorial.public.texts_release), which changes whenever
anything is published or withdrawn, so a new text is findable on the next request and a withdrawn one never is.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.cache import cache

from ghr.search import ranking
from ghr.search.text import normalize, order_free_key, stems

TEXT_KINDS = ("glossary", "handbook")
CACHE_SECONDS = 3600


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
    names = tuple((field, name, normalize(name)) for field, name in written if normalize(name))
    title_words = {word for _, _, norm in names for word in stems(norm)}
    return IndexedText(
        kind=text.kind,
        key=text.key,
        title=text.title,
        names=names,
        order_free=frozenset(order_free_key(norm) for _, _, norm in names),
        title_words=frozenset(title_words),
        body_words=frozenset(stems(normalize(plain_text(text.html)))),
    )


def indexed_texts() -> list[IndexedText]:
    from ghr.editorial.public import published_texts, texts_release

    cache_key = f"ghr-search-texts:{texts_release()}"
    prepared = cache.get(cache_key)
    if prepared is None:
        prepared = [_prepare(text) for kind in TEXT_KINDS for text in published_texts(kind)]
        cache.set(cache_key, prepared, CACHE_SECONDS)
    return prepared


def _has_words(words: list[str], vocabulary: frozenset[str]) -> bool:
    *whole, last = words
    if not all(word in vocabulary for word in whole):
        return False
    return last in vocabulary or any(word.startswith(last) for word in vocabulary)


def _name_match(entry: IndexedText, query) -> tuple[int, tuple, str] | None:
    """The best tier at which the query matches the title or a synonym, with what matched."""
    for field, name, norm in entry.names:
        if norm == query.norm:
            tier = ranking.PREFERRED_NAME if field == "title" else ranking.OTHER_NAME
            return tier, (ranking.FIELD_WEIGHT[field], 0), name
    if order_free_key(query.norm) in entry.order_free:
        return ranking.ANY_ORDER, (1, 0), ""
    for field, name, norm in entry.names:
        if len(query.norm) >= 2 and norm.startswith(query.norm):
            return ranking.PREFIX, (ranking.FIELD_WEIGHT[field], len(norm)), name
    if query.words and _has_words(query.words, entry.title_words):
        return ranking.ALL_WORDS, (ranking.extra_words(entry.names[0][2], len(query.words)), 1), ""
    return None


def _match(entry: IndexedText, query) -> tuple[int, tuple, str] | None:
    named = _name_match(entry, query)
    if named is not None:
        return named
    if query.words and _has_words(query.words, entry.body_words):
        # Text that only mentions the words ranks after conditions whose features match as many words.
        return ranking.PARTIAL, (-len(query.words), ranking.IN_TEXT, 0, 0, 0), "text mentions: " + " ".join(query.words)
    return None


def add_matches(query, found) -> None:
    """Offer every published glossary term and handbook topic that matches ``query`` to the collector."""
    for entry in indexed_texts():
        matched = _match(entry, query)
        if matched is None:
            continue
        tier, closeness, matched_name = matched
        note = "" if not matched_name or matched_name == entry.title else f"other name: {matched_name}"
        if tier == ranking.PARTIAL:
            note = matched_name
        found.offer(
            entry.kind, entry.key, entry.title, note, ranking.sort_key(tier, closeness, 0, entry.title, entry.key)
        )
