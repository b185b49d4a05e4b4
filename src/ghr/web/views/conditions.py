"""Condition pages, their printer-friendly version and the A-Z list."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.kb.models import Condition
from ghr.web.pages.browse import letter_page
from ghr.web.pages.condition import ConditionPage, condition_page
from ghr.web.pages.lookup import find_condition

# The page and its printer-friendly version, by the suffix of their URL.
TEMPLATES = {"": "web/condition.html", "/print": "web/condition_print.html"}


def page_context(page: ConditionPage, suffix: str) -> dict:
    """What the template of a condition page (or its printer-friendly version) is rendered with."""
    return {"page": page, "references": page.references, "print_view": bool(suffix)}


def _render_condition(request: HttpRequest, slug: str, suffix: str) -> HttpResponse:
    condition, needs_redirect = find_condition(slug)
    if condition is None:
        raise Http404(f"No condition has the address {slug!r}.")
    if needs_redirect:
        return redirect(f"/condition/{condition.slug}{suffix}", permanent=True)
    return render(request, TEMPLATES[suffix], page_context(condition_page(condition), suffix))


def condition(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_condition(request, slug, "")


def condition_print(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_condition(request, slug, "/print")


def condition_index(request: HttpRequest) -> HttpResponse:
    page = letter_page(request.GET, Condition.objects.all(), "name")
    return render(request, "web/condition_index.html", {"browse": page})
