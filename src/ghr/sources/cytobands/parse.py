"""Read bioframe's copies of UCSC's hg38 files.

- ``hg38.cytoband.tsv``: UCSC cytoBand layout, ``chrom start end band stain`` (0-based, end exclusive); bioframe
  adds that header line, UCSC's own cytoBand.txt has none, so both are accepted.
- ``hg38.seqinfo.tsv``: ``name length role molecule unit aliases``, one row per sequence (chr1..chrY, chrM,
  then unlocalized/unplaced contigs and alternate loci).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

CYTOBAND_COLUMNS = ("chrom", "start", "end", "band", "stain")
SEQINFO_COLUMNS = ("name", "length")


@dataclass(frozen=True, slots=True)
class UcscBand:
    """One row of a UCSC cytoBand table."""

    sequence: str
    """UCSC sequence name, 'chrX'."""
    start: int
    """0-based first base."""
    end: int
    """0-based, exclusive."""
    name: str
    """'p11.21' (may be '' for unbanded sequences)."""
    stain: str
    """'gneg', 'gpos25'..'gpos100', 'acen', 'gvar' or 'stalk'."""


@dataclass(frozen=True, slots=True)
class SequenceLength:
    """One row of bioframe's seqinfo table."""

    name: str
    """UCSC sequence name, 'chrX', 'chrM', 'chr1_KI270706v1_random'."""
    length: int
    """Length in base pairs."""


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line.rstrip("\n").split("\t")
    except UnicodeDecodeError as error:
        raise SourceFileError(path, "UTF-8 text", str(error)) from error


def _band(path: Path, number: int, row: list[str]) -> UcscBand:
    if len(row) != len(CYTOBAND_COLUMNS):
        raise SourceFileError(path, "fields per row", f"line {number} has {len(row)} fields, not 5")
    if not (row[1].isdigit() and row[2].isdigit()) or int(row[1]) >= int(row[2]):
        raise SourceFileError(path, "band start and end", f"line {number}: {row[1]!r}, {row[2]!r}")
    return UcscBand(row[0], int(row[1]), int(row[2]), row[3], row[4])


# Sample row (tab-separated):
# chrX   54800000   58100000   p11.21   gneg
def parse_cytobands(path: Path, stats: ParseStats | None = None) -> Iterator[UcscBand]:
    """Stream the bands of a cytoBand table.

    The table is small and exact, so any malformed row (wrong field count, non-numeric or empty span) raises
    SourceFileError rather than being skipped; so does a file with no bands.
    """
    stats = stats if stats is not None else ParseStats()
    read_before = stats.read
    for number, row in _lines(path):
        if number == 1 and tuple(row) == CYTOBAND_COLUMNS:
            continue
        stats.read += 1
        yield _band(path, number, row)
    if stats.read == read_before:
        raise SourceFileError(path, "at least one band row")


# Sample row (tab-separated):
# chrX   156040895   assembled   chrX   primary   X,CM000685.2,NC_000023.11
def parse_seqinfo(path: Path, stats: ParseStats | None = None) -> Iterator[SequenceLength]:
    """Stream the sequence names and lengths of a bioframe seqinfo table.

    Raises SourceFileError if the header does not start with 'name length', a row lacks a numeric length, or
    there are no rows.
    """
    stats = stats if stats is not None else ParseStats()
    lines = _lines(path)
    _, header = next(lines, (0, []))
    if tuple(header[:2]) != SEQINFO_COLUMNS:
        raise SourceFileError(path, "header columns", f"expected 'name length ...', found {header[:6]}")
    read_before = stats.read
    for number, row in lines:
        if len(row) != len(header) or not row[1].isdigit():
            raise SourceFileError(path, "fields per row", f"line {number}: {row[:3]}")
        stats.read += 1
        yield SequenceLength(row[0], int(row[1]))
    if stats.read == read_before:
        raise SourceFileError(path, "at least one sequence row")
