"""App-side page cache: a public page (or search answer) is rendered once per knowledge-base build, text release
and code version.

The key holds the release token (build id, editorial texts release, code fingerprint), so a new build or a
published text makes every old entry unreachable at once; nothing has to be deleted. The token is read from the
database at most once a second per process. Entries live in Django's default cache: local memory per process,
or Redis shared by every app process when GHR_CACHE_URL is set.

It is the first middleware: a hit skips all the others, and a miss is judged on the response as the others left
it (any cookie set by sessions, CSRF or messages keeps the page out of the cache).
"""

from __future__ import annotations

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections
from django.http import HttpResponse

from ghr.publish.releases import code_fingerprint, kb_build_id, texts_release
from ghr.publish.render import EXPORT_ENVIRON_KEY

# Not public pages, or answers that depend on the query or the visitor.
UNCACHED_PREFIXES = ("/admin/", "/editorial/", "/api/", "/search", "/connect", "/static/", "/accounts/")
# Query parameters that select a public page (the A-Z browse lists); any other parameter skips the cache.
CACHED_QUERY_PARAMETERS = frozenset({"letter", "page"})
# Search answers depend only on their parameters and the release, like pages: kept too, with the parameters that
# select them. Suggestions come once per keystroke, and people type the same first letters.
SEARCH_ANSWERS = {
    "/api/v1/suggest": frozenset({"q"}),
    "/api/v1/search": frozenset({"q", "kind", "page", "as_typed"}),
    "/search.json": frozenset({"q", "kind", "page", "as_typed"}),
    "/search": frozenset({"q", "kind", "page", "as_typed"}),
}
CACHED_STATUSES = frozenset({200, 301, 308})
RECHECK_SECONDS = 1.0
# Told to clients and to nginx, which passes it on: whether the page came from this cache.
HEADER = "X-Page-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._token = ""
        self._token_checked = float("-inf")

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        cache = caches["default"]
        frozen = cache.get(key)
        if frozen is not None:
            return _thaw(frozen)
        response = self.get_response(request)
        if _cacheable_response(request, response):
            cache.set(key, _freeze(response), settings.GHR["GHR_PAGE_CACHE_SECONDS"])
            response[HEADER] = "miss"
        return response

    def release_token(self) -> str:
        """What every public page depends on, re-read from the database at most once a second."""
        now = time.monotonic()
        if now - self._token_checked >= RECHECK_SECONDS:
            self._token_checked = now
            try:
                self._token = f"{kb_build_id()}.{texts_release()}.{code_fingerprint()}"
            except DatabaseError:
                # Locked or read-only: pages cached for the last token read still serve; with none yet, the
                # error answers 503 (ghr.project.unavailable).
                if not self._token:
                    raise
        return self._token

    def _cacheable_request(self, request) -> bool:
        if request.method not in {"GET", "HEAD"} or request.META.get(EXPORT_ENVIRON_KEY):
            return False
        if settings.GHR["GHR_PAGE_CACHE_SECONDS"] <= 0:
            return False
        # Inside an open transaction a page may show data that is never committed (tests run every request
        # so, inside a transaction rolled back afterwards): such a page must not outlive the transaction.
        if any(connections[alias].in_atomic_block for alias in ("default", "kb")):
            return False
        selecting = SEARCH_ANSWERS.get(request.path)
        if selecting is None:
            if request.path.startswith(UNCACHED_PREFIXES):
                return False
            selecting = CACHED_QUERY_PARAMETERS
        if any(name not in selecting for name in request.GET):
            return False
        # Signed-in editors (and anyone holding a session or flash messages) see pages made for them.
        return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)

    def _key(self, request) -> str:
        query = urlencode(sorted((name, request.GET[name]) for name in request.GET))
        address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        return f"ghr:page:{self.release_token()}:{hashlib.sha256(address.encode()).hexdigest()}"


def _cacheable_response(request, response) -> bool:
    if response.status_code not in CACHED_STATUSES or response.streaming or response.cookies:
        return False
    # Set by Django when the page used the visitor's CSRF token or session: the page is theirs alone.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= {"accept-encoding", "cookie"}


def _freeze(response) -> tuple:
    return (response.status_code, list(response.items()), response.content)


def _thaw(frozen: tuple) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response
