"""Where the search index lives and how it is queried: one interface, one implementation per database.

The backend is chosen by the vendor of the knowledge base's connection, so SQLite files use FTS5 and
PostgreSQL uses tsvector full text with pg_trgm; ranking (ghr.search.ranking) is the same for both.
"""

from __future__ import annotations

from typing import Protocol

from django.db import connections

from ghr.search.backends.base import NameHit
from ghr.search.rows import IndexRows

__all__ = ["NameHit", "SearchBackend", "backend_for"]


class SearchBackend(Protocol):
    def write_index(self, rows: IndexRows) -> None:
        """Replace the index tables with these rows."""

    def has_index(self) -> bool:
        """Whether the index tables exist (a knowledge base from before search was built has none)."""

    def exact_names(self, norm: str, order_free: str) -> list[NameHit]:
        """Names equal to the query, or made of the same words in any order."""

    def prefix_names(self, norm: str, limit: int) -> list[NameHit]:
        """Names that start with the query, shortest first."""

    def word_names(self, words: list[str], prefix_last: bool, limit: int) -> list[NameHit]:
        """Names containing every word (the last one as a prefix if asked), shortest first."""

    def code_names(self, exact: list[str], prefixes: list[str], limit: int) -> list[NameHit]:
        """Identifiers and bands equal to one of ``exact`` or starting with one of ``prefixes``."""

    def genes_for(self, condition_entries: list[int]) -> list[tuple]:
        """(condition entry, gene entry, kind, rank, key, label, boost) of the genes linked to these conditions."""

    def word_frequencies(self, words: list[str]) -> dict[str, int]:
        """How many index rows hold each of these words (words not in the index are left out)."""

    def similar_words(self, word: str, limit: int) -> list[tuple[str, int]]:
        """Index words sharing trigrams with ``word``, as (word, frequency): candidates for a typo's fix."""

    def feature_matches(self, words: list[str], limit: int) -> list[tuple[int, str, str, int]]:
        """(condition entry id, feature text, feature stems, frequency score) for features containing any of the
        words."""

    def entries(self, entry_ids: list[int]) -> dict[int, tuple]:
        """(id, kind, key, label, boost, features) by id."""


def backend_for(using: str) -> SearchBackend:
    connection = connections[using]
    if connection.vendor == "postgresql":
        from ghr.search.backends.postgres import PostgresBackend

        return PostgresBackend(connection)
    if connection.vendor == "sqlite":
        from ghr.search.backends.sqlite import SqliteBackend

        return SqliteBackend(connection)
    raise NotImplementedError(f"no search backend for database vendor {connection.vendor!r}")
