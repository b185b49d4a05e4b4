"""Which published texts need a reviewer's eyes again, and why.

When a text is approved or published we store a fingerprint: the knowledge-base facts it relies on (a gene's
symbol, name, location, conditions and their inheritance; a condition's name, genes and inheritance). After every
build the current facts are compared with the stored ones; a difference flags the text "review due" with what
changed. Texts whose last review is older than GHR_REVIEW_AGE_YEARS are due as well.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

from ghr.editorial.models import Kind, Text
from ghr.kb.models import Condition, Gene

GENE_KINDS = {Kind.GENE_FUNCTION}
CONDITION_KINDS = {
    Kind.CONDITION_DESCRIPTION,
    Kind.CONDITION_FREQUENCY,
    Kind.CONDITION_CAUSES,
    Kind.CONDITION_INHERITANCE,
}


def _find_gene(symbol: str, using: str, previous: dict) -> Gene | None:
    genes = Gene.objects.using(using)
    gene = genes.filter(symbol=symbol).first()
    if gene is None and previous.get("gene hgnc_id"):
        # The symbol may have been changed by HGNC: the HGNC ID still finds the gene.
        gene = genes.filter(hgnc_id=previous["gene hgnc_id"]).first()
    return gene


def _inheritance(condition: Condition) -> list[str]:
    return sorted({row.code for row in condition.inheritance.all()})


def gene_facts(symbol: str, using: str = "kb", previous: dict | None = None) -> dict:
    gene = _find_gene(symbol, using, previous or {})
    if gene is None:
        return {"gene": f"{symbol} not in the knowledge base"}
    conditions = Condition.objects.using(using).filter(gene_links__gene=gene).distinct().order_by("slug")
    return {
        "gene hgnc_id": gene.hgnc_id or "",
        "gene symbol": gene.symbol,
        "gene name": gene.name,
        "gene location": gene.cytogenetic_location or gene.chromosome,
        "gene conditions": [condition.slug for condition in conditions],
        "gene conditions' inheritance": {c.slug: _inheritance(c) for c in conditions},
    }


def condition_facts(slug: str, using: str = "kb") -> dict:
    condition = Condition.objects.using(using).filter(slug=slug).first()
    if condition is None:
        return {"condition": f"{slug} not in the knowledge base"}
    genes = Gene.objects.using(using).filter(condition_links__condition=condition).distinct().order_by("symbol")
    return {
        "condition name": condition.name,
        "condition genes": [gene.symbol for gene in genes],
        "condition inheritance": _inheritance(condition),
    }


def knowledge_base_ready(using: str = "kb") -> bool:
    """Has a build (or a migration) made the knowledge base's tables? Texts are often imported before."""
    with connections[using].cursor() as cursor:
        return Gene._meta.db_table in connections[using].introspection.table_names(cursor)


def fingerprint(kind: str, key: str, using: str = "kb", previous: dict | None = None) -> dict:
    """The facts a text of this kind and key relies on, as they are in the knowledge base at ``using``.
    Without a knowledge base every gene and condition counts as not there yet."""
    if not knowledge_base_ready(using):
        return _not_built(kind, key)
    if kind in GENE_KINDS:
        return gene_facts(key, using, previous)
    if kind in CONDITION_KINDS:
        return condition_facts(key, using)
    if kind == Kind.GENE_CONDITION and "/" in key:
        return gene_condition_facts(key, using, previous)
    return {}


def _not_built(kind: str, key: str) -> dict:
    if kind in GENE_KINDS:
        return {"gene": f"{key} not in the knowledge base"}
    if kind in CONDITION_KINDS:
        return {"condition": f"{key} not in the knowledge base"}
    if kind == Kind.GENE_CONDITION and "/" in key:
        symbol, slug = key.split("/", 1)
        return {"gene": f"{symbol} not in the knowledge base", "condition": f"{slug} not in the knowledge base"}
    return {}


def gene_condition_facts(key: str, using: str = "kb", previous: dict | None = None) -> dict:
    """The gene's own facts, the condition's, and whether a source still links the two; not the gene's other
    conditions, which this text does not speak about."""
    symbol, slug = key.split("/", 1)
    gene = gene_facts(symbol, using, previous)
    facts = {name: value for name, value in gene.items() if not name.startswith("gene conditions")}
    facts.update(condition_facts(slug, using))
    if "gene" not in facts and "condition" not in facts:
        linked = slug in gene["gene conditions"]
        facts["gene-condition link"] = "linked by a source" if linked else "not linked by any source"
    return facts


