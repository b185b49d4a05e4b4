"""Security headers (issue 17, finding 8): a Content-Security-Policy the pages pass, HSTS and the HTTPS redirect
as settings, and `ghr check --deploy` clean with the production settings the README documents."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from ghr.project.headers import CONTENT_SECURITY_POLICY

REPO = Path(__file__).resolve().parents[2]


def _inline_code(page: bytes) -> list[str]:
    """Everything in a page that a policy without 'unsafe-inline' blocks."""
    doc = html.fromstring(page)
    found = [f"<script> without src: {s.text[:40]!r}" for s in doc.iter("script") if not s.get("src")]
    found += [f"<style>: {s.text[:40]!r}" for s in doc.iter("style")]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        found += [f"{element.tag} {name}=" for name in element.attrib if name.startswith("on") or name == "style"]
        found += [
            f"{element.tag} javascript: URL" for v in element.attrib.values() if v.strip().startswith("javascript:")
        ]
    return found


@pytest.mark.parametrize(
    "path", ["/", "/gene/ALAS2", "/condition/erythropoietic-protoporphyria", "/search?q=heme", "/api/docs",
             "/download/", "/glossary/", "/no-such-page", "/admin/login/"],
)  # fmt: skip
def test_pages_carry_a_policy_they_pass(kb, client, path):
    response = client.get(path)
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY and "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert _inline_code(response.content) == [], path


def test_editorial_screens_pass_the_policy(kb, client):
    from tests.editorial.conftest import make_user
    from tests.editorial.test_access import login

    client = login(make_user("ada", "administrator"))
    for path in ("/editorial/", "/editorial/texts/", "/editorial/audit/", "/admin/", "/admin/auth/user/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _inline_code(response.content) == [], path


def _production_env(tmp_path) -> dict[str, str]:
    """The production settings exactly as the README's block lists them."""
    readme = (REPO / "README.md").read_text()
    block = re.search(r"<!-- production-settings -->\n```\n(.*?)```", readme, re.S)
    assert block, "README.md has no production settings block"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GHR_", "DJANGO_"))}
    for line in block.group(1).splitlines():
        name, _, value = line.strip().partition("=")
        if name.startswith("GHR_"):
            env[name] = value
    env.update(GHR_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="ghr.project.settings")
    return env


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "ghr", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(tmp_path), capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_and_redirect_follow_the_settings(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False, HTTP_HOST='ghr.example.org')\n"
        "plain = client.get('/about/sources')\n"
        "secure = client.get('/about/sources', secure=True)\n"
        "print(plain.status_code, plain.get('Location'), secure.get('Strict-Transport-Security'))\n"
    )
    env = _production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "https://ghr.example.org/about/sources", "max-age=31536000;",
                                     "includeSubDomains;", "preload"]  # fmt: skip
