"""Map GNU Health's gene records to the shared gene records."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.gnuhealth_genes.parse import ParseStats, TrytonGene, parse_genes
from ghr.sources.records import GeneNameRecord, GeneRecord, GeneRef, Record

LEADING_CHROMOSOME = re.compile(r"(\d{1,2}|X|Y)(?=[pq\s]|$)")
MITOCHONDRIAL_LOCATION = "mitochondria"


def chromosome_from_location(location: str) -> str:
    """The chromosome an HGNC location names: 'Xp11.21' -> 'X', 'Xq28 and Yq12' -> 'X and Y',
    'mitochondria' -> 'MT', '22 unplaced' -> '22'; '' for 'reserved', 'unplaced', 'not on reference assembly'.
    """
    if location == MITOCHONDRIAL_LOCATION:
        return "MT"
    match = LEADING_CHROMOSOME.match(location)
    if match is None:
        return ""
    # Genes of the pseudoautosomal regions are given as "Xp22.33 and Yp11.32".
    if match.group(1) == "X" and " and Y" in location:
        return "X and Y"
    return match.group(1)


def gene_record(gene: TrytonGene) -> GeneRecord:
    return GeneRecord(
        symbol=gene.symbol,
        name=gene.long_name,
        hgnc_id=gene.hgnc_id,
        locus_type=gene.gene_type,
        chromosome=chromosome_from_location(gene.location),
        band=gene.location,
        ncbi_gene_id=gene.ncbi_gene_id,
        ensembl_id=gene.ensembl_id,
        # HGNC lists the gene's reference transcript first when it gives several.
        refseq_accession=gene.refseq_accessions[0] if gene.refseq_accessions else "",
        uniprot_ids=gene.uniprot_ids,
        omim_ids=gene.omim_ids,
    )


def name_records(gene: TrytonGene) -> Iterator[GeneNameRecord]:
    ref = GeneRef("hgnc", gene.hgnc_id)
    for alias in gene.aliases:
        yield GeneNameRecord(ref, alias, "alias_symbol")
    for alias in gene.name_aliases:
        yield GeneNameRecord(ref, alias, "alias_name")
    # Tryton record ids never change, so an id that differs from the symbol is the symbol the gene had before.
    if gene.record_id and gene.record_id != gene.symbol:
        yield GeneNameRecord(ref, gene.record_id, "previous_symbol")


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """GeneRecord and GeneNameRecords for every gene of ``files['genes']``; counts go into ``stats``."""
    for gene in parse_genes(files["genes"], stats):
        yield gene_record(gene)
        yield from name_records(gene)
