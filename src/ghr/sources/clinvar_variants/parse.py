"""Read Ideogram.js's ClinVar cache: a variant table and an index that names its coded columns and genes.

The cache keeps ClinVar variants that are at least likely pathogenic and reviewed by several submitters without
conflict, an expert panel or a practice guideline. Coded columns hold positions in lists given in the index's
header, and each gene's rows are a byte range of the (decompressed) variant table.

Index header line (a JSON list after the name), then one row per gene:

    # disease_mondo_ids_and_names = ["0014502|Mendelian_susceptibility_to_...", "0014052|Congenital_myasthenic_..."]
    TP53	3187029	27350

Variant row (CHROM POS ID REF ALT DISEASE_IDS AF_EXAC CLNREVSTAT CLNSIG CLNVC MC ORIGIN RS):

    7	117667091	53947	C	T	92,2446,2445,2447	0.00003	0	1	0	2	1	374705585

ORIGIN is ClinVar's bit mask: 1 germline, 2 somatic, 4 inherited, 8 paternal, 16 maternal, 32 de novo...
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.stats import ParseStats

COLUMNS = 12
GERMLINE_BITS = 1 | 4 | 8 | 16 | 32
SOMATIC_BIT = 2


class VariantCacheError(ValueError):
    """The cache is not in the layout this parser reads."""


@dataclass(frozen=True, slots=True)
class GeneDiseaseVariants:
    """How many reviewed pathogenic ClinVar variants of one gene are reported for one disease."""

    symbol: str
    """Gene symbol as the cache gives it, e.g. 'CFTR'."""
    mondo_id: str
    """The disease, e.g. 'MONDO:0009061'."""
    disease_name: str
    """ClinVar's name for the disease, underscores turned to spaces: 'Cystic fibrosis'."""
    germline: int
    """Variants seen in the germline (inherited or new in a family)."""
    somatic_only: int
    """Variants seen only in tumour or other somatic cells."""
    shared: int = 0
    """Of the germline variants, those the cache also lists under another gene (overlapping or neighbouring
    genes, such as HFE and H2BC4): they do not tell which of the genes is the cause."""
    shared_with: tuple[str, ...] = ()
    """The other genes those shared variants are listed under."""


def read_index(path: Path) -> tuple[dict[str, list], dict[str, tuple[int, int]]]:
    """(coded-column lists by name, gene -> (byte offset, byte length)) from the index file."""
    keys: dict[str, list] = {}
    genes: dict[str, tuple[int, int]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# ") and " = [" in line:
                name, value = line[2:].split(" = ", 1)
                keys[name.strip()] = json.loads(value)
            elif line.strip() and not line.startswith("#"):
                fields = line.rstrip("\n").split("\t")
                if len(fields) == 3 and fields[0] != "gene" and fields[1].isdigit() and fields[2].isdigit():
                    genes[fields[0]] = (int(fields[1]), int(fields[2]))
    if "disease_mondo_ids_and_names" not in keys or not genes:
        raise VariantCacheError(f"{path.name}: no disease list or no gene rows")
    return keys, genes


def _diseases(keys: dict[str, list]) -> list[tuple[str, str]]:
    diseases = []
    for entry in keys["disease_mondo_ids_and_names"]:
        number, _, name = str(entry).partition("|")
        diseases.append((f"MONDO:{number.zfill(7)}", name.replace("_", " ")))
    return diseases


def _count_gene(rows: list[str], diseases: list, stats: ParseStats) -> tuple[Counter, Counter, dict]:
    germline, somatic = Counter(), Counter()
    variant_ids: dict[int, set[str]] = {}
    for row in rows:
        fields = row.split("\t")
        stats.read += 1
        if len(fields) < COLUMNS or not fields[11].strip().isdigit():
            stats.reject("malformed variant row")
            continue
        origin = int(fields[11])
        # Only a variant seen in tumour cells and never in the germline counts as somatic; "unknown" (0) rows are
        # nearly all germline submissions, so they count with those.
        target = somatic if origin & SOMATIC_BIT and not origin & GERMLINE_BITS else germline
        for code in filter(None, fields[5].split(",")):
            if not code.isdigit() or int(code) >= len(diseases):
                stats.reject("unknown disease code")
                continue
            target[int(code)] += 1
            if target is germline:
                variant_ids.setdefault(int(code), set()).add(fields[2])
    return germline, somatic, variant_ids


def parse_variants(variants: Path, index: Path, stats: ParseStats | None = None) -> Iterator[GeneDiseaseVariants]:
    stats = stats or ParseStats()
    keys, genes = read_index(index)
    diseases = _diseases(keys)
    with gzip.open(variants, "rb") as handle:
        table = handle.read()
    counted = {}
    genes_of_variant: dict[tuple[int, str], set[str]] = {}
    for symbol, (offset, length) in sorted(genes.items()):
        # The last gene's range counts a final newline the file does not have: one byte over is the end of file.
        if offset + length > len(table) + 1:
            raise VariantCacheError(f"{variants.name}: {symbol}'s rows lie beyond the end of the file (truncated?)")
        rows = [row for row in table[offset : offset + length].decode("utf-8").splitlines() if row.strip()]
        counted[symbol] = _count_gene(rows, diseases, stats)
        for code, ids in counted[symbol][2].items():
            for variant in ids:
                genes_of_variant.setdefault((code, variant), set()).add(symbol)
    for symbol, (germline, somatic, variant_ids) in counted.items():
        for code in sorted(set(germline) | set(somatic)):
            mondo_id, name = diseases[code]
            others = [genes_of_variant[(code, v)] - {symbol} for v in variant_ids.get(code, ())]
            shared_with = tuple(sorted(set().union(*others))) if others else ()
            shared = sum(1 for other in others if other)
            yield GeneDiseaseVariants(symbol, mondo_id, name, germline[code], somatic[code], shared, shared_with)
