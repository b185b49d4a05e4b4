"""Error pages that help: a 404 that offers search and the main lists, a 400, a plain 500, and a 503 when the
database is locked or read-only."""

from __future__ import annotations

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

from ghr.project.unavailable import is_unavailable, unavailable_page

MAX_QUERY_SUGGESTION = 80


def _last_segment(path: str) -> str:
    """The last part of the missing path, offered as a search ('/gene/ALSA2' -> 'ALSA2')."""
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    return segment[:MAX_QUERY_SUGGESTION] if segment.isprintable() else ""


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    context = {"missing_path": request.path, "suggested_query": _last_segment(request.path)}
    return HttpResponse(render_to_string("web/404.html", context, request=request), status=404)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    # A body over DATA_UPLOAD_MAX_MEMORY_SIZE (or with too many fields) is too large, not malformed: 413.
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    body = render_to_string("web/400.html", {"too_large": too_large}, request=request)
    return HttpResponse(body, status=413 if too_large else 400)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception, so it is still at hand: a database that is locked or
    # read-only is not a bug in the page, and the visitor is told to come back shortly (503).
    if is_unavailable(sys.exc_info()[1]):
        return unavailable_page()
    # No database access and no request context here: whatever failed must not fail again.
    try:
        body = render_to_string("web/500.html", {})
    except Exception:  # noqa: BLE001 - the last resort must always answer
        body = "<!DOCTYPE html><html lang='en'><title>Server error</title><h1>Something went wrong</h1></html>"
    return HttpResponseServerError(body)
