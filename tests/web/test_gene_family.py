"""Gene family pages: /gene-family/<slug> for every HGNC group of two genes or more, with the sentence the build
stored, the members and their conditions; linked from members' gene pages; in the A-Z list, the sitemap, search
and the API (/api/v1/gene-families, /gene-family/<slug>.json)."""

import json

import pytest

from ghr.build.gene_groups import group_sentence, group_slugs
from ghr.kb import models
from ghr.search.indexer import build_index
from tests.web.conftest import parse, section, text_of

# The fixture's heme genes put together in a group of this test's own (HGNC has no such group), and A1BG's real
# one-gene membership in the fixture: group 594, which gets no page.
FAMILY = (99001, "Heme pathway test enzymes", ("ALAS2", "FECH", "HMBS"))
SINGLE = (594, "Immunoglobulin like domain containing", ("A1BG",))


@pytest.fixture
def families(kb):
    source = models.SourceRelease.objects.get(key="gnuhealth_genes")
    slugs = group_slugs({FAMILY[0]: FAMILY[1], SINGLE[0]: SINGLE[1]})
    for group_id, name, symbols in (FAMILY, SINGLE):
        group = models.GeneGroup.objects.create(
            hgnc_group_id=group_id, name=name, slug=slugs[group_id] if len(symbols) > 1 else None,
            description=group_sentence(name, len(symbols)), gene_count=len(symbols), source=source,
        )  # fmt: skip
        for symbol in symbols:
            models.GeneGroupMember.objects.create(group=group, gene=models.Gene.objects.get(symbol=symbol))
    build_index("kb")  # as the build does once the rows are written
    return slugs[FAMILY[0]]


def test_family_page_shows_the_sentence_members_and_their_conditions(client, families):
    response = client.get(f"/gene-family/{families}")
    assert response.status_code == 200
    doc = parse(response)
    assert text_of(doc.xpath("//h1")[0]) == "Heme pathway test enzymes gene family"
    about = text_of(section(doc, "about-heading"))
    assert "puts these 3 genes in one group because they have something in common" in about
    assert "Group 99001 of the HUGO Gene Nomenclature Committee" in about
    members = section(doc, "members-heading")
    assert [text_of(a) for a in members.xpath(".//ul[@class='family-members']/li/a")] == ["ALAS2", "FECH", "HMBS"]
    alas2 = members.xpath(".//ul[@class='family-members']/li")[0]
    assert alas2.xpath(".//ul[contains(@class,'member-conditions')]//a/@href") == [
        "/condition/x-linked-erythropoietic-protoporphyria", "/condition/x-linked-sideroblastic-anemia"]  # fmt: skip


def test_family_by_hgnc_number_redirects_and_one_gene_groups_have_no_page(client, families):
    response = client.get("/gene-family/99001")
    assert response.status_code == 301 and response["Location"] == f"/gene-family/{families}"
    assert client.get("/gene-family/594").status_code == 404
    assert client.get("/gene-family/immunoglobulin-like-domain-containing").status_code == 404
    assert client.get("/gene-family/no-such-family").status_code == 404


def test_member_gene_pages_link_to_the_family(client, families):
    doc = parse(client.get("/gene/FECH"))
    links = section(doc, "function-heading").xpath(".//ul[contains(@class,'gene-families')]//a")
    assert [(text_of(a), a.get("href")) for a in links] == [("Heme pathway test enzymes", f"/gene-family/{families}")]
    a1bg = parse(client.get("/gene/A1BG"))  # its only group has one gene: no page to link to
    assert not a1bg.xpath("//*[contains(@class,'gene-families')]")


def test_family_list_and_sitemap(client, families):
    doc = parse(client.get("/gene-family/?letter=H"))
    assert doc.xpath("//ul[contains(@class,'browse-list')]//a/@href") == [f"/gene-family/{families}"]
    assert not parse(client.get("/gene-family/?letter=I")).xpath("//ul[contains(@class,'browse-list')]//a")
    sitemap = client.get("/sitemap-gene-families.xml").content.decode()
    assert f"/gene-family/{families}</loc>" in sitemap and "immunoglobulin" not in sitemap


def test_search_finds_the_family_by_name(client, families):
    found = json.loads(client.get("/api/v1/search", {"q": "heme pathway test enzymes"}).content)
    hits = [(item["kind"], item["url"]) for item in found["results"]]
    assert ("gene-family", f"/gene-family/{families}") in hits


def test_api_list_detail_and_json_twin(client, families):
    listed = json.loads(client.get("/api/v1/gene-families").content)
    assert [(item["hgnc_group_id"], item["gene_count"]) for item in listed["items"]] == [(99001, 3)]
    record = json.loads(client.get("/api/v1/gene-families/99001").content)
    assert record["slug"] == families and record["description"].startswith("The HUGO Gene Nomenclature Committee")
    assert [gene["symbol"] for gene in record["genes"]] == ["ALAS2", "FECH", "HMBS"]
    hmbs = record["genes"][2]
    assert [(c["slug"], c["link"]) for c in hmbs["conditions"]] == [("acute-intermittent-porphyria", "causes")]
    assert record["sources"][record["source"]]["name"]
    twin = client.get(f"/gene-family/{families}.json")
    assert twin["Content-Type"].startswith("application/json") and json.loads(twin.content) == record
    assert client.get("/api/v1/gene-families/594").status_code == 404
    gene = json.loads(client.get("/api/v1/genes/HMBS").content)
    assert [(f["hgnc_group_id"], f["api_url"]) for f in gene["families"]] == [
        (99001, f"/api/v1/gene-families/{families}")
    ]
    a1bg = json.loads(client.get("/api/v1/genes/A1BG").content)
    assert a1bg["families"] == []  # its only group has one gene: not a family with a page


def test_big_families_are_read_a_page_at_a_time(client, families, monkeypatch):
    from ghr.web.pages import gene_family

    monkeypatch.setattr(gene_family, "MEMBERS_PER_PAGE", 2)
    first = section(parse(client.get(f"/gene-family/{families}")), "members-heading")
    assert [text_of(a) for a in first.xpath(".//ul[@class='family-members']/li/a")] == ["ALAS2", "FECH"]
    assert "3 of these 3 genes are linked" in text_of(first) and "Genes 1 to 2 are listed here" in text_of(first)
    assert first.xpath(".//a[@rel='next']/@href") == [f"/gene-family/{families}?page=2"]
    second = section(parse(client.get(f"/gene-family/{families}?page=2")), "members-heading")
    assert [text_of(a) for a in second.xpath(".//ul[@class='family-members']/li/a")] == ["HMBS"]
    assert client.get(f"/gene-family/{families}?page=3").status_code == 404
    assert client.get(f"/gene-family/{families}?page=x").status_code == 404


def test_family_pages_pass_the_content_security_policy(client, families):
    from tests.web.test_security_headers import _inline_code

    for path in (f"/gene-family/{families}", "/gene-family/"):
        response = client.get(path)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert _inline_code(response.content) == [], path


def test_a_family_comes_after_what_the_query_names_exactly():
    from ghr.search import ranking

    # "fibrillin": FBN1's protein name starts with it (prefix, tier 5), the family Fibrillins matches it exactly.
    tier, closeness = ranking.family_rank(ranking.PREFERRED_NAME, (1, 0))
    assert ranking.PREFIX < tier < ranking.CORRECTED and closeness == (0, ranking.FIELD_WEIGHT["name"])
    assert ranking.family_rank(ranking.CORRECTED, (2, 0, 1)) == (ranking.CORRECTED, (2, 0, 1))
