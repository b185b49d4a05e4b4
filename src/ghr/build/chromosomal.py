"""Conditions caused by a change in the number or structure of chromosomes, and which chromosome and region.

Most such conditions say so in one of their names: "Trisomy 21" (Down syndrome), "Monosomy 22q11", "Deletion
7q11.23" (Williams syndrome), "17p11.2 microdeletion syndrome", "4p- syndrome", "47,XXY". The patterns below read
those names. A few conditions known by a person's name carry no such name in the sources; for them the change is
given here with its MONDO ID (well established: Turner syndrome is monosomy X, 45,X; Klinefelter syndrome is
47,XXY; Prader-Willi and Angelman syndromes come from changes in the imprinted region 15q11-q13 of the father's and
the mother's chromosome 15; Beckwith-Wiedemann syndrome from changes in the imprinted region 11p15.5).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CHROMOSOME = r"(?P<chromosome>[1-9]|1[0-9]|2[0-2]|X|Y)"
REGION = r"(?P<region>[pq](?:[0-9]{1,2}(?:\.[0-9]{1,3})?)?(?:-[pq]?[0-9]{1,2}(?:\.[0-9]{1,3})?)?)"


@dataclass(frozen=True)
class ChromosomeChange:
    """How a condition's chromosome differs, in words and as a place on the chromosome."""

    chromosome: str
    """'21', 'X'."""
    region: str
    """The band or bands without the chromosome ('q11.23', 'q11-q13'); empty for a whole chromosome."""
    change: str
    """'trisomy', 'monosomy', 'deletion', 'duplication' or 'imprinting'."""
    words: str
    """The change in a plain sentence."""
    evidence: str
    """The name (or MONDO ID) it was read from."""


def _place(chromosome: str, region: str) -> str:
    if region in ("p", "q"):
        arm = "short" if region == "p" else "long"
        return f"the end of the {arm} arm ({chromosome}{region}) of chromosome {chromosome}"
    return f"chromosome {chromosome}" + (f" in the region {chromosome}{region}" if region else "")


def plan_chromosome_changes(conditions: Iterable, ids: dict[str, int], bands: dict[str, list], add) -> int:
    """Call ``add(condition_id, chromosome, region, change, words, start, end, evidence)`` for every merged
    condition with a chromosome change; ``bands``: chromosome -> [(band, start, end)]. Returns how many."""
    count = 0
    for condition in conditions:
        found = chromosome_change(condition.mondo_id, [condition.name, *(n.name for n in condition.names)])
        if found is None:
            continue
        span = band_span(found.chromosome, found.region, bands.get(found.chromosome, []))
        add(ids[condition.slug], found.chromosome, found.region[:40], found.change, found.words[:300],
            span[0] if span else None, span[1] if span else None, found.evidence[:300])  # fmt: skip
        count += 1
    return count


def _trisomy(found, name) -> ChromosomeChange:
    chromosome = found["chromosome"]
    if found["region"]:  # 'Trisomy 9p': an extra copy of part of the chromosome
        return _duplication(found, name)
    return ChromosomeChange(chromosome, "", "trisomy", f"It is caused by an extra copy of chromosome {chromosome} "
                            f"in each cell (trisomy {chromosome}).", name)  # fmt: skip


def _monosomy(found, name) -> ChromosomeChange:
    chromosome = found["chromosome"]
    if found["region"]:  # 'Monosomy 22q11': a missing piece of the chromosome
        return _deletion(found, name)
    return ChromosomeChange(chromosome, "", "monosomy", f"It is caused by a missing copy of chromosome {chromosome} "
                            f"(monosomy {chromosome}).", name)  # fmt: skip


def _deletion(found, name) -> ChromosomeChange:
    chromosome, region = found["chromosome"], found["region"]
    return ChromosomeChange(chromosome, region, "deletion", f"It is caused by a missing piece (deletion) of "
                            f"{_place(chromosome, region)}.", name)  # fmt: skip


def _duplication(found, name) -> ChromosomeChange:
    chromosome, region = found["chromosome"], found["region"]
    return ChromosomeChange(chromosome, region, "duplication", f"It is caused by an extra copy (duplication) of "
                            f"{_place(chromosome, region)}.", name)  # fmt: skip


