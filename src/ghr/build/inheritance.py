"""Which inheritance patterns a condition page states when its sources disagree, decided once in the build.

The sources' patterns all stay in the knowledge base with their evidence; a pattern the rules set aside is kept
with ``shown = False``, and every choice is put on the editors' review list (``ConditionReview``) in words.

1. Where the few genes that cause a condition are known (at most three direct causes), a pattern their place
   makes impossible is set aside: genes
   that all lie on the X chromosome cannot be inherited in an autosomal pattern, genes on autosomes cannot give an
   X- or Y-linked one, and genes of the mitochondrial DNA give the mitochondrial pattern only.
2. X-linked dominant and X-linked recessive together are one choice, not two facts: the pattern more sources give
   is stated; on a tie, the precedence is Orphanet (its experts assign one pattern to each disorder), then HPO
   (OMIM's annotation).
3. "Not inherited" (Orphanet's "not applicable") and "unknown" are stated only when no pattern is known: a caused
   condition with a pattern is not "not inherited" as a whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

X_CODES, AUTOSOMAL_CODES = frozenset({"xd", "xr", "x"}), frozenset({"ad", "ar", "ac"})
SINGLE_GENE = frozenset({"ad", "ar", "ac", "xd", "xr", "x", "m", "y"})
SOURCE_PRECEDENCE = ("orphadata", "hpo")
LABELS = {"ad": "autosomal dominant", "ar": "autosomal recessive", "xd": "X-linked dominant",
          "xr": "X-linked recessive", "x": "X-linked", "m": "mitochondrial", "y": "Y-linked", "ac": "codominant",
          "mf": "multifactorial", "n": "not inherited", "u": "unknown"}  # fmt: skip


@dataclass(frozen=True)
class Choice:
    hidden: frozenset[str]
    """Codes set aside."""
    message: str
    """Why, in words, for the review list; empty when nothing was set aside for a disagreement."""


def _chromosome_order(name: str) -> tuple[int, str]:
    return (int(name), "") if name.isdigit() else (100, name)


def _by_location(codes: set[str], chromosomes: set[str]) -> set[str]:
    if not chromosomes:
        return set()
    if chromosomes == {"MT"} and "m" in codes:
        return codes - {"m"}
    if chromosomes == {"X"} and codes & X_CODES:
        return codes & (AUTOSOMAL_CODES | {"y"})
    if chromosomes and all(c.isdigit() for c in chromosomes) and codes & AUTOSOMAL_CODES:
        return codes & (X_CODES | {"y"})
    return set()


def _x_choice(rows: list[tuple[str, str]], codes: set[str]) -> set[str]:
    if not {"xd", "xr"} <= codes:
        return set()
    count = Counter(code for code, _ in rows if code in ("xd", "xr"))
    if count["xd"] != count["xr"]:
        return {"xr" if count["xd"] > count["xr"] else "xd"}
    for source in SOURCE_PRECEDENCE:
        given = {code for code, by in rows if by == source and code in ("xd", "xr")}
        if len(given) == 1:
            return {"xd", "xr"} - given
    return set()


def choose(rows: list[tuple[str, str]], causal_chromosomes: set[str]) -> Choice:
    """``rows``: (code, source key) of one condition; ``causal_chromosomes``: where the genes causing it lie."""
    codes = {code for code, _ in rows}
    located = _by_location(codes, causal_chromosomes)
    remaining = codes - located
    chosen_x = _x_choice(rows, remaining)
    remaining -= chosen_x
    quiet = {"n", "u"} & remaining if remaining & (SINGLE_GENE | {"mf"}) else set()
    if "u" in remaining and remaining - {"u"}:
        quiet |= {"u"}
    hidden = located | chosen_x | quiet
    disagreement = located | chosen_x
    if not disagreement:
        return Choice(frozenset(hidden), "")
    given = ", ".join(f"{LABELS[c]} ({', '.join(sorted({s for k, s in rows if k == c}))})" for c in sorted(codes))
    stated = ", ".join(LABELS[c] for c in sorted(codes - hidden)) or "no pattern"
    places = " and ".join(sorted(causal_chromosomes, key=_chromosome_order))
    where = f"; the genes that cause it lie on chromosome {places}" if located else ""
    return Choice(frozenset(hidden), f"The sources give {given}{where}. The page states {stated}.")
