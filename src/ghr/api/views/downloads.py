"""/download/: the bulk files, sent from the files written for the serving release, and a page that lists them.

A bulk file is never generated inside a request. The app hands the file to nginx (X-Accel-Redirect, when
GHR_BULK_ACCEL_PREFIX is set) or sends it itself with WhiteNoise's file responder: Content-Length, ETag,
Last-Modified, single byte ranges (206) and the gzip copy when the client accepts it. A client that loses the
connection sees fewer bytes than Content-Length said, and can resume with a Range request.
"""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.responders import StaticFile

from ghr.api import bulkstore
from ghr.api.nlm import SCHEMA_FILE
from ghr.kb.models import BuildInfo, Chromosome, Condition, Gene, SourceRelease

RETRY_SECONDS = 60
# The header that tells a client which data release the file it got belongs to.
SET_HEADER = "X-Bulk-Release"


def _common_headers(spec: bulkstore.BulkFile, entry: dict) -> list[tuple[str, str]]:
    return [
        ("Content-Type", spec.content_type),
        # From the content, so every host serving the same release gives the same ETag.
        ("ETag", f'"{entry["sha256"][:32]}"'),
        ("Content-Disposition", f'inline; filename="{spec.name}"'),
        ("Access-Control-Allow-Origin", "*"),
        ("Cache-Control", "public, max-age=300"),
    ]


def _accel_response(found: bulkstore.BulkSet, spec: bulkstore.BulkFile, prefix: str) -> HttpResponse:
    """Hand the file to nginx, which sends it (with ranges and its own ETag) without holding an app worker."""
    response = HttpResponse(content_type=spec.content_type)
    response["X-Accel-Redirect"] = f"/{prefix.strip('/')}/{found.key}/{spec.name}"
    response["Content-Disposition"] = f'inline; filename="{spec.name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def file_response(request, found: bulkstore.BulkSet, spec: bulkstore.BulkFile):
    prefix = settings.GHR["GHR_BULK_ACCEL_PREFIX"]
    if prefix:
        response = _accel_response(found, spec, prefix)
    else:
        path = found.path(spec.name)
        static = StaticFile(str(path), _common_headers(spec, found.entry(spec.name)), {"gzip": f"{path}.gz"})
        response = WhiteNoiseMiddleware.serve(static, request)
    response[SET_HEADER] = found.manifest["release"]
    return response


def _not_ready() -> HttpResponse:
    message = "The bulk files of this release are being written. Please try again in a minute.\n"
    response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_SECONDS)
    return response


@require_safe
def bulk_file(request, name: str):
    """The file written for the serving release; while it is being written, the newest earlier one."""
    spec = bulkstore.FILES[name]
    found = bulkstore.for_release()
    if found is None:
        bulkstore.start_background_write()
        found = bulkstore.newest()
    if found is None:
        return _not_ready()
    return file_response(request, found, spec)


@require_safe
def summaries_schema(request):
    """The XML Schema ghr-summaries.xml and the per-page XML documents follow."""
    response = FileResponse(open(SCHEMA_FILE, "rb"), content_type="application/xml; charset=utf-8")  # noqa: SIM115
    response["Access-Control-Allow-Origin"] = "*"
    return response


DESCRIPTIONS = {
    "ghr-summaries.xml": "Every gene, condition and chromosome summary, in NLM's ghr-summaries.xml format",
    "TopicIndex.xml": "Every gene, condition and chromosome page's title, address and other names, as NLM's "
    "TopicIndex.xml",
    "index.json": "Index of every page: kind, slug, title and address (JSON)",
    "genes.jsonl": "Every gene record of /api/v1, one JSON object per line",
    "conditions.jsonl": "Every condition record of /api/v1, one JSON object per line",
}


def _describe(found: bulkstore.BulkSet | None) -> list[dict]:
    genes, conditions, chromosomes = Gene.objects.count(), Condition.objects.count(), Chromosome.objects.count()
    records = {
        "ghr-summaries.xml": genes + conditions + chromosomes,
        "TopicIndex.xml": genes + conditions + chromosomes,
        "index.json": genes + conditions + chromosomes,
        "genes.jsonl": genes,
        "conditions.jsonl": conditions,
    }
    files = []
    for name, description in DESCRIPTIONS.items():
        entry = found.manifest["files"].get(name, {}) if found else {}
        files.append({"name": name, "description": description, "records": records[name], "url": f"/download/{name}",
                      "size": entry.get("bytes"), "sha256": entry.get("sha256")})  # fmt: skip
    return files


@require_safe
def download_page(request):
    found = bulkstore.for_release() or bulkstore.newest()
    context = {
        "files": _describe(found),
        "bulk": found.manifest if found else None,
        "build": BuildInfo.objects.order_by("-finished_at").first(),
        "sources": SourceRelease.objects.order_by("name"),
    }
    return render(request, "api/downloads.html", context)
