"""The infobutton (/connect): health-record codes to pages, as an Atom feed or its JSON form."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from ghr.api.infobutton import icd10_candidates

ATOM = "{http://www.w3.org/2005/Atom}"
ICD10CM = "2.16.840.1.113883.6.90"
SNOMED = "2.16.840.1.113883.6.96"
OMIM = "2.16.840.1.113883.6.174"
HGNC = "2.16.840.1.113883.6.281"
UMLS = "2.16.840.1.113883.6.86"


def _feed(client, system: str, code: str, **extra):
    params = {"mainSearchCriteria.v.cs": system, "mainSearchCriteria.v.c": code, **extra}
    response = client.get("/connect", params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/xml")
    return etree.fromstring(response.content)


def _titles(feed) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in feed.iterfind(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("system", "code"),
    [(ICD10CM, "D64.0"), (SNOMED, "62677000"), (OMIM, "300751"), (UMLS, "C0221018"), ("ORPHANET", "75563"),
     ("MONDO", "0020721")],
)  # fmt: skip
def test_condition_codes_find_the_condition_page(kb, client, system, code):
    feed = _feed(client, system, code)
    assert feed.tag == f"{ATOM}feed"
    assert _titles(feed) == ["X-linked sideroblastic anemia"]
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href").endswith("/condition/x-linked-sideroblastic-anemia")
    assert entry.findtext(f"{ATOM}summary").startswith("X-linked sideroblastic anemia is a condition. It mainly")
    assert entry.findtext(f"{ATOM}updated").startswith("2026-11-23")
    assert feed.findtext(f"{ATOM}subtitle").startswith("ghr results for ")


def test_hgnc_code_finds_the_gene_page(kb, client):
    for code in ("397", "HGNC:397"):
        feed = _feed(client, HGNC, code)
        assert _titles(feed) == ["ALAS2 gene (5'-aminolevulinate synthase 2)"]
        link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
        assert link.endswith("/gene/ALAS2")


def test_icd10_falls_back_to_parent_codes(kb, client):
    assert icd10_candidates("E80.20") == ["E80.20", "E80.2", "E80"]
    assert icd10_candidates("e8020") == ["E80.20", "E80.2", "E80"]
    assert _titles(_feed(client, ICD10CM, "E80.20")) == ["Acute intermittent porphyria"]


@pytest.mark.parametrize(
    ("system", "code", "words"),
    [("1.2.3.4.5", "D64.0", "Unknown code system"), (ICD10CM, "Z99.9", "No ghr page matches"),
     (SNOMED, "1", "No ghr page matches")],
)  # fmt: skip
def test_no_match_is_an_empty_feed_with_a_reason(kb, client, system, code, words):
    feed = _feed(client, system, code)
    assert _titles(feed) == []
    assert words in feed.findtext(f"{ATOM}subtitle")


def test_other_languages_get_an_empty_feed_with_a_reason(kb, client):
    feed = _feed(client, ICD10CM, "D64.0", **{"informationRecipient.languageCode.c": "es"})
    assert _titles(feed) == [] and "English" in feed.findtext(f"{ATOM}subtitle")


def test_json_form_has_the_medlineplus_connect_shape(kb, client):
    params = {"mainSearchCriteria.v.cs": SNOMED, "mainSearchCriteria.v.c": "62677000",
              "knowledgeResponseType": "application/json"}  # fmt: skip
    response = client.get("/connect", params)
    assert response["Content-Type"] == "application/json"
    feed = json.loads(response.content)["feed"]
    entry = feed["entry"][0]
    assert entry["title"]["_value"] == "X-linked sideroblastic anemia"
    assert entry["link"][0]["href"].endswith("/condition/x-linked-sideroblastic-anemia")
    assert entry["summary"]["_value"] and entry["updated"]["_value"]
    empty = json.loads(client.get("/connect", {**params, "mainSearchCriteria.v.c": "0"}).content)["feed"]
    assert empty["entry"] == [] and "No ghr page matches" in empty["reason"]


def test_javascript_form_needs_a_safe_callback(kb, client):
    params = {"mainSearchCriteria.v.cs": OMIM, "mainSearchCriteria.v.c": "176000",
              "knowledgeResponseType": "application/javascript", "callback": "showInfo"}  # fmt: skip
    response = client.get("/connect", params)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith("/**/showInfo(") and "Acute intermittent porphyria" in body
    assert client.get("/connect", {**params, "callback": "alert(1)"}).status_code == 400


@pytest.mark.parametrize(
    "params",
    [{}, {"mainSearchCriteria.v.cs": ICD10CM}, {"mainSearchCriteria.v.c": "D64.0"},
     {"mainSearchCriteria.v.cs": ICD10CM, "mainSearchCriteria.v.c": "D64.0", "knowledgeResponseType": "text/html"},
     {"mainSearchCriteria.v.cs": ICD10CM, "mainSearchCriteria.v.c": "D" * 101}],
)  # fmt: skip
def test_malformed_requests_get_a_clear_400(kb, client, params):
    response = client.get("/connect", params)
    assert response.status_code == 400
    error = etree.fromstring(response.content)
    assert error.findtext("code") == "bad_request" and error.findtext("message")


XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def test_atom_feed_echoes_the_search_and_labels_languages_and_links(kb, client):
    """What an EHR's infobutton manager reads from a MedlinePlus Connect feed, with only the host changed."""
    feed = _feed(client, ICD10CM, "D64.0", **{"mainSearchCriteria.v.dn": "Sideroblastic anemia",
                                              "informationRecipient": "PROV"})  # fmt: skip
    assert feed.get(f"{XML_NS}lang") == "en" and feed.get(f"{XML_NS}base").endswith("/")
    assert feed.findtext(f"{ATOM}subtitle") == "ghr results for ICD-10-CM D64.0 (Sideroblastic anemia)"
    categories = {c.get("scheme"): c.get("term") for c in feed.iterfind(f"{ATOM}category")}
    assert categories == {
        "mainSearchCriteria.v.c": "D64.0",
        "mainSearchCriteria.v.cs": ICD10CM,
        "mainSearchCriteria.v.dn": "Sideroblastic anemia",
        "informationRecipient": "PROV",
    }
    entry = feed.find(f"{ATOM}entry")
    assert entry.get(f"{XML_NS}lang") == "en"
    link = entry.find(f"{ATOM}link")
    assert link.get("title") == "X-linked sideroblastic anemia" and link.get("rel") == "alternate"


def test_json_feed_has_every_part_of_the_connect_response(kb, client):
    params = {"mainSearchCriteria.v.cs": ICD10CM, "mainSearchCriteria.v.c": "D64.0",
              "knowledgeResponseType": "application/json"}  # fmt: skip
    feed = json.loads(client.get("/connect", params).content)["feed"]
    assert feed["lang"] == "en" and feed["base"].endswith("/") and feed["xsi"].endswith("XMLSchema-instance")
    assert feed["subtitle"]["_value"] == "ghr results for ICD-10-CM D64.0"
    assert feed["category"] == [
        {"scheme": "mainSearchCriteria.v.c", "term": "D64.0"},
        {"scheme": "mainSearchCriteria.v.cs", "term": ICD10CM},
        {"scheme": "mainSearchCriteria.v.dn", "term": ""},
        {"scheme": "informationRecipient", "term": "PAT"},
    ]
    entry = feed["entry"][0]
    assert entry["lang"] == "en"
    assert entry["link"][0]["title"] == entry["title"]["_value"] == "X-linked sideroblastic anemia"
