"""Everyday words: the team's list of lay terms, spellings and question words (``everyday.toml``).

- ``condition_phrases()``: phrase -> names of the conditions it means; the build indexes each phrase as an other
  name of those conditions (ghr.search.rows).
- ``spelling_of(word)``: the sources' spelling of a British or older one ("coeliac" -> "celiac"), for every name and
  every query (ghr.search.text.normalize).
- ``interpret(norm)``: a normalized query without the words around a question or a request for genes
  ("what causes cystic fibrosis" -> "cystic fibrosis"; "breast cancer gene" -> "breast cancer", wanting genes).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY_FILE = Path(__file__).with_name("everyday.toml")


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    with VOCABULARY_FILE.open("rb") as file:
        return tomllib.load(file)


def condition_phrases() -> dict[str, list[str]]:
    """Everyday phrase -> names of the conditions it means, most common first."""
    return _vocabulary()["conditions"]


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Lower-case word -> the spelling the sources use."""
    return {british.lower(): american.lower() for british, american in _vocabulary()["spellings"].items()}


@dataclass(frozen=True)
class _Phrases:
    """Question and gene phrases as word tuples, longest first so that "what is the cause of" wins over "what is"."""

    question_before: tuple[tuple[str, ...], ...]
    question_after: tuple[tuple[str, ...], ...]
    gene_before: tuple[tuple[str, ...], ...]
    gene_after: tuple[tuple[str, ...], ...]


def _word_tuples(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    # Written in plain lower-case words already; splitting is all the normalizing they need.
    return tuple(sorted({tuple(phrase.lower().split()) for phrase in phrases}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    vocabulary = _vocabulary()
    return _Phrases(
        _word_tuples(vocabulary["questions"]["before"]),
        _word_tuples(vocabulary["questions"]["after"]),
        _word_tuples(vocabulary["genes"]["before"]),
        _word_tuples(vocabulary["genes"]["after"]),
    )


@dataclass(frozen=True)
class Interpretation:
    norm: str
    """The query's words that name the page wanted."""
    wants_genes: bool
    """The query asked for genes ("gene for ...", "... gene")."""


def _strip_start(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        if len(words) > len(phrase) and tuple(words[: len(phrase)]) == phrase:
            del words[: len(phrase)]
            return True
    return False


def _strip_end(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        if len(words) > len(phrase) and tuple(words[-len(phrase) :]) == phrase:
            del words[-len(phrase) :]
            return True
    return False


MAX_STRIPS = 6
"""Enough for "what are the symptoms of ... in children"; bounds the work on any input."""


def interpret(norm: str) -> Interpretation:
    """The words that name what is wanted, after removing question and gene phrases from both ends (never all of
    the words: "gene" alone or "inherited" alone are searched as they are)."""
    phrases = _phrases()
    words = norm.split()
    wants_genes = False
    for _ in range(MAX_STRIPS):
        if _strip_start(words, phrases.gene_before) or _strip_end(words, phrases.gene_after):
            wants_genes = True
        elif not (_strip_start(words, phrases.question_before) or _strip_end(words, phrases.question_after)):
            break
    return Interpretation(" ".join(words), wants_genes)
