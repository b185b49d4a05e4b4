"""Database aliases from GHR_DATABASE_URL.

Three aliases, one per role, so a build can replace the knowledge base without touching editors' work:
``default`` (accounts, editorial texts, audit log), ``kb`` (the knowledge base readers use) and ``kb_staging``
(where a build writes before it is swapped in). SQLite keeps each in its own file; PostgreSQL keeps each in
its own schema of one database, so that the swap is a pair of schema renames inside one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from ghr.conf import Config

KB_ALIASES = ("kb", "kb_staging")


def sqlite_paths(var_dir: Path) -> dict[str, Path]:
    return {
        "default": var_dir / "ghr.sqlite3",
        "kb": var_dir / "kb.sqlite3",
        "kb_staging": var_dir / "kb.staging.sqlite3",
    }


def schema_names(prefix: str) -> dict[str, str]:
    return {"default": prefix, "kb": f"{prefix}_kb", "kb_staging": f"{prefix}_kb_staging"}


def _sqlite(path: Path, read_mostly: bool, lock_wait: float) -> dict[str, Any]:
    # The knowledge base is written only by builds, into a staging file; readers can map it and skip locking work.
    init = "PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536;" if read_mostly else "PRAGMA journal_mode=WAL;"
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {"init_command": init + " PRAGMA synchronous=NORMAL;", "timeout": lock_wait},
        "TEST": {"NAME": str(path)},
        # A connection per request would start with a cold page cache and re-read the schema every time; kept
        # connections are reopened when a build swaps in a new file (ghr.kb.freshness).
        "CONN_MAX_AGE": None,
    }


def database_settings(config: Config) -> dict[str, dict[str, Any]]:
    url = config["GHR_DATABASE_URL"]
    if not url:
        paths = sqlite_paths(config.var_dir)
        wait = config["GHR_DB_LOCK_WAIT_SECONDS"]
        return {alias: _sqlite(path, alias != "default", wait) for alias, path in paths.items()}
    parsed = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if parsed["ENGINE"] != "django.db.backends.postgresql":
        raise ValueError(f"GHR_DATABASE_URL must be empty (SQLite) or a postgresql:// URL, not {url!r}")
    databases = {}
    for alias, schema in schema_names(config["GHR_DB_SCHEMA"]).items():
        db = dict(parsed)
        db["OPTIONS"] = {**parsed.get("OPTIONS", {}), "options": f"-c search_path={schema}"}
        # Tests run against the configured database itself (schemas named by GHR_DB_SCHEMA keep them apart).
        db["TEST"] = {"NAME": parsed["NAME"]}
        databases[alias] = db
    return databases


def is_postgres(config: Config) -> bool:
    return bool(config["GHR_DATABASE_URL"])


def ensure_schemas(reset: bool = False) -> None:
    """Make sure the places the aliases point to exist: the var folder, or the PostgreSQL schemas.

    ``reset`` drops them first (tests use it for a clean start).
    """
    from django.conf import settings
    from django.db import connections

    config = settings.GHR
    if not is_postgres(config):
        config.var_dir.mkdir(parents=True, exist_ok=True)
        if reset:
            for path in sqlite_paths(config.var_dir).values():
                for suffix in ("", "-wal", "-shm", "-journal"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
        return
    with connections["default"].cursor() as cursor:
        for schema in schema_names(config["GHR_DB_SCHEMA"]).values():
            if reset:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
