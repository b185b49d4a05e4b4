"""What people see when they search in everyday words, ask a question, paste a code or a position."""

import pytest

from ghr.search.codes import band_query, code_query, position_query
from ghr.search.engine import answer
from ghr.search.everyday import condition_phrases, interpret
from ghr.search.rows import _bands
from ghr.search.text import normalize
from tests.search.test_views import get_json, page, results, with_class


@pytest.mark.parametrize(
    ("typed", "exact"),
    [
        ("omim 219700", ("omim 219700",)),
        ("mim 219700", ("omim 219700",)),
        ("orpha586", ("orpha 586",)),
        ("orphanet 586", ("orpha 586",)),
        ("gard 6233", ("gard 0006233",)),
        ("icd 10 cm e84 0", ("icd 10 e84 0",)),
        ("c0010674", ("umls c0010674", "medgen c0010674", "mesh c0010674")),
        ("d003550", ("mesh d003550",)),
        ("219700", ("omim 219700", "snomedct 219700")),
        ("snomed ct 190905008", ("snomedct 190905008",)),
    ],
)
def test_codes_in_the_forms_people_paste(typed, exact):
    assert code_query(typed).exact == exact


def test_an_icd_10_category_takes_in_its_subcodes_and_hpo_ids_are_recognised():
    assert code_query("e84").prefixes == ("icd 10 e84 ",)
    assert code_query("hp 0000238").hpo_id == "HP:0000238"
    assert code_query("hp0000238").hpo_id == "HP:0000238"


@pytest.mark.parametrize("words", ["alas2", "cystic fibrosis", "fmr 1 gene", "type 2 diabetes", ""])
def test_names_are_not_codes(words):
    assert code_query(words) is None


def test_positions_and_bands():
    assert position_query("chr7:117,500,000") == position_query("7:117500000")
    assert position_query("chrX:55,009,055-55,030,977").chromosome == "X"
    assert position_query("chr7:2-1") is None  # the end before the start
    assert position_query("chr7:1-90000000") is None  # too wide to list
    assert position_query("chr23:100") is None
    assert band_query("7q31.2") == "7q31 2"
    assert band_query("Xp11") == "xp11"
    assert band_query("ALAS2") == ""
    assert list(_bands("7q31.1-q31.2")) == ["7q31.1", "7q31.2"]
    assert list(_bands("Xp22.3 and Yp11.3")) == ["Xp22.3", "Yp11.3"]


@pytest.mark.parametrize(
    ("question", "subject", "wants_genes"),
    [
        ("what causes cystic fibrosis", "cystic fibrosis", False),
        ("is huntington disease inherited", "huntington disease", False),
        ("what are the symptoms of marfan syndrome", "marfan syndrome", False),
        ("breast cancer gene", "breast cancer", True),
        ("which gene causes sickle cell anemia", "sickle cell anemia", True),
        ("inherited", "inherited", False),  # never every word
        ("gene", "gene", False),
    ],
)
def test_questions_are_read_for_their_subject(question, subject, wants_genes):
    meant = interpret(question)
    assert (meant.norm, meant.wants_genes) == (subject, wants_genes)


def test_british_and_older_spellings_are_folded_into_the_sources_spelling():
    assert normalize("Coeliac disease") == "celiac disease"
    assert normalize("foetal haemoglobin") == "fetal hemoglobin"


def test_every_everyday_phrase_names_conditions():
    phrases = condition_phrases()
    assert len(phrases) >= 100
    assert all(names and all(isinstance(name, str) and name for name in names) for names in phrases.values())


def test_a_corrected_query_says_so_and_offers_the_words_as_typed(kb, client):
    doc = page(client, "/search?q=sideroblastik+anemia")
    notice = with_class(doc, "search-showing")[0]
    assert " ".join(notice.text_content().split()) == (
        "Showing results for sideroblastic anemia. Search instead for sideroblastik anemia."
    )
    assert results(doc)[0][0] == "/condition/x-linked-sideroblastic-anemia"
    as_typed = page(client, notice.xpath(".//a")[0].get("href"))
    assert not with_class(as_typed, "search-showing")
    assert as_typed.xpath("//h1")[0].text_content() == "Search results for “sideroblastik anemia”"


