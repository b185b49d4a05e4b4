"""Create an empty staging knowledge base and write a Plan into it in bulk."""

from __future__ import annotations

from itertools import islice

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction
from tqdm import tqdm

from ghr.build.rows import Plan, Table
from ghr.project.databases import is_postgres, schema_names, sqlite_paths

STAGING = "kb_staging"
BATCH = 10_000


def reset_staging() -> None:
    """Drop whatever a failed earlier build left and create the empty schema."""
    from django.conf import settings

    connections[STAGING].close()
    config = settings.GHR
    if is_postgres(config):
        schema = schema_names(config["GHR_DB_SCHEMA"])[STAGING]
        with connections["default"].cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            cursor.execute(f'CREATE SCHEMA "{schema}"')
    else:
        path = sqlite_paths(config.var_dir)[STAGING]
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-journal", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    call_command("migrate", "kb", database=STAGING, verbosity=0)


def _batches(rows: list[tuple], size: int):
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _copy(table: Table) -> None:
    # PostgreSQL's COPY streams rows without a round trip per batch: an order of magnitude faster than INSERT.
    connection = connections[STAGING]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in table.columns)
    sql = f"COPY {quote(table.model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in table.rows:
            copy.write_row(row)


def _insert(table: Table) -> None:
    connection = connections[STAGING]
    if connection.vendor == "postgresql":
        _copy(table)
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in table.columns)
    placeholders = ", ".join(["%s"] * len(table.columns))
    sql = f"INSERT INTO {quote(table.model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for batch in _batches(table.rows, BATCH):
            cursor.executemany(sql, batch)


def _reset_sequences() -> None:
    connection = connections[STAGING]
    if connection.vendor != "postgresql":
        return
    from django.apps import apps

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_app_config("kb").get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _fast_disposable_writes() -> None:
    # The staging file is thrown away if the build fails, so SQLite need not journal or sync while filling it;
    # the swap fsyncs it once before it replaces the serving file.
    connection = connections[STAGING]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")


def write_plan(plan: Plan) -> None:
    """Insert every table's rows in one transaction; foreign keys are checked by the validation step."""
    rows = sum(len(table.rows) for table in plan.tables.values())
    _fast_disposable_writes()
    with transaction.atomic(using=STAGING), tqdm(total=rows, desc="write staging", unit="row", unit_scale=True) as bar:
        for table in plan.tables.values():
            _insert(table)
            bar.update(len(table.rows))
            plan.counts[table.model.__name__] = len(table.rows)
    _reset_sequences()
