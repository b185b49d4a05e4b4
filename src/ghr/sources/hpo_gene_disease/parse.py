"""Read HPO's genes_to_disease.txt: one gene, one disease and the kind of association per line.

ncbi_gene_id	gene_symbol	association_type	disease_id	source
NCBIGene:1080	CFTR	MENDELIAN	OMIM:219700	ftp://ftp.omim.org/mim2gene.txt
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

HEADER = ("ncbi_gene_id", "gene_symbol", "association_type", "disease_id")


@dataclass(frozen=True, slots=True)
class GeneDisease:
    ncbi_gene_id: str
    """The number, without 'NCBIGene:'."""
    symbol: str
    association_type: str
    """'MENDELIAN', 'POLYGENIC' or 'UNKNOWN' (as HPO writes it)."""
    disease_id: str
    """'OMIM:219700', 'ORPHA:586'."""


def parse_associations(path: Path, stats: ParseStats | None = None) -> Iterator[GeneDisease]:
    stats = stats if stats is not None else ParseStats()
    try:
        with path.open(encoding="utf-8") as lines:
            header = tuple(next(lines, "").rstrip("\n").split("\t"))
            if header[: len(HEADER)] != HEADER:
                raise SourceFileError(path, "genes_to_disease.txt header", f"found {header[:4]}")
            for line in lines:
                if not line.strip():
                    continue
                stats.read += 1
                fields = line.rstrip("\n").split("\t")
                if len(fields) < len(HEADER) or not fields[0].startswith("NCBIGene:") or ":" not in fields[3]:
                    stats.reject("malformed association row")
                    continue
                yield GeneDisease(fields[0].removeprefix("NCBIGene:"), fields[1], fields[2].strip(), fields[3])
    except UnicodeDecodeError as error:
        raise SourceFileError(path, "UTF-8 text", str(error)) from error
