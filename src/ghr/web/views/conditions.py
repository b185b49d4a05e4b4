"""Condition pages, their printer-friendly version and the A-Z list."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.kb.models import Condition
from ghr.web.pages.browse import letter_page
from ghr.web.pages.condition import condition_page
from ghr.web.pages.links import pubmed
from ghr.web.pages.lookup import find_condition


def _render_condition(request: HttpRequest, slug: str, template: str, suffix: str) -> HttpResponse:
    condition, needs_redirect = find_condition(slug)
    if condition is None:
        raise Http404(f"No condition has the address {slug!r}.")
    if needs_redirect:
        return redirect(f"/condition/{condition.slug}{suffix}", permanent=True)
    page = condition_page(condition)
    references = [(pmid, pubmed(pmid)) for pmid in page.references]
    return render(request, template, {"page": page, "references": references, "print_view": bool(suffix)})


def condition(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_condition(request, slug, "web/condition.html", "")


def condition_print(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_condition(request, slug, "web/condition_print.html", "/print")


def condition_index(request: HttpRequest) -> HttpResponse:
    page = letter_page(request.GET, Condition.objects.all(), "name")
    return render(request, "web/condition_index.html", {"browse": page})
