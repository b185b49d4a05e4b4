"""Fuzzing /api/v1 from its own OpenAPI document (schemathesis), through the WSGI app on the fixture knowledge base.

Every generated request must get an answer the document describes: no 500s, a documented status, content type and
headers, and a body valid against the response schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from ghr.api import openapi
from ghr.project.wsgi import application

schema = schemathesis.openapi.from_dict(openapi.spec())
schema.app = application


@pytest.fixture
def keep_connections():
    """Calls go through the real WSGI handler, which closes database connections when a request ends; inside a
    test's transaction that would close it under the test, so (as Django's own test client does) it is paused."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db(databases=["default", "kb"], transaction=False)
@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)
def test_api_answers_as_documented(kb, keep_connections, case):
    case.call_and_validate(headers={"REMOTE_ADDR": "127.0.0.1"})
