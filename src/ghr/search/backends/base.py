"""SQL shared by both backends: plain tables and B-tree lookups that every database runs the same way."""

from __future__ import annotations

from typing import NamedTuple

from ghr.search.fuzzy import allowed_edits, one_edit_variants, sound_alike

MAX_CODE_POINT = "\U0010ffff"


class NameHit(NamedTuple):
    entry_id: int
    kind: str
    key: str
    label: str
    boost: int
    field: str
    name: str
    norm: str
    row: int
    """The name's row in the index: rows are written in order, so the team's everyday phrases keep theirs."""


TABLES = (
    "search_gene_link",
    "search_feature_link",
    "search_feature_term",
    "search_vocab",
    "search_name",
    "search_entry",
)

HIT_COLUMNS = "e.id, e.kind, e.key, e.label, e.boost, n.field, n.name, n.norm, n.id"


class SqlBackend:
    """The parts of a backend that are the same SQL on SQLite and PostgreSQL."""

    text_type = "TEXT"

    def __init__(self, connection):
        self.connection = connection

    def _fetch(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _hits(self, sql: str, params: list | tuple) -> list[NameHit]:
        return [NameHit(*row) for row in self._fetch(sql, params)]

    def table_statements(self) -> list[str]:
        text = self.text_type
        return [
            "CREATE TABLE search_entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL, "
            "label TEXT NOT NULL, boost INTEGER NOT NULL, features INTEGER NOT NULL)",
            "CREATE TABLE search_name (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, "
            f"field TEXT NOT NULL, name TEXT NOT NULL, norm {text} NOT NULL, order_free {text} NOT NULL, "
            "stems TEXT NOT NULL)",
            "CREATE TABLE search_feature_term (id INTEGER PRIMARY KEY, term_id INTEGER NOT NULL, "
            "name TEXT NOT NULL, norm TEXT NOT NULL, stems TEXT NOT NULL)",
            "CREATE TABLE search_feature_link (term_id INTEGER NOT NULL, entry_id INTEGER NOT NULL, "
            "frequency INTEGER NOT NULL)",
            f"CREATE TABLE search_vocab (word {text} PRIMARY KEY, frequency INTEGER NOT NULL)",
            "CREATE TABLE search_gene_link (condition_entry INTEGER NOT NULL, gene_entry INTEGER NOT NULL, "
            "kind INTEGER NOT NULL, rank INTEGER NOT NULL)",
        ]

    def index_statements(self) -> list[str]:
        return [
            "CREATE INDEX search_name_norm ON search_name (norm)",
            # Identifiers have no word-order form: leaving their empty keys out makes the index a third smaller.
            "CREATE INDEX search_name_order_free ON search_name (order_free) WHERE order_free <> ''",
            "CREATE INDEX search_feature_link_term ON search_feature_link (term_id)",
            "CREATE INDEX search_gene_link_condition ON search_gene_link (condition_entry)",
        ]

    def exact_names(self, norm: str, order_free: str) -> list[NameHit]:
        # Two index lookups in one round trip, rather than one OR that could make the planner scan the table.
        base = f"SELECT {HIT_COLUMNS} FROM search_name n JOIN search_entry e ON e.id = n.entry_id WHERE "
        if not order_free:
            return self._hits(base + "n.norm = %s LIMIT 1000", [norm])
        sql = (
            base
            + "n.norm = %s UNION ALL "
            + base
            + "n.order_free = %s AND n.order_free <> '' AND n.norm <> %s LIMIT 1000"
        )
        return self._hits(sql, [norm, order_free, norm])

    def prefix_names(self, norm: str, limit: int) -> list[NameHit]:
        # A range on the sorted column finds every name starting with the query through the index.
        # Walking the index in its own (alphabetical) order stops after ``limit`` rows however common the prefix
        # is ("c" starts 30,000 names); the caller orders those few by closeness.
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_name n JOIN search_entry e ON e.id = n.entry_id "
            "WHERE n.norm >= %s AND n.norm < %s AND n.norm <> %s ORDER BY n.norm LIMIT %s"
        )
        return self._hits(sql, [norm, norm + MAX_CODE_POINT, norm, limit])

    def code_names(self, exact: list[str], prefixes: list[str], limit: int) -> list[NameHit]:
        """Identifiers and bands equal to one of ``exact`` or starting with one of ``prefixes``."""
        wanted, params = [], []
        if exact:
            wanted.append(f"n.norm IN ({', '.join(['%s'] * len(exact))})")
            params += exact
        for prefix in prefixes:
            wanted.append("(n.norm >= %s AND n.norm < %s)")
            params += [prefix, prefix + MAX_CODE_POINT]
        if not wanted:
            return []
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_name n JOIN search_entry e ON e.id = n.entry_id "
            f"WHERE ({' OR '.join(wanted)}) AND n.field IN ('identifier', 'band') ORDER BY n.norm LIMIT %s"
        )
        return self._hits(sql, [*params, limit])

    def genes_for(self, condition_entries: list[int]) -> list[tuple]:
        """(condition entry, gene entry, kind, rank, key, label, boost) of the genes linked to these conditions."""
        if not condition_entries:
            return []
        marks = ", ".join(["%s"] * len(condition_entries))
        sql = (
            "SELECT l.condition_entry, l.gene_entry, l.kind, l.rank, e.key, e.label, e.boost FROM search_gene_link l "
            f"JOIN search_entry e ON e.id = l.gene_entry WHERE l.condition_entry IN ({marks})"
        )
        return self._fetch(sql, condition_entries)

    def word_frequencies(self, words: list[str]) -> dict[str, int]:
        if not words:
            return {}
        marks = ", ".join(["%s"] * len(words))
        return dict(self._fetch(f"SELECT word, frequency FROM search_vocab WHERE word IN ({marks})", words))

    def similar_words(self, word: str, limit: int) -> list[tuple[str, int]]:
        """Index words one slip away from ``word`` (every variant looked up at once in the vocabulary's primary
        key); for long words with none, candidates two edits away from the backend's trigram index."""
        variants = sorted(one_edit_variants(word) | sound_alike(word))
        marks = ", ".join(["%s"] * len(variants))
        close = self._fetch(f"SELECT word, frequency FROM search_vocab WHERE word IN ({marks})", variants)
        if close or allowed_edits(word) <= 1:
            return [tuple(row) for row in close]
        return self.two_edit_candidates(word, limit)

    def two_edit_candidates(self, word: str, limit: int) -> list[tuple[str, int]]:
        raise NotImplementedError

    def entries(self, entry_ids: list[int]) -> dict[int, tuple]:
        if not entry_ids:
            return {}
        marks = ", ".join(["%s"] * len(entry_ids))
        rows = self._fetch(
            f"SELECT id, kind, key, label, boost, features FROM search_entry WHERE id IN ({marks})", entry_ids
        )
        return {row[0]: row for row in rows}

    def _drop_tables(self, cursor) -> None:
        for table in self.extra_tables() + list(TABLES):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")

    def extra_tables(self) -> list[str]:
        return []
