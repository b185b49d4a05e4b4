"""Plain-language reading of cytogenetic bands such as 'Xp11.21' or '11q23.2-q23.3'."""

from __future__ import annotations

import re

_BAND = re.compile(r"^(?P<chrom>\d{1,2}|X|Y)(?P<arm>[pq])(?P<pos>[\d.]+)(?:-(?P<arm2>[pq])?(?P<pos2>[\d.]+))?$")
ARMS = {"p": "short (p) arm", "q": "long (q) arm"}


def chromosome_phrase(name: str) -> str:
    """'the X chromosome', 'chromosome 11', 'the mitochondrial DNA'."""
    if name in ("X", "Y"):
        return f"the {name} chromosome"
    if name == "MT":
        return "the mitochondrial DNA"
    return f"chromosome {name}"


def band_sentence(symbol: str, band: str) -> str:
    """'The ALAS2 gene is located on the short (p) arm of the X chromosome at position 11.21.'; '' if unreadable."""
    match = _BAND.match(band.strip())
    if not match:
        return ""
    chrom, arm, pos = match.group("chrom"), match.group("arm"), match.group("pos")
    where = f"on the {ARMS[arm]} of {chromosome_phrase(chrom)}"
    if not match.group("pos2"):
        return f"The {symbol} gene is located {where} at position {pos}."
    arm2 = match.group("arm2") or arm
    if arm2 != arm:
        return (f"The {symbol} gene spans the centromere of {chromosome_phrase(chrom)}, from position {pos} "
                f"on the {ARMS[arm]} to position {match.group('pos2')} on the {ARMS[arm2]}.")  # fmt: skip
    return f"The {symbol} gene is located {where}, between positions {pos} and {match.group('pos2')}."
