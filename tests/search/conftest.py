"""Search test helpers: published glossary and handbook texts from the project's own content folder."""

from pathlib import Path

import pytest

from ghr.editorial.transfer import import_text, parse_file
from ghr.editorial.workflow import system_user
from ghr.search.texts import forget_text_index

CONTENT = Path(__file__).resolve().parents[2] / "content"
TEXT_FILES = ("glossary/anemia.md", "handbook/cells-and-dna/what-is-a-cell.md")


@pytest.fixture(autouse=True)
def fresh_text_index():
    # Rolled-back transactions can reuse audit ids, and with them the release token the text index is kept
    # under; each test starts afresh so it only ever sees its own texts.
    forget_text_index()
    yield
    forget_text_index()


@pytest.fixture
def published_texts(kb):
    importer = system_user()
    for name in TEXT_FILES:
        kind, key, content = parse_file(CONTENT / name)
        import_text(kind, key, content, name, importer, publish_for="tests")
    return TEXT_FILES
