"""`ghr texts import DIR` and `ghr texts export DIR` with files in the content format."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ghr.editorial import public
from ghr.editorial.models import AuditEvent, Revision, Text

GLOSSARY = """---
kind: glossary
key: heme
title: Heme
references: []
synonyms: [haem, heme group]
---
An iron-holding molecule that lets [[hemoglobin]] carry oxygen.
"""

GENE = """---
kind: gene-function
key: FECH
title: Normal function of the FECH gene
hgnc: HGNC:3647
references: [1376018, 8829630]
second_reading:
  reader: Rita Reader
  date: 2026-12-01
  checklist: CHECKLIST.md v1
---
The *FECH* gene makes [[ferrochelatase|the enzyme ferrochelatase]], the last step in making [[heme]].
"""

HANDBOOK = """---
kind: handbook
key: how-genes-work/what-are-proteins
title: "What are proteins: and what do they do?"
chapter: How Genes Work
order: 1
references: [4913914]
---
Proteins do most of the work in cells.

- Enzymes
- Carriers
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return folder


def run(*args) -> str:
    out = io.StringIO()
    call_command("texts", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def content(tmp_path):
    return write(
        tmp_path / "content",
        {"glossary/heme.md": GLOSSARY, "genes/FECH/function.md": GENE, "handbook/how-genes-work/proteins.md": HANDBOOK,
         "README.md": "# Not a text\n"},
    )  # fmt: skip


def test_import_publishes_without_a_reviewed_date(content):
    assert "3 created" in run("import", "--publish", str(content))
    shown = public.published_text("gene-function", "FECH")
    assert shown.title == "Normal function of the FECH gene"
    assert shown.references == (1376018, 8829630)
    assert shown.reviewed is None
    assert shown.published is not None
    text = Text.objects.get(kind="gene-function", key="FECH")
    assert text.published_revision.author.username == "ghr-import"
    assert AuditEvent.objects.filter(text=text, action="import").count() == 1


def test_glossary_synonyms_reach_the_index(content):
    run("import", "--publish", str(content))
    index = public.glossary_index()
    assert ("heme group", "heme") in index
    assert ("haem", "heme") in index
    assert ("Heme", "heme") in index


def test_reimport_of_unchanged_files_creates_nothing(content):
    run("import", "--publish", str(content))
    revisions, events = Revision.objects.count(), AuditEvent.objects.count()
    token = public.texts_release()
    assert "3 unchanged" in run("import", "--publish", str(content))
    assert (Revision.objects.count(), AuditEvent.objects.count()) == (revisions, events)
    assert public.texts_release() == token


def test_reimport_of_a_changed_file_adds_a_published_revision(content):
    run("import", "--publish", str(content))
    (content / "genes/FECH/function.md").write_text(GENE.replace("last step", "final step"), encoding="utf-8")
    assert "1 updated" in run("import", "--publish", str(content))
    text = Text.objects.get(kind="gene-function", key="FECH")
    assert text.revisions.count() == 2
    assert "final step" in public.published_text("gene-function", "FECH").html


def test_export_then_import_is_stable(content, tmp_path):
    run("import", "--publish", str(content))
    first, second = tmp_path / "first", tmp_path / "second"
    run("export", str(first))
    assert "3 unchanged" in run("import", "--publish", str(first))
    run("export", str(second))
    files = sorted(p.relative_to(first) for p in first.rglob("*.md"))
    assert [str(p) for p in files] == [
        "genes/FECH/function.md", "glossary/heme.md", "handbook/how-genes-work/what-are-proteins.md",
    ]  # fmt: skip
    for name in files:
        assert (first / name).read_text() == (second / name).read_text()
    assert (first / "genes/FECH/function.md").read_text() == GENE
    assert (first / "glossary/heme.md").read_text() == GLOSSARY


def test_bad_files_are_reported_and_the_rest_imported(tmp_path):
    folder = write(
        tmp_path / "bad",
        {"a.md": GENE, "b.md": GENE.replace("gene-function", "gene-poem"), "c.md": GENE.replace("FECH\n", "fe ch\n")},
    )  # fmt: skip
    with pytest.raises(CommandError, match="2 files"):
        run("import", "--publish", str(folder))
    assert public.published_text("gene-function", "FECH") is not None


def test_import_of_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="not a folder"):
        run("import", "--publish", str(tmp_path / "nowhere"))


def test_reimport_keeps_what_editors_changed_on_the_site(content, writer, reviewer, publisher):
    from ghr.editorial import workflow

    run("import", "--publish", str(content))
    text = Text.objects.get(kind="gene-function", key="FECH")
    workflow.save_draft(text, writer, title="Normal function of the FECH gene", body="Reviewed wording.",
                        references=[1376018])  # fmt: skip
    for step, who in ((workflow.submit, writer), (workflow.approve, reviewer), (workflow.publish, publisher)):
        step(text, who)
    # The same files again: the reviewed text stays, with its reviewed date.
    assert "3 unchanged" in run("import", "--publish", str(content))
    shown = public.published_text("gene-function", "FECH")
    assert "Reviewed wording." in shown.html and shown.reviewed is not None
    # The file changes: the editors' version is still kept, and the operator is told so.
    (content / "genes/FECH/function.md").write_text(GENE.replace("last step", "final step"), encoding="utf-8")
    output = run("import", "--publish", str(content))
    assert "1 kept" in output and "kept gene-function FECH" in output
    assert "Reviewed wording." in public.published_text("gene-function", "FECH").html
    # --force replaces it, as a new, unreviewed version.
    assert "1 updated" in run("import", "--publish", "--force", str(content))
    shown = public.published_text("gene-function", "FECH")
    assert "final step" in shown.html and shown.reviewed is None
    assert text.revisions.count() == 3


def test_rerender_refreshes_cached_html(content):
    from django.db import connection

    run("import", "--publish", str(content))
    text = Text.objects.get(kind="gene-function", key="FECH")
    with connection.cursor() as cursor:  # as if rendered under older, laxer rules
        cursor.execute("UPDATE ghr_editorial_revision SET html = %s WHERE id = %s",
                       ["<p onclick=x>old</p>", text.published_revision_id])  # fmt: skip
    assert "1 versions had different HTML" in run("rerender")
    text.published_revision.refresh_from_db()
    assert "onclick" not in text.published_revision.html
    assert "ferrochelatase" in public.published_text("gene-function", "FECH").html
    assert "0 versions" in run("rerender")
