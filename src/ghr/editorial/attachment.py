"""Which page a gene or condition text belongs to, found by a stable identifier rather than by its slug.

Slugs and symbols change (a condition renamed or merged, a gene symbol replaced by HGNC); MONDO and HGNC IDs do
not. A text that names its condition's MONDO ID or its gene's HGNC ID follows its page through such changes: on
import and after every build its key is set to the page's current slug or symbol. A text whose identifier and key
both find nothing is reported as having lost its page; it is never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from ghr.editorial.models import Kind, Text
from ghr.editorial.staleness import CONDITION_KINDS, GENE_KINDS

PAGE_KINDS = frozenset(CONDITION_KINDS | GENE_KINDS | {Kind.GENE_CONDITION})


@dataclass(frozen=True)
class Placement:
    """Where a text goes: its key now, and whether its page exists (None: the knowledge base cannot be read)."""

    key: str
    found: bool | None


@dataclass
class ReattachReport:
    moved: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _condition_slug(mondo_id: str, slug: str, using: str) -> str | None:
    from ghr.kb.models import Condition

    conditions = Condition.objects.using(using)
    if mondo_id:
        # Several pages can share a MONDO ID only when a build could not merge them; the one under the plainest
        # (shortest) slug is the main page.
        found = sorted(conditions.filter(mondo_id=mondo_id).values_list("slug", flat=True), key=lambda s: (len(s), s))
        if found:
            return found[0]
    return slug if slug and conditions.filter(slug=slug).exists() else None


def _gene_symbol(hgnc_id: str, symbol: str, using: str) -> str | None:
    from ghr.kb.models import Gene

    genes = Gene.objects.using(using)
    if hgnc_id:
        found = genes.filter(hgnc_id=hgnc_id).values_list("symbol", flat=True).first()
        if found:
            return found
    return symbol if symbol and genes.filter(symbol=symbol).exists() else None


def place(kind: str, key: str, mondo_id: str = "", hgnc_id: str = "", using: str = "kb") -> Placement:
    """The key a text of ``kind`` should have now, found by its identifiers first and its key second."""
    if kind not in PAGE_KINDS:
        return Placement(key, True)
    try:
        if kind in CONDITION_KINDS:
            slug = _condition_slug(mondo_id, key, using)
            return Placement(slug or key, slug is not None)
        if kind in GENE_KINDS:
            symbol = _gene_symbol(hgnc_id, key, using)
            return Placement(symbol or key, symbol is not None)
        old_symbol, old_slug = key.split("/", 1)
        symbol, slug = _gene_symbol(hgnc_id, old_symbol, using), _condition_slug(mondo_id, old_slug, using)
        return Placement(f"{symbol or old_symbol}/{slug or old_slug}", symbol is not None and slug is not None)
    except DatabaseError:
        # No knowledge base yet (a fresh site before its first build): keep the key as written.
        return Placement(key, None)


def reattach(using: str = "kb") -> ReattachReport:
    """Give every text with an identifier the key of its page in the current knowledge base."""
    from ghr.editorial.workflow import record

    report = ReattachReport()
    anchored = Text.objects.exclude(mondo_id="", hgnc_id="").order_by("kind", "key")
    for text in anchored:
        placement = place(text.kind, text.key, text.mondo_id, text.hgnc_id, using)
        label = f"{text.kind} {text.key}"
        if placement.found is False:
            report.missing.append(label)
        if placement.key == text.key:
            continue
        if Text.objects.filter(kind=text.kind, key=placement.key).exists():
            report.conflicts.append(f"{label}: {placement.key} already has a text of this kind")
            continue
        with transaction.atomic():
            old = text.key
            text.key = placement.key
            text.save(update_fields=["key", "updated_at"])
            record(None, "reattach", text, details={"from": old, "to": placement.key})
        report.moved.append(f"{label} -> {placement.key}")
    return report
