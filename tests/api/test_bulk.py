"""Bulk files: written once per release, served as files, read the way NLM's clients read NLM's files."""

from __future__ import annotations

import hashlib
import json
from xml.etree import ElementTree

import pytest
import xmltodict
from django.http import FileResponse
from lxml import etree, html

from ghr.api import bulk, bulkstore
from ghr.kb.models import Chromosome, Condition, Gene
from tests.api.conftest import NS, XHTML, assert_valid, summaries_schema

N = {"g": NS, "html": XHTML}


def _download(client, name: str, **headers) -> bytes:
    response = client.get(f"/download/{name}", **headers)
    assert response.status_code == 200, response.status_code
    assert isinstance(response, FileResponse), "bulk files are sent from files, never generated in the request"
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    return body


def _texts(element, path: str) -> list[str]:
    return element.xpath(f"{path}/text()", namespaces=N)


def _check_gene(summary, gene: Gene) -> None:
    assert summary.get("id") == gene.hgnc_id
    assert summary.xpath("string(g:name)", namespaces=N) == gene.name
    assert set(_texts(summary, "g:synonym-list/g:synonym")) == {n.name for n in gene.other_names.all()} - {gene.symbol}
    keys = set(zip(_texts(summary, "g:db-key-list/g:db-key/g:db"), _texts(summary, "g:db-key-list/g:db-key/g:key"),
                   strict=True))  # fmt: skip
    assert ("HGNC", gene.hgnc_id.removeprefix("HGNC:")) in keys
    assert {("OMIM", m) for m in gene.omim_ids} <= keys
    conditions = set(_texts(summary, "g:related-health-condition-list/g:related-health-condition/g:name"))
    assert conditions == {link.condition.name for link in gene.condition_links.all()}
    assert summary.xpath("string(g:cytogenetic-location)", namespaces=N) == gene.cytogenetic_location
    assert int(summary.xpath("string(g:molecular-location/g:start)", namespaces=N)) == gene.locations.get().start
    pmids = {int(k) for k in _texts(summary, "g:reference-list/g:reference/g:key")}
    assert pmids == {r.pmid for r in gene.references.all()}


def _check_condition(summary, condition: Condition) -> None:
    assert summary.get("id") == condition.mondo_id
    assert summary.xpath("string(g:ghr-page)", namespaces=N).endswith(f"/condition/{condition.slug}")
    assert not summary.xpath("g:ghr_page", namespaces=N), "NLM's XML says ghr-page; ghr_page is JSON only"
    codes = _texts(summary, "g:inheritance-pattern-list/g:inheritance-pattern/g:code")
    assert sorted(codes) == sorted({i.code for i in condition.inheritance.all()})
    genes = set(_texts(summary, "g:related-gene-list/g:related-gene/g:gene-symbol"))
    assert genes == {link.gene.symbol for link in condition.gene_links.all()}


def test_summaries_parse_namespace_aware_into_the_same_facts(texts, bulk_files, client):
    root = etree.fromstring(_download(client, "ghr-summaries.xml"))
    assert root.tag == f"{{{NS}}}summaries" and root.nsmap == {None: NS, "html": XHTML}
    genes = {s.xpath("string(g:gene-symbol)", namespaces=N): s for s in root.xpath("g:gene-summary", namespaces=N)}
    assert set(genes) == set(Gene.objects.values_list("symbol", flat=True))
    for gene in Gene.objects.all():
        _check_gene(genes[gene.symbol], gene)
    conditions = {s.xpath("string(g:name)", namespaces=N): s
                  for s in root.xpath("g:health-condition-summary", namespaces=N)}  # fmt: skip
    assert set(conditions) == set(Condition.objects.values_list("name", flat=True))
    for condition in Condition.objects.all():
        _check_condition(conditions[condition.name], condition)
    chromosomes = root.xpath("g:chromosome-summary/g:name/text()", namespaces=N)
    assert len(chromosomes) == Chromosome.objects.exclude(name="MT").count()
    assert root.xpath("g:mtdna-summary/g:name/text()", namespaces=N) == ["mitochondrial DNA"]


def test_summaries_and_every_page_document_validate_against_the_schema(texts, bulk_files, client):
    schema = summaries_schema()
    root = etree.fromstring(_download(client, "ghr-summaries.xml"))
    schema.assertValid(root)
    for symbol in Gene.objects.values_list("symbol", flat=True):
        schema.assertValid(etree.fromstring(client.get(f"/download/genetics/gene/{symbol}.xml").content))
    for slug in Condition.objects.values_list("slug", flat=True):
        schema.assertValid(etree.fromstring(client.get(f"/download/genetics/condition/{slug}.xml").content))
    schema_document = client.get("/download/ghr-summaries-20250602.xsd")
    assert etree.fromstring(b"".join(schema_document.streaming_content)).get("targetNamespace") == NS


