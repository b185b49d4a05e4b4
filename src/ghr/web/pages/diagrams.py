"""Family diagrams of the inheritance patterns, drawn by the project as inline SVG.

Each pattern is one or two small family trees (parents above, children below) in the usual pedigree symbols:
a square is a male, a circle a female, a filled shape has the condition, a dot in the centre marks a carrier.
Under each person are their two copies of the gene (or, for mitochondrial inheritance, their mitochondria); a
filled copy is altered. Every person also carries words ("Son", "has the condition"), so nothing is told by fill
alone, and the caption says the same chances in sentences.

Everything is drawn in ``currentColor`` with presentation attributes (no inline style, no script): the drawing
takes the text colour, so it prints in black and follows forced-colors (high-contrast) modes. These are fixed
pictures of the patterns, not facts of any record: pages pick the ones matching the patterns the build stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 400
PARENT_TOP, CHILD_TOP, HEIGHT = 8, 200, 354
TEXT = {"fill": "currentColor", "stroke": "none"}  # words are filled, never outlined like the shapes
SHAPE = 40  # side of a square, diameter of a circle
# Short enough to fit under a person at phone width; the caption says the same in sentences.
STATUS_WORDS = {"affected": "affected", "carrier": "carrier", "unaffected": "unaffected", "new": "new change",
                "a": "A only", "ab": "A and B", "b": "B only"}  # fmt: skip


@dataclass(frozen=True)
class Person:
    role: str
    """'Father', 'Mother', 'Son', 'Daughter' or 'Child'."""
    status: str
    """A key of STATUS_WORDS."""
    copies: str
    """One letter per copy: 'A' working, 'a' altered, 'B' the other version (codominance); 'X', 'x' altered X,
    'Y', 'y' altered Y; 'M' healthy mitochondria, 'm' altered ones."""

    @property
    def male(self) -> bool:
        return self.role in ("Father", "Son")


@dataclass(frozen=True)
class Panel:
    title: str
    """What the drawing shows, for screen readers (its accessible name)."""
    parents: tuple[Person, Person]
    children: tuple[Person, ...]

    def svg(self, uid: str) -> Markup:
        """The drawing, its ids starting with ``uid`` (unique on the page)."""
        return panel_svg(self, uid)


@dataclass(frozen=True)
class Diagram:
    code: str
    name: str
    panels: tuple[Panel, ...]
    chances: str
    """The same chances in words: the drawing's text alternative, shown under it."""

    @property
    def key(self) -> str:
        """What the symbols mean, in words."""
        shapes = "A square is a male and a circle a female; a filled shape has the condition"
        if self.code == "m":
            return f"{shapes}. The ovals under each person are mitochondria; filled ones carry the change."
        if self.code == "ac":
            return (
                "A square is a male and a circle a female. The bars under each person are their two copies of "
                "the gene: an empty bar is version A, a striped bar version B."
            )
        carrier = "; a dot in the middle marks a carrier" if self.code in ("ar", "xr") else ""
        return (
            f"{shapes}{carrier}. The bars under each person are their two copies of the gene"
            f"{' (X and Y chromosomes)' if self.code in ('xr', 'xd', 'y') else ''}; a filled bar is altered."
        )


def _p(spec: str) -> Person:
    role, status, copies = spec.split()
    return Person(role, status, copies)


def _family(title: str, father: str, mother: str, *children: str) -> Panel:
    return Panel(title, (_p(father), _p(mother)), tuple(_p(child) for child in children))


