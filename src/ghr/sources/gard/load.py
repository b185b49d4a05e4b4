"""Map GARD diseases to ``ConditionRecord`` (db 'GARD').

Key: GARD's number zero-padded to seven digits, '0009456', the form MONDO's xrefs use ('GARD:0009456'), so a
GARD record and MONDO's xref to it are the same ``ConditionId`` without any translation in the merge.
``gard_key`` is the one place that writes the form; the MONDO loader uses it too (MONDO also has a few
unpadded 'GARD:3126').

The name is GARD's plain-language name (also given as the record's consumer name); synonyms that look like
acronyms (all capitals/digits, no spaces, 2-12 characters: 'XLSA', 'XLDPP') are acronyms, the rest synonyms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.gard import parse
from ghr.sources.records import ConditionId, ConditionRecord

_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9\-]{1,11}")


def gard_key(number: int | str) -> str:
    """9456, '9456' or '0009456' -> '0009456'."""
    return f"{int(number):07d}"


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[ConditionRecord]:
    for disease in parse.parse_diseases(files["diseases"], odd):
        acronyms = tuple(s for s in disease.synonyms if _ACRONYM.fullmatch(s))
        yield ConditionRecord(
            id=ConditionId("GARD", gard_key(disease.id)),
            name=disease.name,
            synonyms=tuple(s for s in disease.synonyms if s not in acronyms),
            acronyms=acronyms,
            consumer_names=(disease.name,),
        )
