"""Replace the serving knowledge base with the validated staging copy in one atomic step."""

from __future__ import annotations

import os

from django.conf import settings
from django.db import connections, transaction

from ghr.project.databases import is_postgres, schema_names, sqlite_paths


def swap_in_staging() -> None:
    config = settings.GHR
    for alias in ("kb", "kb_staging"):
        connections[alias].close()
    if is_postgres(config):
        names = schema_names(config["GHR_DB_SCHEMA"])
        live, staging, old = names["kb"], names["kb_staging"], names["kb"] + "_old"
        # Both renames commit together: a reader's next query sees either the old schema or the new one, whole.
        with transaction.atomic(using="default"), connections["default"].cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{old}" CASCADE')
            cursor.execute(f'ALTER SCHEMA "{live}" RENAME TO "{old}"')
            cursor.execute(f'ALTER SCHEMA "{staging}" RENAME TO "{live}"')
        with connections["default"].cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{old}" CASCADE')
        return
    paths = sqlite_paths(config.var_dir)
    staging = paths["kb_staging"]
    with staging.open("rb+") as handle:
        os.fsync(handle.fileno())
    # rename(2) is atomic: open connections keep the old file until they close, new ones open the new file.
    os.replace(staging, paths["kb"])
