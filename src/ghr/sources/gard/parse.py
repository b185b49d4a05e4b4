"""Parser for the gard package's diseases.trimmed.json: a JSON array of GARD disease objects.

The file is about 1 MB, so it is read whole (``json.load``) and then yielded entry by entry. Not JSON, not an
array, or no usable entry raises ``SourceFileError``; an entry without an integer id or a name is skipped and
counted in ``odd``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError


@dataclass(frozen=True, slots=True)
class GardDisease:
    """One GARD disease."""

    id: int
    """GARD's number, 9456 (MONDO writes it 'GARD:0009456')."""
    name: str
    """GARD's plain-language name, 'X-linked sideroblastic anemia'."""
    encoded_name: str
    """The name as it appears in GARD's page address, 'x-linked-sideroblastic-anemia'."""
    synonyms: tuple[str, ...] = ()
    """Other names and acronyms, ('XLSA',)."""
    categories: tuple[str, ...] = ()
    """GARD disease categories, ('Inborn Errors of Metabolism', 'Genetics', 'Hematology')."""


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item.strip() for item in value if isinstance(item, str) and item.strip())


# Sample input:
# [{"id":9456,"name":"X-linked sideroblastic anemia","encodedName":"x-linked-sideroblastic-anemia",
#   "synonyms":["XLSA"],"diseaseCategories":["Inborn Errors of Metabolism","Genetics","Hematology"]}, ...]
def parse_diseases(path: Path, odd: Counter | None = None) -> Iterator[GardDisease]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SourceFileError(path, "valid JSON", str(error)) from error
    if not isinstance(data, list):
        raise SourceFileError(path, "JSON array", f"top level is {type(data).__name__}")
    count = 0
    for entry in data:
        disease = _disease(entry)
        if disease is None:
            if odd is not None:
                odd["entry without id or name"] += 1
            continue
        count += 1
        yield disease
    if count == 0:
        raise SourceFileError(path, "zero records", "no disease with an id and a name")


def _disease(entry: object) -> GardDisease | None:
    if not isinstance(entry, dict):
        return None
    gard_id, name = entry.get("id"), entry.get("name")
    if isinstance(gard_id, bool) or not isinstance(gard_id, int) or gard_id <= 0:
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return GardDisease(
        id=gard_id,
        name=name.strip(),
        encoded_name=str(entry.get("encodedName") or ""),
        synonyms=_strings(entry.get("synonyms")),
        categories=_strings(entry.get("diseaseCategories")),
    )
