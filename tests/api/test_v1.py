"""/api/v1 records: look-up by every identifier, lists with filters and paging, batches, all against the schema."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import assert_valid, get_json


@pytest.mark.parametrize(
    "ident", ["ALAS2", "alas2", "HGNC:397", "hgnc:397", "212", "NCBIGene:212", "ENSG00000158578",
              "ENSG00000158578.23", "OMIM:301300", "UniProt:P22557", "P22557"],
)  # fmt: skip
def test_gene_by_any_identifier(kb, client, ident):
    gene = get_json(client, f"/api/v1/genes/{ident}")
    assert gene["symbol"] == "ALAS2"
    assert_valid(gene, "Gene")


def test_every_gene_fact_names_its_release(kb, client, texts):
    gene = get_json(client, "/api/v1/genes/ALAS2")
    sources = gene["sources"]
    assert gene["location"]["source"] == "mane"
    assert sources["mane"]["version"] == "v1.5"
    assert gene["identifiers"]["source"] == "gnuhealth_genes"
    cited = [gene["location"]["source"], gene["identifiers"]["source"], gene["core_source"]]
    for part in ("other_names", "conditions", "function_terms", "references", "texts"):
        cited += [item["source"] for item in gene[part]]
    assert set(cited) == set(sources)
    assert gene["texts"][0]["source"] == "editorial"
    assert gene["texts"][0]["references"] == [30401706]


@pytest.mark.parametrize(
    "ident", ["x-linked-sideroblastic-anemia", "X-Linked-Sideroblastic-Anemia", "MONDO:0020721", "OMIM:300751",
              "Orphanet:75563", "ORPHA:75563", "GARD:9456", "GARD:0009456", "UMLS:C0221018", "ICD-10:D64.0",
              "SNOMEDCT:62677000", "MeSH:C536761"],
)  # fmt: skip
def test_condition_by_any_identifier(kb, client, ident):
    condition = get_json(client, f"/api/v1/conditions/{ident}")
    assert condition["slug"] == "x-linked-sideroblastic-anemia"
    assert_valid(condition, "Condition")


def test_look_alike_conditions_stay_apart(kb, client):
    epp = get_json(client, "/api/v1/conditions/OMIM:177000")
    xlepp = get_json(client, "/api/v1/conditions/OMIM:300752")
    assert epp["slug"] == "erythropoietic-protoporphyria"
    assert xlepp["slug"] == "x-linked-erythropoietic-protoporphyria"
    assert [g["symbol"] for g in epp["genes"]] == ["FECH"]
    assert [i["code"] for i in xlepp["inheritance"]] == ["xd"]


def test_unknown_identifiers_give_json_404(kb, client):
    error = get_json(client, "/api/v1/genes/NOPE1", status=404)
    assert error["error"]["code"] == "not_found"
    assert_valid(error, "Error")
    assert get_json(client, "/api/v1/conditions/OMIM:999999", status=404)["error"]["code"] == "not_found"
    assert get_json(client, "/api/v1/chromosomes/23", status=404)["error"]["code"] == "not_found"


def test_gene_list_filters_and_pages(kb, client):
    everything = get_json(client, "/api/v1/genes")
    assert_valid(everything, "GenePage")
    assert [g["symbol"] for g in everything["items"]] == ["A1BG", "ALAS2", "FECH", "HMBS"]
    assert [g["symbol"] for g in get_json(client, "/api/v1/genes?chromosome=x")["items"]] == ["ALAS2"]
    assert [g["symbol"] for g in get_json(client, "/api/v1/genes?band=18q21")["items"]] == ["FECH"]
    assert [g["symbol"] for g in get_json(client, "/api/v1/genes?inheritance=ad")["items"]] == ["HMBS"]
    unlinked = get_json(client, "/api/v1/genes?has_condition=false")
    assert [g["symbol"] for g in unlinked["items"]] == ["A1BG"]
    first = get_json(client, "/api/v1/genes?per_page=3")
    assert first["total"] == 4 and first["pages"] == 2 and len(first["items"]) == 3
    second = get_json(client, first["next"])
    assert [g["symbol"] for g in second["items"]] == ["HMBS"] and second["next"] is None
    assert second["previous"] is not None


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=abc",
        "per_page=501",
        "inheritance=zz",
        "has_condition=maybe",
        "has_condition=1",
        "band=" + "x" * 41,
    ],
)
def test_bad_list_parameters_give_400(kb, client, query):
    error = get_json(client, f"/api/v1/genes?{query}", status=400)
    assert error["error"]["code"] == "bad_parameter"


def test_condition_list_filters(kb, client):
    page = get_json(client, "/api/v1/conditions?inheritance=xr")
    assert_valid(page, "ConditionPage")
    assert [c["slug"] for c in page["items"]] == ["x-linked-sideroblastic-anemia"]
    by_gene = get_json(client, "/api/v1/conditions?gene=alas2")
    assert {c["slug"] for c in by_gene["items"]} == {
        "x-linked-sideroblastic-anemia",
        "x-linked-erythropoietic-protoporphyria",
    }


def test_chromosomes(kb, client):
    listing = get_json(client, "/api/v1/chromosomes")
    assert_valid(listing, "ChromosomeList")
    assert [c["name"] for c in listing["items"]][-3:] == ["X", "Y", "MT"]
    x = get_json(client, "/api/v1/chromosomes/x")
    assert_valid(x, "Chromosome")
    assert x["length_bp"] == 156040895 and x["gene_count"] == 1
    band = next(b for b in x["bands"] if b["name"] == "p11.21")
    assert (band["start"], band["end"], band["stain"]) == (54800000, 58100000, "gneg")


def test_glossary_terms(kb, client, texts):
    listing = get_json(client, "/api/v1/glossary")
    assert_valid(listing, "GlossaryPage")
    assert [t["slug"] for t in listing["items"]] == ["heme"]
    term = get_json(client, "/api/v1/glossary/heme")
    assert_valid(term, "GlossaryTerm")
    assert term["synonyms"] == ["haem"] and "iron-holding" in term["html"]
    assert get_json(client, "/api/v1/glossary/nothing", status=404)["error"]["code"] == "not_found"


def test_lookup_finds_genes_and_conditions(kb, client):
    found = get_json(client, "/api/v1/lookup?id=OMIM:300751")
    assert_valid(found, "Lookup")
    assert [(m["kind"], m["slug"]) for m in found["matches"]] == [("condition", "x-linked-sideroblastic-anemia")]
    alias = get_json(client, "/api/v1/lookup?id=ASB")
    assert [(m["symbol"], m["matched_by"]) for m in alias["matches"]] == [("ALAS2", "previous_symbol")]
    assert get_json(client, "/api/v1/lookup?id=nothing-at-all")["matches"] == []
    assert get_json(client, "/api/v1/lookup", status=400)["error"]["code"] == "missing_parameter"


def _post(client, url: str, body) -> tuple[int, dict]:
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def test_gene_batch_reports_each_identifier(kb, client):
    ids = ["alas2", "HGNC:3647", "3145", "ENSG00000121410", "NOPE", "OMIM:301300", "alas2"]
    status, answer = _post(client, "/api/v1/genes/batch", {"ids": ids})
    assert status == 200
    assert_valid(answer, "GeneBatch")
    assert [r["id"] for r in answer["results"]] == ids
    symbols = [[g["symbol"] for g in r["records"]] for r in answer["results"]]
    assert symbols == [["ALAS2"], ["FECH"], ["HMBS"], ["A1BG"], [], ["ALAS2"], ["ALAS2"]]
    assert answer["missing"] == ["NOPE"] and answer["found"] == 6


def test_condition_batch(kb, client):
    status, answer = _post(client, "/api/v1/conditions/batch", ["MONDO:0008226", "acute-intermittent-porphyria", "x"])
    assert status == 200
    assert_valid(answer, "ConditionBatch")
    assert [[c["slug"] for c in r["records"]] for r in answer["results"]] == [
        ["erythropoietic-protoporphyria"], ["acute-intermittent-porphyria"], []
    ]  # fmt: skip


def test_batch_limits_and_bad_bodies(kb, client):
    status, error = _post(client, "/api/v1/genes/batch", {"ids": ["ALAS2"] * 1001})
    assert status == 400 and error["error"]["code"] == "too_many_identifiers"
    status, _ = _post(client, "/api/v1/genes/batch", {"ids": ["ALAS2"] * 1000})
    assert status == 200
    for body in ({"ids": []}, {"ids": [1, 2]}, {"wrong": 1}, "text"):
        status, error = _post(client, "/api/v1/genes/batch", body)
        assert status == 400, body
        assert_valid(error, "Error")
    response = client.post("/api/v1/genes/batch", b"{not json", content_type="application/json")
    assert response.status_code == 400 and json.loads(response.content)["error"]["code"] == "bad_json"


def test_release_names_every_source(kb, client):
    release = get_json(client, "/api/v1/release")
    assert_valid(release, "ReleaseInfo")
    assert release["build_id"] == "20261123T120000Z"
    assert {"hpo", "mane", "mondo"} <= {s["key"] for s in release["sources"]}
