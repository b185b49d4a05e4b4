"""`ghr texts import` with hostile or careless files: bounded, refused with the file's name, never published
without the operator asking (issue 17, finding 1)."""

import io
import time

import pytest
from django.core.management import CommandError, call_command

from ghr.editorial import public
from ghr.editorial.bounded import MAX_FILE_BYTES
from ghr.editorial.models import AuditEvent, State, Text
from tests.editorial.test_transfer import GLOSSARY, write


def run_import(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("texts", "import", *args, stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"CommandError: {error}")
    return out.getvalue(), err.getvalue()


def alias_bomb(levels: int = 8) -> str:
    """Nine lists of nine aliases, ``levels`` deep, used as the title: about 1 KB that YAML expands to 9**levels."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return "---\nkind: glossary\nkey: lol\n" + "\n".join(lines) + f"\ntitle: *a{levels}\nreferences: []\n---\nLol.\n"


def test_a_yaml_alias_bomb_is_refused_at_once_naming_the_file(tmp_path):
    folder = write(tmp_path, {"glossary/lol.md": alias_bomb(), "glossary/heme.md": GLOSSARY})
    assert len(alias_bomb()) < 1200
    started = time.monotonic()
    out, err = run_import(str(folder))
    assert time.monotonic() - started < 5
    assert "glossary/lol.md: unreadable front matter" in err and "aliases" in err
    assert not Text.objects.filter(key="lol").exists()
    assert Text.objects.filter(key="heme").exists()  # the good file is imported all the same


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("chapter_order", "first", "chapter_order must be a whole number, not 'first'"),
        ("chapter_order", "99999999999999999999", "chapter_order must be between"),
        ("order", "3.5", "order must be a whole number"),
        ("order", "[1, 2]", "order must be a whole number"),
        ("chapter", "[a, b]", "chapter must be a line of words"),
        ("chapter", "x" * 500, "chapter must be one line of at most 200 characters"),
        ("synonyms", "[" + ", ".join(["s"] * 101) + "]", "synonyms holds at most 100 items"),
    ],
)
def test_fields_out_of_bounds_are_refused_with_the_file_name(tmp_path, field, value, message):
    text = f"---\nkind: handbook\nkey: c/t\ntitle: T\n{field}: {value}\nreferences: []\n---\nBody.\n"
    folder = write(tmp_path, {"handbook/c/t.md": text})
    out, err = run_import(str(folder))
    assert f"handbook/c/t.md: {message}" in err
    assert "Traceback" not in err and not Text.objects.exists()


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    folder = write(tmp_path, {"glossary/big.md": GLOSSARY.replace("heme\n", "big\n") + "word " * MAX_FILE_BYTES})
    out, err = run_import(str(folder))
    assert "glossary/big.md: the file is" in err and "at most 262,144" in err
    assert not Text.objects.exists()


def test_import_sends_texts_to_review_unless_the_operator_asks_to_publish(tmp_path):
    folder = write(tmp_path, {"glossary/heme.md": GLOSSARY})
    out, _ = run_import(str(folder))
    assert "1 for review (import with --publish" in out
    text = Text.objects.get(kind="glossary", key="heme")
    assert text.state == State.IN_REVIEW and text.published_revision is None
    assert public.published_text("glossary", "heme") is None
    assert AuditEvent.objects.get(text=text).action == "import_for_review"


def test_publishing_on_import_is_recorded_with_the_operator(tmp_path):
    folder = write(tmp_path, {"glossary/heme.md": GLOSSARY})
    run_import("--publish", str(folder))
    text = Text.objects.get(kind="glossary", key="heme")
    assert text.state == State.PUBLISHED and public.published_text("glossary", "heme") is not None
    event = AuditEvent.objects.get(text=text, action="import")
    assert event.details["published_on_import_by"]  # the operator's login name


def test_a_text_waiting_for_review_is_published_by_a_later_import_with_publish(tmp_path):
    folder = write(tmp_path, {"glossary/heme.md": GLOSSARY})
    run_import(str(folder))
    out, _ = run_import("--publish", str(folder))
    assert "1 updated" in out
    text = Text.objects.get(kind="glossary", key="heme")
    assert text.state == State.PUBLISHED and text.revisions.count() == 1
    assert public.published_text("glossary", "heme") is not None
