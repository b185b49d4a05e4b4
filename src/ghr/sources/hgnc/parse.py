"""Read HGNC's ``hgnc_complete_set.txt``: tab-separated, one header row, one row per gene.

Multi-valued fields are '|'-separated and, when they hold several values or spaces, wrapped in double quotes
("ASB|ANH1"); the csv module undoes the quoting.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError, require_final_newline
from ghr.sources.stats import ParseStats

REQUIRED_COLUMNS = (
    "hgnc_id",
    "symbol",
    "name",
    "locus_group",
    "locus_type",
    "status",
    "location",
    "alias_symbol",
    "alias_name",
    "prev_symbol",
    "prev_name",
    "entrez_id",
    "ensembl_gene_id",
    "refseq_accession",
    "uniprot_ids",
    "pubmed_id",
    "omim_id",
    "gene_group",
    "gene_group_id",
    "orphanet",
    "mane_select",
)
"""The columns this parser reads; HGNC's file has about 54, and may add more (extra ones are ignored)."""
HGNC_ID = re.compile(r"HGNC:\d+")


@dataclass(frozen=True, slots=True)
class HgncGene:
    """One row of the HGNC complete set (the columns this project uses)."""

    hgnc_id: str
    """'HGNC:397'."""
    symbol: str
    """Approved symbol, 'ALAS2'."""
    name: str
    """Approved name, "5'-aminolevulinate synthase 2"."""
    locus_group: str
    """'protein-coding gene', 'non-coding RNA', 'pseudogene' or 'other'."""
    locus_type: str
    """'gene with protein product', 'RNA, long non-coding', 'immunoglobulin pseudogene'..."""
    status: str
    """'Approved' (the complete set also lists 'Entry Withdrawn' rows in some releases)."""
    location: str
    """'Xp11.21', 'Xq28 and Yq12', 'mitochondria', ''."""
    alias_symbols: tuple[str, ...]
    """('ALAS-E',)."""
    alias_names: tuple[str, ...]
    """('sideroblastic/hypochromic anemia', ...)."""
    previous_symbols: tuple[str, ...]
    """('ASB', 'ANH1')."""
    previous_names: tuple[str, ...]
    """("aminolevulinate, delta-, synthase 2", ...)."""
    ncbi_gene_id: int | None
    """Column ``entrez_id``: 212."""
    ensembl_id: str
    """'ENSG00000158578'."""
    refseq_accessions: tuple[str, ...]
    """('NM_000032',)."""
    uniprot_ids: tuple[str, ...]
    """('P22557',)."""
    pmids: tuple[int, ...]
    """PubMed IDs HGNC cites for the nomenclature."""
    omim_ids: tuple[str, ...]
    """('301300',)."""
    gene_groups: tuple[tuple[int, str], ...] = ()
    """(HGNC gene group ID, group name) pairs, e.g. ((1029, 'Aminolevulinate synthases'),)."""
    orphanet_id: str = ""
    """Orphanet's number for the gene (not a disease), '119573'."""
    mane_select: tuple[str, ...] = ()
    """The MANE Select transcript as Ensembl and RefSeq name it: ('ENST00000650242.1', 'NM_000032.5')."""


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in (piece.strip() for piece in value.split("|")) if part)


def _gene(values: dict[str, str]) -> HgncGene:
    return HgncGene(
        hgnc_id=values["hgnc_id"],
        symbol=values["symbol"],
        name=values["name"],
        locus_group=values["locus_group"],
        locus_type=values["locus_type"],
        status=values["status"],
        location=values["location"],
        alias_symbols=_split(values["alias_symbol"]),
        alias_names=_split(values["alias_name"]),
        previous_symbols=_split(values["prev_symbol"]),
        previous_names=_split(values["prev_name"]),
        ncbi_gene_id=int(values["entrez_id"]) if values["entrez_id"] else None,
        ensembl_id=values["ensembl_gene_id"],
        refseq_accessions=_split(values["refseq_accession"]),
        uniprot_ids=_split(values["uniprot_ids"]),
        pmids=tuple(int(pmid) for pmid in _split(values["pubmed_id"])),
        omim_ids=_split(values["omim_id"]),
        gene_groups=tuple(zip(map(int, _split(values["gene_group_id"])), _split(values["gene_group"]), strict=True)),
        orphanet_id=values["orphanet"].strip(),
        mane_select=_split(values["mane_select"]),
    )


def _rejection(values: dict[str, str]) -> str:
    """Why a row cannot be used, or '' if it can."""
    if not HGNC_ID.fullmatch(values["hgnc_id"]) or not values["symbol"]:
        return "malformed hgnc_id or empty symbol"
    if values["entrez_id"] and not values["entrez_id"].isdigit():
        return "non-numeric entrez_id"
    if not all(pmid.isdigit() for pmid in _split(values["pubmed_id"])):
        return "non-numeric pubmed_id"
    group_ids = _split(values["gene_group_id"])
    if not all(group.isdigit() for group in group_ids) or len(group_ids) != len(_split(values["gene_group"])):
        return "gene_group_id not numeric or not one per gene_group"
    return ""


def _check_header(path: Path, header: list[str] | None) -> list[str]:
    if header is None:
        raise SourceFileError(path, "header row", "the file is empty")
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise SourceFileError(path, "header columns", "missing " + ", ".join(missing))
    return header


# Sample row (tab-separated; most of the 54 columns left out here):
# hgnc_id   symbol  name                            locus_group          locus_type                 status
# HGNC:397  ALAS2   5'-aminolevulinate synthase 2   protein-coding gene  gene with protein product  Approved
# location  alias_symbol  alias_name                                     prev_symbol  prev_name  ... entrez_id
# Xp11.21   ALAS-E        "sideroblastic/hypochromic anemia|erythroid..."  ASB          "..."      ... 212
# gene_group  gene_group_id  ... orphanet  ... mane_select
# (empty)     (empty)        ... 119573    ... "ENST00000650242.1|NM_000032.5"
# and HBB's groups: gene_group "Hemoglobin subunits", gene_group_id 940.
def parse_complete_set(path: Path, stats: ParseStats | None = None) -> Iterator[HgncGene]:
    """Stream the rows of an HGNC complete set file.

    Raises SourceFileError when the file stops mid-line or a row has a different number of fields than the header
    (a cut-off or corrupted file), the header lacks a needed column, the file is not UTF-8 text, or there are no rows.
    """
    stats = stats if stats is not None else ParseStats()
    require_final_newline(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from _rows(path, csv.reader(handle, delimiter="\t"), stats)
    except (UnicodeDecodeError, csv.Error) as error:
        raise SourceFileError(path, "UTF-8 tab-separated text", str(error)) from error
    if stats.read == 0:
        raise SourceFileError(path, "at least one gene row")


def _rows(path: Path, reader, stats: ParseStats) -> Iterator[HgncGene]:
    header = _check_header(path, next(reader, None))
    for row in reader:
        if not row:
            continue  # A blank line, e.g. an extra one at the end.
        if len(row) != len(header):
            detail = f"line {reader.line_num} has {len(row)} fields, the header {len(header)}"
            raise SourceFileError(path, "fields per row", detail)
        stats.read += 1
        values = dict(zip(header, row, strict=True))
        reason = _rejection(values)
        if reason:
            stats.reject(reason)
            continue
        yield _gene(values)
