"""Database triggers that refuse changes to the audit log, whatever code path tries.

UPDATE is refused on both databases. DELETE is refused on PostgreSQL only: Django's test runner empties SQLite
tables with DELETE between transactional tests, while on PostgreSQL it uses TRUNCATE, which no row trigger sees.
"""

from django.db import migrations

TABLE = "ghr_editorial_auditevent"

SQLITE_UP = [
    f"""CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update"]

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION ghr_audit_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION ghr_audit_append_only()""",
]
POSTGRES_DOWN = [f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("ghr_editorial", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
