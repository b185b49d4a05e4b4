"""What a condition is, in plain sentences made once in the build from the facts the knowledge base holds.

The body systems come from its HPO features walked up to HPO's top-level categories (``lexicon.BODY_SYSTEMS``);
the signs are its most frequent features in HPO's layperson words where they exist; then when it starts
(Orphanet), how common it is (``frequency_words``), what causes it (the genes that cause it, or its chromosome
change) and how it is inherited (the patterns the page states). Where the sources say little, it says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ghr.build.narrative.genes import Written, ancestors, join_words
from ghr.build.narrative.lexicon import BODY_SYSTEMS, ONSET, plain_frequency

MAX_SYSTEMS, MAX_SIGNS, MAX_GENES = 2, 2, 3
INHERITANCE_WORDS = {
    "ad": "an autosomal dominant pattern. One changed copy of the gene in each cell is enough to cause it",
    "ar": "an autosomal recessive pattern. Both copies of the gene in each cell have changes",
    "xd": "an X-linked dominant pattern. One changed copy of a gene on the X chromosome is enough to cause it",
    "xr": "an X-linked recessive pattern. It mostly affects males, who have only one X chromosome",
    "x": "an X-linked pattern. The gene is on the X chromosome",
    "m": "a mitochondrial pattern. It is passed on by mothers to all their children",
    "y": "a Y-linked pattern. It passes from fathers to sons",
    "ac": "a codominant pattern. Both copies of the gene each play a part",
}
SHORT_PATTERNS = {"ad": "autosomal dominant", "ar": "autosomal recessive", "xd": "X-linked dominant",
                  "xr": "X-linked recessive", "x": "X-linked", "m": "mitochondrial", "y": "Y-linked",
                  "ac": "codominant"}  # fmt: skip


@dataclass
class ConditionFacts:
    name: str
    features: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)
    """(HPO ID, name, layperson synonyms, frequency) of each feature."""
    onset: str = ""
    frequency: str = ""
    """The first sentence of the frequency in words, if any."""
    genes: list[str] = field(default_factory=list)
    """Symbols of the genes that cause it, best established first."""
    chromosome: str = ""
    """The chromosome change in words, for chromosomal conditions."""
    inheritance: list[str] = field(default_factory=list)
    """The codes the page states."""


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _absent(frequency: str) -> bool:
    """True for a feature HPO records as absent in people with the condition (excluded, 0%, 0 of n)."""
    return bool(frequency) and plain_frequency(frequency)[1] == 0.0


def _systems(condition: ConditionFacts, parents: Mapping, cache: dict) -> list[str]:
    """The body systems most of its features belong to (features recorded as absent do not count); among equals,
    the one an earlier feature reached first. A feature's own systems are taken in BODY_SYSTEMS order, so every
    build says the same (a set of HPO IDs comes out in a different order from one run to the next)."""
    counts: Counter = Counter()
    for hpo_id, *_, frequency in condition.features:
        if _absent(frequency):
            continue
        above = ancestors(hpo_id, parents, cache)
        counts.update(system for system in BODY_SYSTEMS if system in above)
    return [BODY_SYSTEMS[s] for s, _ in counts.most_common(MAX_SYSTEMS)]


LAB_WORDS = ("level", "count", "concentration", "serum", "activity", "urine", "plasma", "ratio")


def _signs(condition: ConditionFacts, parents: Mapping, cache: dict) -> list[str]:
    """The most frequent features; among equals, those HPO gives everyday words for, then the broader ones (fewer
    terms above them: "Intellectual disability" before "Concave nasal ridge"); laboratory findings last."""

    def rank(feature):
        hpo_id, name, lay, frequency = feature
        lab = any(word in name.lower() for word in LAB_WORDS)
        return (lab, -plain_frequency(frequency)[1], not lay, len(ancestors(hpo_id, parents, cache)), name)

    ranked = sorted(condition.features, key=rank)
    in_everyday_words = [f for f in ranked if f[2]]
    if len(in_everyday_words) >= 2:
        # Where HPO has everyday words for enough of them, the signs are named in those words only.
        ranked = in_everyday_words
    signs = []
    for _, name, lay, frequency in ranked:
        if _absent(frequency):
            continue
        words = _lower_first(lay[0] if lay else name)
        if words not in signs:
            signs.append(words)
    return signs[:MAX_SIGNS]


def _onset(value: str) -> str:
    ages = [ONSET[a.strip().lower()] for a in value.split(",") if a.strip().lower() in ONSET]
    if "all ages" in value.lower():
        return "Signs can begin at any age."
    return f"Signs usually begin {join_words(ages[:2], 'or', serial_comma=True)}." if ages else ""


def _causes(condition: ConditionFacts) -> str:
    if condition.chromosome:
        return condition.chromosome
    genes = condition.genes
    if len(genes) == 1:
        return f"It is caused by changes in the {genes[0]} gene."
    if genes:
        if len(genes) > MAX_GENES:
            named = ", ".join(genes[:MAX_GENES]) + " and others"
        else:
            named = join_words(genes, serial_comma=True)
        return f"It can be caused by changes in one of several genes, including {named}."
    return ""


def _inheritance(condition: ConditionFacts) -> str:
    patterns = [c for c in condition.inheritance if c in INHERITANCE_WORDS]
    if len(patterns) == 1:
        return f"It is inherited in {INHERITANCE_WORDS[patterns[0]]}."
    if patterns:
        ways = join_words([SHORT_PATTERNS[c] for c in patterns], "or", serial_comma=True)
        return f"How it is inherited depends on its cause. It can be {ways}."
    if "mf" in condition.inheritance:
        return "It is thought to result from several genes acting together with lifestyle and the environment."
    if "n" in condition.inheritance:
        return "It is usually not inherited."
    return ""


def condition_text(condition: ConditionFacts, parents: Mapping, cache: dict) -> Written:
    systems = _systems(condition, parents, cache)
    opening = f"{condition.name} is a condition"
    sentences = [f"{opening}."]
    if systems:
        sentences.append(f"It mainly affects {join_words([f'the {system}' for system in systems], serial_comma=True)}.")
    signs = _signs(condition, parents, cache)
    if signs:
        sentences.append(f"Signs can include {join_words(signs, serial_comma=True)}.")
    sentences += [s for s in (_onset(condition.onset), condition.frequency, _causes(condition),
                              _inheritance(condition)) if s]  # fmt: skip
    if len(sentences) < 2:
        sentences.append("Little is known about it in the sources this site uses.")
    facts = {"systems": systems, "signs": signs, "genes": condition.genes[:MAX_GENES],
             "inheritance": condition.inheritance, "onset": condition.onset}  # fmt: skip
    return Written(tuple(sentences), facts, ("hpo", "orphadata", "mondo"))
