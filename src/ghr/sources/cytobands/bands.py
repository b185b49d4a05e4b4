"""Which cytogenetic band(s) a span of a chromosome lies in."""

from __future__ import annotations

from collections.abc import Sequence

from ghr.sources.records import BandRecord


def band_for_span(bands_of_chromosome: Sequence[BandRecord], start: int, end: int) -> str:
    """The band a 1-based inclusive span lies in, e.g. 'p11.21', or the range of bands it overlaps written the
    way HGNC and GHR write it, from the band nearest the p-terminus: 'q21.1-q21.3', 'p14.1-p13'.

    ``bands_of_chromosome`` are one chromosome's bands in UCSC layout (0-based, end exclusive), in any order.
    Returns '' when no band overlaps the span (e.g. on MT, which has none).
    """
    first_base, after_last = start - 1, end  # The span as 0-based half-open, like the bands.
    overlapping = [band for band in bands_of_chromosome if band.start < after_last and first_base < band.end]
    if not overlapping:
        return ""
    first = min(overlapping, key=lambda band: band.start)
    last = max(overlapping, key=lambda band: band.start)
    return first.name if first is last else f"{first.name}-{last.name}"
