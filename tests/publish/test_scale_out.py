"""Scale-out: several app processes (gunicorn workers) against one PostgreSQL database answer at once."""

import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from lxml import html

from tests.publish.conftest import REPO, app_environment, start_gunicorn, stop
from tests.publish.test_nginx import fetch

POSTGRES_URL = os.environ.get("GHR_TEST_POSTGRES_URL", "postgresql://root@127.0.0.1:5432/test")

# Made in a process of its own, the way an operator would: migrate, then load a knowledge base.
SET_UP = """
import django
django.setup()
from django.core.management import call_command
from ghr.build.finish import finish_knowledge_base
from ghr.project.databases import ensure_schemas
from tests import kb_fixture
ensure_schemas(reset=True)
call_command("migrate", database="default", verbosity=0)
call_command("migrate", database="kb", verbosity=0)
kb_fixture.populate("kb")
finish_knowledge_base("kb")
"""


def postgres_available() -> bool:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
        return True
    except psycopg.Error:
        return False


@pytest.fixture(scope="module")
def postgres_schema():
    """A dedicated schema prefix in PostgreSQL, filled with the fixture knowledge base, dropped afterwards."""
    if not postgres_available():
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL}")
    prefix = f"ghr_scaleout_{uuid.uuid4().hex[:8]}"
    env = app_environment(GHR_DATABASE_URL=POSTGRES_URL, GHR_DB_SCHEMA=prefix)
    subprocess.run([sys.executable, "-c", SET_UP], env=env, cwd=REPO, check=True)
    yield prefix
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        for schema in (prefix, f"{prefix}_kb", f"{prefix}_kb_staging"):
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.mark.postgres
@pytest.mark.django_db(databases=[])
def test_two_app_processes_on_postgresql_answer_concurrently(postgres_schema):
    server = start_gunicorn(workers=2, GHR_DATABASE_URL=POSTGRES_URL, GHR_DB_SCHEMA=postgres_schema)
    try:
        workers = _children(server.process.pid)
        paths = ["/gene/ALAS2", "/gene/FECH", "/condition/acute-intermittent-porphyria", "/chromosome/X"] * 15
        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda path: (path, fetch(server.url + path)), paths))
    finally:
        stop(server.process)
    assert len(workers) == 2
    for path, (status, _, body) in answers:
        assert status == 200, path
        heading = html.fromstring(body).findtext(".//h1")
        assert path.rsplit("/", 1)[1].split("-")[0].lower() in heading.lower(), (path, heading)


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]
