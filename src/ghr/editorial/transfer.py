"""Texts in and out as Markdown files with YAML front matter (the layout of the content/ folder).

Import publishes each file's text directly, as the system user ``ghr-import``, with no reviewed date (nobody has
reviewed it on this site yet); a file whose text equals the published version changes nothing. Export writes every
text's working version back in the same format, so export -> import -> export gives identical files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml
from django.db import transaction
from django.utils import timezone

from ghr.editorial.models import Kind, Revision, State, Text
from ghr.editorial.workflow import next_number, record, system_user

KEY_PATTERNS = {
    Kind.GENE_FUNCTION: r"[A-Za-z0-9][A-Za-z0-9@._-]*",
    Kind.GENE_CONDITION: r"[A-Za-z0-9][A-Za-z0-9@._-]*/[a-z0-9][a-z0-9-]*",
    Kind.GLOSSARY: r"[a-z0-9][a-z0-9-]*",
    Kind.HANDBOOK: r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*",
}
CONDITION_SECTIONS = {
    Kind.CONDITION_DESCRIPTION: "description",
    Kind.CONDITION_FREQUENCY: "frequency",
    Kind.CONDITION_CAUSES: "causes",
    Kind.CONDITION_INHERITANCE: "inheritance",
}
FRONT_MATTER_ORDER = ("kind", "key", "title", "chapter", "chapter_order", "order", "references", "synonyms")


class ContentError(ValueError):
    """A content file that cannot be imported, with the reason."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def key_fits_kind(kind: str, key: str) -> bool:
    pattern = KEY_PATTERNS.get(kind, r"[a-z0-9][a-z0-9-]*")
    return re.fullmatch(pattern, key) is not None


def _int_list(value, name: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise ContentError(f"{name} must be a list of numbers")
    return list(value)


def _str_list(value, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"{name} must be a list of words")
    return [v.strip() for v in value]


def parse_file(path: Path) -> tuple[str, str, dict]:
    """(kind, key, content) from one Markdown file; ContentError says what is wrong."""
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(f"unreadable front matter: {error}") from error
    meta = post.metadata
    kind, key = str(meta.get("kind") or ""), str(meta.get("key") or "")
    if kind not in Kind.values:
        raise ContentError(f"unknown kind {kind!r}")
    if not key_fits_kind(kind, key):
        raise ContentError(f"key {key!r} does not fit kind {kind}")
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ContentError("no title")
    content = {
        "title": title,
        "body": post.content.strip(),
        "references": _int_list(meta.get("references"), "references"),
        "synonyms": _str_list(meta.get("synonyms"), "synonyms"),
        "chapter": str(meta.get("chapter") or "").strip(),
        "chapter_order": int(meta.get("chapter_order") or 0),
        "order": int(meta.get("order") or 0),
    }
    return kind, key, content


def content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if p.name.lower() != "readme.md" and not p.name.startswith("."))


def _import_outcome(text: Text, content: dict, importer, force: bool) -> str | None:
    """'unchanged' or 'kept' when the file must not be written over the text; None to go ahead."""
    published = text.published_revision
    if published is not None and published.content() == content:
        return "unchanged"
    last_import = text.revisions.filter(author=importer).order_by("-number").first()
    if last_import is not None and last_import.content() == content:
        # The file is what was imported last time; editors have changed the text since, and their work stands.
        return "unchanged"
    edited_here = text.working_revision is not None and text.working_revision.author_id != importer.pk
    if edited_here and not force:
        return "kept"
    return None


@transaction.atomic
def import_text(kind: str, key: str, content: dict, source: str, importer, *, force: bool = False) -> str:
    """Create or update one text and publish it; returns 'created', 'updated', 'unchanged' or 'kept' (the file
    changed, but so did the text on this site: the editors' version is kept unless ``force``)."""
    text, created = Text.objects.select_for_update().get_or_create(kind=kind, key=key)
    outcome = _import_outcome(text, content, importer, force)
    if outcome is not None:
        return outcome
    revision = Revision.objects.create(
        text=text, number=next_number(text), author=importer, note=f"Imported from {source}", **content
    )
    from_state = text.state
    text.working_revision = revision
    text.published_revision = revision
    text.published_at = timezone.now()
    text.state = State.PUBLISHED
    text.return_reason = ""
    from ghr.editorial.staleness import fingerprint

    text.fingerprint = fingerprint(kind, key)
    text.review_due, text.review_due_reasons = False, []
    text.save()
    record(importer, "import", text, revision, from_state=from_state, to_state=State.PUBLISHED, file=source)
    return "created" if created else "updated"


def import_folder(folder: Path, force: bool = False) -> ImportReport:
    report = ImportReport()
    importer = system_user()
    for path in content_files(folder):
        name = str(path.relative_to(folder))
        try:
            kind, key, content = parse_file(path)
        except ContentError as error:
            report.errors.append(f"{name}: {error}")
            continue
        outcome = import_text(kind, key, content, name, importer, force=force)
        getattr(report, outcome).append(f"{kind} {key}")
    return report


# Export --------------------------------------------------------------------------------------------------


def relative_path(kind: str, key: str) -> Path:
    """Where a text lives in the content folder, e.g. genes/ALAS2/function.md."""
    if kind == Kind.GENE_FUNCTION:
        return Path("genes", key, "function.md")
    if kind == Kind.GENE_CONDITION:
        symbol, slug = key.split("/", 1)
        return Path("genes", symbol, f"{slug}.md")
    if kind in CONDITION_SECTIONS:
        return Path("conditions", key, f"{CONDITION_SECTIONS[kind]}.md")
    if kind == Kind.GLOSSARY:
        return Path("glossary", f"{key}.md")
    chapter, topic = key.split("/", 1)
    return Path("handbook", chapter, f"{topic}.md")


def _front_matter(text: Text, revision: Revision) -> dict:
    meta = {"kind": text.kind, "key": text.key, "title": revision.title}
    if text.kind == Kind.HANDBOOK:
        meta["chapter"] = revision.chapter
        if revision.chapter_order:
            meta["chapter_order"] = revision.chapter_order
        meta["order"] = revision.order
    meta["references"] = list(revision.references)
    if text.kind == Kind.GLOSSARY or revision.synonyms:
        meta["synonyms"] = list(revision.synonyms)
    return meta


def _yaml_line(name: str, value) -> str:
    if isinstance(value, list):
        # Lists on one line, as editors write them: references: [123, 456]
        return f"{name}: " + yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    return yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, width=10_000).strip()


def as_markdown(text: Text, revision: Revision) -> str:
    meta = _front_matter(text, revision)
    lines = [_yaml_line(name, meta[name]) for name in FRONT_MATTER_ORDER if name in meta]
    return "---\n" + "\n".join(lines) + "\n---\n" + revision.body.strip() + "\n"


def export_folder(folder: Path) -> list[Path]:
    """Write every text's working version under ``folder``; returns the files written."""
    written = []
    texts = Text.objects.exclude(working_revision=None).select_related("working_revision")
    for text in texts.order_by("kind", "key"):
        path = folder / relative_path(text.kind, text.key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(as_markdown(text, text.working_revision), encoding="utf-8")
        written.append(path)
    return written


def rerender_all() -> int:
    """Render every version's body again and store the HTML where it differs; returns how many changed."""
    from ghr.editorial.rendering import render_markdown

    changed = 0
    for revision in Revision.objects.only("id", "body", "html").iterator():
        if render_markdown(revision.body) != revision.html:
            revision.save(update_fields=["html"])
            changed += 1
    return changed
