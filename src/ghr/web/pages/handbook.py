"""Glossary and Handbook pages: editors' published texts, grouped and ordered for reading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ghr.web.pages.diagrams import Diagram, diagram_for
from ghr.web.pages.texts import published_text, published_texts

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")

# The family diagrams shown under the Handbook's topics on inheritance, in the order the topic explains them.
TOPIC_DIAGRAMS = {
    "inheriting-genetic-conditions/inheritance-patterns": ("ad", "ar", "y", "ac", "n"),
    "inheriting-genetic-conditions/x-linked-inheritance": ("xr", "xd"),
    "inheriting-genetic-conditions/mitochondrial-inheritance": ("m",),
}
# The glossary's entries for the patterns show the same drawing.
GLOSSARY_DIAGRAMS = {
    "autosomal-dominant": ("ad",), "autosomal-recessive": ("ar",), "x-linked-dominant": ("xd",),
    "x-linked-recessive": ("xr",), "x-linked": ("xr", "xd"), "y-linked": ("y",), "codominance": ("ac",),
    "mitochondrial-inheritance": ("m",),
}  # fmt: skip


@dataclass
class Chapter:
    slug: str
    title: str
    topics: list = field(default_factory=list)


def chapters() -> list[Chapter]:
    """Handbook chapters in reading order, each with its topics in order."""
    by_slug: dict[str, Chapter] = {}
    for text in published_texts("handbook"):
        slug = text.key.split("/", 1)[0]
        chapter = by_slug.setdefault(slug, Chapter(slug, text.chapter or slug.replace("-", " ").capitalize()))
        chapter.topics.append(text)
    return list(by_slug.values())


def chapter(slug: str) -> Chapter | None:
    if not SLUG.match(slug):
        return None
    topics = published_texts("handbook", f"{slug}/")
    if not topics:
        return None
    return Chapter(slug, topics[0].chapter or slug.replace("-", " ").capitalize(), topics)


def topic(chapter_slug: str, topic_slug: str):
    """(the topic, its chapter, previous topic, next topic) or None."""
    found = chapter(chapter_slug)
    if found is None or not SLUG.match(topic_slug):
        return None
    keys = [t.key for t in found.topics]
    key = f"{chapter_slug}/{topic_slug}"
    if key not in keys:
        return None
    index = keys.index(key)
    previous = found.topics[index - 1] if index > 0 else None
    following = found.topics[index + 1] if index + 1 < len(keys) else None
    return found.topics[index], found, previous, following


def glossary_entry(slug: str):
    return published_text("glossary", slug) if SLUG.match(slug) else None


def glossary_by_letter() -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for entry in sorted(published_texts("glossary"), key=lambda t: t.title.lower()):
        first = entry.title[:1].upper()
        groups.setdefault(first if first.isalpha() else "0-9", []).append(entry)
    return sorted(groups.items())


def topic_diagrams(key: str) -> list[Diagram]:
    """The family diagrams that go with a Handbook topic (none for most topics)."""
    return [diagram for code in TOPIC_DIAGRAMS.get(key, ()) if (diagram := diagram_for(code)) is not None]


def glossary_diagrams(key: str) -> list[Diagram]:
    """The family diagrams that go with a glossary entry: those of the inheritance patterns."""
    return [diagram for code in GLOSSARY_DIAGRAMS.get(key, ()) if (diagram := diagram_for(code)) is not None]
