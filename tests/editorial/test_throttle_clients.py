"""The login throttle behind a proxy, against password spraying, and across processes (issue 17, findings 2, 7)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from ghr.editorial.throttle import MAX_ADDRESS_FAILURES, MAX_FAILURES, is_locked
from tests.editorial.conftest import PASSWORD

pytestmark = pytest.mark.urls("tests.editorial.urls")
REPO = Path(__file__).resolve().parents[2]


def login_through_proxy(username, password, client_ip, proxy="127.0.0.1"):
    """A login that reached the app through nginx, which connects from ``proxy`` and names the client."""
    return Client().post(
        "/admin/login/?next=/editorial/",
        {"username": username, "password": password, "next": "/editorial/"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=client_ip,
    )


def test_behind_the_proxy_one_guesser_does_not_lock_the_editor_out(writer):
    for _ in range(MAX_FAILURES + 1):
        login_through_proxy("wendy", "wrong", "203.0.113.66")
    assert b"Too many failed logins" in login_through_proxy("wendy", PASSWORD, "203.0.113.66").content
    # The editor, at another address behind the same proxy, still gets in.
    assert login_through_proxy("wendy", PASSWORD, "198.51.100.7").status_code == 302


def test_a_forged_header_from_an_untrusted_address_is_ignored(writer):
    for number in range(MAX_FAILURES):
        login_through_proxy("wendy", "wrong", f"192.0.2.{number}", proxy="203.0.113.9")
    # Every guess was counted against the connection's own address, whatever the header claimed.
    assert login_through_proxy("wendy", PASSWORD, "192.0.2.200", proxy="203.0.113.9").status_code == 200
    assert is_locked("wendy", "203.0.113.9")


def test_spraying_passwords_across_usernames_is_throttled_per_address(writer):
    for number in range(MAX_ADDRESS_FAILURES):
        login_through_proxy(f"someone{number}", "wrong", "203.0.113.77")
    assert login_through_proxy("wendy", PASSWORD, "203.0.113.77").status_code == 200
    assert login_through_proxy("wendy", PASSWORD, "203.0.113.78").status_code == 302


def test_failures_counted_by_another_process_count_here(writer):
    if settings.GHR["GHR_CACHE_URL"]:
        pytest.skip("Redis is shared by construction")
    # Another app process (a second gunicorn worker, say) notes the failures; this one must see them.
    script = "import django; django.setup(); from ghr.editorial.throttle import note_failure\n"
    script += f"for _ in range({MAX_FAILURES}): note_failure('wendy', '203.0.113.90')"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "GHR_VAR_DIR": str(settings.GHR.var_dir),
           "PYTHONPATH": str(REPO)}  # fmt: skip
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=REPO)
    assert is_locked("wendy", "203.0.113.90")
    assert login_through_proxy("wendy", PASSWORD, "203.0.113.90").status_code == 200
