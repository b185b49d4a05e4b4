"""GO.db: a tiny SQLite file with the same go_term table, written by the tests."""

import sqlite3

import pytest

from ghr.sources.go_terms import SOURCE
from ghr.sources.go_terms.load import records
from ghr.sources.go_terms.parse import ParseStats
from ghr.sources.records import GoTermRecord, SourceFileError

SCHEMA = """CREATE TABLE go_term (
  _id INTEGER PRIMARY KEY, go_id CHAR(10) NOT NULL UNIQUE, term VARCHAR(255) NOT NULL,
  ontology VARCHAR(9) NOT NULL, definition TEXT NULL)"""
HEME = (
    5247,
    "GO:0006783",
    "heme biosynthetic process",
    "BP",
    "The chemical reactions and pathways resulting in the formation of heme, any compound of iron complexed in a "
    "porphyrin (tetrapyrrole) ring, from less complex precursors.",
)
ROWS = [
    HEME,
    (1, "GO:0003870", "5-aminolevulinate synthase activity", "MF", None),
    (47340, "all", "all", "universal", ""),
]


def make_db(path, rows=ROWS, schema=SCHEMA):
    with sqlite3.connect(path) as db:
        db.execute(schema)
        db.executemany("INSERT INTO go_term VALUES (?, ?, ?, ?, ?)", rows)
    return path


def test_terms_with_definitions(tmp_path):
    stats = ParseStats()
    out = list(records({"go": make_db(tmp_path / "GO.sqlite")}, stats))
    assert out == [
        GoTermRecord("GO:0003870", "5-aminolevulinate synthase activity", "MF", ""),
        GoTermRecord("GO:0006783", "heme biosynthetic process", "BP", HEME[4]),
    ]
    assert (stats.read, stats.rejected) == (2, 0)


def test_malformed_row_is_counted(tmp_path):
    stats = ParseStats()
    out = list(records({"go": make_db(tmp_path / "GO.sqlite", [*ROWS, (9, "GO:12", "x", "CC", "")])}, stats))
    assert len(out) == 2
    assert stats.rejected == 1


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"schema": SCHEMA.replace("definition", "def")}, "GO.db go_term table"),
        ({"rows": []}, "at least one GO term"),
    ],
)
def test_wrong_table_or_no_terms_raise(tmp_path, kwargs, check):
    path = make_db(tmp_path / "GO.sqlite", **kwargs)
    with pytest.raises(SourceFileError) as caught:
        list(records({"go": path}))
    assert (caught.value.check, caught.value.path) == (check, str(path))


def test_corrupt_or_truncated_file_raises(tmp_path):
    whole = make_db(
        tmp_path / "whole.sqlite", [*ROWS, *((n, f"GO:{n:07}", "t" * 50, "BP", "d" * 200) for n in range(10000, 15000))]
    )
    path = tmp_path / "GO.sqlite"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(SourceFileError) as caught:
        list(records({"go": path}))
    assert caught.value.check == "SQLite database"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(SourceFileError, match="SQLite database"):
        list(records({"go": path}))


def test_source_is_optional():
    assert (SOURCE.package, SOURCE.required) == ("r-bioc-go.db", False)
