"""Test set-up: every test run gets real databases, made in code.

The editorial database is migrated; the knowledge base is filled by ``tests.kb_fixture`` with a small, real slice
of genes and conditions (ALAS2, FECH, HMBS and their conditions) and finished by the same steps a build runs.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from ghr.build.finish import finish_knowledge_base
from ghr.project.databases import ensure_schemas, schema_names
from tests import kb_fixture


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker):
    with django_db_blocker.unblock():
        ensure_schemas(reset=True)
        call_command("migrate", database="default", verbosity=0)
        if not settings.FULL_KB:
            call_command("migrate", database="kb", verbosity=0)
            kb_fixture.populate("kb")
            finish_knowledge_base("kb")
        for connection in connections.all():
            connection.close()
    yield
    with django_db_blocker.unblock():
        drop_test_schemas()


def drop_test_schemas():
    """PostgreSQL test schemas are named per process; drop them when the session ends."""
    if not settings.GHR["GHR_DATABASE_URL"]:
        return
    for connection in connections.all():
        connection.close()
    with connections["default"].cursor() as cursor:
        for schema in schema_names(settings.GHR["GHR_DB_SCHEMA"]).values():
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def kb(db, django_db_setup):
    """Read access to the small knowledge base (and the editorial database) for one test."""
    return kb_fixture


def pytest_collection_modifyitems(items):
    # Every test may read both databases inside a transaction rolled back after it, unless it says otherwise.
    for item in items:
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(databases=["default", "kb"]))
