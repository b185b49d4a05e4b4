"""Map HPO's files to the shared records.

- hp.obo -> ``PhenotypeTermRecord`` for every current (not obsolete) term.
- phenotype.hpoa -> one ``ConditionRecord`` per disease (db 'OMIM', 'Orphanet' for ORPHA ids, 'DECIPHER'),
  named as HPO names it (OMIM's inverted form kept as is: the merge prefers other sources' names);
  aspect 'I' rows give its inheritance through ``INHERITANCE``; aspect 'P' rows not qualified 'NOT' give
  ``ConditionFeatureRecord``; 'PMID:' references give ``ConditionReferenceRecord``.
- genes_to_phenotype.txt -> one ``GeneConditionRecord`` per (NCBI gene, disease) pair,
  evidence = the disease id.
  (phenotype_to_genes.txt repeats those pairs once per ancestor term: 63 MB for 12,292 pairs; not read.)

HPO inheritance terms -> GHR codes. Terms describing a pattern map to its code; terms that only qualify a
pattern (penetrance, anticipation, sex-limited expression, de novo, UPD, contiguous gene syndrome) are
ignored.

| HPO term | label | code |
|---|---|---|
| HP:0000006 | Autosomal dominant inheritance | ad |
| HP:0012275 | Autosomal dominant inheritance with maternal imprinting | ad |
| HP:0000007 | Autosomal recessive inheritance | ar |
| HP:0001423 | X-linked dominant inheritance | xd |
| HP:0001419 | X-linked recessive inheritance | xr |
| HP:0001417 | X-linked inheritance | x |
| HP:0001427 | Mitochondrial inheritance | m |
| HP:0001450 | Y-linked inheritance | y |
| HP:0001442 | Typified by somatic mosaicism | n (arises in body cells, not passed on) |
| HP:0003745 | Sporadic | n |
| HP:0010982 | Polygenic inheritance | u (no single-gene pattern; the term stays as evidence) |
| HP:0010983 | Oligogenic inheritance | u |
| HP:0010984 | Digenic inheritance | u |
| HP:0001426 | Non-Mendelian inheritance | u |
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.hpo import parse
from ghr.sources.records import (
    ConditionFeatureRecord,
    ConditionId,
    ConditionRecord,
    ConditionReferenceRecord,
    GeneConditionRecord,
    GeneRef,
    PhenotypeTermRecord,
    Record,
)

INHERITANCE = {
    "HP:0000006": "ad",
    "HP:0012275": "ad",
    "HP:0000007": "ar",
    "HP:0001423": "xd",
    "HP:0001419": "xr",
    "HP:0001417": "x",
    "HP:0001427": "m",
    "HP:0001450": "y",
    "HP:0001442": "n",
    "HP:0003745": "n",
    "HP:0010982": "u",
    "HP:0010983": "u",
    "HP:0010984": "u",
    "HP:0001426": "u",
}
DATABASES = {"OMIM": "OMIM", "ORPHA": "Orphanet", "DECIPHER": "DECIPHER"}
_PMID = re.compile(r"PMID:(\d+)")


def condition_id(database_id: str) -> ConditionId:
    """'ORPHA:75563' -> ConditionId('Orphanet', '75563')."""
    prefix, key = database_id.split(":", 1)
    return ConditionId(DATABASES[prefix], key)


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[Record]:
    yield from terms(files["ontology"], odd)
    yield from annotations(files["annotations"], odd)
    yield from gene_links(files["genes_to_phenotype"], odd)


def terms(path: Path, odd: Counter | None = None) -> Iterator[PhenotypeTermRecord]:
    for term in parse.parse_obo(path, odd):
        if term.obsolete:
            continue
        yield PhenotypeTermRecord(term.id, term.name, term.definition, term.synonyms, term.layperson_synonyms,
                                  term.parents)  # fmt: skip


class _Disease:
    __slots__ = ("features", "inheritance", "name", "pmids")

    def __init__(self, name: str) -> None:
        self.name = name
        self.inheritance: set[tuple[str, str]] = set()
        self.features: dict[str, str] = {}
        self.pmids: set[int] = set()


def annotations(path: Path, odd: Counter | None = None) -> Iterator[Record]:
    """Features and references as they come; one ConditionRecord per disease at the end."""
    diseases: dict[str, _Disease] = {}
    for row in parse.parse_hpoa(path, odd):
        disease = diseases.get(row.database_id)
        if disease is None:
            disease = diseases[row.database_id] = _Disease(row.disease_name)
        yield from _annotate(disease, row)
    for database_id, disease in diseases.items():
        yield ConditionRecord(
            id=condition_id(database_id),
            name=disease.name,
            inheritance=tuple(sorted(disease.inheritance)),
        )


def _annotate(disease: _Disease, row: parse.HpoaRow) -> Iterator[Record]:
    cid = condition_id(row.database_id)
    for pmid in _PMID.findall(row.reference):
        if int(pmid) not in disease.pmids:
            disease.pmids.add(int(pmid))
            yield ConditionReferenceRecord(cid, int(pmid))
    if row.qualifier == "NOT":
        return
    if row.aspect == "I" and row.hpo_id in INHERITANCE:
        disease.inheritance.add((INHERITANCE[row.hpo_id], row.hpo_id))
    elif row.aspect == "P" and row.hpo_id not in disease.features:
        disease.features[row.hpo_id] = row.frequency
        yield ConditionFeatureRecord(cid, row.hpo_id, row.frequency[:40])


def gene_links(path: Path, odd: Counter | None = None) -> Iterator[GeneConditionRecord]:
    seen: set[tuple[str, str]] = set()
    for row in parse.parse_genes_to_phenotype(path, odd):
        pair = (row.ncbi_gene_id, row.disease_id)
        if pair in seen:
            continue
        seen.add(pair)
        yield GeneConditionRecord(GeneRef("ncbi", row.ncbi_gene_id), condition_id(row.disease_id), row.disease_id)


DATA_VERSION = re.compile(r"data-version: hp/releases/(\d{4}-\d{2}-\d{2})")


def publisher_release(files: dict[str, Path]) -> str:
    """The release hp.obo states in its header ('data-version: hp/releases/2025-01-16' -> '2025-01-16')."""
    with files["ontology"].open(encoding="utf-8") as handle:
        for _, line in zip(range(30), handle, strict=False):
            if found := DATA_VERSION.match(line):
                return found.group(1)
    return ""
