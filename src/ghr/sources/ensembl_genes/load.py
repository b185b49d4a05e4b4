"""Map the Ideogram.js caches to Ensembl 110 gene locations and alias symbols."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ghr.sources.ensembl_genes.parse import (
    EnsemblGene,
    ParseStats,
    TranscriptStrand,
    parse_genes,
    parse_synonyms,
    parse_transcript_strands,
)
from ghr.sources.records import GeneLocationRecord, GeneNameRecord, GeneRef, Record

RELEASE = "Ensembl 110"
ASSEMBLY = "GRCh38"
CHROMOSOMES = frozenset([*(str(number) for number in range(1, 23)), "X", "Y", "MT"])


def strand_by_symbol(transcripts: Iterable[TranscriptStrand]) -> dict[str, str]:
    """Each symbol's strand, from its transcripts; symbols whose transcripts disagree are left out."""
    strands: defaultdict[str, set[str]] = defaultdict(set)
    for transcript in transcripts:
        strands[transcript.symbol].add(transcript.strand)
    return {symbol: found.pop() for symbol, found in strands.items() if len(found) == 1}


def location(gene: EnsemblGene, strand: str) -> GeneLocationRecord:
    return GeneLocationRecord(
        gene=GeneRef("ensembl", gene.ensembl_id),
        assembly=ASSEMBLY,
        chromosome=gene.chromosome,
        start=gene.start,
        end=gene.end,
        strand="+" if strand == "+" else "-",
        release=RELEASE,
    )


def _locations(genes: list[EnsemblGene], strands: dict[str, str], stats: ParseStats) -> Iterator[Record]:
    skipped: Counter[str] = Counter()
    for gene in genes:
        if gene.chromosome not in CHROMOSOMES:
            skipped["on unplaced contigs"] += 1
        elif gene.symbol not in strands:
            # GeneLocationRecord needs a strand, and only the gene-structure cache (mostly protein-coding
            # genes) gives one.
            skipped["with no strand in the gene-structure cache"] += 1
        else:
            yield location(gene, strands[gene.symbol])
    stats.notes.extend(f"{count} genes {why} left out" for why, count in skipped.items())


def _alias_records(files: dict[str, Path], genes: list[EnsemblGene], stats: ParseStats) -> Iterator[Record]:
    symbol_counts = Counter(gene.symbol for gene in genes)
    ensembl_by_symbol = {gene.symbol: gene.ensembl_id for gene in genes if symbol_counts[gene.symbol] == 1}
    for row in parse_synonyms(files["synonyms"], stats):
        # Name the gene by its Ensembl ID when the symbol is one gene's: that survives HGNC renaming a gene.
        ensembl_id = ensembl_by_symbol.get(row.symbol)
        ref = GeneRef("ensembl", ensembl_id) if ensembl_id else GeneRef("symbol", row.symbol)
        for synonym in row.synonyms:
            yield GeneNameRecord(ref, synonym, "alias_symbol")


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """GeneLocationRecords (Ensembl 110, GRCh38) and alias-symbol GeneNameRecords."""
    stats = stats if stats is not None else ParseStats()
    genes = list(parse_genes(files["genes"], stats))
    strands = strand_by_symbol(parse_transcript_strands(files["gene_structures"], stats))
    yield from _locations(genes, strands, stats)
    yield from _alias_records(files, genes, stats)
