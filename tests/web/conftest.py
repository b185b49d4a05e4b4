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
            transfer.import_text(kind, key, content, str(path.relative_to(CONTENT)), importer)


@pytest.fixture
def glossary(kb):
    import_content("glossary/*.md")


@pytest.fixture
def alas2_texts(kb, glossary):
    import_content("genes/ALAS2/*.md", "conditions/x-linked-sideroblastic-anemia/*.md")


@pytest.fixture
def handbook(kb):
    import_content("handbook/*/*.md")
