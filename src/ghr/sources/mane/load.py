"""Map MANE Select transcripts to gene locations on GRCh38."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.mane.parse import ManeTranscript, ParseStats, parse_summary
from ghr.sources.records import GeneLocationRecord, GeneRef, Record

RELEASE = "MANE Select v1.5"
ASSEMBLY = "GRCh38"
SELECT = "MANE Select"
NUMBERED_CHROMOSOME = re.compile(r"NC_0000(\d\d)\.\d+")
SEX_CHROMOSOMES = {23: "X", 24: "Y"}
MITOCHONDRIAL_SEQUENCE = re.compile(r"NC_012920\.\d+")


def chromosome_of(accession: str) -> str:
    """'NC_000001.11' -> '1', 'NC_000023.11' -> 'X', 'NC_000024.10' -> 'Y', 'NC_012920.1' -> 'MT';
    '' for alternate loci and patches (NT_, NW_), which have no place on the chromosome pages."""
    if MITOCHONDRIAL_SEQUENCE.fullmatch(accession):
        return "MT"
    match = NUMBERED_CHROMOSOME.fullmatch(accession)
    if match is None:
        return ""
    number = int(match.group(1))
    return SEX_CHROMOSOMES.get(number, str(number) if 1 <= number <= 22 else "")


def gene_ref(transcript: ManeTranscript) -> GeneRef:
    if transcript.hgnc_id:
        return GeneRef("hgnc", transcript.hgnc_id)
    return GeneRef("ncbi", str(transcript.ncbi_gene_id))


def location(transcript: ManeTranscript, chromosome: str) -> GeneLocationRecord:
    return GeneLocationRecord(
        gene=gene_ref(transcript),
        assembly=ASSEMBLY,
        chromosome=chromosome,
        start=transcript.start,
        end=transcript.end,
        strand="+" if transcript.strand == "+" else "-",
        release=RELEASE,
        transcript=transcript.refseq_transcript,
    )


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """A GeneLocationRecord for every MANE Select transcript on a primary GRCh38 chromosome."""
    stats = stats if stats is not None else ParseStats()
    plus_clinical = off_chromosome = 0
    for transcript in parse_summary(files["summary"], stats):
        if transcript.status != SELECT:
            plus_clinical += 1  # Extra transcripts of genes that also have a Select one.
            continue
        chromosome = chromosome_of(transcript.sequence)
        if not chromosome:
            off_chromosome += 1
            continue
        yield location(transcript, chromosome)
    stats.notes.append(f"{plus_clinical} MANE Plus Clinical rows left out (the gene's Select row is used)")
    stats.notes.append(f"{off_chromosome} MANE Select rows on alternate loci or patches (NT_/NW_) left out")
