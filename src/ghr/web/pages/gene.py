"""Everything the gene page shows, as plain data: build it with ``gene_page(gene)``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from ghr.kb.models import ConditionInheritance, Gene, GeneConditionLink
from ghr.web.pages.gene_family import FamilyLink, gene_families
from ghr.web.pages.gene_rows import (
    ChromosomeDrawing,
    ConditionLink,
    GeneBatch,
    InheritanceRow,
    Span,
    StoredText,
    load_gene_batch,
)
from ghr.web.pages.ideogram import Marker, ideogram_svg
from ghr.web.pages.links import Link, gene_links
from ghr.web.pages.location import band_sentence, chromosome_phrase
from ghr.web.pages.references import References, ncbi_articles_link, page_references
from ghr.web.pages.sources import SourceNote
from ghr.web.pages.texts import GlossaryHit, PageTexts, glossary_terms_in, plain_text

NAME_KIND_LABELS = {
    "previous_symbol": "previous symbol",
    "alias_symbol": "other symbol",
    "previous_name": "previous name",
    "alias_name": "other name",
    "protein_name": "protein name",
    "withdrawn_symbol": "withdrawn symbol, now this gene",
}


@dataclass
class TextBlock:
    """A piece of prose: an editor's reviewed (or not yet reviewed) text, or one generated from facts."""

    html: Markup
    generated: bool
    sources: SourceNote
    reviewed: dt.date | None = None
    published: dt.date | None = None
    references: list[int] = field(default_factory=list)
    citations: list = field(default_factory=list)
    """The editors' references written out in full (ghr.editorial.citations.Citation)."""
    records: list[str] = field(default_factory=list)
    """For a generated text: the source records it was made from ('OMIM:176000')."""

    @property
    def unreviewed(self) -> bool:
        return not self.generated and self.reviewed is None


@dataclass
class ConditionBlock:
    condition: object
    url: str
    inheritance: list[str]
    text: TextBlock
    kind: str = "causes"
    """How the gene is linked to the condition: causes, risk, modifies, somatic or uncertain."""


@dataclass
class Location:
    band: str
    band_sentence: str
    chromosome: str
    chromosome_phrase: str
    start: int | None
    end: int | None
    strand: str
    assembly: str
    release: str
    transcript: str
    band_source: SourceNote
    span_source: SourceNote
    ideogram: Markup | None
    ideogram_text: str


@dataclass
class GenePage:
    gene: Gene
    other_names: list[tuple[str, str]]
    names_source: SourceNote
    function: TextBlock
    conditions: list[ConditionBlock]
    location: Location
    links: list[Link]
    glossary: list[GlossaryHit]
    references: References
    reviewed: dt.date | None
    published: dt.date | None
    has_editor_texts: bool = False
    citations: list = field(default_factory=list)
    function_terms: list = field(default_factory=list)
    """The gene's Gene Ontology terms, for health professionals (gene_rows.FunctionTerm)."""
    families: list[FamilyLink] = field(default_factory=list)
    """The gene families (HGNC gene groups with a page) the gene belongs to."""

    @property
    def symbol(self) -> str:
        return self.gene.symbol

    @property
    def name_source(self) -> SourceNote:
        return SourceNote.of([self.gene.source])


def as_block(text) -> TextBlock | None:
    if text is None:
        return None
    return TextBlock(html=Markup(text.html), generated=False, sources=SourceNote(()), reviewed=text.reviewed,
                     published=text.published, references=list(text.references),
                     citations=list(getattr(text, "citations", ())))  # fmt: skip


def block_citations(blocks) -> list:
    """The full citations of a page's texts, each once, in the order the texts show them."""
    return list(dict.fromkeys(c for b in blocks if b for c in b.citations))


def stored_block(text: StoredText, releases_by_key: dict) -> TextBlock:
    """A text the build wrote (``kb.Narrative``), named by the releases its facts come from."""
    releases = [releases_by_key[key] for key in text.sources if key in releases_by_key]
    return TextBlock(html=Markup(text.html), generated=True, sources=SourceNote.of(releases),
                     references=list(text.pmids), records=list(text.records))  # fmt: skip


def narrative_block(gene: Gene, rows, batch: GeneBatch) -> TextBlock:
    """The function text the build wrote for the gene (ghr.build.narrative); readers never compose it."""
    if rows.narrative is None:
        html = Markup("<p>No description of the function of the {} gene is available yet.</p>").format(gene.symbol)
        return TextBlock(html=html, generated=True, sources=SourceNote(()))
    return stored_block(rows.narrative, batch.releases_by_key)


def _inheritance_codes(rows: list[InheritanceRow]) -> list[str]:
    codes: list[str] = []
    for row in rows:
        if row.code not in codes:
            codes.append(row.code)
    return codes


LINK_ORDER = tuple(GeneConditionLink.Kind.values)
"""Link kinds in the order pages list them: the conditions a gene causes first."""


def link_block(gene: Gene, condition, batch: GeneBatch) -> TextBlock:
    """What the build wrote about the gene's link to one condition (ghr.build.narrative.sections)."""
    stored = batch.rows[gene.id].link_texts.get(condition.id)
    if stored is None:  # the build writes one for every linked pair; say nothing rather than compose words here
        return TextBlock(html=Markup(""), generated=True, sources=SourceNote(()))
    return stored_block(stored, batch.releases_by_key)


