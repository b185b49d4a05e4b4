"""Condition pages: description, frequency, genes, inheritance, features, help, names, identifiers, references."""

import pytest

from tests.web.conftest import headings, parse, section, text_of

XLSA = "/condition/x-linked-sideroblastic-anemia"


@pytest.fixture
def xlsa(client, alas2_texts):
    response = client.get(XLSA)
    assert response.status_code == 200
    return parse(response)


def test_sections_in_order(xlsa):
    assert headings(xlsa) == [
        "What is X-linked sideroblastic anemia?",
        "How common is X-linked sideroblastic anemia?",
        "What genes are related to X-linked sideroblastic anemia?",
        "How is X-linked sideroblastic anemia inherited?",
        "What are the signs and symptoms of X-linked sideroblastic anemia?",
        "Where can I find help and more information about X-linked sideroblastic anemia?",
        "What other names do people use for X-linked sideroblastic anemia?",
        "What is X-linked sideroblastic anemia called in other databases?",
        "What glossary definitions help with understanding X-linked sideroblastic anemia?",
        "References (3)",
    ]


def test_editor_description_and_frequency_with_prevalence_fact(xlsa):
    description = text_of(section(xlsa, "description-heading"))
    assert "inherited blood disorder in which the body has trouble making heme" in description
    assert "Written by the editors, not yet reviewed by an expert" in description
    frequency = text_of(section(xlsa, "frequency-heading"))
    assert "most common form of inherited sideroblastic anemia" in frequency
    assert (
        "How common This condition is very rare: about 200 affected people or families have been reported worldwide. "
        "Age at onset All ages Source: Orphadata epidemiology Orphadata epidemiology 2021-03-01" in frequency
    )


def test_genes_linked(xlsa):
    genes = section(xlsa, "causes-heading")
    assert genes.xpath(".//ul[contains(@class,'genes')]//a/@href") == ["/gene/ALAS2"]
    assert "ALAS2: 5'-aminolevulinate synthase 2" in text_of(genes)


def test_inheritance_human_readable_with_both_sources(xlsa):
    items = [text_of(li) for li in section(xlsa, "inheritance-heading").xpath(".//ul[@class='inheritance']/li")]
    assert len(items) == 1  # HPO and Orphadata agree: one pattern, two sources
    assert items[0].startswith("X-linked recessive: the gene is on the X chromosome")
    note = section(xlsa, "inheritance-heading").xpath('.//details[@class="source-note"]')[-1]
    assert text_of(note.xpath("./summary")[0]) == (
        "Sources: Human Phenotype Ontology annotations; Orphadata epidemiology"
    )  # one line for the list, both sources named once


def test_features_in_everyday_words_grouped_by_body_system(xlsa):
    features = section(xlsa, "features-heading")
    assert [text_of(h) for h in features.xpath(".//h3")] == ["Blood"]
    items = features.xpath(".//ul[@class='features']/li")
    assert [text_of(li) for li in items] == [
        "Low number of red blood cells or hemoglobin (medical term: Anemia)",
        "Small red blood cells (medical term: Microcytic anemia)",
    ]
    # HP codes only in the links, never in the words.
    assert items[0].xpath("./a/@href") == ["https://hpo.jax.org/browse/term/HP:0001903"]


def test_help_links(xlsa):
    hrefs = section(xlsa, "help-heading").xpath(".//a/@href")
    assert "https://rarediseases.info.nih.gov/diseases/9456/index" in hrefs
    assert "https://www.orpha.net/en/disease/detail/75563" in hrefs
    assert "https://clinicaltrials.gov/search?cond=X-linked+sideroblastic+anemia" in hrefs
    assert "https://medlineplus.gov/search/?query=X-linked+sideroblastic+anemia" in hrefs
    assert any(h.startswith("https://www.ncbi.nlm.nih.gov/books/NBK1116/?term=") for h in hrefs)


def test_cross_references_with_outbound_links(xlsa):
    rows = section(xlsa, "xrefs-heading").xpath(".//tbody/tr")
    table = {text_of(r.xpath("td")[0]): (text_of(r.xpath("td")[1]), r.xpath(".//a/@href")[0]) for r in rows}
    assert table["OMIM"] == ("300751", "https://omim.org/entry/300751")
    assert table["Mondo Disease Ontology"] == ("MONDO:0020721", "https://monarchinitiative.org/MONDO:0020721")
    assert table["ICD-10"] == ("D64.0", "https://icd.who.int/browse10/2019/en#/D64.0")
    assert table["SNOMED CT"][1] == "https://browser.ihtsdotools.org/?perspective=full&conceptId1=62677000"
    assert table["UMLS"][1] == "https://uts.nlm.nih.gov/uts/umls/concept/C0221018"
    assert table["MeSH"][1] == "https://meshb.nlm.nih.gov/record/ui?ui=C536761"
    assert list(table)[:4] == ["OMIM", "Orphanet", "GARD (Genetic and Rare Diseases Information Center)",
                               "Mondo Disease Ontology"]  # fmt: skip