DIAGRAMS = {
    "ad": Diagram("ad", "Autosomal dominant", (
        _family("An affected father and an unaffected mother, and their four children: two have the condition",
                "Father affected aA", "Mother unaffected AA",
                "Son affected aA", "Daughter unaffected AA", "Daughter affected aA", "Son unaffected AA"),),
        "One altered copy of the gene is enough to cause the condition. When one parent has it, each child has a "
        "50 percent (1 in 2) chance of inheriting the altered copy and having the condition, and a 50 percent "
        "chance of inheriting two working copies."),
    "ar": Diagram("ar", "Autosomal recessive", (
        _family("Two carrier parents and their four children: one has the condition, two are carriers, one is not",
                "Father carrier aA", "Mother carrier aA",
                "Son affected aa", "Daughter carrier aA", "Son carrier Aa", "Daughter unaffected AA"),),
        "Both copies of the gene must be altered to cause the condition. When both parents are carriers, each "
        "child has a 25 percent (1 in 4) chance of having the condition, a 50 percent (1 in 2) chance of being a "
        "carrier like the parents, and a 25 percent chance of inheriting two working copies."),
    "xr": Diagram("xr", "X-linked recessive", (
        _family("A carrier mother and an unaffected father, and their four children",
                "Father unaffected XY", "Mother carrier xX",
                "Son affected xY", "Son unaffected XY", "Daughter carrier xX", "Daughter unaffected XX"),
        _family("An affected father and an unaffected mother, and their four children",
                "Father affected xY", "Mother unaffected XX",
                "Son unaffected XY", "Son unaffected XY", "Daughter carrier xX", "Daughter carrier xX")),
        "The gene is on the X chromosome. When the mother is a carrier, each son has a 50 percent (1 in 2) chance "
        "of having the condition, and each daughter has a 50 percent chance of being a carrier. When the father "
        "has the condition, all his daughters are carriers and none of his sons have it, because fathers pass "
        "their Y chromosome, not their X, to sons."),
    "xd": Diagram("xd", "X-linked dominant", (
        _family("An affected mother and an unaffected father, and their four children: two have the condition",
                "Father unaffected XY", "Mother affected xX",
                "Son affected xY", "Son unaffected XY", "Daughter affected xX", "Daughter unaffected XX"),
        _family("An affected father and an unaffected mother, and their four children: both daughters have it",
                "Father affected xY", "Mother unaffected XX",
                "Son unaffected XY", "Son unaffected XY", "Daughter affected xX", "Daughter affected xX")),
        "The gene is on the X chromosome, and one altered copy is enough. When the mother has the condition, each "
        "child, son or daughter, has a 50 percent (1 in 2) chance of having it. When the father has it, all his "
        "daughters have it and none of his sons do, because fathers pass their X chromosome only to daughters."),
    "y": Diagram("y", "Y-linked", (
        _family("An affected father and an unaffected mother, and their four children: both sons have it",
                "Father affected Xy", "Mother unaffected XX",
                "Son affected Xy", "Daughter unaffected XX", "Son affected Xy", "Daughter unaffected XX"),),
        "The gene is on the Y chromosome, which only males have. A father passes it to all of his sons and to "
        "none of his daughters."),
    "m": Diagram("m", "Mitochondrial", (
        _family("An affected mother and an unaffected father: all four children inherit her mitochondria",
                "Father unaffected MMM", "Mother affected mmm",
                "Son affected mmm", "Daughter affected mmm", "Son affected mmm", "Daughter affected mmm"),
        _family("An affected father and an unaffected mother: none of the children inherit his mitochondria",
                "Father affected mmm", "Mother unaffected MMM",
                "Son unaffected MMM", "Daughter unaffected MMM", "Son unaffected MMM", "Daughter unaffected MMM")),
        "The gene is in the DNA of mitochondria, which children inherit only from their mother. All children of a "
        "mother with the change can inherit it, though how much they are affected varies. A father does not pass "
        "his mitochondria on, so his children are not affected through him."),
    "ac": Diagram("ac", "Codominant", (
        _family("Two parents who each have versions A and B of a gene, and their four children",
                "Father ab AB", "Mother ab AB",
                "Son a AA", "Daughter ab AB", "Son ab AB", "Daughter b BB"),),
        "Two different versions of the gene are both active; neither hides the other, as with blood type AB. "
        "When both parents have one copy of each version, each child has a 25 percent (1 in 4) chance of two "
        "copies of version A, a 50 percent (1 in 2) chance of one of each, with both versions active, and a "
        "25 percent chance of two copies of version B."),
    "n": Diagram("n", "Not inherited", (
        _family("Two unaffected parents and three children: one child has a new genetic change",
                "Father unaffected AA", "Mother unaffected AA",
                "Son unaffected AA", "Daughter new aA", "Son unaffected AA"),),
        "The condition is not passed down from the parents. Where a genetic change causes it, neither parent has "
        "the change: it happens new in one person, often in only some of the body's cells during their lifetime. "
        "Brothers and sisters are usually not at a higher risk, and a change that is only in some body cells is "
        "not passed on to children."),
}  # fmt: skip


