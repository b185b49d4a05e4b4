"""Helpers for the public-site tests: parse pages with lxml, and publish editors' texts the way the site gets them."""

from pathlib import Path

import lxml.html
import pytest

from ghr.editorial import transfer

CONTENT = Path(__file__).resolve().parents[2] / "content"


def parse(response):
    return lxml.html.fromstring(response.content.decode())


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def section(doc, heading_id: str):
    """The <section> labelled by the heading with this id."""
    found = doc.xpath(f'//section[@aria-labelledby="{heading_id}"]')
    assert found, f"no section {heading_id}"
    return found[0]


def import_content(*relative: str) -> None:
    """Publish content files (as `ghr import` does: published, not yet reviewed) through the editorial app."""
    importer = transfer.system_user()
    for pattern in relative:
        for path in sorted(CONTENT.glob(pattern)):
            kind, key, content = transfer.parse_file(path)
            transfer.import_text(kind, key, content, str(path.relative_to(CONTENT)), importer, publish_for="tests")


@pytest.fixture
def glossary(kb):
    import_content("glossary/*.md")


@pytest.fixture
def alas2_texts(kb, glossary):
    import_content("genes/ALAS2/*.md", "conditions/x-linked-sideroblastic-anemia/*.md")


@pytest.fixture
def handbook(kb):
    import_content("handbook/*/*.md")


def make_user(username, *roles):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=username, password="not-used-here-42", is_staff=True)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


def publish_reviewed(kind: str, key: str, title: str, body: str, references=()):
    """Write, review and publish a text through the editorial workflow, as people on the site would."""
    from ghr.editorial import workflow

    writer, reviewer, publisher = make_user("w-" + key[:20], "writer"), make_user("r-" + key[:20], "reviewer"), \
        make_user("p-" + key[:20], "publisher")  # fmt: skip
    text = workflow.create_text(kind, key, writer, title=title, body=body, references=list(references))
    workflow.submit(text, writer)
    workflow.approve(text, reviewer)
    workflow.publish(text, publisher)
    return text


def headings(doc, level: str = "h2") -> list[str]:
    return [text_of(h) for h in doc.xpath(f"//main//{level}")]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Cached values are keyed by the texts release (the newest audit event's id). A test's rolled-back events can
    # give a later test the same id on SQLite, so start every test with an empty cache.
    from django.core.cache import cache

    cache.clear()
