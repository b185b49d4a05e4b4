"""The embedded backend: SQLite FTS5 tables next to the knowledge base's own tables, in the same file."""

from __future__ import annotations

from django.db import transaction

from ghr.search.backends.base import HIT_COLUMNS, TABLES, NameHit, SqlBackend
from ghr.search.fuzzy import pieces
from ghr.search.rows import IndexRows


def _phrase(word: str) -> str:
    # Words are letters and digits only (ghr.search.text.normalize); quoting makes any FTS5 keyword literal.
    return '"' + word.replace('"', "") + '"'


def all_words_query(words: list[str], prefix_last: bool) -> str:
    parts = [_phrase(word) for word in words]
    if prefix_last and parts:
        parts[-1] += "*"
    return " AND ".join(parts)


class SqliteBackend(SqlBackend):
    def extra_tables(self) -> list[str]:
        return ["search_name_fts", "search_feature_fts", "search_vocab_trigrams"]

    def has_index(self) -> bool:
        return bool(self._fetch("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_entry'"))

    def write_index(self, rows: IndexRows) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            usual_cache_size = int(cursor.fetchone()[0])
            # Sorting for CREATE INDEX in memory, and a page cache big enough that the transaction never spills
            # to disk before its commit: a build has the memory, and this halves the wall time of the index.
            cursor.execute("PRAGMA temp_store = MEMORY")
            cursor.execute("PRAGMA cache_size = -524288")
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            self._drop_tables(cursor)
            for statement in self.table_statements():
                cursor.execute(statement)
            self._load(cursor, rows)
            for statement in self.index_statements():
                cursor.execute(statement)
            self._fill_full_text(cursor)
        with self.connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {usual_cache_size}")
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")

    def _load(self, cursor, rows: IndexRows) -> None:
        cursor.executemany("INSERT INTO search_entry VALUES (%s, %s, %s, %s, %s, %s)", rows.entries)
        cursor.executemany("INSERT INTO search_name VALUES (%s, %s, %s, %s, %s, %s, %s)", rows.names)
        cursor.executemany("INSERT INTO search_feature_term VALUES (%s, %s, %s, %s, %s)", rows.feature_terms)
        cursor.executemany("INSERT INTO search_feature_link VALUES (%s, %s, %s)", rows.feature_links)
        cursor.executemany("INSERT INTO search_gene_link VALUES (%s, %s, %s, %s)", rows.gene_links)

    def _fill_full_text(self, cursor) -> None:
        # Prefix indexes make "sidero*" as cheap as a whole word while people are still typing.
        cursor.execute(
            "CREATE VIRTUAL TABLE search_name_fts USING fts5(stems, tokenize='unicode61 remove_diacritics 2', "
            "prefix='2 3', detail=none)"
        )
        cursor.execute("INSERT INTO search_name_fts (rowid, stems) SELECT id, stems FROM search_name WHERE stems <> ''")
        cursor.execute(
            "CREATE VIRTUAL TABLE search_feature_fts USING fts5(stems, tokenize='unicode61 remove_diacritics 2', "
            "detail=none)"
        )
        cursor.execute("INSERT INTO search_feature_fts (rowid, stems) SELECT id, stems FROM search_feature_term")
        self._count_vocabulary(cursor)
        cursor.execute("CREATE VIRTUAL TABLE search_vocab_trigrams USING fts5(word, tokenize='trigram')")
        cursor.execute("INSERT INTO search_vocab_trigrams (rowid, word) SELECT rowid, word FROM search_vocab")

    def _count_vocabulary(self, cursor) -> None:
        # fts5vocab lists every word of a full-text table with the number of rows holding it.
        cursor.execute("CREATE VIRTUAL TABLE temp.name_words USING fts5vocab(main, search_name_fts, row)")
        cursor.execute("CREATE VIRTUAL TABLE temp.feature_words USING fts5vocab(main, search_feature_fts, row)")
        cursor.execute(
            "INSERT INTO search_vocab (word, frequency) SELECT term, SUM(doc) FROM (SELECT term, doc FROM "
            "temp.name_words UNION ALL SELECT term, doc FROM temp.feature_words) GROUP BY term"
        )
        cursor.execute("DROP TABLE temp.name_words")
        cursor.execute("DROP TABLE temp.feature_words")

    def word_names(self, words: list[str], prefix_last: bool, limit: int) -> list[NameHit]:
        if not words:
            return []
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_name_fts f JOIN search_name n ON n.id = f.rowid "
            "JOIN search_entry e ON e.id = n.entry_id WHERE search_name_fts MATCH %s "
            "ORDER BY length(n.norm), n.id LIMIT %s"
        )
        return self._hits(sql, [all_words_query(words, prefix_last), limit])

    def two_edit_candidates(self, word: str, limit: int) -> list[tuple[str, int]]:
        """A word within two edits keeps one of three pieces of the query intact: the trigram index finds it by
        substring."""
        query = " OR ".join(_phrase(piece) for piece in pieces(word, 2) if len(piece) >= 3)
        sql = (
            "SELECT v.word, v.frequency FROM search_vocab_trigrams t JOIN search_vocab v ON v.rowid = t.rowid "
            "WHERE search_vocab_trigrams MATCH %s AND length(v.word) BETWEEN %s AND %s LIMIT %s"
        )
        return [tuple(row) for row in self._fetch(sql, [query, len(word) - 2, len(word) + 2, limit * 25])]

    def feature_matches(self, words: list[str], limit: int) -> list[tuple[int, str, str, int]]:
        if not words:
            return []
        sql = (
            "SELECT l.entry_id, t.name, t.stems, l.frequency FROM search_feature_fts f "
            "JOIN search_feature_term t ON t.id = f.rowid "
            "JOIN search_feature_link l ON l.term_id = t.term_id WHERE search_feature_fts MATCH %s LIMIT %s"
        )
        query = " OR ".join(_phrase(word) for word in words)
        return [tuple(row) for row in self._fetch(sql, [query, limit])]
