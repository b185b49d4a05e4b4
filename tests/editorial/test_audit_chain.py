"""The audit trail cannot be rewritten by the app (issue 17, finding 6): triggers on every append-only table, a
hash chain that `ghr audit verify` checks, and on PostgreSQL an owner role the app's role is not."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from ghr.editorial import workflow
from ghr.editorial.models import AuditEvent, Revision

VENDOR = connection.vendor


def sql(statement, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


def verify() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"CommandError: {error}")
    return out.getvalue(), err.getvalue()


def test_the_database_refuses_deleting_audit_events(published):
    event = AuditEvent.objects.filter(text=published, action="publish").get()
    with pytest.raises(DatabaseError):
        sql("DELETE FROM ghr_editorial_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_changing_or_deleting_saved_versions(published):
    revision = published.published_revision
    with pytest.raises(DatabaseError):
        sql("UPDATE ghr_editorial_revision SET body = %s WHERE id = %s", ["forged", revision.pk])
    with pytest.raises(DatabaseError):
        sql("DELETE FROM ghr_editorial_revision WHERE id = %s", [revision.pk])
    assert Revision.objects.get(pk=revision.pk).body == revision.body
    # Recording an approval stays possible.
    sql("UPDATE ghr_editorial_revision SET approved_at = approved_at WHERE id = %s", [revision.pk])


def test_events_form_a_chain_that_verifies(published):
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, len(sequences) + 1))
    out, err = verify()
    assert "The audit log verifies" in out and err == ""
    assert f"sequence {len(sequences)}" in out


def tampered(trigger: str, statement: str, event) -> str:
    """What `ghr audit verify` says after someone with the SQLite file drops a trigger and runs ``statement``."""
    sql(f"DROP TRIGGER {trigger}")
    sql(statement, [event.pk])
    return verify()[1]


@pytest.mark.skipif(VENDOR != "sqlite", reason="SQLite lets whoever holds the file drop triggers")
def test_verify_finds_an_event_removed_behind_the_triggers_back(published, writer):
    workflow.save_draft(published, writer, **{**published.working_revision.content(), "body": "Changed."})
    event = AuditEvent.objects.get(text=published, action="approve")
    err = tampered("ghr_editorial_auditevent_no_delete", "DELETE FROM ghr_editorial_auditevent WHERE id = %s", event)
    assert f"sequence {event.sequence + 1}, expected {event.sequence} (events missing)" in err


@pytest.mark.skipif(VENDOR != "sqlite", reason="SQLite lets whoever holds the file drop triggers")
def test_verify_finds_a_changed_event(published):
    event = AuditEvent.objects.get(text=published, action="publish")
    statement = "UPDATE ghr_editorial_auditevent SET reason = 'nothing happened' WHERE id = %s"
    err = tampered("ghr_editorial_auditevent_no_update", statement, event)
    assert f"event {event.sequence} (id {event.id}): digest does not match" in err


@pytest.mark.skipif(VENDOR != "postgresql", reason="roles are PostgreSQL's")
def test_the_apps_postgresql_role_cannot_rewrite_the_audit_trail(published):
    app_role = f"ghr_app_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{app_role}" NOLOGIN')
        cursor.execute("SELECT current_schema()")
        (schema,) = cursor.fetchone()
        cursor.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO "{app_role}"')
        cursor.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA "{schema}" TO "{app_role}"')
    call_command("audit", "secure-postgres", "--app-role", app_role, "--owner", f"{app_role}_owner",
                 stdout=io.StringIO())  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(f'SET ROLE "{app_role}"')
        try:
            workflow.withdraw(published, _publisher())
            for statement in (
                "TRUNCATE ghr_editorial_auditevent",
                "ALTER TABLE ghr_editorial_auditevent DISABLE TRIGGER ALL",
                "DELETE FROM ghr_editorial_auditevent",
                "DROP TRIGGER ghr_editorial_auditevent_append_only ON ghr_editorial_auditevent",
                "UPDATE ghr_editorial_revision SET body = 'forged'",
                "TRUNCATE ghr_editorial_revision CASCADE",
            ):
                with pytest.raises(DatabaseError), transaction.atomic():
                    cursor.execute(statement)
        finally:
            cursor.execute("RESET ROLE")
    assert AuditEvent.objects.filter(action="withdraw").exists()  # the app still appends


def _publisher():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="paul")