# What gene_facts/condition_facts return when the gene or condition is not there, and the prefix of their facts.
MISSING_MARKERS = {"gene": "gene ", "condition": "condition "}


def _show(value) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return repr(value) if isinstance(value, str) else str(value)


def _describe(label: str, old, new) -> str:
    if isinstance(old, list) and isinstance(new, list):
        parts = []
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        if added:
            parts.append(f"added {_show(added)}")
        if removed:
            parts.append(f"removed {_show(removed)}")
        return f"{label}: {'; '.join(parts) or 'reordered'}"
    if isinstance(old, dict) and isinstance(new, dict):
        changed = sorted(slug for slug in set(old) | set(new) if old.get(slug) != new.get(slug))
        return f"{label}: " + "; ".join(f"{s} {_show(old.get(s, []))} → {_show(new.get(s, []))}" for s in changed)
    return f"{label}: {_show(old if old is not None else 'nothing')} → {_show(new if new is not None else 'nothing')}"


def what_changed(stored: dict, current: dict) -> list[str]:
    """Plain sentences, one per fact that differs (one in all when the gene or condition has gone)."""
    if not stored:
        return []
    reasons, gone = [], []
    for marker, prefix in MISSING_MARKERS.items():
        if marker in current and marker not in stored:
            reasons.append(f"{marker} {current[marker]}")
            gone.append(prefix)
    labels = [label for label in dict.fromkeys([*stored, *current])
              if not label.startswith(tuple(gone)) and label not in MISSING_MARKERS]  # fmt: skip
    return reasons + [_describe(label, stored.get(label), current.get(label)) for label in labels
                      if stored.get(label) != current.get(label)]  # fmt: skip


def _too_old(text: Text, today: date) -> list[str]:
    years = settings.GHR["GHR_REVIEW_AGE_YEARS"]
    last = text.reviewed_on or text.published_on
    if last is None:
        return []
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    if last >= limit:
        return []
    return [f"last reviewed {last:%B %Y}, more than {years} years ago"]


def complete_baseline(stored: dict, current: dict) -> dict:
    """A text saved while its gene or condition was not in the knowledge base (texts are often imported before
    the first build) takes the facts of the first build that has it as its baseline, instead of being flagged."""
    baseline = dict(stored)
    found = [marker for marker in MISSING_MARKERS if marker in stored and marker not in current]
    for marker in found:
        baseline.pop(marker)
    if found:
        # Facts that could not be known before (the gene's, the condition's, the link between them) are adopted.
        baseline.update({name: value for name, value in current.items() if name not in stored})
    return baseline


def reasons_due(text: Text, using: str = "kb", today: date | None = None) -> list[str]:
    current = fingerprint(text.kind, text.key, using, previous=text.fingerprint)
    baseline = complete_baseline(text.fingerprint, current)
    if baseline != text.fingerprint:
        text.fingerprint = baseline
        text.save(update_fields=["fingerprint", "updated_at"])
    return what_changed(baseline, current) + _too_old(text, today or timezone.now().date())


def flag_review_due(using: str = "kb", today: date | None = None) -> list[Text]:
    """Flag every published text whose facts changed or whose review is too old; returns the texts newly
    flagged or flagged for new reasons. A build calls this after every swap."""
    from ghr.editorial.workflow import record

    if not knowledge_base_ready(using):
        return []
    flagged = []
    for text in Text.objects.filter(published_revision__isnull=False).select_related("published_revision"):
        reasons = reasons_due(text, using, today)
        if not reasons or (text.review_due and reasons == text.review_due_reasons):
            continue
        with transaction.atomic():
            text.review_due = True
            text.review_due_reasons = reasons
            text.save(update_fields=["review_due", "review_due_reasons", "updated_at"])
            record(None, "flag_review_due", text, text.published_revision, reason="; ".join(reasons),
                   reasons=reasons)  # fmt: skip
        flagged.append(text)
    return flagged


def review_due_texts():
    return Text.objects.filter(review_due=True).select_related("working_revision", "published_revision")
