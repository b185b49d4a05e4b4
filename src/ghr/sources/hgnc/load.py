"""Map HGNC complete-set rows to the shared gene, gene-name and gene-reference records."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.gnuhealth_genes.load import chromosome_from_location
from ghr.sources.hgnc.parse import HgncGene, ParseStats, parse_complete_set
from ghr.sources.records import (
    GeneGroupRecord,
    GeneNameRecord,
    GeneRecord,
    GeneRef,
    GeneReferenceRecord,
    Record,
)

APPROVED = "Approved"
LOCUS_GROUP_PREFIX = {"non-coding RNA": "ncrna", "pseudogene": "pseudogene", "other": "other"}


def gene_type_code(locus_group: str, locus_type: str) -> str:
    """HGNC's locus group and type in the spelling GNU Health uses, so that both gene sources agree:
    ('protein-coding gene', 'gene with protein product') -> 'protein_coding',
    ('non-coding RNA', 'RNA, long non-coding') -> 'ncrna_long_non_coding_rna',
    ('pseudogene', 'T cell receptor pseudogene') -> 'pseudogene_tcell_receptor',
    ('other', 'immunoglobulin gene') -> 'other_immunoglobulin_gene'.
    """
    if locus_group == "protein-coding gene":
        return "protein_coding"
    kind = locus_type
    if kind.startswith("RNA, "):
        kind = kind.removeprefix("RNA, ") + " rna"
    elif locus_group == "pseudogene" and kind != "pseudogene":
        kind = kind.removesuffix(" pseudogene")
    kind = kind.lower().replace("t cell", "tcell")
    slug = re.sub(r"[^a-z0-9]+", "_", kind).strip("_")
    prefix = LOCUS_GROUP_PREFIX.get(locus_group, re.sub(r"[^a-z0-9]+", "_", locus_group.lower()))
    return f"{prefix}_{slug}"


def gene_record(gene: HgncGene) -> GeneRecord:
    return GeneRecord(
        symbol=gene.symbol,
        name=gene.name,
        hgnc_id=gene.hgnc_id,
        locus_type=gene_type_code(gene.locus_group, gene.locus_type),
        chromosome=chromosome_from_location(gene.location),
        band=gene.location,
        ncbi_gene_id=gene.ncbi_gene_id,
        ensembl_id=gene.ensembl_id,
        # HGNC lists the gene's reference transcript first when it gives several.
        refseq_accession=gene.refseq_accessions[0] if gene.refseq_accessions else "",
        uniprot_ids=gene.uniprot_ids,
        omim_ids=gene.omim_ids,
        orphanet_id=gene.orphanet_id,
        mane_select=gene.mane_select,
    )


def name_records(gene: HgncGene) -> Iterator[GeneNameRecord]:
    ref = GeneRef("hgnc", gene.hgnc_id)
    for name in gene.previous_symbols:
        yield GeneNameRecord(ref, name, "previous_symbol")
    for name in gene.alias_symbols:
        yield GeneNameRecord(ref, name, "alias_symbol")
    for name in gene.previous_names:
        yield GeneNameRecord(ref, name, "previous_name")
    for name in gene.alias_names:
        yield GeneNameRecord(ref, name, "alias_name")


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """Gene, name, reference and gene group records for every approved gene of ``files['complete_set']``."""
    stats = stats if stats is not None else ParseStats()
    not_approved = 0
    for gene in parse_complete_set(files["complete_set"], stats):
        if gene.status != APPROVED:
            not_approved += 1
            continue
        yield gene_record(gene)
        yield from name_records(gene)
        ref = GeneRef("hgnc", gene.hgnc_id)
        for pmid in gene.pmids:
            yield GeneReferenceRecord(ref, pmid)
        for group_id, group_name in gene.gene_groups:
            yield GeneGroupRecord(ref, group_id, group_name)
    if not_approved:
        stats.notes.append(f"{not_approved} rows whose status is not '{APPROVED}' were left out")


def publisher_release(files: dict[str, Path]) -> str:
    """HGNC dates no release: the latest ``date_modified`` of any gene ('2025-06-03') stands for it ('' without
    that column)."""
    with files["complete_set"].open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        if "date_modified" not in (rows.fieldnames or ()):
            return ""
        return max((row["date_modified"] or "" for row in rows), default="")
