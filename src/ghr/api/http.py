"""What every /api/ response shares: JSON errors, CORS and conditional requests."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from functools import wraps

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.csrf import csrf_exempt

from ghr.api.texts import texts_release
from ghr.kb.models import BuildInfo
from ghr.project.unavailable import RETRY_AFTER_SECONDS, is_unavailable

log = logging.getLogger(__name__)
DEFAULT_RATE = (600, 60)


class ApiError(Exception):
    """An answer that is an error: raise it anywhere in a view."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def json_response(data, status: int = 200, **kwargs) -> HttpResponse:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        body = text.encode()
    except UnicodeEncodeError:  # a lone surrogate sent by the client, echoed back: escape it as JSON allows
        body = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode()
    return HttpResponse(body, status=status, content_type="application/json", **kwargs)


def error_response(status: int, code: str, message: str, **extra) -> HttpResponse:
    return cors(json_response({"error": {"code": code, "message": message, **extra}}, status=status))


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def preflight(methods: tuple[str, ...]) -> HttpResponse:
    response = cors(HttpResponse(status=204))
    response["Access-Control-Allow-Methods"] = ", ".join((*methods, "OPTIONS"))
    response["Access-Control-Allow-Headers"] = "Content-Type, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


# Conditional requests -------------------------------------------------------------------------------------------


def texts_seen_at(release: str) -> float | None:
    """When this server first saw the editorial release token: no later than the change it stands for."""
    if not release:
        return None
    key = f"ghr:texts-release-seen:{release}"
    cache.add(key, time.time(), timeout=None)
    return cache.get(key)


def validators(request) -> tuple[str, float | None]:
    """(ETag, Last-Modified timestamp) of the current data for this URL."""
    info = BuildInfo.objects.order_by("-finished_at").values_list("build_id", "finished_at").first()
    build, finished = info if info else ("", None)
    release = texts_release()
    digest = hashlib.sha256(f"{build}|{release}|{request.get_full_path()}".encode()).hexdigest()[:32]
    stamps = [t for t in (finished.timestamp() if finished else None, texts_seen_at(release)) if t]
    return quote_etag(digest), (max(stamps) if stamps else None)


def _etag_matches(header: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or etag in tags


def is_not_modified(request, etag: str, modified: float | None) -> bool:
    none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if none_match is not None:
        return _etag_matches(none_match, etag)
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return bool(since and modified and int(modified) <= since)


def set_validators(response: HttpResponse, etag: str, modified: float | None) -> None:
    response["ETag"] = etag
    if modified:
        response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=300"


# The decorator --------------------------------------------------------------------------------------------------


def _run(view, request, args, kwargs) -> HttpResponse:
    try:
        return view(request, *args, **kwargs)
    except ApiError as error:
        return error_response(error.status, error.code, error.message, **error.extra)
    except Exception as error:  # noqa: BLE001 - an API client must get JSON, never the HTML error page
        if is_unavailable(error):
            raise  # answered 503 by the decorator, which also covers the conditional-request checks
        log.exception("API view failed: %s", request.get_full_path())
        return error_response(500, "server_error", "Something went wrong on our side; it has been logged.")


def _method_not_allowed(methods: tuple[str, ...], method: str) -> HttpResponse:
    response = error_response(405, "method_not_allowed", f"{method} is not allowed here; use {', '.join(methods)}.")
    response["Allow"] = ", ".join((*methods, "OPTIONS"))
    return response


def _answer(view, request, args, kwargs, conditional: bool) -> HttpResponse:
    readable = request.method in {"GET", "HEAD"}
    if not (conditional and readable):
        return _run(view, request, args, kwargs)
    etag, modified = validators(request)
    if is_not_modified(request, etag, modified):
        response = HttpResponse(status=304)
    else:
        response = _run(view, request, args, kwargs)
    if response.status_code in {200, 304}:
        set_validators(response, etag, modified)
    return response


def api_view(methods: tuple[str, ...] = ("GET",), conditional: bool = True):
    """Wrap a view that returns JSON: method check, CORS preflight, 304s and JSON errors (the rate limit is
    ghr.api.ratelimit's middleware, which covers every data path)."""
    allowed = (*methods, "HEAD") if "GET" in methods else methods

    def decorate(view):
        @csrf_exempt  # no cookies are read: the API is the same for everyone, so there is nothing to forge
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "OPTIONS":
                return preflight(allowed)
            if request.method not in allowed:
                return _method_not_allowed(allowed, request.method)
            try:
                response = cors(_answer(view, request, args, kwargs, conditional))
            except DatabaseError as error:
                if not is_unavailable(error):
                    raise
                response = error_response(503, "unavailable", "The database is busy or read-only; try again shortly.")
                response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response

        return wrapped

    return decorate