def _attrs(**values) -> str:
    return " ".join(f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in values.items())


def _shape(person: Person, cx: int, top: int) -> list[str]:
    filled = person.status in ("affected", "new")
    fill = "currentColor" if filled else "none"
    r = SHAPE // 2
    if person.male:
        parts = [f"<rect {_attrs(x=cx - r, y=top, width=SHAPE, height=SHAPE, fill=fill)}/>"]
    else:
        parts = [f"<circle {_attrs(cx=cx, cy=top + r, r=r, fill=fill)}/>"]
    if person.status == "carrier":
        parts.append(f"<circle {_attrs(cx=cx, cy=top + r, r=6, fill='currentColor')}/>")
    return parts


def _copies(person: Person, cx: int, top: int, hatch: str, lettered: bool) -> list[str]:
    parts = []
    count = len(person.copies)
    if person.copies.lower().startswith("m"):
        for i, letter in enumerate(person.copies):
            fill = "currentColor" if letter == "m" else "none"
            parts.append(f"<ellipse {_attrs(cx=cx + (i - 1) * 24, cy=top + 16, rx=10, ry=6, fill=fill)}/>")
        return parts
    for i, letter in enumerate(person.copies):
        x = cx - 8 * count + i * 16 + 2
        height = 22 if letter in "Yy" else 34
        fill = "currentColor" if letter in "axy" else f"url(#{hatch})" if letter == "B" else "none"
        parts.append(f"<rect {_attrs(x=x, y=top + 34 - height, width=12, height=height, fill=fill)}/>")
        if lettered or letter.upper() in "XY":
            parts.append(f"<text {_attrs(x=x + 6, y=top + 54, font_size=15, **TEXT)}>{letter.upper()}</text>")
    return parts


def _person(person: Person, cx: int, top: int, hatch: str, lettered: bool) -> str:
    words = STATUS_WORDS[person.status]
    parts = [*_shape(person, cx, top), *_copies(person, cx, top + SHAPE + 8, hatch, lettered),
             f'<text {_attrs(x=cx, y=top + 124, font_size=17, font_weight="bold", **TEXT)}>{person.role}</text>',
             f"<text {_attrs(x=cx, y=top + 144, font_size=16, **TEXT)}>{escape(words)}</text>"]  # fmt: skip
    return f'<g class="person" data-status="{person.status}">{"".join(parts)}</g>'


def _lines(children: int) -> str:
    """The couple's line, the line down to the children and each child's line up to it."""
    step = WIDTH // children
    first, last = step // 2, WIDTH - step // 2
    join = CHILD_TOP - 16
    lines = [(130, 28, 270, 28), (200, 28, 200, join), (first, join, last, join)]
    lines += [(first + i * step, join, first + i * step, CHILD_TOP) for i in range(children)]
    return "".join(f"<line {_attrs(x1=a, y1=b, x2=c, y2=d)}/>" for a, b, c, d in lines)


def panel_svg(panel: Panel, uid: str) -> Markup:
    """One family tree as an ``<svg role="img">`` named by its title."""
    hatch = f"{uid}-hatch"
    step = WIDTH // len(panel.children)
    # Copies are lettered where letters tell them apart: X and Y always, versions A and B in codominance.
    lettered = any("B" in person.copies for person in (*panel.parents, *panel.children))
    people = [_person(parent, cx, PARENT_TOP, hatch, lettered)
              for parent, cx in zip(panel.parents, (110, 290), strict=True)]  # fmt: skip
    people += [_person(child, step // 2 + i * step, CHILD_TOP, hatch, lettered)
               for i, child in enumerate(panel.children)]  # fmt: skip
    defs = (
        f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke-width="3"/></pattern></defs>'
    )
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{uid}-title" class="pedigree" stroke="currentColor" stroke-width="2.5" '
           f'fill="none" text-anchor="middle" font-family="inherit">'
           f'<title id="{uid}-title">{escape(panel.title)}</title>{defs}'
           f'<g class="lines">{_lines(len(panel.children))}</g>{"".join(people)}</svg>')  # fmt: skip
    return Markup(svg)


def diagram_for(code: str) -> Diagram | None:
    """The diagram of an inheritance code (``ConditionInheritance.Code``), or None for patterns with no single
    family picture (multifactorial, unknown, X-linked without a stated type)."""
    return DIAGRAMS.get(code)
