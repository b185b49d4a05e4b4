"""Everything the condition page shows, as plain data: build it with ``condition_page(condition)``, or for many
conditions at once (as the static export does) with ``condition_pages(conditions)``; both take the same path."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from ghr.kb.models import (
    Condition,
    ConditionChromosome,
    ConditionFact,
    ConditionFeature,
    ConditionInheritance,
    ConditionName,
    ConditionParent,
    ConditionReference,
    ConditionXref,
    GeneCondition,
    GeneConditionLink,
    Narrative,
    SourceRelease,
)
from ghr.web.pages.diagrams import Diagram, diagram_for
from ghr.web.pages.gene import TextBlock, as_block, block_citations, stored_block
from ghr.web.pages.gene_rows import StoredText
from ghr.web.pages.links import XREF_ORDER, Link, XrefLink, condition_help_links, xref_link
from ghr.web.pages.references import References, page_references
from ghr.web.pages.sources import SourceNote
from ghr.web.pages.texts import GlossaryHit, GlossaryMatcher, PageTexts, glossary_terms_in, plain_text

INHERITANCE_EXPLAINED = {
    "ad": "one altered copy of the gene in each cell is enough to cause the condition",
    "ar": "both copies of the gene in each cell have changes",
    "xd": "a change in one copy of a gene on the X chromosome is enough to cause the condition",
    "xr": "the gene is on the X chromosome; in males one altered copy causes the condition, "
    "in females usually both copies must be altered",
    "x": "the gene is on the X chromosome",
    "m": "the gene is in the DNA of mitochondria, which is passed on by mothers",
    "y": "the gene is on the Y chromosome and is passed from fathers to sons",
    "ac": "two different versions of the gene are both expressed",
    "mf": "several genes act together with lifestyle and the environment; there is no single-gene pattern",
    "n": "the condition is usually not inherited: it is not usually passed down through families",
    "u": "how the condition is inherited is not known",
}


EDITED_KINDS = ("description", "frequency", "causes", "inheritance")
LINK_ORDER = tuple(GeneConditionLink.Kind.values)
NAME_KIND_LABELS = dict(ConditionName.Kind.choices)

Releases = dict[int, SourceRelease]


@dataclass
class FactItem:
    text: str
    sources: SourceNote
    code: str = ""
    """For an inheritance pattern: its code (``ConditionInheritance.Code``)."""


COMMON_FEATURES = 6
"""How many of the most frequent features a condition page lists before the full list."""


@dataclass
class GeneCause:
    symbol: str
    name: str
    url: str
    sources: SourceNote
    kind: str = "causes"
    """How the gene is linked (``GeneConditionLink.Kind``): causes, risk, modifies, somatic or uncertain."""
    via: RelatedCondition | None = None
    """For a general condition: the type the gene was found on."""


@dataclass
class GeneGroup:
    """The genes linked to a condition in one way, in the order of their evidence."""

    kind: str
    genes: list[GeneCause]

    HEADINGS = {"causes": "Genes that cause it", "risk": "Genes that raise the chance of it",
                "modifies": "Genes that change how it develops", "somatic": "Genes changed in tumor cells",
                "uncertain": "Genes with weaker evidence"}  # fmt: skip

    @property
    def heading(self) -> str:
        return self.HEADINGS[self.kind]


@dataclass
class Feature:
    name: str
    hpo_id: str
    lay_names: list[str]
    frequency: str
    """How many people with the condition have it, in one plain form ("most people"), or ''."""
    system: str = ""
    """The body system, in everyday words (set by the build from HPO's categories)."""
    share: float = -1.0
    """The frequency as a share of people, for ordering; -1 when unknown."""

    @property
    def label(self) -> str:
        """Everyday words first, the medical term after."""
        return self.lay_names[0] if self.lay_names else self.name

    @property
    def url(self) -> str:
        return f"https://hpo.jax.org/browse/term/{self.hpo_id}"


@dataclass
class FeatureGroup:
    system: str
    features: list[Feature]


@dataclass
class RelatedCondition:
    """A broader or narrower condition: just what the page's link to it shows."""

    slug: str
    name: str


@dataclass
class ConditionPage:
    condition: Condition
    description: TextBlock
    frequency: TextBlock | None
    prevalence: list[FactItem]
    onset: list[FactItem]
    causes_text: TextBlock | None
    genes: list[GeneCause]
    inheritance_text: TextBlock | None
    inheritance: list[FactItem]
    other_names: list[tuple[str, str]]
    names_source: SourceNote
    xrefs: list[XrefLink]
    help_links: list[Link]
    features: list[Feature]
    features_source: SourceNote
    related: list[tuple[str, RelatedCondition]]
    glossary: list[GlossaryHit]
    references: References
    reviewed: dt.date | None
    published: dt.date | None
    has_editor_texts: bool = False
    citations: list = field(default_factory=list)
    chromosome_change: tuple[str, str, str] | None = None
    """(chromosome, region, the change in words) when a chromosome change causes the condition."""
    title: str = ""
    """The name the page goes by: the editors' title for their description, else the knowledge base's name."""
    professional: list[FactItem] = field(default_factory=list)
    """Descriptions written for health professionals (UniProt's), shown apart from the plain text."""

    @property
    def sentence_title(self) -> str:
        """The title inside a question ("What is cystic fibrosis?"): the build's sentence form of the name, or the
        editors' title as they wrote it."""
        if self.title.casefold() == self.condition.name.casefold() and self.condition.sentence_name:
            return self.condition.sentence_name
        return self.title

    @property
    def diagrams(self) -> list[Diagram]:
        """A family diagram for each pattern the page states that has one. "Not inherited" is drawn as a new
        genetic change, so only where a gene or a chromosome change is known to cause the condition: many such
        conditions are acquired (a poisoning, an infection) and have no genetic change to draw."""
        genetic = bool(self.genes or self.chromosome_change)
        found = (diagram_for(item.code) for item in self.inheritance if item.code != "n" or genetic)
        return [diagram for diagram in found if diagram is not None]

    @property
    def gene_groups(self) -> list[GeneGroup]:
        return gene_groups(self.genes)

    @property
    def feature_groups(self) -> list[FeatureGroup]:
        """Features by body system (the systems with most features first), the most frequent first in each."""
        groups: dict[str, list[Feature]] = {}
        for feature in self.features:
            groups.setdefault(feature.system or "other features", []).append(feature)
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "other features", -len(item[1]), item[0]))
        return [FeatureGroup(system, sorted(found, key=lambda f: (-f.share, not f.lay_names, f.label.lower())))
                for system, found in ordered]  # fmt: skip

    @property
    def common_features(self) -> list[Feature]:
        """Up to six features whose frequency the sources give, the most frequent first, for the top of the list;
        none when no frequency is known (the page then cannot say which are most common)."""
        known = [feature for feature in self.features if feature.share > 0]
        return sorted(known, key=lambda f: (-f.share, not f.lay_names, f.label.lower()))[:COMMON_FEATURES]

    @staticmethod
    def facts_source(items: list[FactItem]) -> SourceNote:
        """One note for a list of facts, rather than one per fact."""
        return SourceNote.of_labels(item.sources for item in items)

    @property
    def genes_source(self) -> SourceNote:
        """One note for the whole gene list, rather than one per gene."""
        return SourceNote.of_labels(gene.sources for gene in self.genes)


