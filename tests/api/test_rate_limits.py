"""One budget per client for every data path, counted per client behind a proxy (issue 17, findings 2 and 7)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from ghr.conf import Config
from tests.api.test_http import _address

DATA_PATHS = [
    "/api/v1/genes",
    "/api/v1/search?q=heme",
    "/api/v1/suggest?q=hem",
    "/search.json?q=heme",
    "/search?q=heme",
    "/gene/ALAS2.json",
    "/condition/erythropoietic-protoporphyria.xml",
    "/gene/ALAS2?report=json",
    "/connect?mainSearchCriteria.v.c=ALAS2&mainSearchCriteria.v.cs=2.16.840.1.113883.6.281",
]


def _limited(count_per_window: str) -> Config:
    return Config({**settings.GHR.values, "GHR_API_RATE_LIMIT": count_per_window})


@pytest.mark.parametrize("path", DATA_PATHS)
def test_every_data_path_is_rate_limited(kb, client, path):
    address = _address()
    with override_settings(GHR=_limited("2/60")):
        statuses = [client.get(path, REMOTE_ADDR=address).status_code for _ in range(3)]
    assert statuses[:2] != [429, 429] and statuses[2] == 429, statuses


def test_the_paths_share_one_budget(kb, client):
    address = _address()
    with override_settings(GHR=_limited("3/60")):
        statuses = [client.get(path, REMOTE_ADDR=address).status_code for path in DATA_PATHS[:4]]
    assert statuses[3] == 429


def test_pages_are_not_counted(kb, client):
    address = _address()
    with override_settings(GHR=_limited("1/60")):
        statuses = [client.get("/gene/ALAS2", REMOTE_ADDR=address).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


def test_behind_the_proxy_each_client_has_its_own_budget(kb, client):
    one = _address()
    with override_settings(GHR=_limited("2/60")):
        first = [client.get("/api/v1/release", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=one).status_code
                 for _ in range(3)]  # fmt: skip
        other = client.get("/api/v1/release", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=_address())
    assert first == [200, 200, 429] and other.status_code == 200
