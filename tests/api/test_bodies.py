"""Oversized and malformed bodies (issue 17, finding 7): 413 and 400, never 500."""

from __future__ import annotations

import json

from django.conf import settings


def test_a_batch_body_over_the_upload_limit_is_413(kb, client):
    ids = ["ALAS2"] * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 8)
    response = client.post("/api/v1/genes/batch", json.dumps({"ids": ids}), content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_deeply_nested_json_is_400(kb, client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/conditions/batch", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_json"


def test_an_oversized_form_anywhere_is_413(kb, client):
    body = "username=x&password=" + "y" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert b"larger than this site accepts" in response.content