@dataclass
class _Batch:
    """The knowledge-base rows of a list of conditions, read with one query per relation, by condition id."""

    releases: Releases
    facts: dict[tuple[int, str], list[FactItem]]
    """Keyed by (condition id, fact kind)."""
    genes: dict[int, list[GeneCause]]
    inheritance: dict[int, list[FactItem]]
    features: dict[int, tuple[list[Feature], SourceNote]]
    xrefs: dict[int, list[XrefLink]]
    related: dict[int, list[tuple[str, RelatedCondition]]]
    names: dict[int, list[tuple[str, str, int]]]
    """(name, kind, source id) rows, in the order the page lists them."""
    references: dict[int, dict[str, set[int]]]
    chromosomes: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    """Condition id -> (chromosome, region, the change in words) for chromosomal conditions."""
    narratives: dict[tuple[int, str], TextBlock] = field(default_factory=dict)
    """Condition id -> the description the build wrote."""


def _note(releases: Releases, source_ids) -> SourceNote:
    # One release gives one label, so dropping repeated ids first keeps the labels and their order.
    return SourceNote.of(releases[source_id] for source_id in dict.fromkeys(source_ids))


def _facts(ids: list[int], releases: Releases) -> dict[tuple[int, str], list[FactItem]]:
    facts: dict[tuple[int, str], list[FactItem]] = {}
    rows = ConditionFact.objects.filter(condition_id__in=ids).order_by("id")
    for condition_id, kind, value, source_id in rows.values_list("condition_id", "kind", "value", "source_id"):
        facts.setdefault((condition_id, kind), []).append(FactItem(value, SourceNote.of([releases[source_id]])))
    return facts