def test_other_names(xlsa):
    names = [text_of(li) for li in section(xlsa, "other-names-heading").xpath(".//li")]
    assert "XLSA (acronym)" in names
    assert "X-linked sideroblastic anaemia (synonym)" in names
    assert "Anemia, sideroblastic, X-linked (name used by a source)" in names


def test_references_merge_knowledge_base_and_editor_texts(xlsa):
    hrefs = section(xlsa, "references-heading").xpath(".//a/@href")
    assert "https://pubmed.ncbi.nlm.nih.gov/8829630/" in hrefs  # knowledge base
    assert "https://pubmed.ncbi.nlm.nih.gov/30401706/" in hrefs  # editors' texts


def test_glossary_terms(xlsa):
    terms = [text_of(a) for a in section(xlsa, "glossary-heading").xpath(".//li/a")]
    assert {"Anemia", "Heme", "Hemoglobin", "Protein"} <= set(terms)


def test_condition_without_editor_texts_is_generated_and_labelled(client, kb):
    doc = parse(client.get("/condition/acute-intermittent-porphyria"))
    # The title keeps its capital; inside a question the name reads as in a sentence (the build's sentence_name).
    assert text_of(doc.xpath("//main//h1")[0]) == "Acute intermittent porphyria"
    assert headings(doc)[0] == "What is acute intermittent porphyria?"
    description = text_of(section(doc, "description-heading").xpath('.//div[@class="prose"]')[0])
    assert "This page was assembled automatically" in text_of(doc.xpath('//p[@class="provenance"]')[0])
    assert description.endswith(
        "Acute intermittent porphyria is a condition. It mainly affects the digestive system. Signs can include "
        "stomach pain. It is caused by changes in the HMBS gene. It is inherited in an autosomal dominant pattern. "
        "One changed copy of the gene in each cell is enough to cause it."
    )
    assert "do not give a frequency" in text_of(section(doc, "frequency-heading"))
    # The section texts the build wrote, each with one short sources line instead of a banner.
    inheritance = text_of(section(doc, "inheritance-heading"))
    assert (
        "This condition is inherited in an autosomal dominant pattern. One changed copy of the gene in each cell is "
        "enough to cause it. Source: "
    ) in inheritance
    assert "assembled automatically" not in inheritance
    causes = text_of(section(doc, "causes-heading"))
    assert "Changes in the HMBS gene cause acute intermittent porphyria. Source: Human Phenotype Ontology" in causes
    assert "Genes that cause it (1) HMBS: hydroxymethylbilane synthase" in causes
    features = text_of(section(doc, "features-heading"))
    assert "Digestive system Stomach pain (medical term: Abdominal pain)" in features


def test_description_for_professionals_is_kept_apart_from_the_plain_one(client, kb):
    # No editors' texts here: the plain description the build wrote, then UniProt's text for professionals.
    doc = parse(client.get(XLSA))
    described = section(doc, "description-heading")
    plain = text_of(described.xpath('.//div[@class="prose"]')[0])
    assert plain.startswith("X-linked sideroblastic anemia is a condition. It mainly affects the blood.")
    professional = text_of(described.xpath('.//details[@class="professional"]')[0])
    assert professional.startswith("Description for health professionals")
    assert "developing red blood cells accumulate iron in their mitochondria" in professional
    assert "UniProt diseases 2023" in professional


def test_similar_conditions_are_kept_apart(client, kb):
    epp = parse(client.get("/condition/erythropoietic-protoporphyria"))
    xlepp = parse(client.get("/condition/x-linked-erythropoietic-protoporphyria"))
    assert section(epp, "causes-heading").xpath(".//ul//a/@href") == ["/gene/FECH"]
    assert section(xlepp, "causes-heading").xpath(".//ul//a/@href") == ["/gene/ALAS2"]
    assert "an autosomal recessive pattern" in text_of(section(epp, "inheritance-heading"))
    assert "X-linked dominant" in text_of(section(xlepp, "inheritance-heading"))


def test_print_view(client, alas2_texts):
    doc = parse(client.get(XLSA + "/print"))
    assert headings(doc)[0] == "What is X-linked sideroblastic anemia?"
    assert len(headings(doc)) == 10
    assert not doc.xpath("//nav[@aria-label='Main']")
    assert doc.xpath("//link[@rel='canonical']/@href") == [XLSA]
