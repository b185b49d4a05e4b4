"""A locked database (issue 17, finding 7): a clear 503 soon, and pages already cached keep serving."""

import sqlite3
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from ghr.publish.middleware import HEADER, RECHECK_SECONDS
from tests.publish.conftest import start_gunicorn, stop


def get(url: str) -> tuple[int, dict, bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(), time.monotonic() - started


@pytest.mark.django_db(databases=[])
def test_a_locked_knowledge_base_answers_503_and_cached_pages_keep_serving(django_db_setup):
    if settings.GHR["GHR_DATABASE_URL"]:
        pytest.skip("reproduces SQLite's lock")
    server = start_gunicorn(workers=1, GHR_DB_LOCK_WAIT_SECONDS="0.5")
    holder = sqlite3.connect(settings.DATABASES["kb"]["NAME"], timeout=5, isolation_level=None)
    try:
        status, headers, _, _ = get(server.url + "/gene/ALAS2")
        assert status == 200 and headers[HEADER] == "miss"
        holder.execute("BEGIN EXCLUSIVE")  # another process writing the file, e.g. a repair by hand
        time.sleep(RECHECK_SECONDS + 0.2)  # the page cache re-reads the release token once a second
        status, headers, _, _ = get(server.url + "/gene/ALAS2")
        assert status == 200 and headers[HEADER] == "hit"
        status, headers, body, seconds = get(server.url + "/gene/FECH")
        assert status == 503 and int(headers["Retry-After"]) > 0 and seconds < 5
        assert b"try again in a minute" in body
        status, headers, body, _ = get(server.url + "/api/v1/genes/FECH")
        assert status == 503 and b'"unavailable"' in body
    finally:
        holder.close()
        stop(server.process)
