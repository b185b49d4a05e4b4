"""Everything the condition page shows, as plain data: build it with ``condition_page(condition)``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ghr.kb.models import Condition, ConditionFact, ConditionFeature, ConditionInheritance, GeneCondition
from ghr.web.pages.gene import TextBlock, editor_block
from ghr.web.pages.links import XREF_ORDER, Link, XrefLink, condition_help_links, xref_link
from ghr.web.pages.sources import SourceNote
from ghr.web.pages.texts import GlossaryHit, glossary_terms_in, plain_text

HPO_FREQUENCIES = {
    "HP:0040280": "always present (100% of people)",
    "HP:0040281": "very frequent (80-99% of people)",
    "HP:0040282": "frequent (30-79% of people)",
    "HP:0040283": "occasional (5-29% of people)",
    "HP:0040284": "very rare (1-4% of people)",
    "HP:0040285": "excluded (0% of people)",
}

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
    "n": "the condition is usually not passed down through families",
    "u": "how the condition is inherited is not known",
}


@dataclass
class FactItem:
    text: str
    sources: SourceNote


@dataclass
class GeneCause:
    symbol: str
    name: str
    url: str
    sources: SourceNote


@dataclass
class Feature:
    name: str
    hpo_id: str
    lay_names: list[str]
    frequency: str


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
    related: list[tuple[str, Condition]]
    glossary: list[GlossaryHit]
    references: list[int]
    reviewed: dt.date | None
    published: dt.date | None
    has_editor_texts: bool = False


def _facts(condition: Condition, kind: str) -> list[FactItem]:
    rows = ConditionFact.objects.filter(condition=condition, kind=kind).select_related("source").order_by("id")
    return [FactItem(row.value, SourceNote.of([row.source])) for row in rows]


def _genes(condition: Condition) -> list[GeneCause]:
    grouped: dict[str, GeneCause] = {}
    sources: dict[str, list] = {}
    rows = GeneCondition.objects.filter(condition=condition).select_related("gene", "source").order_by("gene__symbol")
    for row in rows:
        g = row.gene
        sources.setdefault(g.symbol, []).append(row.source)
        grouped.setdefault(g.symbol, GeneCause(g.symbol, g.name, f"/gene/{g.symbol}", SourceNote(())))
    for symbol, cause in grouped.items():
        cause.sources = SourceNote.of(sources[symbol])
    return list(grouped.values())


def _inheritance(condition: Condition) -> list[FactItem]:
    by_code: dict[str, list] = {}
    rows = ConditionInheritance.objects.filter(condition=condition).select_related("source").order_by("code")
    for row in rows:
        by_code.setdefault(row.code, []).append(row.source)
    items = []
    for code, releases in by_code.items():
        label = ConditionInheritance.Code(code).label
        items.append(FactItem(f"{label}: {INHERITANCE_EXPLAINED.get(code, '')}.", SourceNote.of(releases)))
    return items


def _generated_description(condition: Condition, genes: list[GeneCause], descriptions: list[FactItem]) -> TextBlock:
    if descriptions:
        html = Markup("").join(Markup("<p>{}</p>").format(item.text) for item in descriptions)
        return TextBlock(html=html, generated=True, sources=SourceNote.of_labels(d.sources for d in descriptions))
    if genes:
        listed = ", ".join(g.symbol for g in genes)
        noun = "gene" if len(genes) == 1 else "genes"
        sentence = Markup("{} is a condition associated with changes in the {} {}.").format(
            condition.name, listed, noun
        )
    else:
        sentence = Markup("{} is a condition recorded in the Mondo Disease Ontology ({}).").format(
            condition.name, condition.mondo_id or "no identifier"
        )
    source = SourceNote.of([condition.name_source])
    return TextBlock(html=Markup("<p>{}</p>").format(sentence), generated=True,
                     sources=SourceNote.of_labels([source] + [g.sources for g in genes]))  # fmt: skip


def _everyday_names(term) -> list[str]:
    """Layperson synonyms, without repeating the medical name itself or each other."""
    seen = {term.name.lower()}
    names = []
    for name in term.layperson_synonyms or []:
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def _features(condition: Condition) -> tuple[list[Feature], SourceNote]:
    rows = list(ConditionFeature.objects.filter(condition=condition).select_related("term", "source")
                .order_by("term__name"))  # fmt: skip
    features = [
        Feature(r.term.name, r.term.hpo_id, _everyday_names(r.term),
                HPO_FREQUENCIES.get(r.frequency, r.frequency))
        for r in rows
    ]  # fmt: skip
    return features, SourceNote.of(r.source for r in rows)


def _xrefs(condition: Condition) -> list[XrefLink]:
    rows = condition.xrefs.all()
    links = [xref_link(row.db, row.key) for row in rows]
    rank = {db: i for i, db in enumerate(XREF_ORDER)}
    return sorted(links, key=lambda x: (rank.get(x.db, len(rank)), x.key))


def _related(condition: Condition) -> list[tuple[str, Condition]]:
    parents = [("broader", link.parent) for link in condition.parent_links.select_related("parent")]
    children = [("narrower", link.child) for link in condition.child_links.select_related("child")]
    return parents + children


def _other_names(condition: Condition) -> tuple[list[tuple[str, str]], SourceNote]:
    rows = list(condition.other_names.select_related("source").order_by("name"))
    seen: dict[str, str] = {}
    for row in rows:
        if row.name.lower() != condition.name.lower():
            seen.setdefault(row.name, row.get_kind_display().lower().replace("source name", "name used by a source"))
    return list(seen.items()), SourceNote.of(r.source for r in rows)


def _dates(blocks: list[TextBlock | None]) -> tuple[dt.date | None, dt.date | None]:
    edited = [b for b in blocks if b and not b.generated]
    return (max((b.reviewed for b in edited if b.reviewed), default=None),
            max((b.published for b in edited if b.published), default=None))  # fmt: skip


def condition_page(condition: Condition) -> ConditionPage:
    slug = condition.slug
    genes = _genes(condition)
    edited = {kind: editor_block(f"condition-{kind}", slug) for kind in
              ("description", "frequency", "causes", "inheritance")}  # fmt: skip
    description = edited["description"] or _generated_description(condition, genes, _facts(condition, "description"))
    xrefs = _xrefs(condition)
    features, features_source = _features(condition)
    names, names_source = _other_names(condition)
    blocks = [description, edited["frequency"], edited["causes"], edited["inheritance"]]
    texts = [plain_text(b.html) for b in blocks if b]
    refs = set(condition.references.values_list("pmid", flat=True))
    refs |= {p for b in blocks if b for p in b.references}
    reviewed, published = _dates(blocks)
    return ConditionPage(
        condition=condition, description=description, frequency=edited["frequency"],
        prevalence=_facts(condition, "prevalence"), onset=_facts(condition, "onset"), causes_text=edited["causes"],
        genes=genes, inheritance_text=edited["inheritance"], inheritance=_inheritance(condition),
        other_names=names, names_source=names_source, xrefs=xrefs,
        help_links=condition_help_links(condition.name, xrefs), features=features, features_source=features_source,
        related=_related(condition), glossary=glossary_terms_in(texts), references=sorted(refs),
        reviewed=reviewed, published=published,
        has_editor_texts=any(b is not None and not b.generated for b in blocks),
    )  # fmt: skip
