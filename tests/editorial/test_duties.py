"""Separation of duties (issue 17, finding 4): no role grants itself or others more than it holds, and nobody
approves or publishes a text they wrote any part of since its last approval."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied

from ghr.editorial import workflow
from ghr.editorial.models import State
from tests.editorial.conftest import make_user
from tests.editorial.test_access import login

pytestmark = pytest.mark.urls("tests.editorial.urls")


def test_an_author_cannot_approve_after_a_colleague_edits_one_character(draft, writer, reviewer, second_reviewer):
    # The reviewer writes the text; a colleague's one-character edit makes the colleague the last version's author.
    version = workflow.save_draft(draft, reviewer, title="Normal function of the ALAS2 gene", body="Makes heme.")
    workflow.save_draft(draft, second_reviewer, **{**version.content(), "body": "Makes heme!"})
    workflow.submit(draft, second_reviewer)
    assert "approve" not in workflow.available_transitions(draft, reviewer)
    with pytest.raises(PermissionDenied, match="wrote part of"):
        workflow.approve(draft, reviewer)
    with pytest.raises(PermissionDenied):
        workflow.approve(draft, second_reviewer)
    third = make_user("tara", "reviewer")
    workflow.approve(draft, third)
    assert draft.state == State.APPROVED


def test_versions_before_the_last_approval_do_not_bar_a_reviewer(published, writer, reviewer, second_reviewer):
    # The reviewer wrote nothing; an earlier approval clears earlier authors: only new versions count.
    workflow.save_draft(published, second_reviewer, **{**published.working_revision.content(), "body": "New."})
    workflow.submit(published, second_reviewer)
    workflow.approve(published, reviewer)
    assert published.state == State.APPROVED


def test_an_administrator_cannot_publish_a_text_they_wrote(administrator, reviewer):
    text = workflow.create_text("glossary", "heme", administrator, title="Heme", body="An iron-holding molecule.")
    workflow.submit(text, administrator)
    workflow.approve(text, reviewer)
    assert "publish" not in workflow.available_transitions(text, administrator)
    with pytest.raises(PermissionDenied, match="another publisher"):
        workflow.publish(text, administrator)
    workflow.publish(text, make_user("pia", "publisher"))
    assert text.state == State.PUBLISHED


def _user_form(user, **changes) -> dict:
    data = {
        "username": user.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "is_staff": "on", "groups": [str(g.pk) for g in user.groups.all()], "last_login_0": "", "last_login_1": "",
        "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00", "_save": "Save",
    }  # fmt: skip
    data.update(changes)
    return data


def post(client, url: str, data: dict):
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_an_administrator_cannot_make_itself_superuser(administrator):
    client = login(administrator)
    url = f"/admin/auth/user/{administrator.pk}/change/"
    assert client.get(url).status_code == 200
    delete = Permission.objects.get(codename="delete_auditevent")
    response = post(client, url, _user_form(administrator, is_superuser="on", user_permissions=[str(delete.pk)]))
    assert response.status_code == 302  # the form saves what it may, and ignores the rest
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert not administrator.has_perm("ghr_editorial.delete_auditevent")


def test_an_administrator_cannot_give_a_role_with_more_than_it_holds(administrator, writer):
    powerful = Group.objects.create(name="auditors")
    powerful.permissions.add(Permission.objects.get(codename="delete_auditevent"))
    client = login(administrator)
    groups = [str(Group.objects.get(name="administrator").pk), str(powerful.pk)]
    response = post(client, f"/admin/auth/user/{writer.pk}/change/", _user_form(writer, groups=groups))
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    assert list(writer.groups.values_list("name", flat=True)) == ["writer"]  # nothing saved
    assert not type(writer).objects.get(pk=writer.pk).has_perm("ghr_editorial.delete_auditevent")


def test_an_administrator_cannot_add_permissions_it_lacks_to_a_role(administrator):
    client = login(administrator)
    role = Group.objects.get(name="administrator")
    delete = Permission.objects.get(codename="delete_auditevent")
    kept = [str(p.pk) for p in role.permissions.all()]
    response = post(
        client,
        f"/admin/auth/group/{role.pk}/change/",
        {"name": "administrator", "permissions": [*kept, str(delete.pk)]},
    )
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    assert not role.permissions.filter(pk=delete.pk).exists()


def test_an_administrator_cannot_change_a_superuser(administrator):
    boss = make_user("root", superuser=True)
    client = login(administrator)
    response = post(client, f"/admin/auth/user/{boss.pk}/change/", _user_form(boss, is_active=""))
    assert response.status_code == 403
    boss.refresh_from_db()
    assert boss.is_active
