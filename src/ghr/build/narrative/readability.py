"""Reading grade of English text (Flesch-Kincaid), with a small syllable counter of our own.

Grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59 (Kincaid et al., 1975). Syllables are
counted as groups of vowels, less a silent final 'e', at least one a word: close enough for a median over
thousands of texts, which is what the benchmark reports.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    return _syllables(word.lower().strip("'-"))


@lru_cache(maxsize=65536)
def _syllables(text: str) -> int:
    # Texts made from a lexicon repeat their words: counting each word once keeps the build's grading quick.
    count = len(VOWEL_GROUPS.findall(text))
    if text.endswith("e") and not text.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def sentences(text: str) -> int:
    return max(len(SENTENCE_END.findall(text.strip())), 1)


def grade(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    per_sentence = len(words) / sentences(text)
    per_word = sum(syllables(w) for w in words) / len(words)
    return round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1)
