"""Answers a query: runs the match stages against the backend and orders what they found (ghr.search.ranking).

First what the query means (ghr.search.meanings): a code, a band or a position names its pages at once; a question
or a request for genes is searched without the words around it. Then the stages on names, cheapest and most
certain first: exact names (any word order), prefixes, all words, corrected misspellings, then condition features in
plain words. Glossary and handbook texts (ghr.search.texts) are matched in memory with the same tiers and blended in.
``answer`` also says what was searched when it was not what was typed, for "Showing results for ...".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from ghr.search import ranking
from ghr.search.backends import NameHit, SearchBackend, backend_for
from ghr.search.fuzzy import allowed_edits, best_corrections
from ghr.search.text import clean_query, normalize, order_free_key, stem, stems

KINDS = ("gene", "condition", "gene-family", "glossary", "handbook")
MAX_RESULTS = 200
STAGE_LIMIT = 100
FEATURE_ROWS_LIMIT = 20000
SUGGEST_FEATURE_ROWS_LIMIT = 1000
SUGGEST_LIMIT = 10
KNOWN_WORD_FACTOR = 5
"""A word the index knows is only corrected to a word at least this many times more common."""


@dataclass(frozen=True)
class Result:
    kind: str
    key: str
    label: str
    url: str
    matched: str
    """What matched when it was not the label, e.g. "previous symbol: ASB"; empty otherwise."""
    rank: tuple = field(compare=False, repr=False)
    entry: int = field(default=0, compare=False, repr=False)
    """The page's row in the search index (0 for glossary and handbook texts)."""


@dataclass(frozen=True)
class Answer:
    results: list[Result]
    showing: str = ""
    """What was searched when it is not what was typed: a corrected spelling ("cystic fibrosis" for "cistic
    fibrosis"), the subject of a question, the name of an HPO term; empty when the query was searched as typed."""
    direct: Result | None = None
    """The one page a code names ("OMIM:219700"): the search page goes straight to it."""


@dataclass
class Query:
    text: str
    norm: str
    words: list[str]

    @classmethod
    def parse(cls, raw: str | None) -> Query:
        text = clean_query(raw)
        norm = normalize(text)
        # A query made only of little words ("the") still searches for them.
        words = stems(norm) or [stem(word) for word in dict.fromkeys(norm.split())]
        return cls(text, norm, words)


def page_url(kind: str, key: str) -> str:
    # Handbook keys are chapter/topic paths; every other key is one path segment.
    return f"/{kind}/{quote(key, safe='/' if kind == 'handbook' else '')}"


class Collector:
    """Keeps each page's best match."""

    def __init__(self):
        self.best: dict[tuple[str, str], Result] = {}

    def offer(self, kind: str, key: str, label: str, matched: str, rank: tuple, *, entry: int = 0) -> None:
        current = self.best.get((kind, key))
        if current is None or rank < current.rank:
            self.best[(kind, key)] = Result(kind, key, label, page_url(kind, key), matched, rank, entry)

    def offer_hit(self, hit: NameHit, tier: int, closeness: tuple) -> None:
        if hit.kind == "gene-family":
            tier, closeness = ranking.family_rank(tier, closeness)
        matched = "" if hit.name == hit.label else f"{ranking.FIELD_LABEL.get(hit.field, 'name')}: {hit.name}"
        rank = ranking.sort_key(tier, closeness, hit.boost, hit.label, hit.key)
        self.offer(hit.kind, hit.key, hit.label, matched, rank, entry=hit.entry_id)

    def best_tier(self) -> int:
        return min((result.rank[0] for result in self.best.values()), default=ranking.PARTIAL + 1)

    def ordered(self) -> list[Result]:
        return sorted(self.best.values(), key=lambda result: result.rank)


COMPACT_SYMBOL_LENGTH = 12
"""Queries up to this long are also tried without spaces: "FMR-1" is the symbol FMR1, "ALAS E" the alias ALASE."""


def _exact_hits(backend: SearchBackend, query: Query) -> list[NameHit]:
    hits = backend.exact_names(query.norm, order_free_key(query.norm))
    compact = query.norm.replace(" ", "")
    if compact != query.norm and len(compact) <= COMPACT_SYMBOL_LENGTH:
        # Only as written without spaces, as symbols and identifiers are: "FMR-1" must not match "FMR 1" names.
        hits += [
            hit._replace(norm=query.norm)
            for hit in backend.exact_names(compact, "")
            if hit.norm == compact and hit.field in ranking.SYMBOL_FIELDS
        ]
    return hits


