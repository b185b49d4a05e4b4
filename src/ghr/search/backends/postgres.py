"""The PostgreSQL backend: tsvector full text (GIN) for words, pg_trgm trigram similarity for typos.

The index tables live in the knowledge base's schema, so a build's schema swap brings its index along. pg_trgm is
installed once per database in the ``public`` schema; connections' search_path names only ghr's schema, so its
functions, operators and operator classes are written with their schema.
"""

from __future__ import annotations

from django.db import transaction

from ghr.search.backends.base import HIT_COLUMNS, TABLES, NameHit, SqlBackend
from ghr.search.rows import IndexRows

TRIGRAM_EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public"


def _lexeme(word: str) -> str:
    # Quoted lexemes keep tsquery operators (& | ! : * ( )) in a word from being read as syntax.
    return "'" + word.replace("'", "").replace("\\", "") + "'"


def all_words_query(words: list[str], prefix_last: bool) -> str:
    parts = [_lexeme(word) for word in words]
    if prefix_last and parts:
        parts[-1] += ":*"
    return " & ".join(parts)


class PostgresBackend(SqlBackend):
    # Byte order makes the prefix range (norm >= 'abc' AND norm < 'abc' || max) exact and index-friendly.
    text_type = 'TEXT COLLATE "C"'

    def has_index(self) -> bool:
        return self._fetch("SELECT to_regclass('search_entry') IS NOT NULL")[0][0]

    def write_index(self, rows: IndexRows) -> None:
        self._ensure_trigram_extension()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            # GIN indexes build several times faster when their sort fits in memory.
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            self._drop_tables(cursor)
            for statement in self.table_statements():
                cursor.execute(statement)
            self._copy(cursor, rows)
            for statement in self.index_statements() + self.full_text_statements():
                cursor.execute(statement)
            # Every word of the stems columns, with the number of rows holding it (stems never repeat a word).
            cursor.execute(
                "INSERT INTO search_vocab (word, frequency) SELECT word, COUNT(*) FROM ("
                "SELECT unnest(string_to_array(stems, ' ')) AS word FROM search_name WHERE stems <> '' "
                "UNION ALL SELECT unnest(string_to_array(stems, ' ')) FROM search_feature_term WHERE stems <> ''"
                ") AS words GROUP BY word"
            )
            cursor.execute("CREATE INDEX search_vocab_trigrams ON search_vocab USING gin (word public.gin_trgm_ops)")
        with self.connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")

    def _ensure_trigram_extension(self) -> None:
        # Two processes may race to create it; the loser's error is harmless once the winner has committed.
        try:
            with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
                cursor.execute(TRIGRAM_EXTENSION)
        except Exception:  # noqa: BLE001 - checked just below
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
                if cursor.fetchone() is None:
                    raise

    def _copy(self, cursor, rows: IndexRows) -> None:
        # COPY moves hundreds of thousands of rows in a second or two, far faster than INSERTs.
        raw = cursor.cursor
        for table, data in (
            ("search_entry", rows.entries),
            ("search_name", rows.names),
            ("search_feature_term", rows.feature_terms),
            ("search_feature_link", rows.feature_links),
            ("search_gene_link", rows.gene_links),
        ):
            with raw.copy(f"COPY {table} FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)

    def full_text_statements(self) -> list[str]:
        return [
            "CREATE INDEX search_name_words ON search_name USING gin (to_tsvector('simple'::regconfig, stems))",
            "CREATE INDEX search_feature_words ON search_feature_term "
            "USING gin (to_tsvector('simple'::regconfig, stems))",
        ]

    def word_names(self, words: list[str], prefix_last: bool, limit: int) -> list[NameHit]:
        if not words:
            return []
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_name n JOIN search_entry e ON e.id = n.entry_id "
            "WHERE to_tsvector('simple'::regconfig, n.stems) @@ to_tsquery('simple'::regconfig, %s) "
            "ORDER BY length(n.norm), n.id LIMIT %s"
        )
        return self._hits(sql, [all_words_query(words, prefix_last), limit])

    def two_edit_candidates(self, word: str, limit: int) -> list[tuple[str, int]]:
        """Words sharing enough trigrams with ``word`` (pg_trgm's similarity threshold), most similar first."""
        sql = (
            "SELECT word, frequency FROM search_vocab WHERE word OPERATOR(public.%%) %s "
            "AND length(word) BETWEEN %s AND %s ORDER BY public.similarity(word, %s) DESC, word LIMIT %s"
        )
        return [tuple(row) for row in self._fetch(sql, [word, len(word) - 2, len(word) + 2, word, limit])]

    def feature_matches(self, words: list[str], limit: int) -> list[tuple[int, str, str, int]]:
        if not words:
            return []
        sql = (
            "SELECT l.entry_id, t.name, t.stems, l.frequency FROM search_feature_term t "
            "JOIN search_feature_link l ON l.term_id = t.term_id "
            "WHERE to_tsvector('simple'::regconfig, t.stems) @@ to_tsquery('simple'::regconfig, %s) LIMIT %s"
        )
        query = " | ".join(_lexeme(word) for word in words)
        return [tuple(row) for row in self._fetch(sql, [query, limit])]
