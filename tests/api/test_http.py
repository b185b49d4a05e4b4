"""What every /api/ answer shares: JSON errors, CORS, conditional requests (304) and the rate limit (429)."""

from __future__ import annotations

import json
import uuid

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils.http import http_date

from ghr.conf import Config, load_config
from tests.api.conftest import get_json


def _address() -> str:
    # A fresh client address per test, so rate-limit counters of other tests never interfere.
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


def test_unknown_api_routes_are_json_404(kb, client):
    for url in ("/api/v2/genes", "/api/v1/nothing", "/api/", "/api/v1/genes/ALAS2/extra"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert json.loads(response.content)["error"]["code"] == "not_found"


def test_wrong_method_is_json_405_with_allow(kb, client):
    response = client.delete("/api/v1/genes/ALAS2")
    assert response.status_code == 405
    assert json.loads(response.content)["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]
    response = client.get("/api/v1/genes/batch")
    assert response.status_code == 405 and response["Content-Type"] == "application/json"
    assert "POST" in response["Allow"]
    response = client.put("/api/v1/genes/batch", "{}", content_type="application/json")
    assert response.status_code == 405


def test_cors_is_open_for_reads(kb, client):
    response = client.get("/api/v1/genes/ALAS2", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/genes/batch", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight["Access-Control-Allow-Headers"]
    assert client.get("/gene/ALAS2.json")["Access-Control-Allow-Origin"] == "*"


def test_etag_and_not_modified(kb, client):
    first = client.get("/api/v1/genes/ALAS2")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    again = client.get("/api/v1/genes/ALAS2", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    other = client.get("/api/v1/genes/FECH", HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200, "an ETag belongs to one address"
    since = client.get("/api/v1/genes/ALAS2", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    old = client.get("/api/v1/genes/ALAS2", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert old.status_code == 200


def test_publishing_a_text_changes_the_etag(kb, client, tmp_path):
    before = client.get("/api/v1/genes/ALAS2")["ETag"]
    from ghr.editorial.transfer import import_folder

    text = "---\nkind: gene-function\nkey: ALAS2\ntitle: ALAS2\n{}---\nMakes an enzyme.\n"
    (tmp_path / "f.md").write_text(text.format(""))
    # No second reading yet: saved for review, the public document is unchanged.
    import_folder(tmp_path, publish_for="tests")
    assert client.get("/api/v1/genes/ALAS2", HTTP_IF_NONE_MATCH=before).status_code == 304
    (tmp_path / "f.md").write_text(text.format("second_reading: {reader: Rita Reader, date: 2026-12-01}\n"))
    import_folder(tmp_path, publish_for="tests")
    after = client.get("/api/v1/genes/ALAS2", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def _limited(count_per_window: str) -> Config:
    return Config({**settings.GHR.values, "GHR_API_RATE_LIMIT": count_per_window})


def test_rate_limit_gives_429_with_retry_after(kb, client):
    address = _address()
    with override_settings(GHR=_limited("3/60")):
        statuses = [client.get("/api/v1/genes", REMOTE_ADDR=address).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = client.get("/api/v1/genes", REMOTE_ADDR=address)
        assert refused.status_code == 429
        error = json.loads(refused.content)["error"]
        assert error["code"] == "rate_limited" and "3 per 60 s" in error["message"]
        assert 1 <= int(refused["Retry-After"]) <= 60
        assert refused["Access-Control-Allow-Origin"] == "*"
        other = client.get("/api/v1/genes", REMOTE_ADDR=_address())
        assert other.status_code == 200, "each address has its own budget"
        assert other["RateLimit-Remaining"] == "2"


def test_rate_limit_setting_comes_from_load_config(kb, client):
    config = load_config({**{k: str(v) for k, v in settings.GHR.values.items() if isinstance(v, str)},
                          "GHR_API_RATE_LIMIT": "1/30"})  # fmt: skip
    address = _address()
    with override_settings(GHR=config):
        assert client.get("/api/v1/release", REMOTE_ADDR=address).status_code == 200
        assert client.get("/api/v1/release", REMOTE_ADDR=address).status_code == 429


@pytest.mark.parametrize(
    "url",
    ["/api/v1/genes?page=-1", "/api/v1/genes/" + "A" * 300, "/api/v1/lookup?id=", "/api/v1/genes/AL%00AS2",
     "/api/v1/chromosomes/%00"],
)  # fmt: skip
def test_errors_are_json_never_html(kb, client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/json"
    assert set(json.loads(response.content)["error"]) >= {"code", "message"}


def test_openapi_document_and_docs_page(kb, client):
    document = get_json(client, "/api/openapi.json")
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/genes/{ident}" in document["paths"]
    from lxml import html

    page = client.get("/api/docs")
    assert page.status_code == 200
    tree = html.fromstring(page.content)
    assert not tree.xpath("//script[@src] | //link[@href and starts-with(@href, 'http')]"), "no outside resources"
    codes = [c.text_content() for c in tree.xpath("//h3/code")]
    assert "/api/v1/genes/batch" in codes and "/api/v1/lookup" in codes


def test_nul_and_lone_surrogates_in_a_batch_are_misses(kb, client):
    body = '{"ids": ["ALAS2", "A\\u0000B", "\\udc00x"]}'
    response = client.post("/api/v1/genes/batch", body, content_type="application/json")
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert [r["found"] for r in answer["results"]] == [True, False, False]


def test_control_characters_in_a_filter_find_nothing(kb, client):
    assert get_json(client, "/api/v1/genes?chromosome=%00")["items"] == []
    assert get_json(client, "/api/v1/conditions?gene=AL%07AS2")["items"] == []
    assert get_json(client, "/api/v1/lookup?id=A%00B")["matches"] == []
