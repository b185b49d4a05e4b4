"""What gene pages read from the knowledge base, for a whole batch of genes at once.

One query per relation for the batch, whatever its size: a request asks for a batch of one, the static export for
hundreds. Rows arrive as plain values (``values_list``), not model instances, because building tens of thousands of
model objects is what made exporting every gene page slow; the releases they cite are read once per batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ghr.kb.models import (
    Chromosome,
    ConditionInheritance,
    CytoBand,
    Gene,
    GeneCondition,
    GeneConditionLink,
    GeneFunctionTerm,
    GeneLocation,
    GeneName,
    GeneReference,
    Narrative,
    SourceRelease,
)
from ghr.web.pages.ideogram import Band, band_layer
from ghr.web.pages.references import SOURCE_HEADINGS


@dataclass(frozen=True)
class FunctionTerm:
    """One Gene Ontology annotation of the gene."""

    name: str
    ontology: str
    """BP, MF or CC."""
    evidence: str
    source: SourceRelease
    """The release of the annotation."""
    term_source: SourceRelease
    """The release of the ontology that names the term."""


@dataclass(frozen=True)
class LinkedCondition:
    id: int
    name: str
    slug: str


@dataclass(frozen=True)
class ConditionLink:
    """One source's record that changes in the gene are associated with a condition."""

    condition: LinkedCondition
    evidence: str
    pmids: tuple[int, ...]
    source: SourceRelease


@dataclass(frozen=True)
class InheritanceRow:
    code: str
    source: SourceRelease


@dataclass(frozen=True)
class OtherName:
    name: str
    kind: str
    source: SourceRelease


@dataclass(frozen=True)
class Span:
    """The gene's GRCh38 span (the first by chromosome and start when a gene has several)."""

    chromosome: str
    start: int
    end: int
    strand: str
    assembly: str
    release: str
    transcript: str
    source: SourceRelease


@dataclass(frozen=True)
class ChromosomeDrawing:
    """What an ideogram needs: the chromosome's name and length and its bands, by start."""

    name: str
    length_bp: int
    bands: tuple[Band, ...]
    band_layer: str
    """The bands drawn as SVG, once for all the genes of a batch on this chromosome."""


@dataclass(frozen=True)
class LinkKind:
    """The build's decision on one gene-condition link (``GeneConditionLink``)."""

    kind: str
    strength: int


@dataclass(frozen=True)
class StoredText:
    """A text the build wrote (``kb.Narrative``), as a page shows it."""

    html: str
    sources: tuple[str, ...]
    """Keys of the releases its facts come from."""
    pmids: tuple[int, ...] = ()
    """PubMed ids of the articles the source records cite."""
    records: tuple[str, ...] = ()
    """The source records the text was made from ('OMIM:176000'), shown beside it."""


@dataclass
class GeneRows:
    function_terms: list[FunctionTerm] = field(default_factory=list)
    """By ontology, then term name."""
    condition_links: list[ConditionLink] = field(default_factory=list)
    """By condition name."""
    link_kinds: dict[int, LinkKind] = field(default_factory=dict)
    """Condition id -> how the gene is linked to it (direct links only)."""
    other_names: list[OtherName] = field(default_factory=list)
    """By name."""
    references: dict[str, list[int]] = field(default_factory=dict)
    """PubMed ids, ascending, by the key of the source that gives them (only the sources pages list)."""
    span: Span | None = None
    narrative: StoredText | None = None
    """The function text the build wrote (ghr.build.narrative)."""
    link_texts: dict[int, StoredText] = field(default_factory=dict)
    """Condition id -> what the build wrote about the gene's link to it."""


@dataclass
class GeneBatch:
    """The rows of every gene in a batch, and what the pages share (inheritance of conditions, chromosomes)."""

    rows: dict[int, GeneRows]
    inheritance: dict[int, list[InheritanceRow]]
    """Condition id -> its inheritance rows, in the order the build wrote them."""
    chromosomes: dict[str, ChromosomeDrawing]
    releases_by_key: dict[str, SourceRelease] = field(default_factory=dict)


def load_gene_batch(genes: list[Gene]) -> GeneBatch:
    ids = [gene.id for gene in genes]
    releases = {release.id: release for release in SourceRelease.objects.all()}
    rows = {gene_id: GeneRows() for gene_id in ids}
    _add_function_terms(rows, ids, releases)
    condition_ids = _add_condition_links(rows, ids, releases)
    _add_other_names(rows, ids, releases)
    _add_references(rows, ids, releases)
    _add_spans(rows, ids, releases)
    _add_narratives(rows, ids)
    names = {row.span.chromosome for row in rows.values() if row.span} | {gene.chromosome for gene in genes}
    by_key = {release.key: release for release in releases.values()}
    return GeneBatch(rows, _inheritance(condition_ids, releases), _chromosomes(names), by_key)


