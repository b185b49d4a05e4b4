"""The app's page cache: a page is rendered once per build and text release, by real app processes."""

import socket
import sqlite3
import time
import urllib.request
import uuid

import pytest
from django.conf import settings
from django.test import Client

from ghr.kb.models import BuildInfo
from ghr.publish.middleware import HEADER, RECHECK_SECONDS, PageCacheMiddleware
from tests.publish.conftest import start_gunicorn, stop

outside_transactions = pytest.mark.django_db(databases=[])


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get(HEADER), response.read()


def redis_running() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _sql(statement, params=()):
    """Run one statement on a driver connection of its own (autocommit), outside every test transaction."""
    db = settings.DATABASES["kb"]
    if db["ENGINE"].endswith("sqlite3"):
        connection = sqlite3.connect(db["NAME"], isolation_level=None, timeout=20)
        statement = statement.replace("%s", "?")
    else:
        import psycopg

        connection = psycopg.connect(
            host=db["HOST"], port=db["PORT"] or None, user=db["USER"], password=db["PASSWORD"] or None,
            dbname=db["NAME"], options=db["OPTIONS"]["options"], autocommit=True,
        )  # fmt: skip
    try:
        cursor = connection.execute(statement, params)
        return cursor.fetchone() if statement.startswith("SELECT") else None
    finally:
        connection.close()


@pytest.fixture
def committed(django_db_setup):
    """Change committed knowledge-base rows the app processes read; everything is put back afterwards."""
    (build_id,) = _sql("SELECT build_id FROM kb_buildinfo")
    (gene_name,) = _sql("SELECT name FROM kb_gene WHERE symbol = %s", ["HMBS"])

    def change(build=None, hmbs_name=None):
        if build:
            _sql("UPDATE kb_buildinfo SET build_id = %s", [build])
        if hmbs_name:
            _sql("UPDATE kb_gene SET name = %s WHERE symbol = %s", [hmbs_name, "HMBS"])
        time.sleep(RECHECK_SECONDS + 0.1)  # The app re-reads the release at most once a second.

    yield change
    _sql("UPDATE kb_buildinfo SET build_id = %s", [build_id])
    _sql("UPDATE kb_gene SET name = %s WHERE symbol = %s", [gene_name, "HMBS"])


def test_pages_rendered_inside_a_transaction_are_not_cached(kb):
    response = Client().get("/gene/ALAS2")
    assert response.status_code == 200
    assert HEADER not in response


def test_release_token_follows_the_build_and_the_texts(kb):
    from ghr.editorial.models import AuditEvent

    middleware = PageCacheMiddleware(lambda request: None)
    first = middleware.release_token()
    BuildInfo.objects.update(build_id="20991231T000000Z")
    time.sleep(RECHECK_SECONDS + 0.05)
    second = middleware.release_token()
    assert second != first and "20991231T000000Z" in second
    AuditEvent.objects.create(action="import", reason="test: a text release")
    time.sleep(RECHECK_SECONDS + 0.05)
    assert middleware.release_token() != second


@outside_transactions
def test_second_request_is_served_from_cache_until_a_new_build(committed):
    committed(build=f"T{uuid.uuid4().hex[:12]}")
    server = start_gunicorn(workers=1)
    try:
        first = fetch(server.url + "/gene/HMBS")
        second = fetch(server.url + "/gene/HMBS")
        assert (first[0], second[0]) == ("miss", "hit")
        assert first[1] == second[1]
        # Data changed without a new build id: the cached page is still served...
        committed(hmbs_name="hydroxymethylbilane synthase (changed by a test)")
        assert fetch(server.url + "/gene/HMBS") == second
        # ...until the build id changes: then the page is rendered again, once.
        committed(build=f"T{uuid.uuid4().hex[:12]}")
        third = fetch(server.url + "/gene/HMBS")
        assert third[0] == "miss" and b"changed by a test" in third[1]
        assert fetch(server.url + "/gene/HMBS")[0] == "hit"
        # Dynamic and private paths are never cached.
        assert fetch(server.url + "/gene/HMBS?unknown=1")[0] is None
    finally:
        stop(server.process)


@outside_transactions
def test_search_answers_are_kept_per_query(committed):
    committed(build=f"T{uuid.uuid4().hex[:12]}")
    server = start_gunicorn(workers=1)
    try:
        first = fetch(server.url + "/api/v1/suggest?q=ala")
        second = fetch(server.url + "/api/v1/suggest?q=ala")
        assert (first[0], second[0]) == ("miss", "hit")
        assert first[1] == second[1] and b'"/gene/ALAS2"' in second[1]
        # Another query is another answer; the search page and the API keep theirs the same way.
        other = fetch(server.url + "/api/v1/suggest?q=fech")
        assert other[0] == "miss" and b'"/gene/FECH"' in other[1]
        assert [fetch(server.url + "/search?q=EPP&kind=gene")[0] for _ in range(2)] == ["miss", "hit"]
        # A parameter that selects nothing known is not cached.
        assert fetch(server.url + "/api/v1/suggest?q=ala&callback=x")[0] is None
    finally:
        stop(server.process)


@outside_transactions
@pytest.mark.skipif(not redis_running(), reason="no Redis at 127.0.0.1:6379")
def test_app_processes_share_the_cache_in_redis(committed):
    committed(build=f"T{uuid.uuid4().hex[:12]}")
    server = start_gunicorn(workers=2, GHR_CACHE_URL="redis://127.0.0.1:6379/0")
    try:
        states = [fetch(server.url + "/condition/erythropoietic-protoporphyria")[0] for _ in range(12)]
    finally:
        stop(server.process)
    # Whichever of the two processes answered, only the very first request rendered the page.
    assert states == ["miss"] + ["hit"] * 11
