"""Map the GTEx tissue cache to ``GeneTissueRecord``: a gene, by symbol, and its most active tissues."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.gtex_tissues import parse
from ghr.sources.records import GeneRef, GeneTissueRecord
from ghr.sources.stats import ParseStats


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[GeneTissueRecord]:
    for gene in parse.parse_tissues(files["tissues"], stats):
        yield GeneTissueRecord(GeneRef("symbol", gene.symbol), gene.tissues)
