"""/search (HTML), /search.json and /api/v1/search (JSON), /api/v1/suggest (autocomplete JSON).

All of them read the same ranked list from ghr.search.engine; HTML groups one page of it by kind, JSON returns it
as is. Bad parameters are answered with 400 and a JSON error body ({"error": {"code", "message"}}).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from ghr.search.engine import KINDS, Answer, Query, Result, answer, search
from ghr.search.text import clean_query

PAGE_SIZE = 20
MAX_PAGE = 1000
KIND_TITLES = {"gene": "Genes", "condition": "Conditions", "gene-family": "Gene families", "glossary": "Glossary",
               "handbook": "Handbook"}  # fmt: skip


class BadParameter(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def _json(data, status: int = 200) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), status=status, content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _error(error: BadParameter) -> HttpResponse:
    return _json({"error": {"code": error.code, "message": error.message}}, status=400)


def _page_number(raw: str | None) -> int:
    if raw is None or raw == "":
        return 1
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise BadParameter("bad_page", f"page must be a whole number from 1 to {MAX_PAGE}")
    return int(raw)


def _kinds(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return KINDS
    if raw not in KINDS:
        raise BadParameter("bad_kind", f"kind must be one of: {', '.join(KINDS)}")
    return (raw,)


def _required_query(request) -> str:
    query = clean_query(request.GET.get("q"))
    if not Query.parse(query).norm:
        raise BadParameter("missing_query", "q must contain at least one letter or digit")
    return query


@dataclass
class Page:
    results: list[Result]
    number: int
    count: int

    @property
    def pages(self) -> int:
        return max(math.ceil(self.count / PAGE_SIZE), 1)


def _page_of(results: list[Result], number: int) -> Page:
    page = Page(results[(number - 1) * PAGE_SIZE : number * PAGE_SIZE], number, len(results))
    if number > page.pages:
        raise BadParameter("page_out_of_range", f"page {number} is past the last page ({page.pages})")
    return page


def result_json(result: Result) -> dict:
    return {"label": result.label, "kind": result.kind, "url": result.url, "matched": result.matched}


def _as_typed(request) -> bool:
    """``as_typed=1`` searches the words exactly as typed: no spelling correction, no reading of a question."""
    return request.GET.get("as_typed") == "1"


@require_GET
def api_search(request) -> HttpResponse:
    try:
        query = _required_query(request)
        kinds = _kinds(request.GET.get("kind"))
        found = answer(query, kinds=kinds, as_typed=_as_typed(request))
        page = _page_of(found.results, _page_number(request.GET.get("page")))
    except BadParameter as error:
        return _error(error)
    return _json(
        {
            "query": query,
            "showing": found.showing or None,
            "kind": request.GET.get("kind") or None,
            "page": page.number,
            "pages": page.pages,
            "total": page.count,
            "results": [result_json(result) for result in page.results],
        }
    )


@require_GET
def api_suggest(request) -> HttpResponse:
    try:
        query = _required_query(request)
    except BadParameter as error:
        return _error(error)
    return _json({"query": query, "results": [result_json(result) for result in search(query, suggest=True)]})


def groups_in_rank_order(results: list[Result]) -> list[tuple[str, str, list[Result]]]:
    """(kind, heading, results) with the group holding the best result first."""
    groups: dict[str, list[Result]] = {}
    for result in results:
        groups.setdefault(result.kind, []).append(result)
    return [(kind, KIND_TITLES[kind], items) for kind, items in groups.items()]


def _search_url(query: str, kinds: tuple[str, ...], number: int, as_typed: bool = False) -> str:
    params = {"q": query}
    if len(kinds) == 1:
        params["kind"] = kinds[0]
    if number > 1:
        params["page"] = str(number)
    if as_typed:
        params["as_typed"] = "1"
    return "/search?" + urlencode(params)


def _page_links(query: str, kinds: tuple[str, ...], page: Page, as_typed: bool) -> dict[str, str]:
    links = {}
    if page.number > 1:
        links["previous"] = _search_url(query, kinds, page.number - 1, as_typed)
    if page.number < page.pages:
        links["next"] = _search_url(query, kinds, page.number + 1, as_typed)
    links["all"] = _search_url(query, KINDS, 1, as_typed)
    for kind in KINDS:
        links[kind] = _search_url(query, (kind,), 1, as_typed)
    links["as_typed"] = _search_url(query, kinds, 1, as_typed=True)
    return links


def _goes_straight(request, found: Answer, number: int) -> bool:
    # Only the first page of an unfiltered search: a link to "everything matching OMIM:219700" still lists it.
    return found.direct is not None and number == 1 and not request.GET.get("kind")


def search_page(request) -> HttpResponse:
    query = clean_query(request.GET.get("q"))
    context = {"search_query": query, "kind": request.GET.get("kind") or "", "kind_titles": KIND_TITLES}
    if not Query.parse(query).norm:
        return render(request, "search/search.html", context)
    as_typed = _as_typed(request)
    try:
        kinds = _kinds(request.GET.get("kind"))
        number = _page_number(request.GET.get("page"))
        found = answer(query, kinds=kinds, as_typed=as_typed)
        page = _page_of(found.results, number)
    except BadParameter as error:
        if error.code == "page_out_of_range":
            raise Http404(error.message) from error
        context["error"] = error.message
        return render(request, "search/search.html", context, status=400)
    if _goes_straight(request, found, number):
        return redirect(found.direct.url)
    context.update(
        page=page,
        groups=groups_in_rank_order(page.results),
        links=_page_links(query, kinds, page, as_typed),
        showing=found.showing,
    )
    return render(request, "search/search.html", context)
