"""Texts in and out as Markdown files with YAML front matter (the layout of the content/ folder).

Import saves each file's text as a new version by the system user ``ghr-import`` and puts it in review, where a
reviewer approves it and a publisher publishes it like any other. Only when the operator asks for it
(``ghr texts import --publish``, recorded with their name in the audit log) is it published at once, with no
reviewed date (nobody has reviewed it on this site yet). A file whose text equals the current version changes
nothing. Every file is bounded (ghr.editorial.bounded): a file over a size limit, a YAML alias or a field out of
range is refused with the file's name and the reason. Export writes every
text's working version back in the same format, so export -> import -> export gives identical files.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from ghr.editorial.attachment import PAGE_KINDS, place
from ghr.editorial.bounded import (
    MAX_LINE_FIELD,
    MAX_LIST_ITEMS,
    ContentError,
    bounded_int,
    bounded_line,
    bounded_words,
    read_post,
)
from ghr.editorial.citations import CitationError, stored
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
FRONT_MATTER_ORDER = (
    "kind", "key", "title", "mondo", "hgnc", "chapter", "chapter_order", "order", "other_names", "references",
    "synonyms", "second_reading", "acknowledged",
)  # fmt: skip
IDENTIFIER_PATTERNS = {"mondo": r"MONDO:[0-9]{7}", "hgnc": r"HGNC:[0-9]{1,6}"}
MAX_TITLE = 300


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    awaiting_second_reading: list[str] = field(default_factory=list)
    awaiting_review: list[str] = field(default_factory=list)
    missing_pages: list[str] = field(default_factory=list)


def key_fits_kind(kind: str, key: str) -> bool:
    pattern = KEY_PATTERNS.get(kind, r"[a-z0-9][a-z0-9-]*")
    return re.fullmatch(pattern, key) is not None


def _identifier(meta: dict, name: str) -> str:
    value = str(meta.get(name) or "").strip()
    if value and not re.fullmatch(IDENTIFIER_PATTERNS[name], value):
        raise ContentError(f"{name} {value!r} is not an identifier like {IDENTIFIER_PATTERNS[name]}")
    return value


def _second_reading(value) -> dict:
    if value in (None, {}):
        return {}
    if not isinstance(value, dict) or not str(value.get("reader") or "").strip() or not value.get("date"):
        raise ContentError("second_reading needs at least a reader and a date")
    if any(isinstance(item, (dict, list)) for item in value.values()):
        raise ContentError("second_reading holds lines of words: reader, date, checklist, notes")
    return {str(name): str(item).strip()[:1000] for name, item in value.items() if item not in (None, "")}


def _acknowledged(value) -> list[dict]:
    if value in (None, []):
        return []
    if not isinstance(value, list) or not all(
        isinstance(v, dict) and str(v.get("finding") or "").strip() and str(v.get("reason") or "").strip()
        for v in value
    ):
        raise ContentError("acknowledged must be a list of {finding, reason}, each with words in both")
    return [{"finding": str(v["finding"]).strip(), "reason": str(v["reason"]).strip()} for v in value]


def _title(meta: dict) -> str:
    title = meta.get("title")
    if not isinstance(title, (str, int, float)) or isinstance(title, bool) or not str(title).strip():
        raise ContentError("no title (a title is a line of words)")
    title = str(title).strip()
    if len(title) > MAX_TITLE or "\n" in title:
        raise ContentError(f"the title is not one line of at most {MAX_TITLE} characters")
    return title


def parse_file(path: Path) -> tuple[str, str, dict]:
    """(kind, key, content) from one Markdown file; ContentError says what is wrong."""
    try:
        post = read_post(path)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(f"unreadable front matter: {error}") from error
    meta = post.metadata
    kind, key = str(meta.get("kind") or ""), str(meta.get("key") or "")
    if kind not in Kind.values:
        raise ContentError(f"unknown kind {kind!r}")
    if len(key) > MAX_LINE_FIELD or not key_fits_kind(kind, key):
        raise ContentError(f"key {key!r} does not fit kind {kind}")
    names = meta.get("other_names") if kind == Kind.CONDITION_DESCRIPTION else meta.get("synonyms")
    if isinstance(meta.get("references"), list) and len(meta["references"]) > MAX_LIST_ITEMS:
        raise ContentError(f"references holds at most {MAX_LIST_ITEMS} items")
    try:
        references = stored(meta.get("references"))
    except CitationError as error:
        raise ContentError(str(error)) from None
    content = {
        "title": _title(meta),
        "body": post.content.strip(),
        "references": references,
        "synonyms": bounded_words(names, "other_names" if kind == Kind.CONDITION_DESCRIPTION else "synonyms"),
        "chapter": bounded_line(meta.get("chapter"), "chapter"),
        "chapter_order": bounded_int(meta.get("chapter_order"), "chapter_order"),
        "order": bounded_int(meta.get("order"), "order"),
        "mondo_id": _identifier(meta, "mondo"),
        "hgnc_id": _identifier(meta, "hgnc"),
        "second_reading": _second_reading(meta.get("second_reading")),
        "acknowledged": _acknowledged(meta.get("acknowledged")),
    }
    return kind, key, content


def content_files(folder: Path) -> list[Path]:
    # Files named in capitals (README.md, CHECKLIST.md) are about the texts, not texts.
    return sorted(p for p in folder.rglob("*.md") if not p.stem.isupper() and not p.name.startswith("."))


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


def needs_second_reading(kind: str, content: dict) -> bool:
    """Gene and condition texts are published only after a second reader has read them against CHECKLIST.md."""
    return kind in PAGE_KINDS and not content.get("second_reading")


def _note(source: str, content: dict) -> str:
    reading = content.get("second_reading") or {}
    if not reading:
        return f"Imported from {source}"
    return f"Imported from {source}; second reading by {reading.get('reader')} on {reading.get('date')}"[:300]


def _existing(kind: str, key: str, content: dict) -> Text:
    """The text this file updates: the one with the same identifiers, else the one with the same key."""
    mondo_id, hgnc_id = content.get("mondo_id", ""), content.get("hgnc_id", "")
    texts = Text.objects.select_for_update()
    if mondo_id or hgnc_id:
        same = texts.filter(kind=kind, mondo_id=mondo_id, hgnc_id=hgnc_id).first()
        if same is not None:
            return same
    text, _ = texts.get_or_create(kind=kind, key=key)
    return text


@transaction.atomic
def import_text(
    kind: str, key: str, content: dict, source: str, importer, *, force: bool = False, publish_for: str = ""
) -> str:
    """Create or update one text; returns 'created', 'updated', 'unchanged' or 'kept' (the file changed, but so
    did the text on this site: the editors' version is kept unless ``force``).

    The new version waits in review (outcome ending in '-for-review') unless ``publish_for`` names the operator
    who asked to publish on import; the audit event records that name. Even then a gene or condition text without
    a second reading waits for review (outcome ending in '-for-second-reading')."""
    text = _existing(kind, key, content)
    created = text.working_revision_id is None and not text.revisions.exists()
    outcome = _import_outcome(text, content, importer, force)
    waiting_import = text.working_revision if outcome == "unchanged" else None
    if waiting_import is not None and _publishable_as_is(text, waiting_import, importer, publish_for):
        # Imported for review before, now imported with --publish: publish that version, not a copy of it.
        _publish_import(text, waiting_import, importer, source, publish_for)
        return "updated"
    if outcome is not None:
        return outcome
    revision = Revision.objects.create(
        text=text, number=next_number(text), author=importer, note=_note(source, content), **content
    )
    from_state = text.state
    text.mondo_id, text.hgnc_id = content.get("mondo_id", ""), content.get("hgnc_id", "")
    text.working_revision = revision
    text.return_reason = ""
    done = "created" if created else "updated"
    waiting = "" if publish_for else "-for-review"
    if publish_for and needs_second_reading(kind, content):
        waiting = "-for-second-reading"
    if waiting:
        text.state = State.IN_REVIEW
        text.save()
        record(importer, "import_for_review", text, revision, from_state=from_state, to_state=text.state, file=source)
        return done + waiting
    _publish_import(text, revision, importer, source, publish_for, from_state=from_state)
    return done


def _publishable_as_is(text: Text, revision: Revision, importer, publish_for: str) -> bool:
    return bool(publish_for) and (
        revision.author_id == importer.pk
        and text.published_revision_id != revision.pk
        and text.state == State.IN_REVIEW
        and not needs_second_reading(text.kind, revision.content())
    )


def _publish_import(text: Text, revision: Revision, importer, source: str, publish_for: str, *, from_state=None):
    from ghr.editorial.staleness import fingerprint

    from_state = text.state if from_state is None else from_state
    text.published_revision = revision
    text.published_at = timezone.now()
    text.state = State.PUBLISHED
    text.fingerprint = fingerprint(text.kind, text.key)
    text.review_due, text.review_due_reasons = False, []
    text.save()
    record(
        importer, "import", text, revision, from_state=from_state, to_state=State.PUBLISHED, file=source,
        published_on_import_by=publish_for,
    )  # fmt: skip


def _record_outcome(report: ImportReport, outcome: str, label: str) -> None:
    for suffix, waiting in (
        ("-for-review", report.awaiting_review),
        ("-for-second-reading", report.awaiting_second_reading),
    ):
        if outcome.endswith(suffix):
            waiting.append(label)
            outcome = outcome.removesuffix(suffix)
    getattr(report, outcome).append(label)


def import_folder(folder: Path, force: bool = False, publish_for: str = "") -> ImportReport:
    """Import every file of ``folder``; each text goes to its page found by its identifiers (see attachment).

    Texts wait for review unless ``publish_for`` names the operator who asked to publish them (see import_text)."""
    report = ImportReport()
    importer = system_user()
    for path in content_files(folder):
        name = str(path.relative_to(folder))
        try:
            kind, key, content = parse_file(path)
        except ContentError as error:
            report.errors.append(f"{name}: {error}")
            continue
        placement = place(kind, key, content["mondo_id"], content["hgnc_id"])
        if placement.found is False:
            report.missing_pages.append(f"{kind} {key} ({name})")
        outcome = import_text(kind, placement.key, content, name, importer, force=force, publish_for=publish_for)
        _record_outcome(report, outcome, f"{kind} {placement.key}")
    # Texts already on this site follow their pages after every build (ghr.build.pipeline), not here.
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
    if revision.mondo_id:
        meta["mondo"] = revision.mondo_id
    if revision.hgnc_id:
        meta["hgnc"] = revision.hgnc_id
    if text.kind == Kind.HANDBOOK:
        meta["chapter"] = revision.chapter
        if revision.chapter_order:
            meta["chapter_order"] = revision.chapter_order
        meta["order"] = revision.order
    if text.kind == Kind.CONDITION_DESCRIPTION and revision.synonyms:
        meta["other_names"] = list(revision.synonyms)
    elif text.kind == Kind.GLOSSARY or revision.synonyms:
        meta["synonyms"] = list(revision.synonyms)
    meta["references"] = list(revision.references)
    if revision.second_reading:
        meta["second_reading"] = _dated(revision.second_reading)
    if revision.acknowledged:
        meta["acknowledged"] = list(revision.acknowledged)
    return meta


READING_ORDER = ("reader", "date", "checklist", "notes")


def _dated(reading: dict) -> dict:
    """The second reading in the order writers write it (JSON databases may keep keys in another order), with its
    date as a YAML date again (2026-12-02, not quoted)."""
    ordered = {name: reading[name] for name in READING_ORDER if name in reading}
    ordered.update({name: reading[name] for name in sorted(reading) if name not in ordered})
    with suppress(ValueError):
        ordered["date"] = date.fromisoformat(str(ordered.get("date")))
    return ordered


def _yaml_line(name: str, value) -> str:
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(item, dict) for item in value)):
        # Full citations, a second reading, acknowledgements: block style, as writers write them.
        dumped = yaml.safe_dump(value, default_flow_style=False, allow_unicode=True, sort_keys=False, width=10_000)
        return f"{name}:\n" + "\n".join(f"  {line}" for line in dumped.rstrip().splitlines())
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
