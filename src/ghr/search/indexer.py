"""Builds the search index inside a knowledge base (owned by the search package).

Called by the build on the staging copy (so the index is swapped in together with the facts it describes) and by
the tests' set-up on the fixture. Rows are read in a few bulk queries (ghr.search.rows) and written in bulk by
the backend of the database at hand (FTS5 on SQLite, tsvector and pg_trgm on PostgreSQL).
"""

from ghr.search.backends import backend_for
from ghr.search.rows import collect


def build_index(using: str) -> None:
    """Index every gene, condition and phenotype of the knowledge base at ``using``."""
    backend_for(using).write_index(collect(using))
