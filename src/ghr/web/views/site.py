"""Home, About, data sources and the human-readable site map."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ghr.kb.models import BuildInfo, Chromosome, Condition, Gene, SourceRelease
from ghr.web.pages.handbook import chapters


def home(request: HttpRequest) -> HttpResponse:
    context = {"gene_count": Gene.objects.count(), "condition_count": Condition.objects.count(),
               "chapters": chapters()}  # fmt: skip
    return render(request, "web/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about.html", {"build": BuildInfo.objects.order_by("-finished_at").first()})


def sources(request: HttpRequest) -> HttpResponse:
    releases = SourceRelease.objects.order_by("name")
    context = {"releases": releases, "build": BuildInfo.objects.order_by("-finished_at").first()}
    return render(request, "web/sources.html", context)


def site_map(request: HttpRequest) -> HttpResponse:
    context = {
        "chapters": chapters(),
        "chromosomes": Chromosome.objects.order_by("sort_order"),
        "gene_letters": _initials(Gene.objects.values_list("symbol", flat=True)),
        "condition_letters": _initials(Condition.objects.values_list("name", flat=True)),
    }
    return render(request, "web/site_map.html", context)


def _initials(values) -> list[str]:
    letters = {(v[:1].upper() if v[:1].isalpha() else "0-9") for v in values if v}
    return sorted(letters, key=lambda x: (x == "0-9", x))
