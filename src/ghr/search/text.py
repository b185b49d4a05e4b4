"""How names and queries are turned into comparable words.

The index and every query go through the same functions, so matching is a plain comparison of strings:
case, accents and punctuation never matter ("ALAS-E" = "alas e", "Anémia" = "anemia"), and the word stems used
for full-text matching ignore simple English plurals ("cells" = "cell").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ghr.search.everyday import spellings

MAX_QUERY_CHARS = 200
"""Longer input is cut: no name in the knowledge base is longer, and it bounds the work one request can cause."""

# Words that carry no meaning on their own in names or everyday questions; dropping them lets
# "sensitivity to sunlight" match a feature called "Sensitivity to light from the sun" on its content words.
STOPWORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on"}
    | {"or", "that", "the", "their", "this", "to", "type", "with"}
)


def clean_query(raw: str | None) -> str:
    """What a user typed, made safe to handle: control characters removed, spaces collapsed, length bounded."""
    if not raw:
        return ""
    visible = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[: MAX_QUERY_CHARS * 2])
    return " ".join(visible.split())[:MAX_QUERY_CHARS]


# ASCII fast path of normalize(): every character that is not a letter or digit becomes a space.
ASCII_SPACES = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})


POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")

# British spellings of medical words, written the American way in the index and in queries alike, so that
# "anaemia" finds "anemia" ("haem", "leukaemia", "oedema", "paediatric", "tumour" likewise).
BRITISH = (("aem", "em"), ("oed", "ed"), ("oes", "es"), ("paed", "ped"), ("our", "or"))
BRITISH_WORDS = re.compile(r"\b\w*(?:aem|oedem|oesoph|oestr|paed|tumour|colour)\w*\b")


def _american(match: re.Match) -> str:
    word = match.group(0)
    for british, american in BRITISH:
        word = word.replace(british, american)
    return word


def normalize(text: str) -> str:
    """Lower-case words of letters and digits only, accents removed, possessives and British spellings
    folded: "Anemia, sideroblastic, X-linked" -> "anemia sideroblastic x linked", "Huntington's" ->
    "huntington", "anaemia" -> "anemia", "coeliac" -> "celiac"."""
    if "'" in text or "’" in text:
        text = POSSESSIVE.sub("", text)
    if text.isascii():
        lowered = text.lower()
        if "ae" in lowered or "oe" in lowered or "our" in lowered:
            lowered = BRITISH_WORDS.sub(_american, lowered)
        return _respelled(lowered.translate(ASCII_SPACES).split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = BRITISH_WORDS.sub(_american, "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold())
    return _respelled("".join(ch if _word_character(ch) else " " for ch in plain).split())


def _respelled(words: list[str]) -> str:
    # Whole words the patterns above cannot fold ("coeliac", "fibre"), from the team's list (ghr.search.everyday).
    spelling = spellings()
    return " ".join([spelling.get(word, word) for word in words])


def _word_character(ch: str) -> bool:
    # A letter or digit both today and in Unicode 3.2: full-text tokenizers built on older Unicode tables (SQLite's
    # unicode61 uses 6.1) split words on characters that were marks then, and a word must stay one token.
    return ch.isalnum() and unicodedata.ucd_3_2_0.category(ch)[0] in "LN"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately small English stemmer: plural endings only, so stems stay readable and predictable."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stems(normalized: str) -> list[str]:
    """Content-word stems of a normalized text, in order, without repeats."""
    return list(dict.fromkeys([stem(word) for word in normalized.split() if word not in STOPWORDS]))


def order_free_key(normalized: str, known_stems: list[str] | None = None) -> str:
    """The same for every word order: "x linked sideroblastic anemia" and "anemia sideroblastic x linked"."""
    return " ".join(sorted(stems(normalized) if known_stems is None else known_stems))
