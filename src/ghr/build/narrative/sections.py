"""The short texts of a condition page's sections (how common, causes, inheritance) and of each gene-condition link,
made once in the build so that the page, its JSON and XML, the bulk files and the export show the same words.

Each function takes the facts the build decided (frequency sentences from ``ghr.build.frequency_words``, link kinds
from ``ghr.build.link_kinds``, the inheritance patterns ``ghr.build.inheritance`` kept) and says them plainly; none
adds a fact of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from ghr.build.narrative.conditions import INHERITANCE_WORDS, SHORT_PATTERNS
from ghr.build.narrative.genes import Written, join_words

MAX_NAMED = 8
"""Genes named in one sentence of a causes text; the page's list below it names them all."""

PATTERN_PHRASES = {
    "ad": "an autosomal dominant pattern", "ar": "an autosomal recessive pattern",
    "xd": "an X-linked dominant pattern", "xr": "an X-linked recessive pattern", "x": "an X-linked pattern",
    "m": "a mitochondrial pattern", "y": "a Y-linked pattern", "ac": "a codominant pattern",
}  # fmt: skip

LINK_SENTENCES = {
    "causes": "Changes in the {symbol} gene cause {name}",
    "risk": "Changes in the {symbol} gene can raise the chance of developing {name}, but do not cause it on their own",
    "modifies": "Changes in the {symbol} gene can change how severe {name} is or how it develops",
    "somatic": "Changes in the {symbol} gene that are acquired during life, not inherited, are found in tumor cells "
    "in {name}",
    "uncertain": "Changes in the {symbol} gene have been reported in people with {name}, but the evidence that they "
    "cause it is weaker",
}
LINK_ORDER = tuple(LINK_SENTENCES)
"""The order of link kinds on pages: the genes that cause a condition first."""

# One sentence per kind of link for a condition's causes text: (one gene, several genes).
GROUP_SENTENCES = {
    "causes": ("Changes in the {genes} gene cause {name}.",
               "Changes in any one of several genes can cause {name}: {genes}."),
    "risk": ("Changes in the {genes} gene can raise the chance of developing {name}, but do not cause it on their own.",
             "Changes in the {genes} genes can raise the chance of developing {name}, but do not cause it on their "
             "own."),
    "modifies": ("Changes in the {genes} gene can change how severe {name} is or how it develops.",
                 "Changes in the {genes} genes can change how severe {name} is or how it develops."),
    "somatic": ("Changes in the {genes} gene that are acquired during life are found in tumor cells in {name}.",
                "Changes in the {genes} genes that are acquired during life are found in tumor cells in {name}."),
    "uncertain": ("The {genes} gene has also been reported in people with {name}, but the evidence that it causes "
                  "the condition is weaker.",
                  "The {genes} genes have also been reported in people with {name}, but the evidence that they cause "
                  "the condition is weaker."),
}  # fmt: skip


def common_words(names: Iterable[str]) -> frozenset[str]:
    """Words that condition names write in lower case after their first word ('acute' in 'Severe acute ...') and
    never with a capital there. A name's capitalised first word is lowered in a sentence only when it is one of
    these, so eponyms such as Down or Marfan keep their capitals. Names written wholly in lower case say nothing
    about capitals and are not counted."""
    lower, capital = set(), set()
    for name in names:
        if name == name.lower():
            continue
        for word in name.split()[1:]:
            if word.isalpha():
                (lower if word.islower() else capital).add(word.lower())
    return frozenset(lower - capital)


