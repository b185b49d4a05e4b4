"""MedlinePlus Genetics addresses (/genetics/gene/fbn1, /genetics/condition/22q112-deletion-syndrome/,
/genetics/chromosome/mitochondrial-dna/): permanent redirects to the same page at ghr's own address.

Clients and links written for MedlinePlus Genetics keep working with only the host changed. NLM spells genes in
lower case, names chromosomes 1-22, x, y and mitochondrial-dna, and gives conditions addresses made from their
names (``ghr.build.nlm_slugs``, stored by the build as ``Condition.nlm_slug``).
"""

from __future__ import annotations

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe

from ghr.api import identifiers, pages, queries

INDEXES = {"gene": "/gene/", "condition": "/condition/", "chromosome": "/chromosome/"}


def _canonical(kind: str, name: str) -> str | None:
    if kind == "gene":
        gene = identifiers.gene_by_symbol(name)
        return pages.gene_path(gene.symbol) if gene else None
    if kind == "condition":
        condition = identifiers.condition_by_slug(name)
        return pages.condition_path(condition.slug) if condition else None
    wanted = "MT" if name.lower() == pages.MITOCHONDRIAL else name
    chromosome = queries.chromosomes().filter(name__iexact=wanted).first() if identifiers.is_usable(wanted) else None
    return pages.chromosome_path(chromosome.name) if chromosome else None


@require_safe
def page(request, kind: str, name: str):
    path = _canonical(kind, name)
    if path is None:
        raise Http404(f"No {kind} at this MedlinePlus Genetics address.")
    return HttpResponsePermanentRedirect(path)


@require_safe
def index(request, kind: str = ""):
    return HttpResponsePermanentRedirect(INDEXES.get(kind, "/"))
