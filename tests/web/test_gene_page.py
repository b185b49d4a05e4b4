"""The gene page answers the seed page's questions, in its order, with facts from the knowledge base."""

import datetime as dt

import pytest

from tests.web.conftest import headings, parse, publish_reviewed, section, text_of

SEED_QUESTIONS = [
    "What is the official name of the ALAS2 gene?",
    "What is the normal function of the ALAS2 gene?",
    "How are changes in the ALAS2 gene related to health conditions?",
    "Where is the ALAS2 gene located?",
    "Where can I find additional information about ALAS2?",
    "What other names do people use for the ALAS2 gene or gene products?",
    "Where can I find general information about genes?",
    "What glossary definitions help with understanding ALAS2?",
]


@pytest.fixture
def alas2(client, alas2_texts):
    response = client.get("/gene/ALAS2")
    assert response.status_code == 200
    return parse(response)


def test_questions_in_the_seed_order(alas2):
    asked = headings(alas2)
    assert asked[: len(SEED_QUESTIONS)] == SEED_QUESTIONS
    assert asked[len(SEED_QUESTIONS)].startswith("References")
    assert text_of(alas2.xpath("//main//h1")[0]) == "ALAS2 gene"
    assert len(alas2.xpath("//h1")) == 1


def test_official_name_and_symbol(alas2):
    names = text_of(section(alas2, "name-heading"))
    assert "The official name of this gene is “5'-aminolevulinate synthase 2.”" in names
    assert "ALAS2 is the gene's official symbol" in names
    assert "also known by other names" in names
    # One quiet line naming the source; its release behind the disclosure.
    note = section(alas2, "name-heading").xpath('.//details[@class="source-note"]')[0]
    assert text_of(note.xpath("./summary")[0]) == "Source: HGNC gene nomenclature"
    assert "HGNC gene nomenclature (GNU Health snapshot) 2023, extracted automatically." in text_of(note)


def test_editor_function_text_marked_not_yet_reviewed(alas2):
    function = section(alas2, "function-heading")
    assert "erythroblasts" in text_of(function)
    assert "Written by the editors, not yet reviewed by an expert" in text_of(function)
    assert not function.xpath('.//details[@class="source-note"]')
    # Said once near the top, for the whole page.
    provenance = text_of(alas2.xpath('//p[@class="provenance"]')[0])
    assert "Written in part by the editors (not yet reviewed by an expert)" in provenance


def test_one_block_per_linked_condition_with_inheritance(alas2):
    blocks = section(alas2, "conditions-heading").xpath('.//div[@class="condition-block"]')
    titles = [text_of(b.xpath(".//h3")[0]) for b in blocks]
    assert titles == ["X-linked erythropoietic protoporphyria", "X-linked sideroblastic anemia"]
    links = [b.xpath(".//h3/a/@href")[0] for b in blocks]
    assert links == ["/condition/x-linked-erythropoietic-protoporphyria", "/condition/x-linked-sideroblastic-anemia"]
    assert "Inheritance: X-linked dominant" in text_of(blocks[0])
    assert "Inheritance: X-linked recessive" in text_of(blocks[1])
    assert "gain-of-function" in text_of(blocks[0])  # the editors' text for this gene and condition
    # Only conditions the knowledge base links: the editors' CEP text for ALAS2 has no link, so no block.
    assert "congenital erythropoietic porphyria" not in text_of(section(alas2, "conditions-heading")).lower()


def test_location_with_band_span_strand_release_and_sentence(alas2):
    where = text_of(section(alas2, "location-heading"))
    assert "Cytogenetic location Xp11.21" in where
    assert "base pairs 55,009,055 to 55,030,977, reverse (−) strand" in where
    assert "MANE Select v1.5" in where and "GRCh38" in where
    assert "The ALAS2 gene is located on the short (p) arm of the X chromosome at position 11.21." in where
    assert "Source of the molecular location: MANE MANE (Matched Annotation from NCBI and EMBL-EBI) v1.5" in where
    assert "/handbook/cells-and-dna/gene-location" in section(alas2, "location-heading").xpath(".//a/@href")


