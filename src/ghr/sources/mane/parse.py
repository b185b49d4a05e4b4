"""Read NCBI's MANE summary file (``MANE.GRCh38.v*.summary.txt.gz``): gzip, tab-separated, one header row that
starts with '#', one row per MANE transcript (Select, and Plus Clinical for some genes)."""

from __future__ import annotations

import csv
import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

HEADER = (
    "#NCBI_GeneID",
    "Ensembl_Gene",
    "HGNC_ID",
    "symbol",
    "name",
    "RefSeq_nuc",
    "RefSeq_prot",
    "Ensembl_nuc",
    "Ensembl_prot",
    "MANE_status",
    "GRCh38_chr",
    "chr_start",
    "chr_end",
    "chr_strand",
)
STRANDS = ("+", "-")


@dataclass(frozen=True, slots=True)
class ManeTranscript:
    """One row of the MANE summary."""

    ncbi_gene_id: int
    """From 'GeneID:212'."""
    ensembl_gene: str
    """Versioned, 'ENSG00000158578.23'."""
    hgnc_id: str
    """'HGNC:397', or '' for the few genes HGNC has not named (LOC...)."""
    symbol: str
    """'ALAS2'."""
    name: str
    """"5'-aminolevulinate synthase 2"."""
    refseq_transcript: str
    """'NM_000032.5'."""
    refseq_protein: str
    """'NP_000023.2'."""
    ensembl_transcript: str
    """'ENST00000650242.1'."""
    ensembl_protein: str
    """'ENSP00000497236.1'."""
    status: str
    """'MANE Select' or 'MANE Plus Clinical'."""
    sequence: str
    """RefSeq accession of the sequence: 'NC_000023.11' (chromosome X), or NT_/NW_ for alternate loci."""
    start: int
    """First base, 1-based inclusive."""
    end: int
    """Last base, 1-based inclusive."""
    strand: str
    """'+' or '-'."""


def _transcript(row: list[str]) -> ManeTranscript:
    gene_id, ens_gene, hgnc_id, symbol, name, nm, np, enst, ensp, status, sequence, start, end, strand = row
    return ManeTranscript(
        ncbi_gene_id=int(gene_id.removeprefix("GeneID:")),
        ensembl_gene=ens_gene,
        hgnc_id=hgnc_id,
        symbol=symbol,
        name=name,
        refseq_transcript=nm,
        refseq_protein=np,
        ensembl_transcript=enst,
        ensembl_protein=ensp,
        status=status,
        sequence=sequence,
        start=int(start),
        end=int(end),
        strand=strand,
    )


def _rejection(row: list[str]) -> str:
    if not row[0].removeprefix("GeneID:").isdigit():
        return "malformed NCBI_GeneID"
    if not (row[11].isdigit() and row[12].isdigit()) or int(row[11]) > int(row[12]):
        return "malformed chr_start/chr_end"
    if row[13] not in STRANDS:
        return "strand is not + or -"
    return ""


# Sample row (tab-separated):
# GeneID:212  ENSG00000158578.23  HGNC:397  ALAS2  5'-aminolevulinate synthase 2  NM_000032.5  NP_000023.2
# ENST00000650242.1  ENSP00000497236.1  MANE Select  NC_000023.11  55009055  55030977  -
def parse_summary(path: Path, stats: ParseStats | None = None) -> Iterator[ManeTranscript]:
    """Stream the transcripts of a MANE summary file.

    Raises SourceFileError if the file is not gzip or its stream ends early (a cut-off download), the header
    is not MANE's, a row has a different number of fields, or there are no rows.
    """
    stats = stats if stats is not None else ParseStats()
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            yield from _rows(path, csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), stats)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise SourceFileError(path, "complete gzip stream", str(error)) from error
    except UnicodeDecodeError as error:
        raise SourceFileError(path, "UTF-8 text", str(error)) from error
    if stats.read == 0:
        raise SourceFileError(path, "at least one transcript row")


def _rows(path: Path, reader, stats: ParseStats) -> Iterator[ManeTranscript]:
    header = next(reader, None)
    if header is None or tuple(header) != HEADER:
        raise SourceFileError(path, "MANE summary header", f"found {header!r:.200}")
    for row in reader:
        if len(row) != len(HEADER):
            detail = f"line {reader.line_num} has {len(row)} fields, not {len(HEADER)}"
            raise SourceFileError(path, "fields per row", detail)
        stats.read += 1
        reason = _rejection(row)
        if reason:
            stats.reject(reason)
            continue
        yield _transcript(row)
