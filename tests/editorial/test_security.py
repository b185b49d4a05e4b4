"""Logins: real password hashing, a throttle on repeated failures, secure cookies; roles made idempotently."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from ghr.conf import load_config
from ghr.editorial.roles import ROLES
from ghr.editorial.throttle import MAX_FAILURES
from ghr.project.assemble import django_settings
from tests.editorial.conftest import PASSWORD, make_user

pytestmark = pytest.mark.urls("tests.editorial.urls")


def try_login(client, username, password, address="10.0.0.1"):
    client.get("/admin/login/", REMOTE_ADDR=address)
    return client.post(
        "/admin/login/?next=/editorial/",
        {"username": username, "password": password, "next": "/editorial/"},
        REMOTE_ADDR=address,
    )


def test_passwords_are_stored_hashed(real_password_hashing, db):
    user = make_user("hashed", "writer")
    assert user.password.startswith("pbkdf2_sha256$") and PASSWORD not in user.password
    assert user.check_password(PASSWORD)


def test_login_works_with_the_right_password(writer):
    response = try_login(Client(), "wendy", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/editorial/"


def test_repeated_failures_lock_the_account_from_that_address(writer):
    client = Client()
    for _ in range(MAX_FAILURES):
        response = try_login(client, "wendy", "wrong")
        assert response.status_code == 200
        assert "Too many failed logins" not in response.content.decode()
    response = try_login(client, "wendy", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert Client().get("/editorial/").status_code == 302


def test_lock_is_per_username_and_address(writer, reviewer):
    client = Client()
    for _ in range(MAX_FAILURES):
        try_login(client, "wendy", "wrong")
    assert try_login(Client(), "wendy", PASSWORD, address="10.0.0.2").status_code == 302
    assert try_login(Client(), "rita", PASSWORD).status_code == 302


def test_success_resets_the_count(writer):
    for _ in range(MAX_FAILURES - 1):
        try_login(Client(), "wendy", "wrong")
    assert try_login(Client(), "wendy", PASSWORD).status_code == 302
    for _ in range(MAX_FAILURES - 1):
        try_login(Client(), "wendy", "wrong")
    assert try_login(Client(), "wendy", PASSWORD).status_code == 302


def test_cookies_are_secure_and_http_only_when_asked():
    secure = django_settings(load_config({"GHR_SECURE_COOKIES": "true", "GHR_SECRET_KEY": "x" * 50}))
    assert secure["SESSION_COOKIE_SECURE"] and secure["CSRF_COOKIE_SECURE"] and secure["SESSION_COOKIE_HTTPONLY"]
    plain = django_settings(load_config({"GHR_SECRET_KEY": "x" * 50}))
    assert not plain["SESSION_COOKIE_SECURE"] and plain["SESSION_COOKIE_HTTPONLY"]


def test_session_cookie_is_http_only(writer):
    client = Client()
    try_login(client, "wendy", PASSWORD)
    assert client.cookies["sessionid"]["httponly"]


def test_roles_command_is_idempotent(db):
    out = io.StringIO()
    call_command("roles", stdout=out)
    before = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    call_command("roles", stdout=io.StringIO())
    after = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert before == after
    assert set(ROLES) <= set(after)
    assert "approve_text" in after["reviewer"] and "approve_text" not in after["writer"]
    assert "publish_text" in after["publisher"] and "publish_text" not in after["reviewer"]
    assert {"change_user", "publish_text", "approve_text"} <= after["administrator"]
    assert "writer:" in out.getvalue()


def test_backend_refuses_locked_out_logins_on_any_path(writer, settings):
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    settings.AUTHENTICATION_BACKENDS = ["ghr.editorial.throttle.ThrottledModelBackend"]
    request = RequestFactory().post("/some/other/login", REMOTE_ADDR="10.9.9.9")
    for _ in range(MAX_FAILURES):
        assert authenticate(request, username="wendy", password="wrong") is None
    assert authenticate(request, username="wendy", password=PASSWORD) is None
    other = RequestFactory().post("/some/other/login", REMOTE_ADDR="10.9.9.10")
    assert authenticate(other, username="wendy", password=PASSWORD) == writer


def test_admin_screens_of_every_model_open_for_the_administrator(published, administrator):
    from tests.editorial.test_access import login

    client = login(administrator)
    revision = published.published_revision
    urls = [
        f"/admin/ghr_editorial/text/{published.pk}/change/",
        f"/admin/ghr_editorial/revision/{revision.pk}/change/",
        "/admin/ghr_editorial/revision/",
        "/admin/ghr_editorial/auditevent/",
        "/editorial/texts/?kind=gene-function",
        "/editorial/audit/?action=publish",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"ALAS2" in response.content, url
