"""The chromosome pages: size, gene count, ideogram and the genes on it that are linked to conditions."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ghr.kb.models import (
    Chromosome,
    ConditionChromosome,
    CytoBand,
    GeneCondition,
    GeneConditionLink,
    GeneLocation,
    SourceRelease,
)
from ghr.web.pages.ideogram import Marker, ideogram_svg
from ghr.web.pages.location import chromosome_phrase
from ghr.web.pages.sources import SourceNote

NAMES = [str(n) for n in range(1, 23)] + ["X", "Y", "MT"]


@dataclass
class GeneWithConditions:
    symbol: str
    name: str
    start: int
    conditions: list[tuple[str, str]]  # (name, slug)


@dataclass
class ChromosomalCondition:
    """A condition caused by a change in the number or structure of this chromosome."""

    name: str
    slug: str
    region: str
    words: str
    start: int | None
    end: int | None


@dataclass
class ChromosomePage:
    chromosome: Chromosome
    phrase: str
    title: str
    ideogram: Markup
    ideogram_text: str
    band_count: int
    genes: list[GeneWithConditions]
    sources: SourceNote
    genes_source: SourceNote
    chromosomal_conditions: list[ChromosomalCondition]


def canonical_name(text: str) -> str | None:
    """'x' -> 'X', 'mt' -> 'MT', '7' -> '7'; None when it names no human chromosome."""
    upper = text.upper()
    return upper if upper in NAMES else None


def _chromosomal_conditions(name: str) -> list[ChromosomalCondition]:
    rows = ConditionChromosome.objects.filter(chromosome=name).values_list(
        "condition__name", "condition__slug", "region", "words", "start", "end")  # fmt: skip
    found = [ChromosomalCondition(*row) for row in rows]
    # Whole-chromosome changes first, then regions along the chromosome.
    return sorted(found, key=lambda c: (c.region != "", c.start or 0, c.name.lower()))


def _genes_with_conditions(name: str) -> tuple[list[GeneWithConditions], SourceNote]:
    # Plain tuples, not model objects: chromosome 1 has well over a thousand gene-condition links. Only the
    # conditions each gene causes (a direct link of kind "causes", ghr.build.link_kinds) are listed.
    starts = dict(GeneLocation.objects.filter(chromosome=name, assembly="GRCh38").values_list("gene_id", "start"))
    causes = GeneConditionLink.objects.filter(gene_id__in=list(starts), kind="causes", via="")
    caused = {(gene_id, condition_id) for gene_id, condition_id in causes.values_list("gene_id", "condition_id")}
    rows = (GeneCondition.objects.filter(gene_id__in=list(starts))
            .values_list("gene_id", "gene__symbol", "gene__name", "condition__name", "condition__slug", "source_id",
                         "condition_id")
            .order_by("gene__symbol", "condition__name"))  # fmt: skip
    genes: dict[int, GeneWithConditions] = {}
    source_ids = set()
    for gene_id, symbol, gene_name, condition_name, slug, source_id, condition_id in rows.iterator(chunk_size=5000):
        if (gene_id, condition_id) not in caused:
            continue
        source_ids.add(source_id)
        entry = genes.setdefault(gene_id, GeneWithConditions(symbol, gene_name, starts.get(gene_id, 0), []))
        if (condition_name, slug) not in entry.conditions:
            entry.conditions.append((condition_name, slug))
    releases = SourceRelease.objects.filter(id__in=source_ids).order_by("name")
    return sorted(genes.values(), key=lambda g: (g.start, g.symbol)), SourceNote.of(releases)


def chromosome_page(chromosome: Chromosome) -> ChromosomePage:
    bands = list(CytoBand.objects.filter(chromosome=chromosome).select_related("source").order_by("start"))
    phrase = chromosome_phrase(chromosome.name)
    text = f"{phrase[0].upper()}{phrase[1:]} is {chromosome.length_bp:,} base pairs long" + (
        f" and is drawn with its {len(bands)} bands." if bands else "; no band pattern is recorded for it."
    )
    genes, genes_source = _genes_with_conditions(chromosome.name)
    chromosomal = _chromosomal_conditions(chromosome.name)
    regions = tuple(Marker(f"{c.name}: {chromosome.name}{c.region}", c.start, c.end)
                    for c in chromosomal if c.start is not None)  # fmt: skip
    if regions:
        text += f" The regions changed in {len(regions)} conditions are marked above it."
    title = "Mitochondrial DNA" if chromosome.name == "MT" else f"Chromosome {chromosome.name}"
    svg = ideogram_svg(chromosome, bands, None, f"ideogram-chr{chromosome.name}", text, regions=regions)
    return ChromosomePage(
        chromosome=chromosome, phrase=phrase, title=title, ideogram=svg, ideogram_text=text,
        band_count=len(bands), genes=genes, sources=SourceNote.of([chromosome.source] + [b.source for b in bands[:1]]),
        genes_source=genes_source, chromosomal_conditions=chromosomal,
    )  # fmt: skip
