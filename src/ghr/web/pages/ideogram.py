"""Server-drawn SVG ideograms (chromosome with its Giemsa bands), optionally marking one gene's span."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
BAR_Y = 34
BAR_HEIGHT = 22
LEFT = 10
RIGHT = 10

# Grey levels for the stains; centromeres (acen) in a muted red, variable regions hatched grey-blue.
STAIN_FILL = {
    "gneg": "#ffffff", "gpos25": "#c8c8c8", "gpos33": "#b4b4b4", "gpos50": "#969696", "gpos66": "#787878",
    "gpos75": "#646464", "gpos100": "#202020", "acen": "#b04a4a", "gvar": "#8fa3b8", "stalk": "#dcdcdc",
}  # fmt: skip


@dataclass(frozen=True)
class Band:
    name: str
    start: int
    end: int
    stain: str


@dataclass(frozen=True)
class Marker:
    label: str
    start: int
    end: int


def _x(position: int, length: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * position / max(length, 1)


def _band_rects(bands, length: int) -> list[str]:
    parts = []
    for band in bands:
        x0, x1 = _x(band.start, length), _x(band.end, length)
        fill = STAIN_FILL.get(band.stain, "#ffffff")
        parts.append(
            f'<rect x="{x0:.2f}" y="{BAR_Y}" width="{max(x1 - x0, 0.5):.2f}" height="{BAR_HEIGHT}" '
            f'fill="{fill}"><title>{escape(band.name)}</title></rect>'
        )
    return parts


def _marker(marker: Marker, length: int) -> list[str]:
    x0, x1 = _x(marker.start, length), _x(marker.end, length)
    mid = (x0 + x1) / 2
    anchor = "start" if mid < WIDTH * 0.15 else "end" if mid > WIDTH * 0.85 else "middle"
    return [
        f'<rect x="{min(x0, mid - 1.5):.2f}" y="{BAR_Y - 6}" width="{max(x1 - x0, 3):.2f}" '
        f'height="{BAR_HEIGHT + 12}" fill="#c05600" class="ideogram-marker"/>',
        f'<path d="M{mid - 6:.2f},10 L{mid + 6:.2f},10 L{mid:.2f},{BAR_Y - 8} Z" fill="#c05600"/>',
        f'<text x="{mid:.2f}" y="8" text-anchor="{anchor}" font-size="12" font-weight="700" '
        f'fill="#1b1b1b">{escape(marker.label)}</text>',
    ]


def _arm_labels(bands, length: int) -> list[str]:
    centromere = [b for b in bands if b.stain == "acen"]
    if not centromere:
        return []
    middle = _x(centromere[0].end if centromere[0].name.startswith("p") else centromere[0].start, length)
    y = BAR_Y + BAR_HEIGHT + 16
    return [
        f'<text x="{(LEFT + middle) / 2:.2f}" y="{y}" text-anchor="middle" font-size="12" fill="#1b1b1b">'
        "short arm (p)</text>",
        f'<text x="{(middle + WIDTH - RIGHT) / 2:.2f}" y="{y}" text-anchor="middle" font-size="12" '
        'fill="#1b1b1b">long arm (q)</text>',
    ]


def band_layer(bands, length: int) -> str:
    """The bands as SVG rectangles. The same for every gene on a chromosome, so pages drawn in bulk share one."""
    return "".join(_band_rects(bands, length))


def _regions(regions, length: int) -> list[str]:
    """Regions (a chromosomal condition's deleted or duplicated bands) as brackets above the bar, each titled."""
    parts = []
    for region in regions:
        x0, x1 = _x(region.start, length), _x(region.end, length)
        parts.append(
            f'<rect x="{x0:.2f}" y="{BAR_Y - 9}" width="{max(x1 - x0, 3):.2f}" height="6" fill="#c05600" '
            f'class="ideogram-region"><title>{escape(region.label)}</title></rect>'
        )
    return parts


def ideogram_svg(
    chromosome,
    bands,
    marker: Marker | None,
    svg_id: str,
    description: str,
    *,
    layer: str | None = None,
    regions: tuple[Marker, ...] = (),
) -> Markup:
    """An accessible inline SVG: role=img with <title> and <desc>; the page also states the same in words.

    ``layer`` is ``band_layer(bands, chromosome.length_bp)`` when the caller has it already.
    """
    length = chromosome.length_bp
    label = "the mitochondrial DNA" if chromosome.name == "MT" else f"chromosome {chromosome.name}"
    title = f"Ideogram of {label}" + (f" showing where {marker.label} is" if marker else "")
    top = 0 if marker else BAR_Y - 12 if regions else BAR_Y - 6  # room above the bar for what is marked there
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top} {WIDTH} {BAR_Y + BAR_HEIGHT + 24 - top}" '
        f'role="img" aria-labelledby="{svg_id}-title {svg_id}-desc" class="ideogram-svg">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        f'<desc id="{svg_id}-desc">{escape(description)}</desc>',
        f'<rect x="{LEFT}" y="{BAR_Y}" width="{WIDTH - LEFT - RIGHT}" height="{BAR_HEIGHT}" fill="#ffffff" '
        'stroke="#1b1b1b" rx="8"/>',
        band_layer(bands, length) if layer is None else layer,
        f'<rect x="{LEFT}" y="{BAR_Y}" width="{WIDTH - LEFT - RIGHT}" height="{BAR_HEIGHT}" fill="none" '
        'stroke="#1b1b1b" stroke-width="1.5" rx="8"/>',
        *_arm_labels(bands, length),
    ]
    parts += _regions(regions, length)
    if marker:
        parts += _marker(marker, length)
    parts.append("</svg>")
    return Markup("".join(parts))
