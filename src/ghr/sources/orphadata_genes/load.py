"""Map Orphadata product 6 to ``GeneConditionRecord`` with Orphanet's association type (read by the build's first
link rule, ``ghr.build.link_kinds``); the gene by its HGNC ID where Orphanet gives one, else its symbol."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.orphadata_genes import parse
from ghr.sources.records import ConditionId, GeneConditionRecord, GeneRef
from ghr.sources.stats import ParseStats


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[GeneConditionRecord]:
    for row in parse.parse_genes(files["genes"], stats):
        gene = GeneRef("hgnc", row.hgnc) if row.hgnc else GeneRef("symbol", row.symbol)
        yield GeneConditionRecord(
            gene=gene, condition=ConditionId("Orphanet", row.orpha_code), evidence=f"ORPHA:{row.orpha_code}",
            pmids=row.pmids, association=row.association_type,
        )  # fmt: skip
