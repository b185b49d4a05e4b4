"""The audit log becomes a hash chain (sequence and digest, see ghr.editorial.chain), and both append-only tables,
the audit log and the saved versions, refuse changes and deletes in the database itself.

SQLite rebuilds a table to add a unique column, which drops its triggers, so every trigger is (re)created here,
after the fields. Events already logged are chained in the order they were written, before the triggers return.
A later migration that rebuilds either table must create these triggers again (tests/editorial/test_audit_chain.py
checks that they are in place after every migration).
"""

import django.utils.timezone
from django.db import migrations, models

from ghr.editorial.chain import GENESIS, event_digest

AUDIT = "ghr_editorial_auditevent"
REVISION = "ghr_editorial_revision"
# Every column of a saved version except its approval and cached HTML, which are recorded later.
REVISION_CONTENT = (
    "text_id", "number", "title", "body", '"references"', "synonyms", "mondo_id", "hgnc_id", "second_reading",
    "acknowledged", "chapter", "chapter_order", '"order"', "note", "author_id", "created_at",
)  # fmt: skip
AUDIT_MESSAGE = "the audit log is append-only"
REVISION_MESSAGE = "a saved version cannot be changed or deleted"

SQLITE_UP = [
    f"CREATE TRIGGER {AUDIT}_no_update BEFORE UPDATE ON {AUDIT} BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END",
    f"CREATE TRIGGER {AUDIT}_no_delete BEFORE DELETE ON {AUDIT} BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END",
    f"CREATE TRIGGER {REVISION}_no_change BEFORE UPDATE OF {', '.join(REVISION_CONTENT)} ON {REVISION} "
    f"BEGIN SELECT RAISE(ABORT, '{REVISION_MESSAGE}'); END",
    f"CREATE TRIGGER {REVISION}_no_delete BEFORE DELETE ON {REVISION} "
    f"BEGIN SELECT RAISE(ABORT, '{REVISION_MESSAGE}'); END",
]
SQLITE_DOWN = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (f"{AUDIT}_no_update", f"{AUDIT}_no_delete", f"{REVISION}_no_change", f"{REVISION}_no_delete")
]
POSTGRES_UP = [
    # '%%' reaches the server as '%': the schema editor passes statements through the driver's placeholders.
    """CREATE OR REPLACE FUNCTION ghr_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION '%%', TG_ARGV[0]; END; $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {AUDIT}_append_only BEFORE UPDATE OR DELETE ON {AUDIT}
        FOR EACH ROW EXECUTE FUNCTION ghr_append_only('{AUDIT_MESSAGE}')""",
    f"""CREATE TRIGGER {AUDIT}_no_truncate BEFORE TRUNCATE ON {AUDIT}
        FOR EACH STATEMENT EXECUTE FUNCTION ghr_append_only('{AUDIT_MESSAGE}')""",
    f"""CREATE TRIGGER {REVISION}_no_change BEFORE UPDATE OF {", ".join(REVISION_CONTENT)} OR DELETE ON {REVISION}
        FOR EACH ROW EXECUTE FUNCTION ghr_append_only('{REVISION_MESSAGE}')""",
    f"""CREATE TRIGGER {REVISION}_no_truncate BEFORE TRUNCATE ON {REVISION}
        FOR EACH STATEMENT EXECUTE FUNCTION ghr_append_only('{REVISION_MESSAGE}')""",
]
POSTGRES_DOWN = [
    f"DROP TRIGGER IF EXISTS {AUDIT}_append_only ON {AUDIT}",
    f"DROP TRIGGER IF EXISTS {AUDIT}_no_truncate ON {AUDIT}",
    f"DROP TRIGGER IF EXISTS {REVISION}_no_change ON {REVISION}",
    f"DROP TRIGGER IF EXISTS {REVISION}_no_truncate ON {REVISION}",
]
# What 0002 created, removed before the events are chained (the chaining writes each row once).
OLD = {
    "sqlite": [f"DROP TRIGGER IF EXISTS {AUDIT}_no_update"],
    "postgresql": [f"DROP TRIGGER IF EXISTS {AUDIT}_append_only ON {AUDIT}"],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def chain_existing(apps, schema_editor):
    events = apps.get_model("ghr_editorial", "AuditEvent").objects.using(schema_editor.connection.alias)
    previous = GENESIS
    for sequence, event in enumerate(events.order_by("id").iterator(), start=1):
        event.sequence = sequence
        event.digest = event_digest(previous, event)
        events.filter(pk=event.pk).update(sequence=sequence, digest=event.digest)
        previous = event.digest


class Migration(migrations.Migration):
    dependencies = [("ghr_editorial", "0003_stable_ids_citations_second_reading")]

    operations = [
        migrations.RunPython(_run(OLD), _run({})),
        migrations.AddField(
            model_name="auditevent",
            name="digest",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=64,
                help_text="sha256 of this event and the previous event's digest (see ghr.editorial.chain).",
            ),  # fmt: skip
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, unique=True, help_text="1 for the first event, then 2, 3... with no gaps."
            ),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