def test_summaries_read_like_nlm_files_with_dict_access_and_id_keyed_loops(texts, bulk_files, client):
    """As clients built on xmltodict and ElementTree read NLM's file."""
    data = _download(client, "ghr-summaries.xml")
    summaries = xmltodict.parse(data)["summaries"]
    assert summaries["@xmlns"] == NS
    by_id = {summary["@id"]: summary for summary in summaries["health-condition-summary"]}
    xlsa = by_id["MONDO:0020721"]
    assert xlsa["name"] == "X-linked sideroblastic anemia"
    assert xlsa["ghr-page"].endswith("/condition/x-linked-sideroblastic-anemia")
    assert xlsa["related-gene-list"]["related-gene"]["gene-symbol"] == "ALAS2"
    genes = {summary["@id"]: summary for summary in summaries["gene-summary"]}
    assert genes["HGNC:397"]["gene-symbol"] == "ALAS2"
    paragraphs = genes["HGNC:397"]["text-list"]["text"]["html"]["html:p"]
    assert "tells developing red blood cells" in json.dumps(paragraphs)
    ids = [element.get("id") for element in ElementTree.fromstring(data)]
    assert len(ids) == len(set(ids)) == Gene.objects.count() + Condition.objects.count() + Chromosome.objects.count()


def test_summaries_text_is_namespaced_xhtml(texts, bulk_files, client):
    root = etree.fromstring(_download(client, "ghr-summaries.xml"))
    alas2 = root.xpath("g:gene-summary[g:gene-symbol='ALAS2']", namespaces=N)[0]
    paragraphs = alas2.xpath("g:text-list/g:text/g:html/html:p", namespaces=N)
    assert paragraphs and "tells developing red blood cells" in "".join(paragraphs[0].itertext())
    for html_element in root.xpath("//g:text/g:html", namespaces=N):
        assert all(etree.QName(child).namespace == XHTML for child in html_element)


def test_topic_index_groups_pages_as_nlm_does(texts, bulk_files, client):
    root = ElementTree.fromstring(_download(client, "TopicIndex.xml"))
    assert root.tag == "genetics_home_reference_topic_list"
    groups = {topic.attrib["id"]: topic.find("topics") for topic in root.findall("topic")}
    assert list(groups) == ["Conditions", "Genes", "Chromosomes"]
    conditions = {t.find("title").text: t for t in groups["Conditions"].findall("topic")}
    assert set(conditions) == set(Condition.objects.values_list("name", flat=True))
    xlsa = conditions["X-linked sideroblastic anemia"]
    assert xlsa.find("url").text.endswith("/condition/x-linked-sideroblastic-anemia")
    assert "XLSA" in [name.text for name in xlsa.find("other_names")]
    genes = [t.find("title").text for t in root.find('.//topic[@id="Genes"]').findall(".//topic")]
    assert genes == [f"{symbol} gene" for symbol in Gene.objects.order_by("symbol").values_list("symbol", flat=True)]
    chromosomes = [t.find("title").text for t in groups["Chromosomes"].findall("topic")]
    assert "Chromosome X" in chromosomes and "Mitochondrial DNA" in chromosomes


def test_jsonl_records_match_the_published_schema(texts, bulk_files, client):
    genes = [json.loads(line) for line in _download(client, "genes.jsonl").splitlines()]
    assert [g["symbol"] for g in genes] == sorted(Gene.objects.values_list("symbol", flat=True))
    for record in genes:
        assert_valid(record, "Gene")
    conditions = [json.loads(line) for line in _download(client, "conditions.jsonl").splitlines()]
    assert len(conditions) == Condition.objects.count()
    for record in conditions:
        assert_valid(record, "Condition")


def test_page_index_has_kind_slug_title_and_url(bulk_files, client):
    index = json.loads(_download(client, "index.json"))
    assert index["release"] == "20261123T120000Z"
    entries = {(p["kind"], p["slug"]): p for p in index["pages"]}
    xlsa = entries[("condition", "x-linked-sideroblastic-anemia")]
    assert xlsa["title"] == "X-linked sideroblastic anemia"
    assert xlsa["url"].endswith("/condition/x-linked-sideroblastic-anemia")
    assert entries[("gene", "A1BG")]["title"] == "A1BG gene"


