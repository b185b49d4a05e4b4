"""Map UCSC hg38 sequences and bands to the chromosomes and bands of GRCh38 the site shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.cytobands.parse import ParseStats, parse_cytobands, parse_seqinfo
from ghr.sources.records import BandRecord, ChromosomeRecord, Record, SourceFileError

CHROMOSOME_BY_UCSC_NAME = {
    **{f"chr{number}": str(number) for number in range(1, 23)},
    "chrX": "X",
    "chrY": "Y",
    "chrM": "MT",
}
"""The 25 chromosomes the site has pages for; UCSC's contigs and alternate loci are left out."""


def chromosome_records(path: Path, stats: ParseStats) -> list[ChromosomeRecord]:
    """All 25 chromosomes with their lengths; SourceFileError if one is missing (chrM included: its
    length, 16,569 bp, is that of the rCRS, NC_012920.1)."""
    lengths = {
        CHROMOSOME_BY_UCSC_NAME[row.name]: row.length
        for row in parse_seqinfo(path, stats)
        if row.name in CHROMOSOME_BY_UCSC_NAME
    }
    missing = [name for name in CHROMOSOME_BY_UCSC_NAME.values() if name not in lengths]
    if missing:
        raise SourceFileError(path, "all chromosomes 1-22, X, Y and M", "missing " + ", ".join(missing))
    return [ChromosomeRecord(name, lengths[name]) for name in CHROMOSOME_BY_UCSC_NAME.values()]


def band_records(path: Path, stats: ParseStats) -> Iterator[BandRecord]:
    other_sequences = 0
    for band in parse_cytobands(path, stats):
        chromosome = CHROMOSOME_BY_UCSC_NAME.get(band.sequence)
        if chromosome is None:
            other_sequences += 1
            continue
        yield BandRecord(chromosome, band.name, band.start, band.end, band.stain)
    if other_sequences:
        stats.notes.append(f"{other_sequences} bands on contigs or alternate loci left out")


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """The 25 ChromosomeRecords (1-22, X, Y, MT), then every BandRecord of those chromosomes.

    MT has no bands (UCSC's table has none for chrM). A band that runs past its chromosome's end raises
    SourceFileError: the two files would then not be of the same assembly.
    """
    stats = stats if stats is not None else ParseStats()
    chromosomes = chromosome_records(files["seqinfo"], stats)
    yield from chromosomes
    lengths = {chromosome.name: chromosome.length_bp for chromosome in chromosomes}
    for band in band_records(files["cytobands"], stats):
        if band.end > lengths[band.chromosome]:
            detail = f"{band.chromosome}{band.name} ends at {band.end}, the chromosome at {lengths[band.chromosome]}"
            raise SourceFileError(files["cytobands"], "bands lie within their chromosome", detail)
        yield band
