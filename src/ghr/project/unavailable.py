"""A database that is locked, read-only or down answers 503 "try again shortly", never a 500 page.

SQLite raises OperationalError ("database is locked", "attempt to write a readonly database", "unable to open
database file") once its busy timeout has passed; PostgreSQL raises OperationalError when it cannot be reached and
InternalError for a write in a read-only transaction (a standby). None of these is a bug in the page: the same
request will work once the database is back, so the answer says so and tells clients when to retry.
"""

from __future__ import annotations

from django.db import InternalError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 30
FALLBACK = (
    "<!DOCTYPE html><html lang='en'><title>Busy for a moment</title><h1>The site is busy for a moment</h1>"
    "<p>Please try again in a minute.</p></html>"
)


def is_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` says the database cannot be reached or written just now."""
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, InternalError) and "read-only" in str(error)


def unavailable_page() -> HttpResponse:
    # No database access and no request context: the database is what failed.
    try:
        body = render_to_string("web/503.html", {})
    except Exception:  # noqa: BLE001 - the last resort must always answer
        body = FALLBACK
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
