"""The API on the full build of the pinned data (`make test` runs these with GHR_TEST_KB set)."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from ghr.build.status import full_build_available
from tests.api.conftest import assert_valid, get_json

pytestmark = pytest.mark.full
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _full_build():
    if not full_build_available():
        pytest.skip("no full build: `make test` builds one from the pinned data and runs these with GHR_TEST_KB")


def test_alas2_in_both_api_generations(client):
    old = json.loads(client.get("/gene/ALAS2.json").content)
    assert old["gene-symbol"] == "ALAS2" and old["cytogenetic-location"] == "Xp11.21"
    names = {c["related-health-condition"]["name"].lower() for c in old["related-health-condition-list"]}
    assert any("sideroblastic anemia" in name for name in names)
    record = get_json(client, "/api/v1/genes/HGNC:397")
    assert_valid(record, "Gene")
    assert record["location"]["start"] == 55009055


def test_infobutton_finds_conditions_by_icd10_and_snomed(client):
    # MONDO's 2025 mappings tie ICD-10-CM E83.110 to hereditary hemochromatosis; they no longer tie D64.0
    # (hereditary sideroblastic anaemia, a broader class) to X-linked sideroblastic anemia, so SNOMED CT stands for it.
    for system, code, words in (("2.16.840.1.113883.6.90", "E83.110", "hemochromatosis"),
                                ("2.16.840.1.113883.6.96", "62677000", "sideroblastic anemia")):  # fmt: skip
        response = client.get("/connect", {"mainSearchCriteria.v.cs": system, "mainSearchCriteria.v.c": code})
        titles = [e.findtext(f"{ATOM}title").lower() for e in etree.fromstring(response.content).iter(f"{ATOM}entry")]
        assert any(words in title for title in titles), (code, titles)


def test_a_batch_of_a_thousand_symbols(client):
    from ghr.kb.models import Gene

    ids = list(Gene.objects.order_by("id").values_list("symbol", flat=True)[:1000])
    response = client.post("/api/v1/genes/batch", json.dumps({"ids": ids}), content_type="application/json")
    answer = json.loads(response.content)
    assert response.status_code == 200 and answer["found"] == 1000 and answer["missing"] == []