def _exact(backend: SearchBackend, query: Query, found: Collector, corrected: bool = False) -> None:
    for hit in _exact_hits(backend, query):
        weight = ranking.FIELD_WEIGHT.get(hit.field, 5)
        if corrected:
            found.offer_hit(hit, ranking.CORRECTED, (0, weight, 0))
        elif hit.norm == query.norm:
            # The conditions an everyday phrase means come in the team's order, most common first.
            order = hit.row if hit.field == "everyday" else 0
            found.offer_hit(hit, ranking.exact_tier(hit.kind, hit.field), (weight, order))
        else:
            found.offer_hit(hit, ranking.ANY_ORDER, (weight, 0))


def _prefix(backend: SearchBackend, query: Query, found: Collector, limit: int) -> None:
    if len(query.norm) < 2:
        return
    for hit in backend.prefix_names(query.norm, limit):
        found.offer_hit(hit, ranking.PREFIX, (ranking.FIELD_WEIGHT.get(hit.field, 5), len(hit.norm)))


SHORTEST_PREFIX_WORD = 3
"""A last word shorter than this is matched whole: "c*" would match a third of the index and mean nothing."""


def _all_words(backend: SearchBackend, query: Query, found: Collector, limit: int, tier: int) -> None:
    if all(len(word) < SHORTEST_PREFIX_WORD for word in query.words):
        return  # "x" or "5" alone is in thousands of names and means nothing on its own
    prefix_last = len(query.words[-1]) >= SHORTEST_PREFIX_WORD if query.words else False
    for hit in backend.word_names(query.words, prefix_last, limit):
        closeness = (ranking.extra_words(hit.norm, len(query.words)), ranking.FIELD_WEIGHT.get(hit.field, 5))
        if tier == ranking.CORRECTED:
            closeness = (2, *closeness)
        found.offer_hit(hit, tier, closeness)


MOST_WORDS_PER_WORD = 50
MOST_WORDS_MAX_WORDS = 6


