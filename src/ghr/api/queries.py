"""Querysets that fetch everything a gene, condition or chromosome document shows, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

from django.db.models import Prefetch, QuerySet

from ghr.kb import models as kb


def genes() -> QuerySet:
    return kb.Gene.objects.select_related("source").prefetch_related(
        Prefetch("narratives", queryset=kb.Narrative.objects.filter(condition__isnull=True)),
        Prefetch("other_names", queryset=kb.GeneName.objects.select_related("source")),
        Prefetch("locations", queryset=kb.GeneLocation.objects.select_related("source").order_by("id")),
        Prefetch(
            "condition_links",
            queryset=kb.GeneCondition.objects.select_related("condition", "source").order_by("condition__name"),
        ),
        Prefetch("function_terms", queryset=kb.GeneFunctionTerm.objects.select_related("term", "source")),
        Prefetch("references", queryset=kb.GeneReference.objects.select_related("source").order_by("pmid")),
    )


def conditions() -> QuerySet:
    return kb.Condition.objects.select_related("name_source").prefetch_related(
        Prefetch("narratives", queryset=kb.Narrative.objects.filter(gene__isnull=True)),
        Prefetch("other_names", queryset=kb.ConditionName.objects.select_related("source")),
        Prefetch("xrefs", queryset=kb.ConditionXref.objects.select_related("source").order_by("db", "key")),
        Prefetch("facts", queryset=kb.ConditionFact.objects.select_related("source").order_by("id")),
        Prefetch("inheritance", queryset=kb.ConditionInheritance.objects.select_related("source").order_by("id")),
        Prefetch(
            "gene_links", queryset=kb.GeneCondition.objects.select_related("gene", "source").order_by("gene__symbol")
        ),
        Prefetch("references", queryset=kb.ConditionReference.objects.select_related("source").order_by("pmid")),
        Prefetch("parent_links", queryset=kb.ConditionParent.objects.select_related("parent", "source").order_by("id")),
        Prefetch("child_links", queryset=kb.ConditionParent.objects.select_related("child", "source").order_by("id")),
    )


def chromosomes() -> QuerySet:
    return kb.Chromosome.objects.select_related("source")


def unique_conditions(gene) -> list:
    """The conditions a gene is linked to, once each, by name."""
    seen: dict[int, object] = {}
    for link in gene.condition_links.all():
        seen.setdefault(link.condition_id, link.condition)
    return sorted(seen.values(), key=lambda c: c.name.lower())


def unique_genes(condition) -> list:
    seen: dict[int, object] = {}
    for link in condition.gene_links.all():
        seen.setdefault(link.gene_id, link.gene)
    return sorted(seen.values(), key=lambda g: g.symbol)


# Bulk reading ---------------------------------------------------------------------------------------------------
# prefetch_related builds a model instance per related row and clones a queryset per parent, which dominates a
# full export (tens of millions of objects). For bulk files the related rows are read as plain values, one query
# per relation and chunk, and attached where the related managers look for prefetched rows, so the same document
# code serves both paths.


class Rows(list):
    """A list that answers ``.all()`` like a prefetched related manager."""

    def all(self):
        return self


def _sources() -> dict[int, kb.SourceRelease]:
    return {release.id: release for release in kb.SourceRelease.objects.all()}


def _grouped(queryset, parent: str, fields: tuple[str, ...], make) -> dict[int, Rows]:
    grouped: dict[int, Rows] = {}
    for row in queryset.values(parent, *fields):
        grouped.setdefault(row[parent], Rows()).append(make(row))
    return grouped


def _ns(sources: dict, **values) -> SimpleNamespace:
    if "source_id" in values:
        values["source"] = sources[values.pop("source_id")]
    return SimpleNamespace(**values)


def _narrative(row: dict) -> SimpleNamespace:
    return SimpleNamespace(role=row["role"], html=row["html"], sources=row["sources"])


def _attach(parents: list, relations: dict[str, dict[int, Rows]]) -> None:
    for parent in parents:
        parent._prefetched_objects_cache = {name: rows.get(parent.id, Rows()) for name, rows in relations.items()}


def _gene_relations(ids: list[int], sources: dict) -> dict[str, dict[int, Rows]]:
    def ns(row):
        row = {k: v for k, v in row.items() if k != "gene_id"}
        return _ns(sources, **row)

    def link(row):
        condition = SimpleNamespace(id=row["condition_id"], slug=row["condition__slug"], name=row["condition__name"],
                                    nlm_slug=row["condition__nlm_slug"])  # fmt: skip
        return _ns(sources, condition_id=row["condition_id"], condition=condition, evidence=row["evidence"],
                   source_id=row["source_id"])  # fmt: skip

    def term(row):
        go = SimpleNamespace(go_id=row["term__go_id"], name=row["term__name"], ontology=row["term__ontology"])
        return _ns(sources, term=go, evidence=row["evidence"], source_id=row["source_id"])

    where = {"gene_id__in": ids}
    location_fields = ("assembly", "chromosome", "start", "end", "strand", "release", "transcript",
                       "band_from_coordinates", "band_agrees", "source_id")  # fmt: skip
    return {
        "other_names": _grouped(kb.GeneName.objects.filter(**where).order_by("name"), "gene_id",
                                ("name", "kind", "source_id"), ns),
        "locations": _grouped(kb.GeneLocation.objects.filter(**where).order_by("id"), "gene_id", location_fields, ns),
        "condition_links": _grouped(
            kb.GeneCondition.objects.filter(**where).order_by("condition__name"), "gene_id",
            ("condition_id", "condition__slug", "condition__name", "condition__nlm_slug", "evidence", "source_id"),
            link,
        ),
        "function_terms": _grouped(
            kb.GeneFunctionTerm.objects.filter(**where), "gene_id",
            ("term__go_id", "term__name", "term__ontology", "evidence", "source_id"), term,
        ),
        "references": _grouped(kb.GeneReference.objects.filter(**where).order_by("pmid"), "gene_id",
                               ("pmid", "source_id"), ns),
        "narratives": _grouped(kb.Narrative.objects.filter(**where, condition__isnull=True), "gene_id",
                               ("role", "html", "sources"), _narrative),
        # Only the families with a page: groups of two genes or more (ghr.build.gene_groups).
        "group_memberships": _grouped(
            kb.GeneGroupMember.objects.filter(**where, group__slug__isnull=False).order_by("group__name"), "gene_id",
            ("group__hgnc_group_id", "group__slug", "group__name"), _family,
        ),
    }  # fmt: skip


def _family(row: dict) -> SimpleNamespace:
    return SimpleNamespace(hgnc_group_id=row["group__hgnc_group_id"], slug=row["group__slug"], name=row["group__name"])


def _condition_relations(ids: list[int], sources: dict) -> dict[str, dict[int, Rows]]:
    def ns(row):
        row = {k: v for k, v in row.items() if k != "condition_id"}
        return _ns(sources, **row)

    def gene_link(row):
        gene = SimpleNamespace(id=row["gene_id"], symbol=row["gene__symbol"], name=row["gene__name"])
        return _ns(sources, gene_id=row["gene_id"], gene=gene, evidence=row["evidence"], source_id=row["source_id"])

    def related(kind: str):
        def make(row):
            other = SimpleNamespace(slug=row[f"{kind}__slug"], name=row[f"{kind}__name"])
            return _ns(sources, **{kind: other}, source_id=row["source_id"])

        return make

    where = {"condition_id__in": ids}
    return {
        "other_names": _grouped(kb.ConditionName.objects.filter(**where).order_by("name"), "condition_id",
                                ("name", "kind", "source_id"), ns),
        "xrefs": _grouped(kb.ConditionXref.objects.filter(**where).order_by("db", "key"), "condition_id",
                          ("db", "key", "source_id"), ns),
        "facts": _grouped(kb.ConditionFact.objects.filter(**where).order_by("id"), "condition_id",
                          ("kind", "value", "source_id"), ns),
        "inheritance": _grouped(kb.ConditionInheritance.objects.filter(**where).order_by("id"), "condition_id",
                                ("code", "evidence", "source_id"), ns),
        "gene_links": _grouped(kb.GeneCondition.objects.filter(**where).order_by("gene__symbol"), "condition_id",
                               ("gene_id", "gene__symbol", "gene__name", "evidence", "source_id"), gene_link),
        "references": _grouped(kb.ConditionReference.objects.filter(**where).order_by("pmid"), "condition_id",
                               ("pmid", "source_id"), ns),
        "parent_links": _grouped(kb.ConditionParent.objects.filter(child_id__in=ids).order_by("id"), "child_id",
                                 ("parent__slug", "parent__name", "source_id"), related("parent")),
        "child_links": _grouped(kb.ConditionParent.objects.filter(parent_id__in=ids).order_by("id"), "parent_id",
                                ("child__slug", "child__name", "source_id"), related("child")),
        "narratives": _grouped(kb.Narrative.objects.filter(**where, gene__isnull=True), "condition_id",
                               ("role", "html", "sources"), _narrative),
    }  # fmt: skip


def _chunks(queryset, size: int) -> Iterator[list]:
    chunk: list = []
    for row in queryset.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def genes_in_bulk(size: int = 1000) -> Iterator:
    """Every gene, by symbol, with its related rows attached, read ``size`` genes at a time."""
    sources = _sources()
    for chunk in _chunks(kb.Gene.objects.select_related("source").order_by("symbol"), size):
        _attach(chunk, _gene_relations([g.id for g in chunk], sources))
        yield from chunk


def conditions_in_bulk(size: int = 1000) -> Iterator:
    sources = _sources()
    rows = kb.Condition.objects.select_related("name_source", "chromosome_change").order_by("name")
    for chunk in _chunks(rows, size):
        _attach(chunk, _condition_relations([c.id for c in chunk], sources))
        yield from chunk


def genes_by_ids(ids: list[int]) -> list:
    """The genes with these ids, with related rows attached as for bulk files (used by batch look-ups)."""
    sources = _sources()
    genes = list(kb.Gene.objects.select_related("source").filter(id__in=ids))
    _attach(genes, _gene_relations([g.id for g in genes], sources))
    return genes


def conditions_by_ids(ids: list[int]) -> list:
    sources = _sources()
    conditions = list(kb.Condition.objects.select_related("name_source", "chromosome_change").filter(id__in=ids))
    _attach(conditions, _condition_relations([c.id for c in conditions], sources))
    return conditions
