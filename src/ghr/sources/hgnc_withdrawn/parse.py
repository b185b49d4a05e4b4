"""Read an HGNC custom download (tab-separated, one header row) for its withdrawn entries.

A withdrawn symbol's row says where it went in its name column, e.g. "symbol withdrawn, see
[HGNC:397](/data/gene-symbol-report/#!/hgnc_id/HGNC:397)", or several genes: "... see [HGNC:4206](...) and
[HGNC:9936](...)". Rows with status 'Entry Withdrawn' name no replacement.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError, require_final_newline
from ghr.sources.stats import ParseStats

ID_COLUMN, SYMBOL_COLUMN, NAME_COLUMN, STATUS_COLUMN = "HGNC ID", "Approved symbol", "Approved name", "Status"
REQUIRED_COLUMNS = (ID_COLUMN, SYMBOL_COLUMN, NAME_COLUMN, STATUS_COLUMN)
SYMBOL_WITHDRAWN = "Symbol Withdrawn"
HGNC_ID = re.compile(r"HGNC:\d+")


@dataclass(frozen=True, slots=True)
class WithdrawnSymbol:
    """A symbol HGNC no longer uses, and the genes it now belongs to."""

    hgnc_id: str
    """The withdrawn entry's own ID, 'HGNC:737'."""
    symbol: str
    """'ASB'."""
    replaced_by: tuple[str, ...]
    """HGNC IDs of the genes that carry on the withdrawn one, ('HGNC:397',)."""


# Sample rows (tab-separated; 13 columns, the last nine left out here):
# HGNC ID    Approved symbol  Approved name                                                  Status
# HGNC:397   ALAS2            5'-aminolevulinate synthase 2                                  Approved
# HGNC:737   ASB              symbol withdrawn, see [HGNC:397](/data/gene-symbol-report/#!/hgnc_id/HGNC:397)
#                                                                                            Symbol Withdrawn
# HGNC:1     A12M1            adenovirus-12 chromosome modification site 1C                  Entry Withdrawn
def parse_withdrawn(path: Path, stats: ParseStats | None = None) -> Iterator[WithdrawnSymbol]:
    """Stream the withdrawn symbols that name a replacement; other rows are only counted.

    Raises SourceFileError when a needed column is missing, a row is cut short, or the file is not UTF-8 text.
    """
    stats = stats if stats is not None else ParseStats()
    require_final_newline(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t")
            header = next(reader, None)
            if header is None or any(column not in header for column in REQUIRED_COLUMNS):
                raise SourceFileError(path, "header columns", "expected " + ", ".join(REQUIRED_COLUMNS))
            yield from _rows(path, reader, header, stats)
    except (UnicodeDecodeError, csv.Error) as error:
        raise SourceFileError(path, "UTF-8 tab-separated text", str(error)) from error
    if stats.read == 0:
        raise SourceFileError(path, "at least one row")


def _rows(path: Path, reader, header: list[str], stats: ParseStats) -> Iterator[WithdrawnSymbol]:
    for row in reader:
        if not row:
            continue
        if len(row) != len(header):
            detail = f"line {reader.line_num} has {len(row)} fields, the header {len(header)}"
            raise SourceFileError(path, "fields per row", detail)
        stats.read += 1
        values = dict(zip(header, row, strict=True))
        if values[STATUS_COLUMN] != SYMBOL_WITHDRAWN:
            continue
        own_id = values[ID_COLUMN]
        replaced_by = tuple(dict.fromkeys(i for i in HGNC_ID.findall(values[NAME_COLUMN]) if i != own_id))
        if not replaced_by or not values[SYMBOL_COLUMN]:
            stats.reject("withdrawn symbol naming no replacement")
            continue
        yield WithdrawnSymbol(own_id, values[SYMBOL_COLUMN], replaced_by)