def test_ideogram_is_accessible_and_marks_the_gene(alas2):
    svg = section(alas2, "location-heading").xpath(".//svg")[0]
    assert svg.get("role") == "img"
    labelled_by = svg.get("aria-labelledby").split()
    title, desc = (alas2.xpath(f'//*[@id="{i}"]')[0] for i in labelled_by)
    assert text_of(title) == "Ideogram of chromosome X showing where ALAS2 is"
    assert "55,009,055" in text_of(desc)
    assert len(svg.xpath('.//*[local-name()="rect"][title]')) >= 40  # one per band of X in the fixture
    marker = svg.xpath('.//*[@class="ideogram-marker"]')[0]
    # 55.0 Mb of 156.0 Mb along a 620-unit bar starting at x=10
    assert abs(float(marker.get("x")) - (10 + 620 * 55009055 / 156040895)) < 2
    caption = text_of(section(alas2, "location-heading").xpath(".//figcaption")[0])
    assert "the ALAS2 gene lies from base pair 55,009,055 to 55,030,977" in caption


def test_additional_information_links_built_from_identifiers(alas2):
    hrefs = section(alas2, "links-heading").xpath(".//a/@href")
    assert "https://www.ncbi.nlm.nih.gov/gene/212" in hrefs
    assert "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:397" in hrefs
    assert "https://www.ensembl.org/Homo_sapiens/Gene/Summary?g=ENSG00000158578" in hrefs
    assert "https://omim.org/entry/301300" in hrefs
    assert "https://www.uniprot.org/uniprotkb/P22557/entry" in hrefs
    assert any(h.startswith("https://www.ncbi.nlm.nih.gov/clinvar/?term=ALAS2") for h in hrefs)
    assert not any("genecards" in h for h in hrefs)


def test_other_names_listed(alas2):
    names = [text_of(li) for li in section(alas2, "other-names-heading").xpath(".//li")]
    assert "ASB (previous symbol)" in names
    assert "ALAS-E (other symbol)" in names
    assert "5-aminolevulinate synthase, erythroid-specific, mitochondrial (protein name)" in names


def test_glossary_terms_detected_and_linked(alas2):
    terms = {text_of(a): a.get("href") for a in section(alas2, "glossary-heading").xpath(".//li/a")}
    assert terms["Enzyme"] == "/glossary/enzyme"
    assert terms["Heme"] == "/glossary/heme"
    assert terms["Hemoglobin"] == "/glossary/hemoglobin"
    assert "X-linked" in terms
    assert "Acids" not in terms or "acid" in text_of(section(alas2, "function-heading")).lower()


def test_references_link_to_pubmed(alas2):
    references = section(alas2, "references-heading")
    hrefs = references.xpath(".//a/@href")
    assert "https://pubmed.ncbi.nlm.nih.gov/1309003/" in hrefs  # HGNC's article for the gene's name
    assert "https://pubmed.ncbi.nlm.nih.gov/30401706/" in hrefs  # cited in the editors' texts
    # NCBI Gene's newest articles are not printed as bare numbers: one link to NCBI's whole list instead.
    assert "https://pubmed.ncbi.nlm.nih.gov/8829630/" not in hrefs
    assert hrefs[-1] == "https://pubmed.ncbi.nlm.nih.gov/?linkname=gene_pubmed&from_uid=212"
    groups = [text_of(s) for s in references.xpath(".//summary")]
    assert groups[0].startswith("Chosen by the editors for the texts on this page (")
    assert groups[-1] == "Articles HGNC cites for the gene's symbol and name (1)"
    assert len(hrefs) == len(set(hrefs))


def test_unreviewed_page_says_so_and_shows_published_date(alas2):
    dates = text_of(alas2.xpath('//p[contains(@class, "page-dates")]')[0])
    assert "have not yet been reviewed by an expert" in dates
    assert f"Published: {dt.date.today():%B} {dt.date.today().day}, {dt.date.today().year}" in dates


