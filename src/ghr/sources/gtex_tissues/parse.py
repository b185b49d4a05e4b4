"""Read Ideogram.js's GTEx tissue cache: a header naming the tissues, then one line per gene.

Header line (tissue name, colour, number of samples), then a gene with one entry per tissue, highest median first:

    ## tissues: Adipose_Subcutaneous,FF6600,663;Adipose_Visceral_Omentum,FFAA00,541;...
    ALAS2	48;13.71;261.6;600.3;1298.0;6049.0;385;163;...	42;.13;3.32;10.09;...

Each entry is: tissue number; minimum; first quartile; median; third quartile; maximum (TPM); then a histogram.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

TOP = 5


@dataclass(frozen=True, slots=True)
class GeneTissues:
    """The tissues where a gene is most active."""

    symbol: str
    tissues: tuple[tuple[str, float], ...]
    """(GTEx tissue name, median TPM), highest first, at most TOP; cultured cells left out."""


def _tissue_names(header: str, path: Path) -> list[str]:
    if not header.startswith("## tissues:"):
        raise SourceFileError(path, "Ideogram tissue cache", "the first line does not name the tissues")
    return [entry.split(",", 1)[0].strip() for entry in header.split(":", 1)[1].split(";") if entry.strip()]


def _entry(text: str, names: list[str]) -> tuple[str, float] | None:
    fields = text.split(";")
    if len(fields) < 4 or not fields[0].isdigit() or int(fields[0]) >= len(names):
        return None
    try:
        return names[int(fields[0])], float(fields[3] or 0)
    except ValueError:
        return None


def parse_tissues(path: Path, stats: ParseStats | None = None) -> Iterator[GeneTissues]:
    stats = stats if stats is not None else ParseStats()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            names = _tissue_names(next(lines, ""), path)
            for line in lines:
                if line.startswith("#") or not line.strip():
                    continue
                symbol, *entries = line.rstrip("\n").split("\t")
                stats.read += 1
                found = [_entry(e, names) for e in entries]
                if not symbol or any(f is None for f in found):
                    stats.reject("malformed tissue entry")
                    continue
                kept = [(name, median) for name, median in found if not name.startswith("Cells_")]
                yield GeneTissues(symbol, tuple(sorted(kept, key=lambda t: -t[1])[:TOP]))
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise SourceFileError(path, "gzip text", str(error)) from error
