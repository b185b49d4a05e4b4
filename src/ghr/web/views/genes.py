"""Gene pages, the printer-friendly version, the A-Z list, and the choice page for shared old symbols."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.kb.models import Gene
from ghr.web.pages.browse import letter_page
from ghr.web.pages.gene import GenePage, gene_page
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


# The page and its printer-friendly version, by the suffix of their URL.
TEMPLATES = {"": "web/gene.html", "/print": "web/gene_print.html"}


def page_context(page: GenePage, suffix: str) -> dict:
    """What the template of a gene page (or its printer-friendly version) is rendered with."""
    return {"page": page, "references": page.references, "print_view": bool(suffix)}


def _render_gene(request: HttpRequest, symbol: str, suffix: str) -> HttpResponse:
    gene = _gene_or_response(request, symbol, suffix)
    if isinstance(gene, HttpResponse):
        return gene
    return render(request, TEMPLATES[suffix], page_context(gene_page(gene), suffix))


def gene(request: HttpRequest, symbol: str) -> HttpResponse:
    return _render_gene(request, symbol, "")


def gene_print(request: HttpRequest, symbol: str) -> HttpResponse:
    return _render_gene(request, symbol, "/print")


def gene_index(request: HttpRequest) -> HttpResponse:
    page = letter_page(request.GET, Gene.objects.all(), "symbol")
    return render(request, "web/gene_index.html", {"browse": page})
