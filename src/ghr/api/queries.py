"""Querysets that fetch everything a gene, condition or chromosome document shows, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from ghr.kb import models as kb


def genes() -> QuerySet:
    return kb.Gene.objects.select_related("source").prefetch_related(
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