def test_a_question_is_answered_with_the_page_it_asks_about(kb, client):
    doc = page(client, "/search?q=what+causes+acute+intermittent+porphyria")
    assert "Showing results for acute intermittent porphyria." in with_class(doc, "search-showing")[0].text_content()
    assert results(doc)[0] == ("/condition/acute-intermittent-porphyria", "Acute intermittent porphyria")


def test_a_request_for_genes_lists_the_causal_gene_first_and_says_why(kb, client):
    doc = page(client, "/search?q=acute+intermittent+porphyria+gene")
    assert results(doc)[0] == ("/gene/HMBS", "HMBS")
    matched = with_class(doc, "search-result__matched")[0].text_content()
    assert matched == "Matched gene for: Acute intermittent porphyria"


def test_a_code_goes_straight_to_its_page(kb, client):
    for code in ("OMIM:300751", "300751", "MIM #300751", "ORPHA75563", "HGNC 4982"):
        response = client.get("/search", {"q": code})
        assert response.status_code == 302, code
    assert client.get("/search", {"q": "300751"})["Location"] == "/condition/x-linked-sideroblastic-anemia"
    assert client.get("/search", {"q": "HGNC 4982"})["Location"] == "/gene/HMBS"
    # Asking for one kind still lists, with the code as what matched.
    doc = page(client, "/search?q=300751&kind=condition")
    assert with_class(doc, "search-result__matched")[0].text_content() == "Matched identifier: OMIM:300751"


def test_a_band_or_a_position_lists_the_genes_there(kb, client):
    doc = page(client, "/search?q=Xp11.21")
    assert results(doc) == [("/gene/ALAS2", "ALAS2")]
    assert with_class(doc, "search-result__matched")[0].text_content() == "Matched location: Xp11.21"
    # An arm takes in every band on it.
    assert [result.url for result in answer("Xp").results] == ["/gene/ALAS2"]
    doc = page(client, "/search?q=chr18%3A57%2C550%2C000")
    assert results(doc) == [("/gene/FECH", "FECH")]
    matched = with_class(doc, "search-result__matched")[0].text_content()
    assert matched == "Matched location: at chr18:57,544,377-57,586,616 (GRCh38)"
    # Between genes, the nearest ones, saying how far.
    near = answer("chr18:57,600,000").results
    assert [result.url for result in near] == ["/gene/FECH"]
    assert near[0].matched.startswith("location: 13,384 bases from chr18:")


def test_the_api_says_what_was_searched(kb, client):
    data = get_json(client, "/api/v1/search?q=is+erythropoietic+protoporphyria+inherited")
    assert data["showing"] == "erythropoietic protoporphyria"
    assert data["results"][0]["url"] == "/condition/erythropoietic-protoporphyria"
    assert get_json(client, "/api/v1/search?q=EPP")["showing"] is None
    data = get_json(client, "/api/v1/search?q=sideroblastik+anemia&as_typed=1")
    assert data["showing"] is None


def test_suggestions_understand_everyday_words_and_say_why(kb, client):
    data = get_json(client, "/api/v1/suggest?q=sun+allergy")
    assert data["results"][0] == {
        "label": "Erythropoietic protoporphyria",
        "kind": "condition",
        "url": "/condition/erythropoietic-protoporphyria",
        "matched": "everyday name: sun allergy",
    }
    data = get_json(client, "/api/v1/suggest?q=what+causes+acute+inter")
    assert data["results"][0]["url"] == "/condition/acute-intermittent-porphyria"


def test_the_home_page_box_offers_suggestions_like_the_header_box(kb, client):
    doc = page(client, "/")
    for box_id in ("home-search-input", "site-search"):
        box = doc.get_element_by_id(box_id)
        assert box.get("role") == "combobox"
        assert box.get("data-suggest-url") == "/api/v1/suggest"
        assert doc.get_element_by_id(box.get("aria-controls")).get("role") == "listbox"
        assert doc.get_element_by_id(box.get("data-suggest-status")).get("aria-live") == "polite"
    scripts = doc.xpath("//script")
    assert scripts and all(script.get("src") for script in scripts)  # no inline script