def condition_blocks(gene: Gene, batch: GeneBatch, texts: PageTexts) -> list[ConditionBlock]:
    grouped: dict[int, list[ConditionLink]] = {}
    for link in batch.rows[gene.id].condition_links:
        grouped.setdefault(link.condition.id, []).append(link)
    edited = {text.key: text for text in texts.under("gene-condition", f"{gene.symbol}/")}
    blocks, strength = [], {}
    decided = batch.rows[gene.id].link_kinds
    for links in grouped.values():
        condition = links[0].condition
        link = decided.get(condition.id)
        kind = link.kind if link else "uncertain"
        strength[condition.id] = link.strength if link else 0
        inheritance = batch.inheritance.get(condition.id, []) if kind == "causes" else []
        labels = [ConditionInheritance.Code(code).label for code in _inheritance_codes(inheritance)]
        text = as_block(edited.get(f"{gene.symbol}/{condition.slug}"))
        blocks.append(ConditionBlock(condition=condition, url=f"/condition/{condition.slug}", inheritance=labels,
                                     text=text or link_block(gene, condition, batch),
                                     kind=kind))  # fmt: skip
    # The conditions the gene causes first, the best established first; then risk, modifier, somatic, uncertain.
    blocks.sort(key=lambda b: (LINK_ORDER.index(b.kind), -strength[b.condition.id], b.condition.name.lower()))
    return blocks


def _ideogram(gene: Gene, span: Span | None, chromosome: ChromosomeDrawing | None) -> tuple[Markup | None, str]:
    if chromosome is None:
        return None, ""
    phrase = chromosome_phrase(chromosome.name)
    if span:
        text = (f"{phrase[0].upper() + phrase[1:]} is {chromosome.length_bp:,} base pairs long; the {gene.symbol} "
                f"gene lies from base pair {span.start:,} to {span.end:,}, marked on the drawing.")  # fmt: skip
    else:
        text = f"{phrase[0].upper() + phrase[1:]} is {chromosome.length_bp:,} base pairs long."
    marker = Marker(gene.symbol, span.start, span.end) if span else None
    svg_id = f"ideogram-{gene.symbol}"
    svg = ideogram_svg(chromosome, chromosome.bands, marker, svg_id, text, layer=chromosome.band_layer)
    return svg, text


def gene_location(gene: Gene, span: Span | None, chromosomes: dict[str, ChromosomeDrawing]) -> Location:
    chrom = span.chromosome if span else gene.chromosome if gene.chromosome in _CHROMOSOMES else ""
    svg, svg_text = _ideogram(gene, span, chromosomes.get(chrom)) if chrom else (None, "")
    return Location(
        band=gene.cytogenetic_location, band_sentence=band_sentence(gene.symbol, gene.cytogenetic_location),
        chromosome=chrom, chromosome_phrase=chromosome_phrase(chrom) if chrom else "",
        start=span.start if span else None, end=span.end if span else None, strand=span.strand if span else "",
        assembly=span.assembly if span else "", release=span.release if span else "",
        transcript=span.transcript if span else "", band_source=SourceNote.of([gene.source]),
        span_source=SourceNote.of([span.source] if span else []), ideogram=svg, ideogram_text=svg_text,
    )  # fmt: skip


_CHROMOSOMES = {str(n) for n in range(1, 23)} | {"X", "Y", "MT"}


def _page_dates(blocks: list[TextBlock]) -> tuple[dt.date | None, dt.date | None]:
    edited = [b for b in blocks if not b.generated]
    reviewed = max((b.reviewed for b in edited if b.reviewed), default=None)
    published = max((b.published for b in edited if b.published), default=None)
    return reviewed, published


def _gene_page(gene: Gene, batch: GeneBatch, texts: PageTexts, families: list[FamilyLink]) -> GenePage:
    rows = batch.rows[gene.id]
    function = as_block(texts.one("gene-function", gene.symbol)) or narrative_block(gene, rows, batch)
    conditions = condition_blocks(gene, batch, texts)
    page_texts = [gene.name, plain_text(function.html)] + [plain_text(b.text.html) for b in conditions]
    blocks = [function] + [b.text for b in conditions]
    citations = block_citations(blocks)
    references = page_references(blocks, citations, rows.references, ncbi_articles_link(gene.symbol, gene.ncbi_gene_id))
    reviewed, published = _page_dates(blocks)
    return GenePage(
        gene=gene, other_names=[(n.name, NAME_KIND_LABELS.get(n.kind, n.kind)) for n in rows.other_names],
        names_source=SourceNote.of(n.source for n in rows.other_names),
        function=function, conditions=conditions, location=gene_location(gene, rows.span, batch.chromosomes),
        links=gene_links(gene), glossary=glossary_terms_in(page_texts, texts.glossary()),
        references=references,
        reviewed=reviewed, published=published,
        has_editor_texts=any(not b.generated for b in blocks),
        citations=citations, function_terms=rows.function_terms,
        families=families,
    )  # fmt: skip


def gene_pages(genes: list[Gene], texts: PageTexts | None = None) -> list[GenePage]:
    """The page of each gene, in the order given, read with one query per relation for the whole list.

    ``texts`` is how editors' texts are read: one look-up at a time by default (as a request does), or preloaded
    (PreloadedPageTexts) when exporting thousands of pages.
    """
    texts = texts or PageTexts()
    batch = load_gene_batch(genes)
    families = gene_families([gene.id for gene in genes])
    return [_gene_page(gene, batch, texts, families.get(gene.id, [])) for gene in genes]


def gene_page(gene: Gene, texts: PageTexts | None = None) -> GenePage:
    return gene_pages([gene], texts)[0]
