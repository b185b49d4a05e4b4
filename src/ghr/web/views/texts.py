"""Glossary and Handbook: editors' texts, published through ghr.editorial.public."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghr.web.pages import handbook
from ghr.web.pages.references import text_references


def _refs(text):
    return text_references(text)


def glossary_index(request: HttpRequest) -> HttpResponse:
    return render(request, "web/glossary_index.html", {"groups": handbook.glossary_by_letter()})


def glossary_term(request: HttpRequest, term: str) -> HttpResponse:
    if term != term.lower() and handbook.glossary_entry(term.lower()):
        return redirect(f"/glossary/{term.lower()}", permanent=True)
    entry = handbook.glossary_entry(term)
    if entry is None:
        raise Http404(f"The glossary has no entry {term!r}.")
    context = {"entry": entry, "references": _refs(entry), "diagrams": handbook.glossary_diagrams(entry.key)}
    return render(request, "web/glossary_term.html", context)


def handbook_index(request: HttpRequest) -> HttpResponse:
    return render(request, "web/handbook_index.html", {"chapters": handbook.chapters()})


def handbook_chapter(request: HttpRequest, chapter: str) -> HttpResponse:
    found = handbook.chapter(chapter)
    if found is None:
        raise Http404(f"The Handbook has no chapter {chapter!r}.")
    return render(request, "web/handbook_chapter.html", {"chapter": found})


def handbook_topic(request: HttpRequest, chapter: str, topic: str) -> HttpResponse:
    found = handbook.topic(chapter, topic)
    if found is None:
        raise Http404(f"The Handbook has no topic {chapter}/{topic}.")
    text, in_chapter, previous, following = found
    context = {"text": text, "chapter": in_chapter, "previous": previous, "following": following,
               "references": _refs(text), "diagrams": handbook.topic_diagrams(text.key)}  # fmt: skip
    return render(request, "web/handbook_topic.html", context)
