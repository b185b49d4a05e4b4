"""The Jinja2 environment every public HTML page is rendered with: url(), static() and plain-language filters."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Reverse a named URL: ``url('web:gene', 'ALAS2')``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def thousands(value: Any) -> str:
    """55009055 -> '55,009,055'; anything that is not a whole number is shown as it is."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return "" if value is None else str(value)


def month_year(value: dt.date | None) -> str:
    """A date as editors wrote it on GHR: 'July 2009'."""
    return value.strftime("%B %Y") if value else ""


def long_date(value: dt.date | None) -> str:
    """'February 8, 2016' (no leading zero on the day)."""
    return f"{value.strftime('%B')} {value.day}, {value.year}" if value else ""


def environment(**options: Any) -> Environment:
    env = Environment(**options)
    # A static file's URL cannot change while the process runs (the files and STATIC_URL are fixed at start-up),
    # and every page asks for the same few: asking the storage each time was a tenth of a page's rendering.
    cached_static = functools.lru_cache(maxsize=256)(static)
    env.globals.update({"static": cached_static, "url": url})
    env.filters.update({"thousands": thousands, "month_year": month_year, "long_date": long_date})
    return env
