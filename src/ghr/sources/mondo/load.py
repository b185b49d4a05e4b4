"""Map MONDO terms to ``ConditionRecord`` (db 'MONDO', key '0020721').

Name = MONDO label; parents = is-a parents; xrefs = the term's cross-references whose prefix names a database
the knowledge base knows (``PREFIXES``), others (NCIT, EFO, ICD9, OMIMPS, Wikipedia...) are dropped. GARD
numbers are written the one way the GARD loader writes them ('0009456'). The merge trusts these xrefs to put
OMIM/Orphanet/GARD records into this term's cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.gard.load import gard_key
from ghr.sources.mondo import parse
from ghr.sources.records import ConditionId, ConditionRecord

PREFIXES = {
    "OMIM": "OMIM",
    "Orphanet": "Orphanet",
    "GARD": "GARD",
    "ICD10": "ICD-10",
    "SCTID": "SNOMEDCT",
    "UMLS": "UMLS",
    "UMLS_CUI": "UMLS",
    "MESH": "MeSH",
    "DOID": "DOID",
    "MEDGEN": "MedGen",
    "MedGen": "MedGen",
    "DECIPHER": "DECIPHER",
}


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


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[ConditionRecord]:
    for term in parse.parse_mondo(files["ontology"], odd):
        ids = dict.fromkeys(i for i in map(xref_id, term.xrefs) if i is not None)
        yield ConditionRecord(
            id=ConditionId("MONDO", term.id.removeprefix("MONDO:")),
            name=term.label,
            xrefs=tuple(ids),
            mondo_id=term.id,
            parents=term.parents,
        )
