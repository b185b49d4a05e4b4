"""One request budget per client address for every data answer, whichever door it comes in by.

/api/ (v1, search, suggest), /search and /search.json, the old services' .json and .xml documents (and ?report= on
a page), /connect and the bulk downloads are all ways to pull data in bulk, so they share one budget
(GHR_API_RATE_LIMIT). A middleware rather than a decorator, so a path cannot be added without it, and first in
the chain, so answers from the page cache count too. The address is the client's, seen through trusted proxies
(ghr.project.clients); counts live in the ``limits`` cache, shared by every process (see ghr.project.assemble).
"""

from __future__ import annotations

import logging
import math
import re
import time

from django.conf import settings
from django.core.cache import caches

from ghr.api.http import error_response
from ghr.project.clients import client_address

log = logging.getLogger(__name__)
DEFAULT_RATE = (600, 60)
LIMITED_PATHS = re.compile(
    r"^/(?:api/|search(?:\.json)?$|connect$|download/[^/]+$|download/genetics/"
    r"|(?:gene|condition|chromosome)/[^/]+\.(?:json|xml)$)"
)


def rate_setting() -> tuple[int, int]:
    text = str(settings.GHR["GHR_API_RATE_LIMIT"])
    count, _, seconds = text.partition("/")
    try:
        parsed = int(count), int(seconds)
    except ValueError:
        log.error("GHR_API_RATE_LIMIT=%r is not COUNT/SECONDS; using %s/%s", text, *DEFAULT_RATE)
        return DEFAULT_RATE
    return parsed if parsed[0] > 0 and parsed[1] > 0 else DEFAULT_RATE


def is_limited(request) -> bool:
    return bool(LIMITED_PATHS.match(request.path_info)) or "report" in request.GET


def check_rate(request) -> tuple[object | None, dict[str, str]]:
    """(429 response or None, headers to add). A fixed window per client address."""
    limit, seconds = rate_setting()
    now = time.time()
    window = int(now // seconds)
    key = f"ghr:api-rate:{client_address(request)}:{seconds}:{window}"
    counts = caches["limits"]
    counts.add(key, 0, timeout=seconds + 1)
    try:
        used = counts.incr(key)
    except ValueError:  # expired between add and incr
        counts.set(key, 1, timeout=seconds + 1)
        used = 1
    headers = {"RateLimit-Limit": str(limit), "RateLimit-Remaining": str(max(0, limit - used))}
    if used <= limit:
        return None, headers
    retry = max(1, math.ceil((window + 1) * seconds - now))
    response = error_response(
        429, "rate_limited", f"Too many requests: {limit} per {seconds} s per address. Try again in {retry} s."
    )
    response["Retry-After"] = str(retry)
    return response, headers


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" or not is_limited(request):
            return self.get_response(request)
        limited, headers = check_rate(request)
        if limited is not None:
            return limited
        response = self.get_response(request)
        for name, value in headers.items():
            response[name] = value
        return response