def _link_sources(ids: list[int], links: list[tuple]) -> dict[tuple[int, int | str], list[int]]:
    """Source release ids of each link's rows, keyed (condition id, gene id) or, for a gathered link, (type slug,
    gene id)."""
    found: dict[tuple, list[int]] = {}
    rows = GeneCondition.objects.filter(condition_id__in=ids).order_by("id")
    for condition_id, gene_id, source_id in rows.values_list("condition_id", "gene_id", "source_id"):
        found.setdefault((condition_id, gene_id), []).append(source_id)
    via = {row[6] for row in links if row[6]}
    if via:
        rows = GeneCondition.objects.filter(condition__slug__in=via, gene_id__in={row[1] for row in links if row[6]})
        for slug, gene_id, source_id in rows.order_by("id").values_list("condition__slug", "gene_id", "source_id"):
            found.setdefault((slug, gene_id), []).append(source_id)
    return found


def _genes(ids: list[int], releases: Releases) -> dict[int, list[GeneCause]]:
    """Each condition's genes: those that cause it first (best established first), then risk, modifier, somatic
    and uncertain links (the kinds and order are decided in the build, ``ghr.build.link_kinds``)."""
    links = list(GeneConditionLink.objects.filter(condition_id__in=ids).values_list(
        "condition_id", "gene_id", "gene__symbol", "gene__name", "kind", "rank", "via"))  # fmt: skip
    links.sort(key=lambda row: (row[0], LINK_ORDER.index(row[4]), row[5]))
    sources = _link_sources(ids, links)
    via_names = dict(Condition.objects.filter(slug__in={row[6] for row in links if row[6]}).values_list("slug", "name"))
    grouped: dict[int, list[GeneCause]] = {}
    for condition_id, gene_id, symbol, name, kind, _, via in links:
        note = _note(releases, sources.get((via or condition_id, gene_id), []))
        through = RelatedCondition(via, via_names.get(via, via)) if via else None
        grouped.setdefault(condition_id, []).append(GeneCause(symbol, name, f"/gene/{symbol}", note, kind, through))
    return grouped


def gene_groups(genes: list[GeneCause]) -> list[GeneGroup]:
    groups: dict[str, list[GeneCause]] = {}
    for gene in genes:
        groups.setdefault(gene.kind, []).append(gene)
    return [GeneGroup(kind, groups[kind]) for kind in LINK_ORDER if kind in groups]


def _inheritance(ids: list[int], releases: Releases) -> dict[int, list[FactItem]]:
    by_code: dict[int, dict[str, list[int]]] = {}
    # The order of the unique (condition, code, source) index, which single-condition queries used to follow.
    rows = ConditionInheritance.objects.filter(condition_id__in=ids, shown=True).order_by("code", "source_id")
    for condition_id, code, source_id in rows.values_list("condition_id", "code", "source_id"):
        by_code.setdefault(condition_id, {}).setdefault(code, []).append(source_id)
    return {condition_id: [_inheritance_item(code, sources, releases) for code, sources in codes.items()]
            for condition_id, codes in by_code.items()}  # fmt: skip


def _inheritance_item(code: str, source_ids: list[int], releases: Releases) -> FactItem:
    label = ConditionInheritance.Code(code).label
    return FactItem(f"{label}: {INHERITANCE_EXPLAINED.get(code, '')}.", _note(releases, source_ids), code)