def _add_narratives(rows: dict[int, GeneRows], ids: list[int]) -> None:
    # gene_id | condition_id | role | html | sources | facts
    # 4       | 17 | gene-condition | <p>Changes in the ALAS2 gene cause ...</p> | ["uniprot"] | {"pmids": [...]}
    found = Narrative.objects.filter(gene_id__in=ids, role__in=("function", "gene-condition"))
    for gene_id, condition_id, role, html, sources, facts in found.values_list(
        "gene_id", "condition_id", "role", "html", "sources", "facts"
    ):
        text = StoredText(html, tuple(sources), tuple(facts.get("pmids", ())), tuple(facts.get("evidence", ())))
        if role == "function":
            rows[gene_id].narrative = text
        else:
            rows[gene_id].link_texts[condition_id] = text


def _add_function_terms(rows: dict[int, GeneRows], ids: list[int], releases: dict) -> None:
    # gene_id | term name | ontology | evidence | source_id | term source_id
    # 4       | heme biosynthetic process | BP | IDA | 3 | 5
    ordered = GeneFunctionTerm.objects.filter(gene_id__in=ids).order_by("gene_id", "term__ontology", "term__name")
    found = ordered.values_list("gene_id", "term__name", "term__ontology", "evidence", "source_id", "term__source_id")
    for gene_id, name, ontology, evidence, source_id, term_source_id in found:
        term = FunctionTerm(name, ontology, evidence, releases[source_id], releases[term_source_id])
        rows[gene_id].function_terms.append(term)


def _add_condition_links(rows: dict[int, GeneRows], ids: list[int], releases: dict) -> set[int]:
    found = (GeneCondition.objects.filter(gene_id__in=ids).order_by("condition__name")
             .values_list("gene_id", "condition_id", "condition__name", "condition__slug", "evidence", "pmids",
                          "source_id"))  # fmt: skip
    conditions: dict[int, LinkedCondition] = {}
    for gene_id, condition_id, name, slug, evidence, pmids, source_id in found:
        condition = conditions.setdefault(condition_id, LinkedCondition(condition_id, name, slug))
        link = ConditionLink(condition, evidence, tuple(pmids or ()), releases[source_id])
        rows[gene_id].condition_links.append(link)
    decided = GeneConditionLink.objects.filter(gene_id__in=ids, via="")
    for gene_id, condition_id, kind, strength in decided.values_list("gene_id", "condition_id", "kind", "strength"):
        rows[gene_id].link_kinds[condition_id] = LinkKind(kind, strength)
    return set(conditions)


def _inheritance(condition_ids: set[int], releases: dict) -> dict[int, list[InheritanceRow]]:
    shown = ConditionInheritance.objects.filter(condition_id__in=condition_ids, shown=True)
    ordered = shown.order_by("condition_id", "id")
    found = ordered.values_list("condition_id", "code", "source_id")
    inheritance: dict[int, list[InheritanceRow]] = {}
    for condition_id, code, source_id in found:
        inheritance.setdefault(condition_id, []).append(InheritanceRow(code, releases[source_id]))
    return inheritance


def _add_other_names(rows: dict[int, GeneRows], ids: list[int], releases: dict) -> None:
    found = (GeneName.objects.filter(gene_id__in=ids).order_by("name", "id")
             .values_list("gene_id", "name", "kind", "source_id"))  # fmt: skip
    for gene_id, name, kind, source_id in found:
        rows[gene_id].other_names.append(OtherName(name, kind, releases[source_id]))


def _add_references(rows: dict[int, GeneRows], ids: list[int], releases: dict) -> None:
    # Only the sources a page lists (ghr.web.pages.references); NCBI's newest articles stay for the API.
    found = (GeneReference.objects.filter(gene_id__in=ids, source__key__in=list(SOURCE_HEADINGS))
             .order_by("pmid").values_list("gene_id", "pmid", "source_id"))  # fmt: skip
    for gene_id, pmid, source_id in found:
        rows[gene_id].references.setdefault(releases[source_id].key, []).append(pmid)


def _add_spans(rows: dict[int, GeneRows], ids: list[int], releases: dict) -> None:
    # gene_id | chromosome | start | end | strand | assembly | release | transcript | source_id
    # 4       | X | 55009055 | 55030977 | - | GRCh38 | MANE Select v1.5 | NM_000032.5 | 7
    found = (GeneLocation.objects.filter(gene_id__in=ids, assembly="GRCh38").order_by("gene_id", "chromosome", "start")
             .values_list("gene_id", "chromosome", "start", "end", "strand", "assembly", "release", "transcript",
                          "source_id"))  # fmt: skip
    for gene_id, *values, source_id in found:
        if rows[gene_id].span is None:
            rows[gene_id].span = Span(*values, source=releases[source_id])


def _chromosomes(names: set[str]) -> dict[str, ChromosomeDrawing]:
    chromosomes = dict(Chromosome.objects.filter(name__in=names).values_list("name", "length_bp"))
    bands: dict[str, list[Band]] = {name: [] for name in chromosomes}
    found = (CytoBand.objects.filter(chromosome__name__in=chromosomes).order_by("chromosome__name", "start")
             .values_list("chromosome__name", "name", "start", "end", "stain"))  # fmt: skip
    for chromosome, *band in found:
        bands[chromosome].append(Band(*band))
    return {
        name: ChromosomeDrawing(name, length, tuple(bands[name]), band_layer(bands[name], length))
        for name, length in chromosomes.items()
    }
