"""Checks a staging knowledge base must pass before it may replace the one serving."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections
from django.db.models import Count
from django.db.models.functions import Lower

from ghr.kb import models as kb


class ValidationError(Exception):
    """The staging knowledge base is not fit to serve; the message lists every failed check."""


@dataclass(frozen=True)
class Minimums:
    """Smallest counts a build of the full pinned data must reach (a truncated file shows up here)."""

    genes: int = 40_000
    located_genes: int = 19_000
    conditions: int = 10_000
    genes_with_conditions: int = 5_000


SMALL = Minimums(genes=1, located_genes=1, conditions=1, genes_with_conditions=1)


def _counts(using: str) -> dict[str, int]:
    genes = kb.Gene.objects.using(using)
    return {
        "genes": genes.count(),
        "located_genes": genes.filter(locations__isnull=False).distinct().count(),
        "conditions": kb.Condition.objects.using(using).count(),
        "genes_with_conditions": genes.filter(condition_links__isnull=False).distinct().count(),
    }


def _missing_fields(using: str) -> list[str]:
    problems = []
    if kb.Gene.objects.using(using).filter(symbol="").exists() or kb.Gene.objects.using(using).filter(name="").exists():
        problems.append("a gene lacks its symbol or name")
    if kb.Condition.objects.using(using).filter(name="").exists():
        problems.append("a condition lacks its name")
    if kb.Condition.objects.using(using).filter(slug="").exists():
        problems.append("a condition lacks its slug")
    return problems


def _duplicate_slugs(using: str) -> list[str]:
    duplicates = (
        kb.Condition.objects.using(using).annotate(low=Lower("slug")).values("low").annotate(n=Count("id"))
        .filter(n__gt=1).values_list("low", flat=True)[:5]
    )  # fmt: skip
    return [f"condition slug used twice: {slug}" for slug in duplicates]


def _broken_references(using: str) -> list[str]:
    try:
        connections[using].check_constraints()
    except Exception as error:  # noqa: BLE001 (the backend raises its own IntegrityError type)
        return [f"referential integrity: {error}"]
    return []


def validate(using: str, minimums: Minimums, previous: dict[str, int] | None = None) -> dict[str, int]:
    """Raise ValidationError naming every failed check; return the counts."""
    counts = _counts(using)
    problems = [
        f"only {counts[name]} {name.replace('_', ' ')}, expected at least {floor}"
        for name, floor in minimums.__dict__.items()
        if counts[name] < floor
    ]
    if previous:
        # A build that loses a tenth of the genes or conditions is far more likely broken input than biology.
        problems += [
            f"{name} fell from {previous[name]} to {counts[name]} (more than 10%)"
            for name in ("genes", "conditions")
            if previous.get(name) and counts[name] < 0.9 * previous[name]
        ]
    problems += _missing_fields(using) + _duplicate_slugs(using) + _broken_references(using)
    if problems:
        raise ValidationError("; ".join(problems))
    return counts