def _narratives(ids: list[int], releases: Releases) -> dict[tuple[int, str], TextBlock]:
    """The texts the build wrote for each condition and section (ghr.build.narrative), keyed (condition id, role);
    shown where no editor wrote one."""
    by_key = {release.key: release for release in releases.values()}
    rows = Narrative.objects.filter(condition_id__in=ids, gene__isnull=True).values_list(
        "condition_id", "role", "html", "sources")  # fmt: skip
    return {(condition_id, role): stored_block(StoredText(html, tuple(sources)), by_key)
            for condition_id, role, html, sources in rows}  # fmt: skip


def _no_description(condition: Condition) -> TextBlock:
    return TextBlock(html=Markup("<p>No description of {} is available yet.</p>").format(condition.name),
                     generated=True, sources=SourceNote(()))  # fmt: skip


def _everyday_names(name: str, layperson_synonyms: list[str] | None) -> list[str]:
    """Layperson synonyms, without repeating the medical name itself or each other."""
    seen = {name.lower()}
    names = []
    for synonym in layperson_synonyms or []:
        if synonym.lower() not in seen:
            seen.add(synonym.lower())
            names.append(synonym)
    return names


def _features(ids: list[int], releases: Releases) -> dict[int, tuple[list[Feature], SourceNote]]:
    features: dict[int, list[Feature]] = {}
    sources: dict[int, list[int]] = {}
    rows = ConditionFeature.objects.filter(condition_id__in=ids).order_by("term__name", "id").values_list(
        "condition_id", "term__name", "term__hpo_id", "term__layperson_synonyms", "frequency_words", "frequency_share",
        "source_id", "term__system")  # fmt: skip
    for condition_id, name, hpo_id, lay_names, words, share, source_id, system in rows:
        feature = Feature(name, hpo_id, _everyday_names(name, lay_names), words, system, share)
        features.setdefault(condition_id, []).append(feature)
        sources.setdefault(condition_id, []).append(source_id)
    return {condition_id: (found, _note(releases, sources[condition_id])) for condition_id, found in features.items()}


def _xrefs(ids: list[int]) -> dict[int, list[XrefLink]]:
    links: dict[int, list[XrefLink]] = {}
    rows = ConditionXref.objects.filter(condition_id__in=ids).order_by("id")
    for condition_id, db, key in rows.values_list("condition_id", "db", "key"):
        links.setdefault(condition_id, []).append(xref_link(db, key))
    rank = {db: i for i, db in enumerate(XREF_ORDER)}
    return {condition_id: sorted(found, key=lambda x: (rank.get(x.db, len(rank)), x.key))
            for condition_id, found in links.items()}  # fmt: skip


def _related(ids: list[int]) -> dict[int, list[tuple[str, RelatedCondition]]]:
    """Broader conditions first, then narrower ones, each in the order the links were stored."""
    related: dict[int, list[tuple[str, RelatedCondition]]] = {}
    links = ConditionParent.objects.order_by("id")
    parents = links.filter(child_id__in=ids).values_list("child_id", "parent__slug", "parent__name")
    children = links.filter(parent_id__in=ids).values_list("parent_id", "child__slug", "child__name")
    for relation, rows in (("broader", parents), ("narrower", children)):
        for condition_id, slug, name in rows:
            related.setdefault(condition_id, []).append((relation, RelatedCondition(slug, name)))
    return related


def _names(ids: list[int]) -> dict[int, list[tuple[str, str, int]]]:
    names: dict[int, list[tuple[str, str, int]]] = {}
    # The order of the unique (condition, name, kind, source) index, which single-condition queries used to follow.
    rows = ConditionName.objects.filter(condition_id__in=ids).order_by("name", "kind", "source_id")
    for condition_id, name, kind, source_id in rows.values_list("condition_id", "name", "kind", "source_id"):
        names.setdefault(condition_id, []).append((name, kind, source_id))
    return names


def _other_names(condition: Condition, rows: list[tuple[str, str, int]],
                 releases: Releases) -> tuple[list[tuple[str, str]], SourceNote]:  # fmt: skip
    own = condition.name.lower()
    seen: dict[str, str] = {}
    for name, kind, _ in rows:
        if name.lower() != own and name not in seen:
            seen[name] = NAME_KIND_LABELS.get(kind, kind).lower().replace("source name", "name used by a source")
    return list(seen.items()), _note(releases, (source_id for _, _, source_id in rows))


