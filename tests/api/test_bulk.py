"""Bulk files: the summaries XML round-trips into the knowledge base's facts; JSON Lines, indexes and the page."""

from __future__ import annotations

import json

from django.http import StreamingHttpResponse
from lxml import etree, html

from ghr.api import bulk
from ghr.kb.models import Chromosome, Condition, Gene
from tests.api.conftest import assert_valid

XHTML = "http://www.w3.org/1999/xhtml"


def _download(client, name: str) -> bytes:
    response = client.get(f"/download/{name}")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse), "bulk files are streamed, never built whole in memory"
    return b"".join(response.streaming_content)


def _list(element, path: str) -> list[str]:
    return [e.text for e in element.iterfind(path)]


def _check_gene(summary, gene: Gene) -> None:
    assert summary.findtext("name") == gene.name
    synonyms = set(_list(summary, "synonym-list/synonym"))
    assert synonyms == {n.name for n in gene.other_names.all()} - {gene.symbol}
    keys = {(k.findtext("db"), k.findtext("key")) for k in summary.iterfind("db-key-list/db-key")}
    assert ("HGNC", gene.hgnc_id.removeprefix("HGNC:")) in keys
    assert {("OMIM", m) for m in gene.omim_ids} <= keys
    conditions = set(_list(summary, "related-health-condition-list/related-health-condition/name"))
    assert conditions == {link.condition.name for link in gene.condition_links.all()}
    assert summary.findtext("cytogenetic-location") == gene.cytogenetic_location
    location = gene.locations.get()
    assert int(summary.findtext("molecular-location/start")) == location.start
    pmids = {int(k) for k in _list(summary, "reference-list/reference/key")}
    assert pmids == {r.pmid for r in gene.references.all()}


def _check_condition(summary, condition: Condition) -> None:
    assert summary.findtext("ghr_page").endswith(f"/condition/{condition.slug}")
    codes = _list(summary, "inheritance-pattern-list/inheritance-pattern/code")
    assert sorted(codes) == sorted({i.code for i in condition.inheritance.all()})
    genes = set(_list(summary, "related-gene-list/related-gene/gene-symbol"))
    assert genes == {link.gene.symbol for link in condition.gene_links.all()}
    xrefs = {(k.findtext("db"), k.findtext("key")) for k in summary.iterfind("db-key-list/db-key")}
    assert xrefs == {(x.db, x.key) for x in condition.xrefs.all()}


def test_summaries_round_trip_into_the_same_facts(kb, client, texts):
    root = etree.fromstring(_download(client, "ghr-summaries.xml"))
    assert root.tag == "summaries"
    assert root.get("release") == "20261123T120000Z"
    genes = {s.findtext("gene-symbol"): s for s in root.iterfind("gene-summary")}
    assert set(genes) == set(Gene.objects.values_list("symbol", flat=True))
    for gene in Gene.objects.all():
        _check_gene(genes[gene.symbol], gene)
    conditions = {s.findtext("name"): s for s in root.iterfind("health-condition-summary")}
    assert set(conditions) == set(Condition.objects.values_list("name", flat=True))
    for condition in Condition.objects.all():
        _check_condition(conditions[condition.name], condition)
    chromosomes = [s.findtext("name") for s in root.iterfind("chromosome-summary")]
    assert len(chromosomes) == Chromosome.objects.exclude(name="MT").count()
    assert [s.findtext("name") for s in root.iterfind("mtdna-summary")] == ["mitochondrial DNA"]


def test_summaries_text_is_namespaced_xhtml(kb, client, texts):
    root = etree.fromstring(_download(client, "ghr-summaries.xml"))
    assert root.nsmap.get("html") == XHTML
    alas2 = next(s for s in root.iterfind("gene-summary") if s.findtext("gene-symbol") == "ALAS2")
    paragraphs = alas2.findall(f"text-list/text/html/{{{XHTML}}}p")
    assert paragraphs and "tells developing red blood cells" in "".join(paragraphs[0].itertext())
    for html_element in root.iterfind(".//text/html"):
        assert all(etree.QName(child).namespace == XHTML for child in html_element)


def test_write_bulk_xml_writes_the_same_bytes(kb, client, tmp_path):
    target = tmp_path / "out" / "ghr-summaries.xml"
    size = bulk.write_bulk_xml(target)
    assert size == target.stat().st_size
    assert target.read_bytes() == _download(client, "ghr-summaries.xml")
    assert not (tmp_path / "out" / "ghr-summaries.xml.partial").exists()


def test_bulk_xml_is_produced_in_blocks():
    pieces = [b"x" * 10] * 25
    joined = list(bulk.blocks(pieces, size=100))
    assert [len(b) for b in joined] == [100, 100, 50]


def test_topic_index_lists_every_page_with_other_names(kb, client, texts):
    root = etree.fromstring(_download(client, "TopicIndex.xml"))
    topics = {(t.get("kind"), t.get("slug")): t for t in root.iterfind("topic")}
    assert ("gene", "ALAS2") in topics and ("condition", "erythropoietic-protoporphyria") in topics
    assert ("chromosome", "X") in topics and ("glossary", "heme") in topics
    alas2 = topics[("gene", "ALAS2")]
    assert alas2.findtext("url").endswith("/gene/ALAS2")
    assert "ASB" in _list(alas2, "other-names/name")
    assert len(topics) == Gene.objects.count() + Condition.objects.count() + Chromosome.objects.count() + 1


def test_jsonl_records_match_the_published_schema(kb, client, texts):
    genes = [json.loads(line) for line in _download(client, "genes.jsonl").splitlines()]
    assert [g["symbol"] for g in genes] == sorted(Gene.objects.values_list("symbol", flat=True))
    for record in genes:
        assert_valid(record, "Gene")
    conditions = [json.loads(line) for line in _download(client, "conditions.jsonl").splitlines()]
    assert len(conditions) == Condition.objects.count()
    for record in conditions:
        assert_valid(record, "Condition")


def test_page_index_has_kind_slug_title_and_url(kb, client):
    index = json.loads(_download(client, "index.json"))
    assert index["release"] == "20261123T120000Z"
    entries = {(p["kind"], p["slug"]): p for p in index["pages"]}
    xlsa = entries[("condition", "x-linked-sideroblastic-anemia")]
    assert xlsa["title"] == "X-linked sideroblastic anemia"
    assert xlsa["url"].endswith("/condition/x-linked-sideroblastic-anemia")
    assert entries[("gene", "A1BG")]["title"] == "A1BG gene"


def test_download_page_lists_files_with_records_and_release(kb, client):
    _download(client, "genes.jsonl")  # once served in full, its size is known
    response = client.get("/download/")
    assert response.status_code == 200
    page = html.fromstring(response.content)
    rows = {row.get("data-file"): row for row in page.xpath("//table[@class='downloads']/tbody/tr")}
    assert set(rows) == {"ghr-summaries.xml", "TopicIndex.xml", "index.json", "genes.jsonl", "conditions.jsonl"}
    assert rows["genes.jsonl"].xpath("td[@class='records']")[0].text_content().strip() == str(Gene.objects.count())
    assert rows["genes.jsonl"].xpath("td[@class='size']")[0].text_content().strip().endswith("kB")
    assert page.xpath("//*[@class='kb-release']")[0].text_content() == "20261123T120000Z"
    sources = [td.text_content() for td in page.xpath("//table[@class='sources']/tbody/tr/td[1]")]
    assert "Mondo Disease Ontology" in sources
