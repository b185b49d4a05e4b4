"""Every workflow step leaves one audit event, and audit events can be neither changed nor removed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction

from ghr.editorial import workflow
from ghr.editorial.models import AppendOnlyError, AuditEvent


def test_every_step_is_logged_with_who_when_and_states(draft, writer, reviewer, publisher):
    workflow.submit(draft, writer)
    workflow.return_for_changes(draft, reviewer, "Explain what ALA is.")
    workflow.save_draft(draft, writer, title="Normal function of the ALAS2 gene", body="Now with ALA.", note="ALA")
    workflow.submit(draft, writer)
    workflow.approve(draft, reviewer)
    workflow.publish(draft, publisher)
    workflow.withdraw(draft, publisher, reason="Wrong gene")
    events = list(AuditEvent.objects.filter(text=draft).order_by("id"))
    assert [(e.action, e.actor.username, e.from_state, e.to_state) for e in events] == [
        ("create", "wendy", "", "draft"),
        ("edit", "wendy", "draft", "draft"),
        ("submit", "wendy", "draft", "in_review"),
        ("return_for_changes", "rita", "in_review", "draft"),
        ("edit", "wendy", "draft", "draft"),
        ("submit", "wendy", "draft", "in_review"),
        ("approve", "rita", "in_review", "approved"),
        ("publish", "paul", "approved", "published"),
        ("withdraw", "paul", "published", "withdrawn"),
    ]
    assert events[3].reason == "Explain what ALA is."
    assert events[-1].reason == "Wrong gene"
    assert events[6].revision_id == draft.working_revision_id
    assert all(e.at is not None for e in events)


def test_refused_steps_leave_no_event(draft, writer, publisher):
    before = AuditEvent.objects.count()
    with pytest.raises(workflow.TransitionError):
        workflow.publish(draft, publisher)
    with pytest.raises(PermissionDenied):
        workflow.approve(draft, writer)
    assert AuditEvent.objects.count() == before


def test_audit_event_cannot_be_changed_or_deleted_through_the_orm(published):
    event = AuditEvent.objects.filter(text=published, action="publish").get()
    event.reason = "rewritten history"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_database_refuses_updates_to_the_audit_log(published):
    event = AuditEvent.objects.filter(text=published, action="publish").get()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ghr_editorial_auditevent SET reason = %s WHERE id = %s", ["forged", event.pk])
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps DELETE for the test runner's flush")
def test_postgresql_refuses_deletes_from_the_audit_log(published):
    event = AuditEvent.objects.filter(text=published, action="publish").get()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM ghr_editorial_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.urls("tests.editorial.urls")
def test_audit_log_is_read_only_in_the_admin(published, administrator):
    from tests.editorial.test_access import login

    client = login(administrator)
    event = AuditEvent.objects.filter(text=published).first()
    assert client.get("/admin/ghr_editorial/auditevent/").status_code == 200
    assert client.get("/admin/ghr_editorial/auditevent/add/").status_code == 403
    assert client.get(f"/admin/ghr_editorial/auditevent/{event.pk}/delete/").status_code == 403