def in_sentence(name: str, common: frozenset[str]) -> str:
    """A name as it reads inside a sentence: 'Acute intermittent porphyria' -> 'acute intermittent porphyria', but
    'Down syndrome', 'X-linked ...' and acronyms keep their capitals."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.lower() in common:
        return name[0].lower() + name[1:]
    return name


def inheritance_sentence(codes: list[str]) -> str:
    """Plain words for a condition's patterns inside a gene's text; sources that disagree are reported as such."""
    patterns = [PATTERN_PHRASES[c] for c in codes if c in PATTERN_PHRASES]
    sentences = []
    if len(patterns) == 1:
        sentences.append(f"This condition is inherited in {patterns[0]}.")
    elif patterns:
        sentences.append(f"The sources record more than one inheritance pattern: {join_words(patterns)}.")
    if "n" in codes:
        sentences.append("Some cases are recorded as not inherited.")
    if "u" in codes and not patterns:
        sentences.append("How this condition is inherited is not known.")
    return " ".join(sentences)


def link_text(symbol: str, name: str, kind: str, evidence: list[str], *, codes: list[str],
              sources: tuple[str, ...]) -> Written:  # fmt: skip
    """What a gene's page says about one condition: how the gene is linked to it and (only where the gene causes
    it) how the condition is inherited. The source records go in ``facts['evidence']``; ``name`` reads inside a
    sentence (``in_sentence``)."""
    # The source records (OMIM:176000, ClinVar counts) stay out of the sentence: pages list them beside it.
    sentences = [LINK_SENTENCES[kind].format(symbol=symbol, name=name) + "."]
    if kind == "causes" and inheritance_sentence(codes):
        sentences.append(inheritance_sentence(codes))
    facts = {"kind": kind, "evidence": evidence, "inheritance": codes if kind == "causes" else []}
    return Written(tuple(sentences), facts, sources)


def frequency_text(sentences: list[str], sources: tuple[str, ...]) -> Written | None:
    """How common a condition is: the build's plain sentences for Orphanet's prevalence classes, each once."""
    unique = list(dict.fromkeys(sentences))
    if not unique:
        return None
    return Written(tuple(unique), {"prevalence": unique}, sources)


def _named(symbols: list[str], *, listed: bool) -> str:
    """The symbols for a sentence, the first MAX_NAMED then a count: 'A, B and 3 others' after a colon (``listed``),
    'A, B and 3 other' before the word 'genes'."""
    if len(symbols) > MAX_NAMED:
        rest = len(symbols) - MAX_NAMED
        return ", ".join(symbols[:MAX_NAMED]) + f" and {rest} other{'s' if listed else ''}"
    return join_words(symbols, serial_comma=True)


def causes_text(name: str, groups: list[tuple[str, list[str]]], chromosome: str,
                sources: tuple[str, ...]) -> Written | None:  # fmt: skip
    """The genes (or the chromosome change) behind a condition, one sentence per kind of link, causal genes first.
    ``name`` is the condition's name as it reads inside a sentence (``in_sentence``)."""
    sentences = [chromosome] if chromosome else []
    for kind, symbols in sorted(groups, key=lambda group: LINK_ORDER.index(group[0])):
        one, several = GROUP_SENTENCES[kind]
        template = one if len(symbols) == 1 else several
        sentences.append(template.format(genes=_named(symbols, listed=kind == "causes"), name=name))
    if not sentences:
        return None
    return Written(tuple(sentences), {"chromosome": chromosome, "genes": dict(groups)}, sources)


def inheritance_text(codes: list[str], sources: tuple[str, ...]) -> Written | None:
    """How a condition is inherited, from the patterns the build kept; disagreeing sources are reported as such."""
    patterns = [c for c in codes if c in INHERITANCE_WORDS]
    sentences = []
    if len(patterns) == 1:
        sentences.append(f"This condition is inherited in {INHERITANCE_WORDS[patterns[0]]}.")
    elif patterns:
        ways = join_words([SHORT_PATTERNS[c] for c in patterns], "or", serial_comma=True)
        sentences += ["How this condition is inherited depends on its cause.", f"It can be {ways}."]
    if "mf" in codes:
        sentences.append("It is thought to result from several genes acting together with lifestyle and the "
                         "environment.")  # fmt: skip
    if "n" in codes:
        sentences.append("Some cases are not inherited." if sentences else "It is usually not inherited.")
    if not sentences and "u" in codes:
        sentences.append("How this condition is inherited is not known.")
    if not sentences:
        return None
    return Written(tuple(sentences), {"inheritance": codes}, sources)
