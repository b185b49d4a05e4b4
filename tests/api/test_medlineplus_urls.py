"""MedlinePlus Genetics addresses work on ghr with only the host changed: they redirect to ghr's own pages."""

from __future__ import annotations

import json

import pytest

from ghr.build.conditions import slugify
from ghr.build.nlm_slugs import assign_nlm_slugs
from ghr.kb.models import Condition, SourceRelease
from tests.build.test_nlm_slugs import NLM_ADDRESSES


@pytest.fixture
def named_conditions(kb):
    """Conditions named as on MedlinePlus Genetics, with ghr's slugs and the NLM addresses the build assigns."""
    source = SourceRelease.objects.get(key="gard")
    made = [Condition(slug=slugify(name), name=name, name_source=source, mondo_id="") for name, _ in NLM_ADDRESSES]
    assigned = assign_nlm_slugs(made)
    for condition in made:
        condition.nlm_slug = assigned.get(condition.slug, "")
    Condition.objects.bulk_create(made)
    return {address: slugify(name) for name, address in NLM_ADDRESSES}


def _location(client, url: str, status: int = 301) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response["Location"]


def test_condition_addresses_from_nlm_redirect_to_the_page(named_conditions, client):
    assert named_conditions["22q112-deletion-syndrome"] == "22q11-2-deletion-syndrome"
    for address, slug in named_conditions.items():
        assert _location(client, f"/genetics/condition/{address}/") == f"/condition/{slug}"
        assert _location(client, f"/genetics/condition/{address}") == f"/condition/{slug}"
        # NLM's slug is an alias of ghr's on ghr's own addresses too.
        if address != slug:
            assert _location(client, f"/condition/{address}") == f"/condition/{slug}"
        page = client.get(f"/condition/{slug}")
        assert page.status_code == 200


def test_per_page_downloads_accept_nlm_and_ghr_slugs(named_conditions, client):
    by_nlm = client.get("/download/genetics/condition/22q112-deletion-syndrome.json")
    by_ghr = client.get("/download/genetics/condition/22q11-2-deletion-syndrome.json")
    assert by_nlm.status_code == by_ghr.status_code == 200
    assert by_nlm.content == by_ghr.content
    document = json.loads(by_nlm.content)
    assert document["name"] == "22q11.2 deletion syndrome"
    assert document["ghr_page"].endswith("/genetics/condition/22q112-deletion-syndrome")


def test_gene_and_chromosome_addresses(kb, client):
    assert _location(client, "/genetics/gene/alas2/") == "/gene/ALAS2"
    assert _location(client, "/genetics/gene/ALAS2") == "/gene/ALAS2"
    assert _location(client, "/genetics/chromosome/x/") == "/chromosome/X"
    assert _location(client, "/genetics/chromosome/21") == "/chromosome/21"
    assert _location(client, "/genetics/chromosome/mitochondrial-dna/") == "/chromosome/MT"
    assert _location(client, "/genetics/") == "/"
    assert _location(client, "/genetics/condition/") == "/condition/"
    for unknown in ("/genetics/gene/notagene/", "/genetics/condition/no-such-thing", "/genetics/chromosome/99"):
        assert client.get(unknown).status_code == 404


def test_document_links_are_medlineplus_addresses_that_lead_to_the_pages(kb, client):
    gene = json.loads(client.get("/download/genetics/gene/alas2.json").content)
    assert gene["ghr-page"].endswith("/genetics/gene/alas2")
    linked = [c["related-health-condition"]["ghr-page"] for c in gene["related-health-condition-list"]]
    assert linked[-1].endswith("/genetics/condition/x-linked-sideroblastic-anemia")
    for url in [gene["ghr-page"], *linked]:
        path = url.split("://", 1)[1].split("/", 1)[1]
        assert client.get(f"/{path}", follow=True).status_code == 200
