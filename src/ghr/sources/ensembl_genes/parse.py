"""Read the Ideogram.js gene caches: gzip, tab-separated, '##' comment lines, then one '# ' header line.

Facts learnt from ideogram 1.53.0 (homo-sapiens, Ensembl 110):
- genes: ``# chr start length slim_id symbol description top_tissues top_tissues_in_gene``. ``slim_id`` is the
  Ensembl gene number without its prefix or zero padding: '158578' with '## prefix: ENSG' -> 'ENSG00000158578'
  (ideogram's ``getFullId`` pads to 11 digits). ``start`` is 1-based, copied from the GFF3, and ``length`` is
  end - start, so the last base is start + length: ALAS2 is 'X 55009055 21922', i.e. 55,009,055-55,030,977,
  exactly MANE's and Ensembl's span (TP53 and HIF1A agree with Ensembl 110 the same way).
- synonyms: ``# symbol synonyms``, then the symbol and each synonym in its own field ('ALAS2 ALAS-E ASB').
- gene structures: ``# transcript_name biotype_compressed <blank> strand features``; transcript names are
  '<symbol>-<number>' ('ALAS2-201'); the only cache that gives a strand.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

GENE_COLUMNS = ("chr", "start", "length", "slim_id", "symbol", "description")
SYNONYM_COLUMNS = ("symbol", "synonyms")
STRUCTURE_COLUMNS = ("transcript_name", "biotype_compressed", "", "strand")
PREFIX_LINE = re.compile(r"## prefix: (\w+)")
ENSEMBL_NUMBER_DIGITS = 11
STRANDS = ("+", "-")


@dataclass(frozen=True, slots=True)
class EnsemblGene:
    """One gene of the Ideogram.js gene cache."""

    chromosome: str
    """'X', '1', 'MT', or a contig such as 'KI270727.1'."""
    start: int
    """First base, 1-based inclusive."""
    end: int
    """Last base, 1-based inclusive (start + length)."""
    ensembl_id: str
    """Unversioned, 'ENSG00000158578'."""
    symbol: str
    """'ALAS2'."""
    description: str
    """"5'-aminolevulinate synthase 2"."""


@dataclass(frozen=True, slots=True)
class GeneSynonyms:
    """One row of the synonym cache."""

    symbol: str
    """'ALAS2'."""
    synonyms: tuple[str, ...]
    """('ALAS-E', 'ASB')."""


@dataclass(frozen=True, slots=True)
class TranscriptStrand:
    """The strand of one transcript of the gene-structure cache."""

    transcript_name: str
    """'ALAS2-201'."""
    strand: str
    """'+' or '-'."""

    @property
    def symbol(self) -> str:
        return self.transcript_name.rpartition("-")[0]


def _lines(path: Path) -> Iterator[str]:
    """The file's lines without line ends; SourceFileError if it is not complete gzip'd UTF-8 text."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield line.rstrip("\n")
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise SourceFileError(path, "complete gzip stream", str(error)) from error
    except UnicodeDecodeError as error:
        raise SourceFileError(path, "UTF-8 text", str(error)) from error


@dataclass
class _Table:
    comments: list[str]
    """The '##' lines before the header."""
    header: tuple[str, ...]
    lines: Iterator[str]
    """The remaining (data) lines."""

    def rows(self) -> Iterator[list[str]]:
        return (line.split("\t") for line in self.lines if line)


def _open_table(path: Path, columns: tuple[str, ...]) -> _Table:
    """Read up to the '# ' header line, which must start with ``columns``."""
    lines = _lines(path)
    comments = []
    for line in lines:
        if not line.startswith("##"):
            break
        comments.append(line)
    else:
        raise SourceFileError(path, "header line", "no header line")
    header = tuple(line.removeprefix("# ").split("\t"))
    if not line.startswith("# ") or header[: len(columns)] != columns:
        raise SourceFileError(path, "header line", f"expected '# {' '.join(columns)}', found {line!r:.120}")
    return _Table(comments, header, lines)


