"""Codes and locations in a query: identifiers in the forms people paste, cytogenetic bands, GRCh38 positions.

The index stores identifiers as "<prefix>:<key>" (OMIM:219700, ICD-10:E84.0, MONDO:0009061; ghr.search.rows); this
module turns what people type ("219700", "MIM #219700", "ORPHA586", "Orphanet_586", "E84", "icd-10-cm E84.0",
"C0010674", "HP_0001631") into the normalized forms the index holds, so the page comes up whatever the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words people put before a key -> the prefix the index uses (in normalized form, ghr.search.text.normalize).
PREFIXES = {
    "omim": "omim",
    "mim": "omim",
    "orpha": "orpha",
    "orphanet": "orpha",
    "ordo": "orpha",
    "mondo": "mondo",
    "gard": "gard",
    "icd": "icd 10",
    "icd10": "icd 10",
    "icd 10": "icd 10",
    "icd10cm": "icd 10",
    "icd 10 cm": "icd 10",
    "icd10 cm": "icd 10",
    "snomed": "snomedct",
    "snomedct": "snomedct",
    "snomed ct": "snomedct",
    "sct": "snomedct",
    "sctid": "snomedct",
    "umls": "umls",
    "cui": "umls",
    "medgen": "medgen",
    "mesh": "mesh",
    "msh": "mesh",
    "doid": "doid",
    "hgnc": "hgnc",
    "hp": "hp",
    "hpo": "hp",
    "ncbigene": "ncbigene",
    "entrez": "ncbigene",
    "gene id": "ncbigene",
}
LONGEST_PREFIX_WORDS = 3
GARD_DIGITS = 7
"""GARD keys are stored zero-padded ("0006233"); people often type them without the zeros ("GARD 6233")."""

GLUED = re.compile(r"^([a-z]+?)(\d[a-z0-9]*)$")
KEY_SHAPES = (
    # (shape of a key typed without a prefix, the prefixes it may belong to)
    (re.compile(r"^\d{6}$"), ("omim", "snomedct")),
    (re.compile(r"^\d{7}$"), ("mondo", "gard", "hp", "snomedct")),
    (re.compile(r"^\d{8,18}$"), ("snomedct",)),
    (re.compile(r"^c\d{7}$"), ("umls", "medgen")),
    (re.compile(r"^[cd]\d{6,9}$"), ("mesh",)),
    (re.compile(r"^[a-z]\d{2}( [0-9a-z]{1,4})?$"), ("icd 10",)),
    (re.compile(r"^hp \d{7}$"), ("",)),
)
ICD_CATEGORY = re.compile(r"^icd 10 [a-z]\d{2}$")


@dataclass(frozen=True)
class CodeQuery:
    exact: tuple[str, ...]
    """Normalized identifiers the query may be ("omim 219700")."""
    prefixes: tuple[str, ...]
    """Normalized identifier beginnings whose every code belongs to it: "icd 10 e84 " for E84.0, E84.1 ..."""
    hpo_id: str
    """An HPO term the query names ("HP:0001631"), or ''."""


def _split_prefix(words: list[str]) -> tuple[str, list[str]]:
    """('omim', ['219700']) for "omim 219700" or "omim219700"; ('', words) when no known prefix starts it."""
    glued = GLUED.match(words[0])
    if glued and glued.group(1) in PREFIXES and len(words) <= 2:
        words = [glued.group(1), glued.group(2), *words[1:]]
    for size in range(min(LONGEST_PREFIX_WORDS, len(words) - 1), 0, -1):
        prefix = " ".join(words[:size])
        if prefix in PREFIXES:
            return PREFIXES[prefix], words[size:]
    return "", words


def _keyed(prefix: str, key: str) -> str:
    if prefix == "gard" and key.isdigit():
        key = key.zfill(GARD_DIGITS)
    return f"{prefix} {key}" if prefix else key


MAX_CODE_WORDS = 5


def code_query(norm: str) -> CodeQuery | None:
    """What a normalized query may name as a code, or None when it does not look like one."""
    words = norm.split()
    if not words or len(words) > MAX_CODE_WORDS or not any(ch.isdigit() for ch in norm):
        return None
    prefix, rest = _split_prefix(words)
    if not rest:
        return None
    key = " ".join(rest)
    if prefix:
        exact = (_keyed(prefix, key),)
    else:
        exact = tuple(_keyed(p, key) for shape, prefixes in KEY_SHAPES if shape.match(key) for p in prefixes)
    if not exact:
        return None
    hpo = [code for code in exact if code.startswith("hp ")]
    return CodeQuery(
        exact=tuple(code for code in exact if not code.startswith("hp ")),
        prefixes=tuple(code + " " for code in exact if ICD_CATEGORY.match(code)),
        hpo_id=f"HP:{hpo[0].split()[1]}" if hpo else "",
    )


POSITION = re.compile(
    r"^(?:chr(?:omosome)?\s*)?(?P<chrom>[0-9]{1,2}|x|y|mt|m)\s*[:\s]\s*(?P<start>\d[\d,]*)"
    r"(?:\s*(?:-|–|\.\.)\s*(?P<end>\d[\d,]*))?$",
    re.IGNORECASE,
)
CHROMOSOMES = {str(number) for number in range(1, 23)} | {"X", "Y", "MT"}
WIDEST_REGION = 20_000_000
"""A longer region lists too many genes to read; the chromosome's own page is the place for that."""


@dataclass(frozen=True)
class Position:
    chromosome: str
    start: int
    end: int


def _base_number(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) <= 10 else None


def position_query(text: str) -> Position | None:
    """A GRCh38 position or region as people write it: "chr7:117,500,000", "7:117500000-117700000"."""
    match = POSITION.match(text.strip())
    if not match:
        return None
    chromosome = match.group("chrom").upper()
    chromosome = "MT" if chromosome == "M" else chromosome
    start = _base_number(match.group("start"))
    end = _base_number(match.group("end")) if match.group("end") else start
    if chromosome not in CHROMOSOMES or start is None or end is None or end < start:
        return None
    if end - start > WIDEST_REGION:
        return None
    return Position(chromosome, start, end)


BAND = re.compile(r"^(?:chr(?:omosome)?\s*)?(?P<chrom>[0-9]{1,2}|x|y)(?P<arm>[pq])(?P<band>\d+(?:\.\d+)?)?$", re.I)


def band_query(text: str) -> str:
    """The normalized band a query names ("7q31.2" -> "7q31 2", "Xp11" -> "xp11"), or ''."""
    match = BAND.match(text.strip().replace(" ", ""))
    if not match or match.group("chrom").upper() not in CHROMOSOMES:
        return ""
    band = (match.group("band") or "").replace(".", " ")
    return f"{match.group('chrom').lower()}{match.group('arm').lower()}{band}"
