"""Typo tolerance: which index words a misspelt query word may stand for.

Candidates come from the backend (trigram neighbours in the vocabulary table); this module decides how many
edits a word of a given length may have and checks each candidate with a bounded Levenshtein distance.
"""

from __future__ import annotations

from collections.abc import Iterable

SHORTEST_FUZZY_WORD = 5
"""Shorter words are too easily another real word after one edit ("hmbs" -> "hms"): they must match exactly."""


def allowed_edits(word: str) -> int:
    """Edits tolerated in a query word: none under 5 letters, one for 5-8 letters, two for longer words."""
    if len(word) < SHORTEST_FUZZY_WORD:
        return 0
    return 1 if len(word) <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``, or ``limit + 1`` as soon as
    it is known to exceed ``limit``. Swapped letters ("anemai") are one typing slip, so they count once."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before_previous[j - 2] + 1)
            current.append(best)
        if min(current) > limit and (i == len(a) or min(previous) > limit):
            return limit + 1
        before_previous, previous = previous, current
    return previous[-1]


def trigrams(word: str) -> list[str]:
    """The distinct three-letter pieces of a word, in order."""
    seen: dict[str, None] = {}
    for i in range(len(word) - 2):
        seen.setdefault(word[i : i + 3], None)
    return list(seen)


LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def one_edit_variants(word: str) -> set[str]:
    """Every string one typing slip away from ``word`` (for words of 5-8 letters, a few hundred strings that
    an index lookup checks at once)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + char + right[1:] for left, right in splits if right for char in LETTERS}
    inserts = {left + char + right for left, right in splits for char in LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


def pieces(word: str, edits: int) -> list[str]:
    """``word`` cut into ``edits + 1`` pieces: a word within that many edits keeps at least one piece intact."""
    count = edits + 1
    size, extra = divmod(len(word), count)
    cuts, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        cuts.append(word[start:end])
        start = end
    return cuts


def sound_alike(word: str) -> set[str]:
    """The word with "f" written "ph" or "ph" written "f": people write what they hear ("dystrofy")."""
    return {word.replace("f", "ph"), word.replace("ph", "f")} - {word}


def _distance(word: str, candidate: str, limit: int) -> int:
    # A spelling of the same sound is one slip, however many letters it changes.
    if candidate in sound_alike(word):
        return 1
    return edit_distance(word, candidate, limit)


def best_corrections(word: str, candidates: Iterable[tuple[str, int]]) -> list[str]:
    """Candidates within the allowed edits, closest first, then the most common words of the index."""
    limit = allowed_edits(word)
    scored = []
    for candidate, frequency in candidates:
        distance = _distance(word, candidate, limit)
        if 0 < distance <= limit:
            scored.append((distance, -frequency, candidate))
    scored.sort()
    return [candidate for _, _, candidate in scored[:3]]
