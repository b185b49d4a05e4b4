"""Helpers for the API tests: a client, editors' texts published through the editorial import, the OpenAPI schema."""

from __future__ import annotations

import json
import textwrap

import jsonschema_rs
import pytest
from django.test import Client

from ghr.api import openapi

GENE_TEXT = """\
---
kind: gene-function
key: ALAS2
title: Normal function of the ALAS2 gene
references: [30401706]
second_reading: {reader: Rita Reader, date: 2026-12-01}
---
The *ALAS2* gene tells developing red blood cells how to build the first [[enzyme]] on the path to [[heme]].
The enzyme joins glycine and succinyl-CoA & sets the pace for the whole pathway.
"""

CONDITION_TEXT = """\
---
kind: condition-description
key: x-linked-sideroblastic-anemia
title: About X-linked sideroblastic anemia
second_reading: {reader: Rita Reader, date: 2026-12-01}
---
In this condition, red blood cells in the making cannot build enough **heme**, so iron gathers around their nucleus.
"""

GLOSSARY_TEXT = """\
---
kind: glossary
key: heme
title: heme
synonyms: [haem]
---
The iron-holding part of hemoglobin that carries oxygen.
"""


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def texts(tmp_path):
    """Three editors' texts, imported (and so published) the way `ghr texts import` does it."""
    from ghr.editorial.transfer import import_folder

    for name, body in {"function.md": GENE_TEXT, "description.md": CONDITION_TEXT, "heme.md": GLOSSARY_TEXT}.items():
        (tmp_path / name).write_text(textwrap.dedent(body))
    report = import_folder(tmp_path, publish_for="tests")
    assert not report.errors, report.errors
    return report


def validator_for(schema_name: str):
    """A JSON Schema validator for one component of the published OpenAPI document."""
    document = openapi.spec()
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    return jsonschema_rs.Draft202012Validator(schema)


def assert_valid(data, schema_name: str) -> None:
    errors = [str(e) for e in validator_for(schema_name).iter_errors(data)]
    assert not errors, f"{schema_name}: {errors[:5]}"


def get_json(client, url: str, status: int = 200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)
