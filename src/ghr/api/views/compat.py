"""The old services' document URLs: /gene/ALAS2.json, /condition/{slug}.xml, /download/genetics/... ."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from ghr.api import compat, documents, jsonp, xmldoc


def _with_cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def not_found(kind: str, name: str, fmt: str) -> HttpResponse:
    message = f"No {kind} named {name!r}."
    if fmt == "xml":
        body = xmldoc.to_bytes("error", {"code": "not_found", "message": message}, namespace="")
        return _with_cors(HttpResponse(body, status=404, content_type="application/xml; charset=utf-8"))
    body = json.dumps({"error": {"code": "not_found", "message": message}})
    return _with_cors(HttpResponse(body, status=404, content_type="application/json"))


def bad_callback() -> HttpResponse:
    body = json.dumps(
        {"error": {"code": "bad_callback", "message": "The p (callback) parameter must be a plain JavaScript name."}}
    )
    return _with_cors(HttpResponse(body, status=400, content_type="application/json"))


def document_body(root: str, document: dict, fmt: str, callback: str = "") -> tuple[bytes, str]:
    """(body, Content-Type) of a document in ``fmt``: XML, JSON, or JSONP when a checked callback is given."""
    if fmt == "xml":
        return xmldoc.to_bytes(root, document), "application/xml; charset=utf-8"
    text = json.dumps(compat.json_form(root, document), ensure_ascii=False)
    if callback:
        return jsonp.wrap(callback, text).encode(), "application/javascript; charset=utf-8"
    return text.encode(), "application/json"


def render(root: str, document: dict, fmt: str, callback: str = "") -> HttpResponse:
    body, content_type = document_body(root, document, fmt, callback)
    return _with_cors(HttpResponse(body, content_type=content_type))


def answer(kind: str, name: str, fmt: str, callback: str = "") -> HttpResponse:
    """The document in ``fmt`` ('json' or 'xml'), JSONP when a (checked) callback is given."""
    if callback and not jsonp.is_safe_callback(callback):
        return bad_callback()
    found = documents.find(kind, name)
    if found is None:
        return not_found(kind, name, fmt)
    root, document = found
    return render(root, document, fmt, callback)


@require_safe
def document(request, kind: str, name: str, fmt: str):
    return answer(kind, name, fmt, request.GET.get("p", "") if fmt == "json" else "")
