"""Read Bioconductor's ``org.Hs.eg.sqlite`` (AnnotationDbi HUMAN_DB schema 2.1) with SQL queries.

Every table is keyed by an internal ``_id`` that ``genes(_id, gene_id)`` maps to the NCBI Gene ID. This module
reads ``pubmed(_id, pubmed_id)`` (1.79 million gene-PMID rows), ``alias(_id, alias_symbol)`` (150,000 symbols
NCBI Gene knows each gene by, the approved one among them) and ``go_bp``/``go_mf``/``go_cc(_id, go_id,
evidence)`` (direct annotations only; the ``*_all`` tables add every ancestor term and are not read). IDs are
stored as text. The file is opened read-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

REQUIRED_COLUMNS = {
    "genes": {"_id", "gene_id"},
    "pubmed": {"_id", "pubmed_id"},
    "go_bp": {"_id", "go_id", "evidence"},
    "go_mf": {"_id", "go_id", "evidence"},
    "go_cc": {"_id", "go_id", "evidence"},
    "alias": {"_id", "alias_symbol"},
}
GO_TABLES = {"go_bp": "BP", "go_mf": "MF", "go_cc": "CC"}


@dataclass(frozen=True, slots=True)
class GenePubmedLinks:
    """The PubMed articles NCBI Gene links to one gene."""

    ncbi_gene_id: int
    """212."""
    pmids: tuple[int, ...]
    """(546546, 1570328, ...), in no particular order."""


@dataclass(frozen=True, slots=True)
class GeneGoAnnotation:
    """A direct GO annotation of a gene, with its evidence code."""

    ncbi_gene_id: int
    """212."""
    go_id: str
    """'GO:0006783'."""
    evidence: str
    """GO evidence code: 'IDA', 'IBA', 'IEA', 'ND'..."""
    ontology: str
    """'BP', 'MF' or 'CC' (which table it came from)."""


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise SourceFileError(path, "SQLite database", "no such file")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _check_schema(path: Path, connection: sqlite3.Connection) -> None:
    for table, columns in REQUIRED_COLUMNS.items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not columns <= found:
            detail = f"table {table} lacks {', '.join(sorted(columns - found))}"
            raise SourceFileError(path, "org.Hs.eg.db tables and columns", detail)


def _query(path: Path, sql: str, parameters: tuple = ()) -> Iterator[tuple]:
    """Rows of a read-only query; SourceFileError if the file is not a (complete) SQLite database or lacks
    the tables this module reads."""
    try:
        with closing(_connect(path)) as connection:
            _check_schema(path, connection)
            yield from connection.execute(sql, parameters)
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        raise SourceFileError(path, "SQLite database", str(error)) from error


def pmids_linked_to_more_than(path: Path, max_genes: int) -> set[int]:
    """PubMed IDs that NCBI Gene links to more than ``max_genes`` genes."""
    sql = "SELECT pubmed_id FROM pubmed GROUP BY pubmed_id HAVING COUNT(*) > ?"
    return {int(pmid) for (pmid,) in _query(path, sql, (max_genes,)) if pmid.isdigit()}


# Sample rows: genes (_id 179, gene_id '212'); pubmed (_id 179, pubmed_id '1570328').
def parse_gene_pubmed(path: Path, stats: ParseStats | None = None) -> Iterator[GenePubmedLinks]:
    """Stream each gene's PubMed links (grouped in SQL: 47,000 groups are far cheaper than 1.8 million rows).

    Raises SourceFileError if the file is not a complete SQLite database with the org.Hs.eg.db tables, or has
    no links. A non-numeric PMID is counted as rejected.
    """
    stats = stats if stats is not None else ParseStats()
    sql = "SELECT g.gene_id, group_concat(p.pubmed_id, ' ') FROM pubmed p JOIN genes g ON g._id = p._id GROUP BY p._id"
    read_before = stats.read
    for gene_id, joined in _query(path, sql):
        pmids = joined.split(" ")
        stats.read += len(pmids)
        numeric = tuple(int(pmid) for pmid in pmids if pmid.isdigit())
        for _ in range(len(pmids) - len(numeric)):
            stats.reject("non-numeric pubmed_id")
        if not str(gene_id).isdigit():
            stats.reject("non-numeric gene_id")
            continue
        yield GenePubmedLinks(int(gene_id), numeric)
    if stats.read == read_before:
        raise SourceFileError(path, "at least one pubmed row")


# Sample rows: genes (_id 179, gene_id '212'); go_bp (_id 179, go_id 'GO:0006783', evidence 'IBA').
def parse_gene_go(path: Path, stats: ParseStats | None = None) -> Iterator[GeneGoAnnotation]:
    """Stream the direct GO annotations of go_bp, go_mf and go_cc, one gene's after another.

    Raises SourceFileError if the file is not a complete SQLite database with the org.Hs.eg.db tables, or has
    no annotations.
    """
    stats = stats if stats is not None else ParseStats()
    selects = [
        f"SELECT _id, go_id, evidence, '{ontology}' AS ontology FROM {table}" for table, ontology in GO_TABLES.items()
    ]
    sql = (
        "SELECT g.gene_id, a.go_id, a.evidence, a.ontology FROM ("
        + " UNION ALL ".join(selects)
        + ") a JOIN genes g ON g._id = a._id ORDER BY a._id"
    )
    read_before = stats.read
    for gene_id, go_id, evidence, ontology in _query(path, sql):
        stats.read += 1
        if not str(gene_id).isdigit() or not str(go_id).startswith("GO:"):
            stats.reject("non-numeric gene_id or malformed go_id")
            continue
        yield GeneGoAnnotation(int(gene_id), go_id, evidence or "", ontology)
    if stats.read == read_before:
        raise SourceFileError(path, "at least one GO annotation row")


# Sample rows: genes (_id 179, gene_id '212'); alias (_id 179, alias_symbol 'ANH1').
def parse_gene_aliases(path: Path, stats: ParseStats | None = None) -> Iterator[tuple[int, str]]:
    """Stream (NCBI Gene ID, symbol) pairs of the alias table; SourceFileError when it has none."""
    stats = stats if stats is not None else ParseStats()
    sql = "SELECT g.gene_id, a.alias_symbol FROM alias a JOIN genes g ON g._id = a._id"
    read_before = stats.read
    for gene_id, symbol in _query(path, sql):
        stats.read += 1
        if not str(gene_id).isdigit() or not symbol:
            stats.reject("non-numeric gene_id or empty alias")
            continue
        yield int(gene_id), symbol
    if stats.read == read_before:
        raise SourceFileError(path, "at least one alias row")