def _ensembl_prefix(comments: list[str]) -> str:
    for comment in comments:
        match = PREFIX_LINE.fullmatch(comment)
        if match:
            return match.group(1)
    return "ENSG"


def _gene(row: list[str], prefix: str) -> EnsemblGene:
    start = int(row[1])
    return EnsemblGene(
        chromosome=row[0],
        start=start,
        end=start + int(row[2]),
        ensembl_id=prefix + row[3].zfill(ENSEMBL_NUMBER_DIGITS),
        symbol=row[4],
        description=row[5],
    )


def _gene_rejection(row: list[str]) -> str:
    if not (row[1].isdigit() and row[2].isdigit() and row[3].isdigit()):
        return "non-numeric start, length or slim_id"
    if not row[0]:
        return "empty chromosome"
    return ""


# Sample row (tab-separated; the two tissue columns may be empty):
# X   55009055   21922   158578   ALAS2   5'-aminolevulinate synthase 2   48   21,48,2
def parse_genes(path: Path, stats: ParseStats | None = None) -> Iterator[EnsemblGene]:
    """Stream the genes of an Ideogram.js gene cache.

    Raises SourceFileError on a broken gzip stream, a header without the gene columns, a row with a different
    number of fields than the header (a cut-off file), or when there are no genes.
    """
    stats = stats if stats is not None else ParseStats()
    table = _open_table(path, GENE_COLUMNS)
    prefix = _ensembl_prefix(table.comments)
    read_before = stats.read
    for row in table.rows():
        if len(row) != len(table.header):
            detail = f"row {stats.read - read_before + 1} has {len(row)} fields, the header {len(table.header)}"
            raise SourceFileError(path, "fields per row", detail)
        stats.read += 1
        reason = _gene_rejection(row)
        if reason:
            stats.reject(reason)
            continue
        yield _gene(row, prefix)
    if stats.read == read_before:
        raise SourceFileError(path, "at least one gene row")


# Sample row (tab-separated):
# ALAS2   ALAS-E   ASB
def parse_synonyms(path: Path, stats: ParseStats | None = None) -> Iterator[GeneSynonyms]:
    """Stream the rows of an Ideogram.js synonym cache (a symbol, then one or more synonyms).

    Raises SourceFileError on a broken gzip stream, a wrong header, or when there are no rows.
    """
    stats = stats if stats is not None else ParseStats()
    read_before = stats.read
    for row in _open_table(path, SYNONYM_COLUMNS).rows():
        stats.read += 1
        synonyms = tuple(name for name in row[1:] if name)
        if not row[0] or not synonyms:
            stats.reject("synonym row without a symbol or synonyms")
            continue
        yield GeneSynonyms(row[0], synonyms)
    if stats.read == read_before:
        raise SourceFileError(path, "at least one synonym row")


# Sample row (tab-separated; the features column is long and not read):
# ALAS2-201   34   0   -   2;0;90   1;0;254   1;4397;162   ...
def parse_transcript_strands(path: Path, stats: ParseStats | None = None) -> Iterator[TranscriptStrand]:
    """Stream the transcript names and strands of an Ideogram.js gene-structure cache.

    Raises SourceFileError on a broken gzip stream, a wrong header, a row too short to hold a strand, or when
    there are no rows.
    """
    stats = stats if stats is not None else ParseStats()
    read_before = stats.read
    for row in _open_table(path, STRUCTURE_COLUMNS).rows():
        if len(row) < len(STRUCTURE_COLUMNS):
            raise SourceFileError(path, "fields per row", f"a row has {len(row)} fields, not at least 4")
        stats.read += 1
        if row[3] not in STRANDS or "-" not in row[0]:
            stats.reject("transcript without a strand or a '<symbol>-<number>' name")
            continue
        yield TranscriptStrand(row[0], row[3])
    if stats.read == read_before:
        raise SourceFileError(path, "at least one transcript row")
