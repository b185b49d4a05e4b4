"""The old services' documents: shapes and quirks clients depend on, parsed with real JSON and XML parsers."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from tests.api.conftest import NS, XHTML, summaries_schema

N = {"g": NS, "html": XHTML}


def _items(document: dict, list_name: str, item_name: str) -> list:
    """Unwrap an old-style list: every item must be an object with exactly one key, the item name."""
    items = document[list_name]
    assert all(list(item) == [item_name] for item in items), items
    return [item[item_name] for item in items]


def test_gene_json_has_the_old_shape(kb, client):
    response = client.get("/gene/ALAS2.json")
    assert response.status_code == 200
    gene = json.loads(response.content)
    assert gene["gene-symbol"] == "ALAS2"
    assert gene["name"] == "5'-aminolevulinate synthase 2"
    assert gene["ghr-page"].endswith("/genetics/gene/alas2")
    assert "ghr_page" not in gene
    texts = _items(gene, "text-list", "text")
    assert [t["text-role"] for t in texts] == ["function"]
    synonyms = _items(gene, "synonym-list", "synonym")
    assert {"ANH1", "ASB", "ALAS-E"} <= set(synonyms)
    keys = {(k["db"], k["key"]) for k in _items(gene, "db-key-list", "db-key")}
    assert {("OMIM", "301300"), ("Entrez Gene", "212"), ("HGNC", "397"), ("Ensembl", "ENSG00000158578")} <= keys
    conditions = _items(gene, "related-health-condition-list", "related-health-condition")
    assert [c["name"] for c in conditions] == [
        "X-linked erythropoietic protoporphyria",
        "X-linked sideroblastic anemia",
    ]
    assert gene["cytogenetic-location"] == "Xp11.21"
    assert gene["molecular-location"]["start"] == 55009055


def test_condition_json_uses_the_underscore_page_key(kb, client):
    condition = json.loads(client.get("/condition/x-linked-sideroblastic-anemia.json").content)
    assert condition["name"] == "X-linked sideroblastic anemia"
    assert condition["ghr_page"].endswith("/condition/x-linked-sideroblastic-anemia")
    assert "ghr-page" not in condition
    patterns = _items(condition, "inheritance-pattern-list", "inheritance-pattern")
    assert patterns == [{"code": "xr", "memo": "X-linked recessive"}]
    genes = _items(condition, "related-gene-list", "related-gene")
    assert [g["gene-symbol"] for g in genes] == ["ALAS2"]
    roles = [t["text-role"] for t in _items(condition, "text-list", "text")]
    assert roles == ["description", "frequency", "causes", "inheritance"]
    keys = {(k["db"], k["key"]) for k in _items(condition, "db-key-list", "db-key")}
    assert ("OMIM", "300751") in keys and ("ICD-10", "D64.0") in keys
    assert "XLSA" in _items(condition, "synonym-list", "synonym")


def test_condition_documents_carry_the_section_texts_the_page_shows(kb, client):
    import lxml.html

    condition = json.loads(client.get("/condition/x-linked-sideroblastic-anemia.json").content)
    texts = {t["text"]["text-role"]: t["text"]["html"] for t in condition["text-list"]}
    assert texts["frequency"] == (
        "<p>This condition is very rare: about 200 affected people or families have been reported worldwide.</p>"
    )
    assert "an X-linked recessive pattern" in texts["inheritance"]
    assert "Changes in the ALAS2 gene cause X-linked sideroblastic anemia." in texts["causes"]
    page = lxml.html.fromstring(client.get("/condition/x-linked-sideroblastic-anemia").content)
    for role, heading in (("frequency", "frequency"), ("causes", "causes"), ("inheritance", "inheritance")):
        shown = page.xpath(f'//section[@aria-labelledby="{heading}-heading"]//div[@class="prose"]')[0]
        assert " ".join(shown.text_content().split()) == lxml.html.fromstring(texts[role]).text_content()


def test_editors_text_replaces_the_generated_one(kb, client, texts):
    gene = json.loads(client.get("/gene/ALAS2.json").content)
    html = gene["text-list"][0]["text"]["html"]
    assert "tells developing red blood cells" in html
    assert gene["published"] is not None


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("/gene/ALAS2.xml", "gene-summary"),
        ("/condition/x-linked-sideroblastic-anemia.xml", "health-condition-summary"),
        ("/chromosome/X.xml", "chromosome-summary"),
        ("/chromosome/MT.xml", "mtdna-summary"),
    ],
)
def test_xml_documents_are_well_formed_with_xhtml_text(kb, client, texts, url, root):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    assert document.tag == f"{{{NS}}}{root}"
    assert document.get("id")
    summaries_schema().assertValid(document)
    htmls = document.xpath("g:text-list/g:text/g:html", namespaces=N)
    assert htmls, "every document has at least one text"
    for html in htmls:
        children = list(html)
        assert children and all(etree.QName(child).namespace == XHTML for child in children)


def test_xml_uses_the_same_names_as_json(kb, client, texts):
    as_json = json.loads(client.get("/condition/x-linked-sideroblastic-anemia.json").content)
    as_xml = etree.fromstring(client.get("/condition/x-linked-sideroblastic-anemia.xml").content)
    # NLM writes ghr_page only at the top of a condition's JSON; its XML says ghr-page, like everything else.
    names = ["ghr-page" if key == "ghr_page" else key for key, value in as_json.items() if value is not None]
    assert [etree.QName(child).localname for child in as_xml] == names
    assert as_xml.xpath("string(g:ghr-page)", namespaces=N) == as_json["ghr_page"]
    assert as_xml.get("id") == "MONDO:0020721"
    codes = as_xml.xpath("g:inheritance-pattern-list/g:inheritance-pattern/g:code/text()", namespaces=N)
    assert codes == ["xr"]
    description = as_xml.find("g:text-list/g:text/g:html", N)
    paragraph = description.find(f"{{{XHTML}}}p")
    assert "iron gathers around their nucleus" in "".join(paragraph.itertext())
    assert paragraph.find(f"{{{XHTML}}}strong").text == "heme"


def test_editor_markup_becomes_namespaced_xhtml(kb, client, texts):
    document = etree.fromstring(client.get("/gene/ALAS2.xml").content)
    html = document.find("g:text-list/g:text/g:html", N)
    tags = {etree.QName(e).localname for e in html.iter() if etree.QName(e).namespace == XHTML}
    assert {"p", "em", "a"} <= tags
    text = "".join(html.itertext())
    assert "glycine and succinyl-CoA & sets the pace" in text


def test_symbol_in_any_case_and_page_report_parameter(kb, client):
    lower = json.loads(client.get("/gene/alas2.json").content)
    report = client.get("/gene/ALAS2?report=json")
    assert report.status_code == 200 and report["Content-Type"] == "application/json"
    assert json.loads(report.content) == lower
    xml = client.get("/condition/x-linked-sideroblastic-anemia?report=xml")
    assert etree.QName(etree.fromstring(xml.content)).localname == "health-condition-summary"


def test_jsonp_with_a_safe_callback(kb, client):
    response = client.get("/gene/FECH?report=json&p=handle_gene")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    body = response.content.decode()
    prefix = "/**/handle_gene("
    assert body.startswith(prefix) and body.endswith(");")
    assert json.loads(body[len(prefix) : -2])["gene-symbol"] == "FECH"
    assert client.get("/gene/FECH.json?p=ns.callback").status_code == 200


@pytest.mark.parametrize("callback", ["alert(1)", "a;b", "<script>", "function", "x" * 100, "a..b"])
def test_unsafe_callbacks_are_refused(kb, client, callback):
    response = client.get("/gene/FECH", {"report": "json", "p": callback})
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "bad_callback"


def test_newer_service_paths_give_the_same_documents(kb, client):
    old = client.get("/gene/HMBS.json").content
    assert client.get("/download/genetics/gene/hmbs.json").content == old
    old_xml = client.get("/condition/acute-intermittent-porphyria.xml").content
    assert client.get("/download/genetics/condition/acute-intermittent-porphyria.xml").content == old_xml


def test_unknown_names_get_a_404_in_the_asked_format(kb, client):
    response = client.get("/gene/NOTAGENE.json")
    assert response.status_code == 404
    assert json.loads(response.content)["error"]["code"] == "not_found"
    response = client.get("/condition/not-a-condition.xml")
    assert response.status_code == 404
    assert etree.fromstring(response.content).findtext("code") == "not_found"
    assert client.get("/gene/NOTAGENE?report=json").status_code == 404
