"""Read Bioconductor's ``GO.sqlite`` (AnnotationDbi GO_DB schema 2.1): table ``go_term(_id, go_id, term,
ontology, definition)`` holds 43,559 current terms (obsolete ones are in ``go_obsolete``, not read). Besides
'BP', 'MF' and 'CC' there is one 'universal' row (go_id 'all'), a root the package adds itself.
The file is opened read-only."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

GO_TERM_COLUMNS = {"go_id", "term", "ontology", "definition"}
GO_ID = re.compile(r"GO:\d{7}")
ONTOLOGIES = ("BP", "MF", "CC")
PACKAGE_ROOT_ONTOLOGY = "universal"
"""GO.db's own root row ('all'), not a GO term: left out, and not counted as rejected."""


@dataclass(frozen=True, slots=True)
class GoTerm:
    """One row of ``go_term``."""

    go_id: str
    """'GO:0006783'."""
    name: str
    """'heme biosynthetic process'."""
    ontology: str
    """'BP' (biological process), 'MF' (molecular function) or 'CC' (cellular component)."""
    definition: str
    """'The chemical reactions and pathways resulting in the formation of heme, ...'."""
    parents: tuple[str, ...] = ()
    """GO IDs of the terms it is a kind or a part of (``go_bp_parents`` and its MF and CC twins)."""


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise SourceFileError(path, "SQLite database", "no such file")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _rejection(go_id: str, name: str, ontology: str) -> str:
    if ontology not in ONTOLOGIES:
        return f"ontology {ontology!r} is not BP, MF or CC"
    if not GO_ID.fullmatch(go_id or "") or not name:
        return "malformed go_id or empty term"
    return ""


PARENT_TABLES = ("go_bp_parents", "go_mf_parents", "go_cc_parents")
PARENT_RELATIONS = ("isa", "is_a", "part of", "part_of")


# Sample row of go_bp_parents: (_id 5247, _parent_id 5246, relationship_type 'isa')
def _parents(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """GO ID -> the GO IDs of its is-a and part-of parents (an older GO.db without these tables gives none)."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    ids = dict(connection.execute("SELECT _id, go_id FROM go_term"))
    parents: dict[str, list[str]] = {}
    for table in PARENT_TABLES:
        if table not in tables:
            continue
        for child, parent, relation in connection.execute(f"SELECT _id, _parent_id, relationship_type FROM {table}"):
            if relation in PARENT_RELATIONS and child in ids and parent in ids:
                parents.setdefault(ids[child], []).append(ids[parent])
    return parents


# Sample row: (_id 5247, go_id 'GO:0006783', term 'heme biosynthetic process', ontology 'BP',
#              definition 'The chemical reactions and pathways resulting in the formation of heme, ...')
def parse_go_terms(path: Path, stats: ParseStats | None = None) -> Iterator[GoTerm]:
    """Stream the terms of GO.db's ``go_term`` table.

    Raises SourceFileError if the file is not a complete SQLite database, lacks ``go_term`` with its columns,
    or has no terms.
    """
    stats = stats if stats is not None else ParseStats()
    read_before = stats.read
    try:
        with closing(_connect(path)) as connection:
            found = {row[1] for row in connection.execute("PRAGMA table_info(go_term)")}
            if not found >= GO_TERM_COLUMNS:
                detail = "go_term lacks " + ", ".join(sorted(GO_TERM_COLUMNS - found))
                raise SourceFileError(path, "GO.db go_term table", detail)
            parents = _parents(connection)
            rows = connection.execute("SELECT go_id, term, ontology, definition FROM go_term ORDER BY go_id")
            for go_id, name, ontology, definition in rows:
                if ontology == PACKAGE_ROOT_ONTOLOGY:
                    continue
                stats.read += 1
                reason = _rejection(go_id, name, ontology)
                if reason:
                    stats.reject(reason)
                    continue
                yield GoTerm(go_id, name, ontology, definition or "", tuple(parents.get(go_id, ())))
    except sqlite3.DatabaseError as error:
        raise SourceFileError(path, "SQLite database", str(error)) from error
    if stats.read == read_before:
        raise SourceFileError(path, "at least one GO term")
