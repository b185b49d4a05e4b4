"""``?report=json`` / ``?report=xml`` on a page URL answers with the old service's document for that page."""

from __future__ import annotations

import re

from ghr.api.views.compat import answer

_PAGE = re.compile(r"^/(?P<kind>gene|condition|chromosome)/(?P<name>[^/]+)/?$")
FORMATS = {"json", "xml"}


class ReportFormatMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        report = request.GET.get("report", "")
        if report and request.method in {"GET", "HEAD"}:
            match = _PAGE.match(request.path_info)
            if match and report.lower() in FORMATS:
                fmt = report.lower()
                callback = request.GET.get("p", "") if fmt == "json" else ""
                return answer(match["kind"], match["name"], fmt, callback)
        return self.get_response(request)
