"""Gene pages, the printer-friendly version, the A-Z list, and the choice page for shared old symbols."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.kb.models import Gene
from ghr.web.pages.browse import letter_page
from ghr.web.pages.gene import gene_page, reference_links
from ghr.web.pages.lookup import find_gene


def _gene_or_response(request: HttpRequest, symbol: str, suffix: str):
    found = find_gene(symbol)
    if found.gene:
        return found.gene
    if found.redirect_to:
        return redirect(f"/gene/{found.redirect_to.symbol}{suffix}", permanent=True)
    if found.choices:
        # 300 Multiple Choices: there is no single answer to give, but the page lists every candidate.
        context = {"symbol": symbol, "genes": found.choices, "suffix": suffix}
        return render(request, "web/gene_choices.html", context, status=300)
    raise Http404(f"No gene has the symbol {symbol!r}.")


def _render_gene(request: HttpRequest, symbol: str, template: str, suffix: str) -> HttpResponse:
    gene = _gene_or_response(request, symbol, suffix)
    if isinstance(gene, HttpResponse):
        return gene
    page = gene_page(gene)
    context = {"page": page, "references": reference_links(page.references), "print_view": bool(suffix)}
    return render(request, template, context)


def gene(request: HttpRequest, symbol: str) -> HttpResponse:
    return _render_gene(request, symbol, "web/gene.html", "")


def gene_print(request: HttpRequest, symbol: str) -> HttpResponse:
    return _render_gene(request, symbol, "web/gene_print.html", "/print")


def gene_index(request: HttpRequest) -> HttpResponse:
    page = letter_page(request.GET, Gene.objects.all(), "symbol")
    return render(request, "web/gene_index.html", {"browse": page})
