"""Map withdrawn symbols to names of the genes that replaced them (kind 'withdrawn_symbol')."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.hgnc_withdrawn.parse import parse_withdrawn
from ghr.sources.records import GeneNameRecord, GeneRef
from ghr.sources.stats import ParseStats


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[GeneNameRecord]:
    """One name per replacing gene: a symbol split between two genes names both (the page then offers both)."""
    for withdrawn in parse_withdrawn(files["entries"], stats):
        for hgnc_id in withdrawn.replaced_by:
            yield GeneNameRecord(GeneRef("hgnc", hgnc_id), withdrawn.symbol, "withdrawn_symbol")