PATTERNS = (
    (re.compile(rf"\btrisomy {CHROMOSOME}{REGION}?(?![\w.])", re.I), _trisomy),
    (re.compile(rf"\bmonosomy {CHROMOSOME}{REGION}?(?![\w.])", re.I), _monosomy),
    (
        re.compile(
            rf"\b(?:distal |telomeric |terminal |interstitial )?(?:micro)?deletion (?:of )?{CHROMOSOME}{REGION}"
            r"(?![\w.])",
            re.I,
        ),
        _deletion,
    ),  # fmt: skip
    (re.compile(rf"(?<![\w.]){CHROMOSOME}{REGION} (?:micro)?deletion\b", re.I), _deletion),
    (re.compile(rf"(?<![\w.]){CHROMOSOME}(?P<region>[pq])- syndrome\b", re.I), _deletion),
    (re.compile(rf"(?<![\w.]){CHROMOSOME}{REGION} (?:micro)?duplication\b", re.I), _duplication),
    (re.compile(rf"\b(?:micro)?duplication (?:of )?{CHROMOSOME}{REGION}(?![\w.])", re.I), _duplication),
)
KARYOTYPES = {
    "47,XXY": ("X", "trisomy", "It is caused by an extra X chromosome in males (47,XXY)."),
    "47,XXX": ("X", "trisomy", "It is caused by an extra X chromosome in females (47,XXX)."),
    "47,XYY": ("Y", "trisomy", "It is caused by an extra Y chromosome in males (47,XYY)."),
    "45,X": ("X", "monosomy", "It is caused by a missing or incomplete second sex chromosome in females (45,X)."),
}
KNOWN = {
    "MONDO:0019499": ChromosomeChange(
        "X", "", "monosomy", KARYOTYPES["45,X"][2] + " It is also called monosomy X.", "MONDO:0019499 (Turner syndrome)"
    ),  # fmt: skip
    "MONDO:0006823": ChromosomeChange(
        "X", "", "trisomy", KARYOTYPES["47,XXY"][2], "MONDO:0006823 (Klinefelter syndrome)"
    ),  # fmt: skip
    "MONDO:0008300": ChromosomeChange(
        "15",
        "q11-q13",
        "imprinting",
        "It is caused by the loss of active genes in "
        "the region 15q11-q13 of the chromosome 15 inherited from the father.",
        "MONDO:0008300 (Prader-Willi syndrome)",
    ),  # fmt: skip
    "MONDO:0007113": ChromosomeChange(
        "15",
        "q11-q13",
        "imprinting",
        "It is caused by the loss of the active UBE3A "
        "gene in the region 15q11-q13 of the chromosome 15 inherited from the mother.",
        "MONDO:0007113 (Angelman syndrome)",
    ),  # fmt: skip
    "MONDO:0007534": ChromosomeChange(
        "11",
        "p15.5",
        "imprinting",
        "It is caused by changes in how the genes of the region 11p15.5 of chromosome 11 are switched on or off.",
        "MONDO:0007534 (Beckwith-Wiedemann syndrome)",
    ),  # fmt: skip
}


def chromosome_change(mondo_id: str, names: Iterable[str]) -> ChromosomeChange | None:
    """The condition's chromosome change, from the table of known ones or from the first name that states one."""
    if mondo_id in KNOWN:
        return KNOWN[mondo_id]
    for name in names:
        if "/" in name:
            continue  # a mosaic karyotype ('45,X/46,XY'): two cell lines, which one sentence cannot state
        for karyotype, (chromosome, change, words) in KARYOTYPES.items():
            if re.search(rf"(?<![\w,]){re.escape(karyotype)}(?![\w,])", name):
                return _mosaic(ChromosomeChange(chromosome, "", change, words, name))
        for pattern, make in PATTERNS:
            found = pattern.search(name)
            if found:
                return _mosaic(make(found, name))
    return None


def _mosaic(change: ChromosomeChange) -> ChromosomeChange:
    """'Mosaic trisomy 8': the change is in some of the body's cells only."""
    if "mosaic" not in change.evidence.lower():
        return change
    words = change.words.replace(" in each cell", "").removesuffix(".")
    return ChromosomeChange(change.chromosome, change.region, change.change,
                            f"{words}, in some of the body's cells only (mosaicism).", change.evidence)  # fmt: skip


def band_span(chromosome: str, region: str, bands: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """(start, end) in base pairs of a region such as 'q11.23' or 'q11-q13', from the chromosome's bands
    (name, start, end); None when no band matches."""
    if not region:
        return None
    first, _, last = region.partition("-")
    if last and last[0] not in "pq":
        last = first[0] + last
    ends = []
    for part in (first, last or first):
        matching = [(start, end) for name, start, end in bands if name == part or name.startswith(part)]
        if part in ("p", "q"):  # an arm given alone ('4p-') means its end: the last band of p is its tip
            matching = [(start, end) for name, start, end in bands if name.startswith(part)]
        if not matching:
            return None
        ends.append((min(s for s, _ in matching), max(e for _, e in matching)))
    return min(ends[0][0], ends[1][0]), max(ends[0][1], ends[1][1])