def _references(ids: list[int]) -> dict[int, dict[str, set[int]]]:
    """PubMed ids by condition, then by the key of the source that gives them."""
    pmids: dict[int, dict[str, set[int]]] = {}
    found = ConditionReference.objects.filter(condition_id__in=ids).values_list("condition_id", "pmid", "source__key")
    for condition_id, pmid, source in found:
        pmids.setdefault(condition_id, {}).setdefault(source, set()).add(pmid)
    return pmids


def _load(ids: list[int]) -> _Batch:
    releases = SourceRelease.objects.only("name", "version").in_bulk()
    return _Batch(releases=releases, facts=_facts(ids, releases), genes=_genes(ids, releases),
                  inheritance=_inheritance(ids, releases), features=_features(ids, releases), xrefs=_xrefs(ids),
                  related=_related(ids), names=_names(ids), references=_references(ids),
                  chromosomes=_chromosomes(ids), narratives=_narratives(ids, releases))  # fmt: skip


def _chromosomes(ids: list[int]) -> dict[int, tuple[str, str, str]]:
    rows = ConditionChromosome.objects.filter(condition_id__in=ids)
    return {row[0]: row[1:] for row in rows.values_list("condition_id", "chromosome", "region", "words")}


def _dates(blocks: list[TextBlock | None]) -> tuple[dt.date | None, dt.date | None]:
    edited = [b for b in blocks if b and not b.generated]
    return (max((b.reviewed for b in edited if b.reviewed), default=None),
            max((b.published for b in edited if b.published), default=None))  # fmt: skip


def _page(condition: Condition, batch: _Batch, texts: PageTexts, glossary: GlossaryMatcher) -> ConditionPage:
    key = condition.id
    genes = batch.genes.get(key, [])
    published = {kind: texts.one(f"condition-{kind}", condition.slug) for kind in EDITED_KINDS}
    shown = {kind: as_block(text) or batch.narratives.get((key, kind)) for kind, text in published.items()}
    title = published["description"].title if published["description"] else condition.name
    description = shown["description"] or _no_description(condition)
    xrefs = batch.xrefs.get(key, [])
    features, features_source = batch.features.get(key, ([], SourceNote(())))
    names, names_source = _other_names(condition, batch.names.get(key, []), batch.releases)
    blocks = [description, shown["frequency"], shown["causes"], shown["inheritance"]]
    plain = [plain_text(b.html) for b in blocks if b]
    citations = block_citations(blocks)
    references = page_references(blocks, citations, batch.references.get(key, {}))
    reviewed, published = _dates(blocks)
    return ConditionPage(
        condition=condition, description=description, frequency=shown["frequency"],
        prevalence=batch.facts.get((key, "frequency_words")) or batch.facts.get((key, "prevalence"), []),
        onset=batch.facts.get((key, "onset"), []),
        causes_text=shown["causes"], genes=genes, inheritance_text=shown["inheritance"],
        inheritance=batch.inheritance.get(key, []), other_names=names, names_source=names_source, xrefs=xrefs,
        help_links=condition_help_links(condition.name, xrefs), features=features, features_source=features_source,
        related=batch.related.get(key, []), glossary=glossary_terms_in(plain, glossary), references=references,
        reviewed=reviewed, published=published,
        has_editor_texts=any(b is not None and not b.generated for b in blocks),
        citations=citations, chromosome_change=batch.chromosomes.get(key), title=title,
        professional=batch.facts.get((key, "description"), []),
    )  # fmt: skip


def condition_pages(conditions: list[Condition], texts: PageTexts | None = None) -> list[ConditionPage]:
    """The page data of each condition, in the order given, with a fixed number of queries for the whole list.

    ``texts`` defaults to look-ups one at a time (as a request makes them, previews included); an export of many
    pages passes a ``PreloadedPageTexts`` of the kinds "condition-description", "condition-frequency",
    "condition-causes", "condition-inheritance" and "glossary".
    """
    if not conditions:
        return []
    texts = PageTexts() if texts is None else texts
    batch = _load([condition.id for condition in conditions])
    glossary = texts.glossary()
    return [_page(condition, batch, texts, glossary) for condition in conditions]


def condition_page(condition: Condition, texts: PageTexts | None = None) -> ConditionPage:
    return condition_pages([condition], texts)[0]