def test_reviewed_text_shows_reviewed_month(client, kb):
    publish_reviewed("gene-function", "FECH", "Normal function of FECH", "The *FECH* gene makes ferrochelatase.")
    doc = parse(client.get("/gene/FECH"))
    function = text_of(section(doc, "function-heading"))
    assert "The FECH gene makes ferrochelatase." in function
    assert "not yet been reviewed" not in function
    assert f"Reviewed: {dt.date.today():%B %Y}" in text_of(doc.xpath('//p[contains(@class, "page-dates")]')[0])


def test_function_generated_from_facts_when_no_editor_text(client, kb):
    doc = parse(client.get("/gene/FECH"))
    function = section(doc, "function-heading")
    note = text_of(function.xpath('.//details[@class="source-note"]')[0])
    assert note.startswith("Sources: ")
    assert "Gene Ontology via GO.db 2022-07-01" in note
    assert note.endswith("extracted automatically. All sources and their releases")
    body = text_of(function.xpath('.//*[@class="prose"]')[0])
    # The build's plain words for the gene's GO terms (ghr.build.narrative), read from the store.
    assert body == (
        "The FECH gene provides instructions for making a protein called ferrochelatase. It takes part in making "
        "heme, the iron-holding part of hemoglobin. The protein works in the mitochondria, the cell's "
        "energy-producing structures."
    )
    terms = text_of(function.xpath('.//details[@class="professional"]')[0])
    assert "Gene Ontology terms, for health professionals (2)" in terms and "heme biosynthetic process" in terms


def test_generated_function_never_blank_without_go_terms(client, kb):
    doc = parse(client.get("/gene/A1BG"))
    body = text_of(section(doc, "function-heading").xpath('.//*[@class="prose"]')[0])
    assert body.startswith("The A1BG gene provides instructions for making a protein called alpha-1-B glycoprotein.")
    assert "What this protein does in the body is not yet well understood." in body
    assert "do not link changes in the A1BG gene to any health condition" in text_of(section(doc, "conditions-heading"))
    dates = text_of(doc.xpath('//p[contains(@class, "page-dates")]')[0])
    assert "no editor has written or reviewed it" in dates


def test_generated_condition_block_names_its_source(client, kb):
    doc = parse(client.get("/gene/HMBS"))
    block = section(doc, "conditions-heading").xpath('.//div[@class="condition-block"]')[0]
    text = text_of(block)
    # The build's sentence, then one quiet sources line with the release and source records behind it.
    assert text == (
        "Acute intermittent porphyria Changes in the HMBS gene cause acute intermittent porphyria. This condition "
        "is inherited in an autosomal dominant pattern. Source: Human Phenotype Ontology annotations Human "
        "Phenotype Ontology annotations 2025-01-16, extracted automatically. Source records: OMIM:176000. All "
        "sources and their releases"
    )
    assert text_of(block.xpath(".//summary")[0]) == "Source: Human Phenotype Ontology annotations"


def test_print_view_has_all_sections_and_no_navigation(client, alas2_texts):
    response = client.get("/gene/ALAS2/print")
    doc = parse(response)
    assert headings(doc)[: len(SEED_QUESTIONS)] == SEED_QUESTIONS
    assert not doc.xpath("//nav[@aria-label='Main']")
    assert not doc.xpath("//form[@role='search']")
    assert doc.xpath("//link[@rel='canonical']/@href") == ["/gene/ALAS2"]
    assert doc.xpath("//link[@media='print']")


def test_the_page_and_its_documents_carry_the_same_words(client, kb):
    import json

    import lxml.html

    page = text_of(section(parse(client.get("/gene/FECH")), "function-heading").xpath('.//*[@class="prose"]')[0])
    record = json.loads(client.get("/api/v1/genes/FECH").content)
    function = next(t for t in record["texts"] if t["role"] == "function")
    assert " ".join(lxml.html.fromstring(function["html"]).text_content().split()) == page
    condition = text_of(section(parse(client.get("/condition/acute-intermittent-porphyria")), "description-heading")
                        .xpath('.//*[@class="prose"]')[0])  # fmt: skip
    document = json.loads(client.get("/api/v1/conditions/acute-intermittent-porphyria").content)
    described = next(t for t in document["texts"] if t["role"] == "description")
    assert " ".join(lxml.html.fromstring(described["html"]).text_content().split()) == condition