def test_a_download_is_the_written_file_with_length_etag_and_ranges(bulk_files, client):
    entry = bulk_files.entry("ghr-summaries.xml")
    whole = _download(client, "ghr-summaries.xml")
    assert len(whole) == entry["bytes"] and hashlib.sha256(whole).hexdigest() == entry["sha256"]
    response = client.get("/download/ghr-summaries.xml")
    etag = response["ETag"]
    assert response["X-Bulk-Release"] == "20261123T120000Z"
    assert client.get("/download/ghr-summaries.xml", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A cut download resumes where it stopped.
    part = client.get("/download/ghr-summaries.xml", HTTP_RANGE="bytes=1000-")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 1000-{len(whole) - 1}/{len(whole)}"
    assert b"".join(part.streaming_content) == whole[1000:]
    packed = client.get("/download/ghr-summaries.xml", HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip" and int(packed["Content-Length"]) < len(whole) / 3


def test_nothing_written_yet_is_a_503_never_a_partial_file(kb, client):
    response = client.get("/download/ghr-summaries.xml")
    if bulkstore.newest() is None:
        assert response.status_code == 503 and response["Retry-After"] == "60"
    else:  # another test of this process has written an earlier set: that one is served meanwhile
        assert response.status_code == 200 and response["X-Bulk-Release"]


def test_a_failed_write_leaves_the_previous_set_serving(texts, bulk_files, client, monkeypatch, tmp_path):
    from ghr.editorial.transfer import import_folder

    # An editor publishes: a new release, whose files are yet to be written.
    (tmp_path / "haem.md").write_text("---\nkind: glossary\nkey: porphyrin\ntitle: porphyrin\n---\nA ring.\n")
    assert not import_folder(tmp_path, publish_for="operator").errors
    assert bulkstore.for_release() is None

    def broken():
        yield b"<summaries>"
        raise OSError("disk full")

    monkeypatch.setitem(bulkstore.FILES, "ghr-summaries.xml",
                        bulkstore.BulkFile("ghr-summaries.xml", "application/xml", broken))  # fmt: skip
    with pytest.raises(OSError, match="disk full"):
        bulkstore.write_set()
    assert bulkstore.newest().key == bulk_files.key
    assert not [p for p in bulkstore.store_root().iterdir() if p.name.startswith(f".{bulkstore.release_key()}")]
    body = _download(client, "ghr-summaries.xml")
    assert hashlib.sha256(body).hexdigest() == bulk_files.entry("ghr-summaries.xml")["sha256"]


def test_the_set_is_written_once_per_release(bulk_files):
    assert bulkstore.write_set().manifest["written_at"] == bulk_files.manifest["written_at"]
    assert bulkstore.for_release() == bulk_files


def test_bulk_xml_is_produced_in_blocks():
    pieces = [b"x" * 10] * 25
    joined = list(bulk.blocks(pieces, size=100))
    assert [len(b) for b in joined] == [100, 100, 50]


def test_download_page_lists_files_with_size_checksum_and_release(bulk_files, client):
    response = client.get("/download/")
    assert response.status_code == 200
    page = html.fromstring(response.content)
    rows = {row.get("data-file"): row for row in page.xpath("//table[contains(@class, 'downloads')]/tbody/tr")}
    assert set(rows) == {"ghr-summaries.xml", "TopicIndex.xml", "index.json", "genes.jsonl", "conditions.jsonl"}
    assert rows["genes.jsonl"].xpath("td[@class='records']")[0].text_content().strip() == str(Gene.objects.count())
    assert rows["genes.jsonl"].xpath("td[@class='size']")[0].text_content().strip().endswith("kB")
    sha = rows["ghr-summaries.xml"].xpath("td[@class='sha256']")[0].text_content().strip()
    assert sha == bulk_files.entry("ghr-summaries.xml")["sha256"]
    assert page.xpath("//*[@class='kb-release']")[0].text_content() == "20261123T120000Z"
    sources = [td.text_content() for td in page.xpath("//table[contains(@class, 'sources')]/tbody/tr/td[1]")]
    assert "Mondo Disease Ontology" in sources


def test_api_landing_page_links_docs_openapi_downloads_and_infobutton(kb, client):
    page = html.fromstring(client.get("/api/").content)
    links = page.xpath("//ul[@class='api-links']//a/@href")
    assert links[:3] == ["/api/docs", "/api/openapi.json", "/download/"]
    assert links[3].startswith("/connect?")
    for link in links:
        assert client.get(link).status_code == 200, link
    home = html.fromstring(client.get("/").content)
    assert "/api/" in home.xpath("//footer//a/@href")


def test_behind_nginx_the_app_hands_the_file_over(bulk_files, client, settings):
    from ghr.conf import Config

    settings.GHR = Config({**settings.GHR.values, "GHR_BULK_ACCEL_PREFIX": "/_bulk/"})
    for _ in range(2):  # never kept by the page cache: a newer set of the same release must be picked up
        response = client.get("/download/ghr-summaries.xml")
        assert response.status_code == 200 and response.content == b""
        assert response["X-Accel-Redirect"] == f"/_bulk/{bulk_files.key}/ghr-summaries.xml"
        assert response["Content-Type"].startswith("application/xml")
        assert response.get("X-Page-Cache") != "hit"
