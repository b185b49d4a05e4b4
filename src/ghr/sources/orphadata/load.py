"""Map Orphadata product 9 to ``ConditionRecord`` (db 'Orphanet', key = OrphaCode).

Each record carries the disorder's name, prevalence, onset and inheritance.

Both files are read; a disorder in either gives one record (the natural-history file is held in memory, about
6,600 small entries, and joined as the prevalence file streams).

Prevalence: one readable string, the most relevant figure by this rule. Only validated figures whose class is
known count ('Unknown' and 'Not yet documented' classes are dropped; a case count needs a value above 0).
Figures are ranked first by place (Worldwide, then Europe, then any other, named), then by kind (point
prevalence, prevalence at birth, lifetime prevalence, annual incidence, then cases/families), first in the
file wins a tie. Class figures read "1-9 / 1 000 000 (worldwide, point prevalence)"; case counts read
"200 cases worldwide" (or "families"). A page can say how common a condition is in one line; the place and
measure stay in the text so it is never misread.

Onset: Orphanet's age-of-onset names in life order, joined: "Neonatal, infancy"; 'No data available' dropped.

Inheritance (Orphanet TypeOfInheritance -> GHR code; the Orphanet words stay as evidence):
| Orphanet | code | why |
|---|---|---|
| Autosomal dominant | ad | |
| Autosomal recessive | ar | |
| X-linked recessive | xr | |
| X-linked dominant | xd | |
| Mitochondrial inheritance | m | |
| Y-linked | y | |
| Semi-dominant | ad | heterozygotes are affected (more mildly than homozygotes): dominant as GHR used the
  word. It is not codominance ('ac', both alleles expressed side by side, e.g. blood groups) |
| Multigenic/multifactorial | mf | many genes together with the environment |
| Oligogenic | u | a few genes together: no single-gene pattern to state |
| Not applicable | n | Orphanet's word for disorders that are not passed down (and for groups): "usually not
  inherited". The build sets it aside where a gene causes the condition or a pattern is given (build.inheritance) |
| Unknown | u | |
| No data available | (none) | |
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.orphadata import parse
from ghr.sources.records import ConditionId, ConditionRecord

INHERITANCE = {
    "Autosomal dominant": "ad",
    "Autosomal recessive": "ar",
    "X-linked recessive": "xr",
    "X-linked dominant": "xd",
    "Mitochondrial inheritance": "m",
    "Y-linked": "y",
    "Semi-dominant": "ad",
    "Multigenic/multifactorial": "mf",
    "Oligogenic": "u",
    "Unknown": "u",
    "Not applicable": "n",
}
ONSET_ORDER = ("Antenatal", "Neonatal", "Infancy", "Childhood", "Adolescent", "Adult", "Elderly", "All ages")
PLACE_RANK = {"Worldwide": 0, "Europe": 1}
KIND_RANK = {
    "Point prevalence": 0,
    "Prevalence at birth": 1,
    "Lifetime Prevalence": 2,
    "Annual incidence": 3,
    "Cases/families": 4,
}
UNKNOWN_CLASSES = {"", "Unknown", "Not yet documented"}


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[ConditionRecord]:
    history = {d.orpha_code: d for d in parse.parse_natural_history(files["natural_history"], odd)}
    for disorder in parse.parse_prevalence(files["prevalence"], odd):
        yield condition(disorder.orpha_code, disorder.name, disorder, history.pop(disorder.orpha_code, None))
    for code, entry in history.items():
        yield condition(code, entry.name, None, entry)


def condition(
    code: str,
    name: str,
    prevalence: parse.PrevalenceDisorder | None,
    history: parse.NaturalHistoryDisorder | None,
) -> ConditionRecord:
    return ConditionRecord(
        id=ConditionId("Orphanet", code),
        name=name,
        prevalence=prevalence_text(prevalence.prevalences) if prevalence else "",
        onset=onset_text(history.onsets) if history else "",
        inheritance=inheritance_codes(history.inheritance) if history else (),
    )


def _usable(figure: parse.Prevalence) -> bool:
    if not figure.validated:
        return False
    if figure.type == "Cases/families":
        return figure.mean_value > 0
    return figure.type in KIND_RANK and figure.prevalence_class not in UNKNOWN_CLASSES


def prevalence_text(figures: tuple[parse.Prevalence, ...]) -> str:
    usable = [f for f in figures if _usable(f)]
    if not usable:
        return ""
    best = min(usable, key=lambda f: (PLACE_RANK.get(f.geographic, 2), KIND_RANK[f.type]))
    place = best.geographic or "place not stated"
    if best.type == "Cases/families":
        unit = "families" if best.qualification == "Family" else "cases"
        where = "worldwide" if place == "Worldwide" else f"in {place}"
        return f"{best.mean_value:g} {unit} {where}"
    where = "worldwide" if place == "Worldwide" else place
    return f"{best.prevalence_class} ({where}, {best.type.lower()})"


def onset_text(onsets: tuple[str, ...]) -> str:
    known = [o for o in ONSET_ORDER if o in onsets]
    text = ", ".join(known).capitalize()
    return text


def inheritance_codes(types: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({(INHERITANCE[t], t) for t in types if t in INHERITANCE}))
