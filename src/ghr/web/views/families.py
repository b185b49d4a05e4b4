"""Gene family pages (HGNC gene groups) and their A-Z list."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.web.pages.browse import letter_page
from ghr.web.pages.gene_family import families, family_page, family_url, find_family


def family_index(request: HttpRequest) -> HttpResponse:
    return render(request, "web/gene_family_index.html", {"browse": letter_page(request.GET, families(), "name")})


def family(request: HttpRequest, ident: str) -> HttpResponse:
    group, by_number = find_family(ident)
    if group is None:
        raise Http404(f"No gene family with at least two genes has the address {ident!r}.")
    if by_number:
        return redirect(family_url(group.slug), permanent=True)
    return render(request, "web/gene_family.html", {"page": family_page(group, request.GET.get("page"))})
