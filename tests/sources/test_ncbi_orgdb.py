"""org.Hs.eg.db: a tiny SQLite file with the same tables, written by the tests."""

import sqlite3

import pytest

from ghr.sources.ncbi_orgdb import SOURCE
from ghr.sources.ncbi_orgdb.load import MAX_GENES_PER_PMID, MAX_PMIDS_PER_GENE, records
from ghr.sources.ncbi_orgdb.parse import ParseStats
from ghr.sources.records import GeneGoRecord, GeneNameRecord, GeneRef, GeneReferenceRecord, SourceFileError

SCHEMA = """
CREATE TABLE genes (_id INTEGER PRIMARY KEY, gene_id VARCHAR(10) NOT NULL UNIQUE);
CREATE TABLE pubmed (_id INTEGER NOT NULL, pubmed_id VARCHAR(10) NOT NULL);
CREATE TABLE go_bp (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);
CREATE TABLE go_mf (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);
CREATE TABLE go_cc (_id INTEGER NOT NULL, go_id CHAR(10) NOT NULL, evidence CHAR(3) NOT NULL);
CREATE TABLE alias (_id INTEGER NOT NULL, alias_symbol VARCHAR(80) NOT NULL);
"""
ALAS2_ROW, FECH_ROW = 179, 180  # org.Hs.eg.db's internal _id values
WIDE_PMID = 12477932  # e.g. a cDNA-collection paper linked to thousands of genes
ALAS2 = GeneRef("ncbi", "212")


def make_db(path, *, pubmed=True, go=True, schema=SCHEMA):
    with sqlite3.connect(path) as db:
        db.executescript(schema)
        genes = [(ALAS2_ROW, "212"), (FECH_ROW, "2235")] + [
            (1000 + n, str(90000 + n)) for n in range(MAX_GENES_PER_PMID)
        ]
        db.executemany("INSERT INTO genes VALUES (?, ?)", genes)
        if pubmed:
            db.executemany("INSERT INTO pubmed VALUES (?, ?)", [(ALAS2_ROW, "1570328"), (ALAS2_ROW, "1577484")])
            db.executemany("INSERT INTO pubmed VALUES (?, ?)", [(_id, str(WIDE_PMID)) for _id, _ in genes])
        if go:
            db.executemany(
                "INSERT INTO go_bp VALUES (?, ?, ?)",
                [(ALAS2_ROW, "GO:0006783", "IBA"), (ALAS2_ROW, "GO:0006783", "IDA"), (ALAS2_ROW, "GO:0006783", "IEA"),
                 (FECH_ROW, "GO:0008150", "ND")],
            )  # fmt: skip
            db.execute("INSERT INTO go_mf VALUES (?, ?, ?)", (ALAS2_ROW, "GO:0003870", "IEA"))
            db.executemany("INSERT INTO alias VALUES (?, ?)", [(ALAS2_ROW, "ANH1"), (ALAS2_ROW, "ALAS2")])
            if "TABLE go_cc" in schema:
                db.execute("INSERT INTO go_cc VALUES (?, ?, ?)", (ALAS2_ROW, "GO:0005739", "TAS"))
    return path


def test_alas2_references_and_go_terms(tmp_path):
    stats = ParseStats()
    out = list(records({"orgdb": make_db(tmp_path / "org.Hs.eg.sqlite")}, stats))
    references = [r for r in out if isinstance(r, GeneReferenceRecord)]
    assert references == [GeneReferenceRecord(ALAS2, 1577484), GeneReferenceRecord(ALAS2, 1570328)]
    go = {r.go_id: r for r in out if isinstance(r, GeneGoRecord)}
    assert go == {
        "GO:0006783": GeneGoRecord(ALAS2, "GO:0006783", "IDA"),  # the experimental code wins
        "GO:0003870": GeneGoRecord(ALAS2, "GO:0003870", "IEA"),
        "GO:0005739": GeneGoRecord(ALAS2, "GO:0005739", "TAS"),
    }
    assert any(f"to 1 papers linked to more than {MAX_GENES_PER_PMID} genes" in note for note in stats.notes)
    assert any("left out 1 annotations with evidence ND" in note for note in stats.notes)
    # Every alias symbol, the approved one among them (the build drops a gene's own symbol as another name).
    assert [r for r in out if isinstance(r, GeneNameRecord)] == [
        GeneNameRecord(ALAS2, "ANH1", "alias_symbol"),
        GeneNameRecord(ALAS2, "ALAS2", "alias_symbol"),
    ]


def test_only_the_newest_pmids_per_gene_are_kept(tmp_path):
    path = make_db(tmp_path / "org.Hs.eg.sqlite", pubmed=False)
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO pubmed VALUES (?, ?)", [(ALAS2_ROW, str(pmid)) for pmid in range(1, 101)])
    pmids = [r.pmid for r in records({"orgdb": path}) if isinstance(r, GeneReferenceRecord)]
    assert pmids == list(range(100, 100 - MAX_PMIDS_PER_GENE, -1))


def test_not_a_database_raises(tmp_path):
    path = tmp_path / "org.Hs.eg.sqlite"
    path.write_bytes(b"this is not SQLite\n" * 100)
    with pytest.raises(SourceFileError) as caught:
        list(records({"orgdb": path}))
    assert (caught.value.check, caught.value.path) == ("SQLite database", str(path))


def test_truncated_database_raises(tmp_path):
    path = make_db(tmp_path / "whole.sqlite")
    with sqlite3.connect(path) as db:  # Make the file big enough that cutting it loses table pages.
        db.executemany("INSERT INTO pubmed VALUES (?, ?)", [(ALAS2_ROW, str(n)) for n in range(20000)])
    cut = tmp_path / "org.Hs.eg.sqlite"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(SourceFileError) as caught:
        list(records({"orgdb": cut}))
    assert caught.value.check == "SQLite database"


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"schema": SCHEMA.replace("pubmed_id", "pmid")}, "org.Hs.eg.db tables and columns"),
        ({"schema": SCHEMA.replace("TABLE go_cc", "TABLE go_cellular")}, "org.Hs.eg.db tables and columns"),
        ({"pubmed": False}, "at least one pubmed row"),
        ({"go": False}, "at least one GO annotation row"),
    ],
    ids=["renamed-column", "missing-table", "no-pubmed", "no-go"],
)  # fmt: skip
def test_wrong_schema_or_empty_tables_raise(tmp_path, kwargs, check):
    path = make_db(tmp_path / "org.Hs.eg.sqlite", **kwargs)
    with pytest.raises(SourceFileError) as caught:
        list(records({"orgdb": path}))
    assert (caught.value.check, caught.value.path) == (check, str(path))


def test_missing_file_raises(tmp_path):
    with pytest.raises(SourceFileError, match="no such file"):
        list(records({"orgdb": tmp_path / "absent.sqlite"}))


def test_source_is_optional():
    assert (SOURCE.package, SOURCE.required) == ("r-bioc-org.hs.eg.db", False)
