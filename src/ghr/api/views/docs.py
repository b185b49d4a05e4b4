"""The OpenAPI document, a readable page made from it, and JSON 404s for unknown /api/ addresses."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from ghr.api import openapi
from ghr.api.http import api_view, error_response, json_response

METHODS = ("get", "post", "put", "patch", "delete")


@api_view()
def openapi_json(request):
    return json_response(openapi.spec())


def _operations(document: dict) -> list[dict]:
    operations = []
    for route, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                operations.append(
                    {
                        "method": method.upper(),
                        "path": route,
                        "anchor": f"{method}-{route.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                        "summary": operation.get("summary", ""),
                        "parameters": operation.get("parameters", []),
                        "body": operation.get("requestBody"),
                        "responses": operation.get("responses", {}),
                    }
                )
    return operations


def schema_label(schema: dict) -> str:
    """A short, readable type for a schema: 'string', 'array of Gene', 'Gene or null'."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "oneOf" in schema:
        return " or ".join(schema_label(s) for s in schema["oneOf"])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return f"always {schema['const']!r}"
    kind = schema.get("type", "object")
    if kind == "array":
        return "array of " + schema_label(schema.get("items", {}))
    return " or ".join(kind) if isinstance(kind, list) else kind


def _schemas(document: dict) -> list[dict]:
    described = []
    for name, schema in document["components"]["schemas"].items():
        properties = [
            {"name": prop, "type": schema_label(sub), "required": prop in schema.get("required", [])}
            for prop, sub in schema.get("properties", {}).items()
        ]
        described.append({"name": name, "description": schema.get("description", ""), "properties": properties,
                          "type": schema_label(schema)})  # fmt: skip
    return described


def api_home(request):
    """/api/: where the API documentation, the OpenAPI document, the bulk files and the infobutton are."""
    return render(request, "api/home.html")


def docs_page(request):
    document = openapi.spec()
    context = {
        "info": document["info"],
        "operations": _operations(document),
        "schemas": _schemas(document),
        "schema_label": schema_label,
    }
    response = render(request, "api/docs.html", context)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
def unknown_route(request):
    return error_response(404, "not_found", f"There is no API endpoint at {request.path}; see /api/docs.")
