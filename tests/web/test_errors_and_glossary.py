"""Error handlers, glossary-term detection, and the navigation marking where the reader is."""

from django.test import RequestFactory

from ghr.web.pages.texts import glossary_terms_in
from ghr.web.views import errors
from tests.web.conftest import import_content, parse, section, text_of


def test_server_error_page_needs_no_database_and_offers_a_way_on(kb):
    response = errors.server_error(RequestFactory().get("/gene/ALAS2"))
    assert response.status_code == 500
    doc = parse(response)
    assert text_of(doc.xpath("//h1")[0]) == "Something went wrong on our side"
    assert doc.xpath("//main//a/@href") == ["/"]
    assert doc.xpath("/html/@lang") == ["en"]


def test_bad_request_page(kb):
    response = errors.bad_request(RequestFactory().get("/"), Exception("bad"))
    assert response.status_code == 400
    assert text_of(parse(response).xpath("//h1")[0]) == "That request could not be understood"


def test_glossary_detection_whole_words_any_case_and_synonyms(glossary):
    found = {hit.slug for hit in glossary_terms_in(["ENZYMES speed reactions; the Hemoglobin in red cells."])}
    assert {"enzyme", "hemoglobin"} <= found
    # Whole words only: "gene" is not inside "genetic", "heme" is not inside "hemes" unless a synonym says so.
    assert "gene" not in {hit.slug for hit in glossary_terms_in(["genetics and genealogy"])}
    assert glossary_terms_in([""]) == []


def test_no_glossary_published_means_no_terms(kb):
    assert glossary_terms_in(["enzyme heme gene"]) == []


def test_glossary_list_links_each_term_once(client, kb):
    import_content("glossary/enzyme.md", "glossary/heme.md")
    doc = parse(client.get("/gene/FECH"))
    links = section(doc, "glossary-heading").xpath(".//li/a/@href")
    assert links == sorted(set(links))
    assert "/glossary/heme" in links  # "heme biosynthetic process" in the generated function text


def test_navigation_marks_the_current_section(client, kb):
    doc = parse(client.get("/gene/ALAS2"))
    assert doc.xpath("//nav[@aria-label='Main']//a[@aria-current='page']/text()") == ["Genes"]
    doc = parse(client.get("/chromosome/X"))
    assert doc.xpath("//nav[@aria-label='Main']//a[@aria-current='page']/text()") == ["Chromosomes"]


def test_gene_references_say_where_they_come_from(client, kb):
    doc = parse(client.get("/gene/ALAS2"))
    references = section(doc, "references-heading")
    assert [text_of(s) for s in references.xpath(".//p[@class='references-heading']")] == [
        "Articles HGNC cites for the gene's symbol and name:"
    ]
    more = references.xpath(".//p[@class='more-references']/a")[0]
    assert text_of(more) == "Every article NCBI Gene links to the ALAS2 gene, in PubMed"
