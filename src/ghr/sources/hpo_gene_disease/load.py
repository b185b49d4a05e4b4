"""Map HPO's gene-to-disease associations to ``GeneConditionRecord`` carrying HPO's association type, which the
build's first link rule reads (``ghr.build.link_kinds``). ORPHA identifiers become db 'Orphanet', as elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.hpo_gene_disease import parse
from ghr.sources.records import ConditionId, GeneConditionRecord, GeneRef
from ghr.sources.stats import ParseStats

DATABASES = {"OMIM": "OMIM", "ORPHA": "Orphanet", "DECIPHER": "DECIPHER"}


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[GeneConditionRecord]:
    stats = stats if stats is not None else ParseStats()
    for row in parse.parse_associations(files["associations"], stats):
        prefix, _, key = row.disease_id.partition(":")
        if prefix not in DATABASES:
            stats.reject("disease of an unknown database")
            continue
        yield GeneConditionRecord(
            gene=GeneRef("ncbi", row.ncbi_gene_id), condition=ConditionId(DATABASES[prefix], key),
            evidence=row.disease_id, association=row.association_type,
        )  # fmt: skip
