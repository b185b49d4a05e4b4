"""The chromosome list and one page per chromosome."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.kb.models import Chromosome
from ghr.web.pages.chromosome import canonical_name, chromosome_page


def chromosome_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/chromosome_index.html", {"chromosomes": list(Chromosome.objects.order_by("sort_order"))}
    )


def chromosome(request: HttpRequest, name: str) -> HttpResponse:
    canonical = canonical_name(name)
    if canonical is None:
        raise Http404("Human chromosomes are 1 to 22, X, Y and MT (mitochondrial DNA).")
    if canonical != name:
        return redirect(f"/chromosome/{canonical}", permanent=True)
    found = Chromosome.objects.filter(name=canonical).first()
    if found is None:
        raise Http404(f"Chromosome {canonical} is not in this knowledge base.")
    return render(request, "web/chromosome.html", {"page": chromosome_page(found)})
