"""/download/: the bulk files, streamed, and a page that lists them with their size, records and release."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ghr.api import bulk
from ghr.api.texts import texts_release
from ghr.kb.models import BuildInfo, Chromosome, Condition, Gene, SourceRelease

FILES = {
    "ghr-summaries.xml": (bulk.summaries_xml, "application/xml; charset=utf-8"),
    "TopicIndex.xml": (bulk.topic_index_xml, "application/xml; charset=utf-8"),
    "genes.jsonl": (bulk.genes_jsonl, "application/x-ndjson; charset=utf-8"),
    "conditions.jsonl": (bulk.conditions_jsonl, "application/x-ndjson; charset=utf-8"),
    "index.json": (bulk.index_json, "application/json"),
}


def _size_key(name: str) -> str:
    return f"ghr:download-size:{name}:{bulk.build_id()}:{texts_release()}"


def _counted(name: str, chunks):
    """Pass the chunks on, and remember the total size once a download has run to the end."""
    key = _size_key(name)
    size = 0
    for chunk in chunks:
        size += len(chunk)
        yield chunk
    cache.set(key, size, timeout=None)


def stream(name: str) -> StreamingHttpResponse:
    generate, content_type = FILES[name]
    response = StreamingHttpResponse(_counted(name, generate()), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_safe
def bulk_file(request, name: str):
    return stream(name)


def _describe() -> list[dict]:
    genes, conditions, chromosomes = Gene.objects.count(), Condition.objects.count(), Chromosome.objects.count()
    pages = genes + conditions + chromosomes
    described = [
        ("ghr-summaries.xml", "Every gene, condition and chromosome summary, in the old GHR XML format",
         genes + conditions + chromosomes),
        ("TopicIndex.xml", "Every page's title, address and other names (XML)", pages),
        ("index.json", "Index of every page: kind, slug, title and address (JSON)", pages),
        ("genes.jsonl", "Every gene record of /api/v1, one JSON object per line", genes),
        ("conditions.jsonl", "Every condition record of /api/v1, one JSON object per line", conditions),
    ]  # fmt: skip
    return [{"name": n, "description": d, "records": r, "url": f"/download/{n}"} for n, d, r in described]


def known_sizes(names: list[str]) -> dict[str, int]:
    """Sizes measured when a file was last served in full or written by the static export for this release."""
    folder = settings.GHR.publish_dir / "download"
    sizes = {name: cache.get(_size_key(name)) for name in names}
    for name in names:
        if sizes[name] is None and (folder / name).is_file():
            sizes[name] = (folder / name).stat().st_size
    return {name: size for name, size in sizes.items() if size is not None}


@require_safe
def download_page(request):
    files = _describe()
    sizes = known_sizes([f["name"] for f in files])
    for entry in files:
        entry["size"] = sizes.get(entry["name"])
    context = {
        "files": files,
        "build": BuildInfo.objects.order_by("-finished_at").first(),
        "sources": SourceRelease.objects.order_by("name"),
    }
    return render(request, "api/downloads.html", context)
