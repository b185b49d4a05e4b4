"""Finding the one gene or condition a URL names: exact first (indexed), then case-insensitive, then old names."""

from __future__ import annotations

from dataclasses import dataclass

from ghr.kb.models import Condition, Gene, GeneName

MAX_SYMBOL_LENGTH = 40


@dataclass
class GeneLookup:
    gene: Gene | None = None  # the gene, when the URL names it by its approved symbol
    redirect_to: Gene | None = None  # the one gene an other-case spelling, old symbol or alias names
    choices: list[Gene] | None = None  # several genes share that old symbol or alias


def find_gene(text: str) -> GeneLookup:
    # Unprintable characters (NUL among them) can name no gene, and PostgreSQL refuses NUL in a query.
    if not text or len(text) > MAX_SYMBOL_LENGTH or not text.isprintable():
        return GeneLookup()
    gene = Gene.objects.filter(symbol=text).first()
    if gene:
        return GeneLookup(gene=gene)
    gene = Gene.objects.filter(symbol=text.upper()).first() or Gene.objects.filter(symbol__iexact=text).first()
    if gene:
        return GeneLookup(redirect_to=gene)
    return _by_other_symbol(text)


def _by_other_symbol(text: str) -> GeneLookup:
    names = GeneName.objects.filter(kind__in=GeneName.SYMBOL_KINDS)
    ids = set(names.filter(name=text).values_list("gene_id", flat=True))
    if not ids:
        ids = set(names.filter(name__iexact=text).values_list("gene_id", flat=True))
    genes = list(Gene.objects.filter(id__in=ids).order_by("symbol"))
    if len(genes) == 1:
        return GeneLookup(redirect_to=genes[0])
    if len(genes) > 1:
        return GeneLookup(choices=genes)
    return GeneLookup()


def find_condition(slug: str) -> tuple[Condition | None, bool]:
    """(condition, whether the URL should be redirected to its canonical lower-case slug)."""
    if not slug or len(slug) > 200 or not slug.isprintable():
        return None, False
    condition = Condition.objects.filter(slug=slug).first()
    if condition:
        return condition, False
    condition = Condition.objects.filter(slug=slug.lower()).first()
    if condition is None:
        # An address from an earlier build, before the condition was renamed: a permanent redirect.
        condition = Condition.objects.filter(redirects__old_slug=slug.lower()).first()
    if condition is None:
        # The address MedlinePlus Genetics gives it (22q112-deletion-syndrome): a permanent redirect too.
        condition = Condition.objects.filter(nlm_slug=slug.lower()).first()
    return condition, condition is not None
