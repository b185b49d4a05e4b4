"""Map MONDO terms to ``ConditionRecord`` (db 'MONDO', key '0020721').

Name = MONDO label; parents = is-a parents; xrefs = the records MONDO says are the same disease. MONDO's SSSOM
set (exactMatch rows) is newer than the terms file, so for every database it covers it replaces the term's own
xrefs; GARD and DECIPHER, which it does not cover, still come from the terms file. broadMatch rows (the other
record is a broader disease) are not the same disease and are left out. Prefixes the knowledge base does not know
(NCIT, EFO, ICD9, OMIMPS...) are dropped. The merge trusts these xrefs to put OMIM/Orphanet/GARD records into
this term's cluster. A term that only the newer mapping set knows still gets a record, named by its label there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ghr.sources.gard.load import gard_key
from ghr.sources.mondo import parse
from ghr.sources.records import ConditionId, ConditionRecord

PREFIXES = {
    "OMIM": "OMIM",
    "Orphanet": "Orphanet",
    "GARD": "GARD",
    "ICD10": "ICD-10",
    "ICD10CM": "ICD-10",
    "ICD10WHO": "ICD-10",
    "SCTID": "SNOMEDCT",
    "UMLS": "UMLS",
    "UMLS_CUI": "UMLS",
    "MESH": "MeSH",
    "mesh": "MeSH",
    "DOID": "DOID",
    "MEDGEN": "MedGen",
    "MedGen": "MedGen",
    "DECIPHER": "DECIPHER",
}
EXACT_MATCH = "skos:exactMatch"


def xref_id(xref: str) -> ConditionId | None:
    """'GARD:9456' -> ConditionId('GARD', '0009456'); 'NCIT:C2991' -> None."""
    prefix, _, key = xref.partition(":")
    db = PREFIXES.get(prefix)
    key = key.strip()
    if db is None or not key:
        return None
    if db == "GARD":
        if not key.isdigit():
            return None
        key = gard_key(key)
    return ConditionId(db, key)


def newer_mappings(path: Path) -> NewerMappings:
    mapped: dict[str, list[ConditionId]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in parse.parse_mappings(path):
        labels.setdefault(row.subject_id, row.subject_label)
        target = xref_id(row.object_id) if row.predicate_id == EXACT_MATCH else None
        if target is not None:
            mapped[row.subject_id].append(target)
    claimed = {target for targets in mapped.values() for target in targets}
    return NewerMappings(dict(mapped), labels, {target.db for target in claimed}, claimed)


@dataclass(frozen=True)
class NewerMappings:
    """What MONDO's SSSOM set says, prepared for choosing each term's xrefs."""

    exact: dict[str, list[ConditionId]]
    """MONDO ID -> the records it maps exactly to."""
    labels: dict[str, str]
    """MONDO ID -> its label in the mapping set."""
    covered: set[str] = field(default_factory=set)
    """Databases the set maps to at all (GARD and DECIPHER are not among them)."""
    claimed: set[ConditionId] = field(default_factory=set)
    """Every record some term maps to exactly."""

    def xrefs(self, term: parse.MondoTerm) -> tuple[ConditionId, ...]:
        own = [i for i in map(xref_id, term.xrefs) if i is not None]
        if term.id not in self.exact:
            # A term the newer set no longer maps, usually made obsolete since: it keeps only the records no
            # current term claims, so that one OMIM or Orphanet record never points to two terms.
            return tuple(dict.fromkeys(i for i in own if i not in self.claimed))
        return tuple(dict.fromkeys([*self.exact[term.id], *(i for i in own if i.db not in self.covered)]))


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[ConditionRecord]:
    newer = newer_mappings(files["mappings"])
    seen = set()
    for term in parse.parse_terms(files["terms"], odd):
        seen.add(term.id)
        yield ConditionRecord(
            id=ConditionId("MONDO", term.id.removeprefix("MONDO:")),
            name=term.label,
            xrefs=newer.xrefs(term),
            mondo_id=term.id,
            parents=term.parents,
        )
    for mondo_id in sorted(newer.labels.keys() - seen):
        if newer.labels[mondo_id]:
            xrefs = tuple(dict.fromkeys(newer.exact.get(mondo_id, ())))
            yield ConditionRecord(ConditionId("MONDO", mondo_id.removeprefix("MONDO:")), newer.labels[mondo_id],
                                  xrefs=xrefs, mondo_id=mondo_id)  # fmt: skip