def _most_words(backend: SearchBackend, query: Query, found: Collector) -> None:
    """Names holding at least two query words and half of them, or a whole name the query mentions ("ALAS2 gene"):
    for each word the shortest names holding it, ranked with feature matches by the number of words held."""
    words = [word for word in query.words if len(word) >= SHORTEST_PREFIX_WORD][:MOST_WORDS_MAX_WORDS]
    if len(words) < 2:
        return
    wanted = set(words)
    enough = max((len(words) + 1) // 2, 2)
    for word in words:
        for hit in backend.word_names([word], False, MOST_WORDS_PER_WORD):
            matched = len(wanted & set(stems(hit.norm)))
            extra = ranking.extra_words(hit.norm, matched)
            if matched >= enough or extra == 0:
                closeness = (-matched, ranking.IN_NAME, extra, ranking.FIELD_WEIGHT.get(hit.field, 5), 0)
                found.offer_hit(hit, ranking.PARTIAL, closeness)


def _fitting_correction(backend: SearchBackend, words: list[str], word: str, corrections: list[str]) -> str:
    """Of equally close corrections, the first that some name holds together with the query's other words:
    "sickel cell" is "sickle cell" (a name), not "seckel cell" (Seckel is the more common word alone)."""
    if len(corrections) == 1 or len(words) == 1:
        return corrections[0]
    for correction in corrections:
        if backend.word_names([correction if w == word else w for w in words], False, 1):
            return correction
    return corrections[0]


def corrected_query(backend: SearchBackend, query: Query, also_known: bool = False) -> Query | None:
    """The query with each unknown word of 5 letters or more replaced by its closest index word, if any.

    With ``also_known`` (when the words as typed matched no name together), a word the index knows may be
    replaced too, by a much more common word one slip away: "sclerosus" is a real word (lichen sclerosus), but in
    "amyotrophic lateral sclerosus" it is a typo for "sclerosis".
    """
    doubtful = [word for word in query.words if allowed_edits(word)]
    frequencies = backend.word_frequencies(doubtful)
    fixes = {}
    for word in doubtful:
        if word in frequencies and not also_known:
            continue
        own = frequencies.get(word, 0)
        candidates = [(w, f) for w, f in backend.similar_words(word, 40) if f > own * KNOWN_WORD_FACTOR]
        corrections = best_corrections(word, candidates)
        if corrections:
            fixes[word] = _fitting_correction(backend, query.words, word, corrections)
    if not fixes:
        return None
    norm = " ".join(fixes.get(stem(word), word) for word in query.norm.split())
    return Query(query.text, norm, [fixes.get(word, word) for word in query.words])


def _feature_words(words: list[str]) -> list[str]:
    # Numbers and one- or two-letter words ("1", "x") say nothing about a feature and match thousands.
    return [word for word in words if len(word) >= 3 and not word.isdigit()]


def _features(backend: SearchBackend, words: list[str], found: Collector, rows_limit: int) -> None:
    """Conditions by the features they have: most query words matched first, then the feature that fits the
    words best, then how characteristic it is of the condition (HPO frequency), then fewer features overall."""
    words = _feature_words(words)
    if not words:
        return
    matched_words: dict[int, set[str]] = defaultdict(set)
    best_term: dict[int, tuple[int, int, int, str]] = {}
    wanted = set(words)
    for entry_id, term, term_stems, frequency in backend.feature_matches(words, rows_limit):
        term_words = set(term_stems.split())
        hits = wanted & term_words
        matched_words[entry_id] |= hits
        candidate = (-len(hits), len(term_words - hits), -frequency, term)
        if entry_id not in best_term or candidate < best_term[entry_id]:
            best_term[entry_id] = candidate
    enough = (len(words) + 1) // 2
    strong = [entry_id for entry_id, hits in matched_words.items() if len(hits) >= enough]
    strong.sort(key=lambda entry_id: (-len(matched_words[entry_id]), best_term[entry_id]))
    for entry_id, (_, kind, key, label, boost, feature_count) in backend.entries(strong[:STAGE_LIMIT]).items():
        _, extra, frequency, term = best_term[entry_id]
        closeness = (-len(matched_words[entry_id]), ranking.IN_FEATURE, extra, frequency, feature_count)
        found.offer(
            kind, key, label, f"feature: {term}", ranking.sort_key(ranking.PARTIAL, closeness, boost, label, key)
        )


def _name_matches(backend: SearchBackend, query: Query, found: Collector, suggest: bool, as_typed: bool) -> str:
    """The match stages on names and features; returns the corrected query when the best results come from it."""
    limit = SUGGEST_LIMIT * 3 if suggest else STAGE_LIMIT
    _exact(backend, query, found)
    _prefix(backend, query, found, limit)
    if suggest and len(found.best) >= SUGGEST_LIMIT:
        # Ten pages already match at a better tier than any later stage can give: nothing below can show.
        return ""
    _all_words(backend, query, found, limit, ranking.ALL_WORDS)
    # While people type, the last word is usually unfinished rather than misspelt: suggestions correct words only
    # when nothing matches as typed.
    corrected = None
    if not as_typed and not (suggest and found.best):
        corrected = corrected_query(backend, query, also_known=not found.best)
    if corrected is not None:
        _exact(backend, corrected, found, corrected=True)
        for hit in backend.prefix_names(corrected.norm, limit):
            found.offer_hit(hit, ranking.CORRECTED, (1, ranking.FIELD_WEIGHT.get(hit.field, 5), len(hit.norm)))
        _all_words(backend, corrected, found, limit, ranking.CORRECTED)
    if not found.best:
        _most_words(backend, corrected or query, found)
    if _wants_features(found, suggest):
        words = list(dict.fromkeys(query.words + (corrected.words if corrected else [])))
        _features(backend, words, found, SUGGEST_FEATURE_ROWS_LIMIT if suggest else FEATURE_ROWS_LIMIT)
    return corrected.norm if corrected is not None and found.best_tier() == ranking.CORRECTED else ""


def _wants_features(found: Collector, suggest: bool) -> bool:
    """Features are looked at when no name matched the query as a whole: they describe what people notice
    ("sensitivity to sunlight"); a query that is a page's name ("Tay-Sachs disease") wants that page."""
    if suggest:
        return not found.best
    return all(result.rank[0] > ranking.ANY_ORDER for result in found.best.values())


def search(raw_query: str | None, kinds: tuple[str, ...] = KINDS, using: str = "kb", suggest: bool = False):
    """Every page matching the query, best first (at most MAX_RESULTS; SUGGEST_LIMIT when ``suggest``)."""
    return answer(raw_query, kinds, using, suggest).results


def answer(
    raw_query: str | None, kinds: tuple[str, ...] = KINDS, using: str = "kb", suggest: bool = False,
    as_typed: bool = False,
) -> Answer:  # fmt: skip
    """The ranked pages for a query and what was searched; ``as_typed`` turns off corrections and rewording."""
    from ghr.search import meanings, texts

    query = Query.parse(raw_query)
    if not query.norm:
        return Answer([])
    found = Collector()
    backend = backend_for(using)
    showing, direct = "", None
    if backend.has_index():
        meant = meanings.what_is_meant(backend, query, using, found, as_typed)
        if meant.query is not None:
            query = meant.query
        if not meant.complete:
            showing = _name_matches(backend, query, found, suggest, as_typed) or meant.showing
        else:
            showing = meant.showing
        if meant.wants_genes:
            meanings.add_genes_for_conditions(backend, found)
        direct = meant.direct(found)
    texts.add_matches(query, found)
    results = [result for result in found.ordered() if result.kind in kinds]
    return Answer(results[: SUGGEST_LIMIT if suggest else MAX_RESULTS], showing, direct)
