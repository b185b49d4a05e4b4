"""Orphanet's prevalence classes in plain words, made once in the build (the class itself stays as the source fact).

Orphadata gives a class, a place and a measure, which the orphadata loader joins as
``1-9 / 100 000 (Europe, prevalence at birth)`` or ``200 cases worldwide``. A reader needs "About 1 to 9 in
100,000 newborns in Europe have this condition." Birth prevalence is what parents ask about, so it comes first.
A value this module cannot read is returned as None and counted by the build, never guessed.
"""

from __future__ import annotations

import re

CLASS = re.compile(
    r"^(?P<bound>[<>])?\s*(?P<low>\d+)(?:\s*-\s*(?P<high>\d+))?\s*/\s*(?P<per>[\d ]+?)\s*"
    r"\((?P<place>[^,()]+),\s*(?P<measure>[^()]+)\)$"
)
CASES = re.compile(r"^(?P<count>\d+)\s+(?:cases|cases/families|families)\s+(?P<place>.+)$")
MEASURES = {
    "point prevalence": ("people", "have this condition"),
    "prevalence at birth": ("newborns", "have this condition"),
    "annual incidence": ("people", "develop this condition each year"),
    "lifetime prevalence": ("people", "develop this condition during their lifetime"),
    "cases/families": ("people", "have this condition"),
}
MEASURE_ORDER = ("prevalence at birth", "point prevalence", "lifetime prevalence", "annual incidence")


def _place(place: str) -> str:
    place = place.strip()
    if place.lower() == "worldwide":
        return "worldwide"
    if place.lower() in {"united states", "united kingdom", "netherlands", "czech republic"}:
        return f"in the {place}"
    return f"in {place}"


def in_words(value: str) -> str | None:
    """One plain sentence for an Orphanet prevalence fact, or None when the value is not in a form it knows."""
    text = " ".join(value.split())
    cases = CASES.match(text)
    if cases:
        count = int(cases["count"])
        place = "worldwide" if cases["place"].lower() == "worldwide" else _place(cases["place"])
        return f"This condition is very rare: about {count:,} affected people or families have been reported {place}."
    found = CLASS.match(text)
    if not found or found["measure"].strip().lower() not in MEASURES:
        return None
    per = int(found["per"].replace(" ", ""))
    who, what = MEASURES[found["measure"].strip().lower()]
    low, high = int(found["low"]), found["high"]
    if found["bound"] == "<":
        amount = f"Fewer than {low} in {per:,}"
    elif found["bound"] == ">":
        amount = f"More than {low} in {per:,}"
    elif high:
        amount = f"About {low} to {int(high)} in {per:,}"
    else:
        amount = f"About {low} in {per:,}"
    return f"{amount} {who} {_place(found['place'])} {what}."


def measure_rank(value: str) -> int:
    """Where a prevalence fact comes when a condition has several: birth prevalence first."""
    lowered = value.lower()
    return next((i for i, measure in enumerate(MEASURE_ORDER) if measure in lowered), len(MEASURE_ORDER))
