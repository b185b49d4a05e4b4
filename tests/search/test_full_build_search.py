"""The issue's everyday searches, as a person sees them, on the full build of the pinned data (`make test` runs
these with GHR_TEST_KB)."""

import pytest

from ghr.build.status import full_build_available
from tests.search.test_views import get_json, page, results, with_class

pytestmark = pytest.mark.full


@pytest.fixture(autouse=True)
def _full_build():
    if not full_build_available():
        pytest.skip("no full build: `make test` builds one from the pinned data and runs these with GHR_TEST_KB")


def test_hole_in_heart_finds_the_septal_defects_in_suggestions_and_results(client):
    wanted = {"/condition/interatrial-communication", "/condition/ventricular-septal-defects"}
    suggested = [result["url"] for result in get_json(client, "/api/v1/suggest?q=hole+in+heart")["results"]]
    assert wanted <= set(suggested[:3])
    doc = page(client, "/search?q=hole+in+heart")
    assert wanted <= {url for url, _ in results(doc)[:3]}
    assert with_class(doc, "search-result__matched")[0].text_content() == "Matched everyday name: hole in heart"


def test_a_misspelt_everyday_name_is_corrected_and_says_so(client):
    doc = page(client, "/search?q=sickel+cell")
    assert results(doc)[0] == ("/condition/sickle-cell-anemia", "Sickle cell anemia")
    assert "Showing results for sickle cell." in with_class(doc, "search-showing")[0].text_content()
    doc = page(client, "/search?q=cistic+fibrosis")
    assert results(doc)[0] == ("/condition/cystic-fibrosis", "Cystic fibrosis")
    assert "Search instead for cistic fibrosis." in " ".join(
        with_class(doc, "search-showing")[0].text_content().split()
    )


def test_breast_cancer_gene_lists_brca1_and_brca2_first(client):
    doc = page(client, "/search?q=breast+cancer+gene")
    assert [label for _, label in results(doc)[:2]] == ["BRCA1", "BRCA2"]
    matched = with_class(doc, "search-result__matched")[0].text_content()
    assert matched == "Matched gene for: Hereditary breast and/or ovarian cancer syndrome"


@pytest.mark.parametrize("code", ["219700", "OMIM:219700", "E84", "ORPHA:586", "MONDO:0009061", "C0010674"])
def test_codes_go_straight_to_cystic_fibrosis(client, code):
    response = client.get("/search", {"q": code})
    assert (response.status_code, response["Location"]) == (302, "/condition/cystic-fibrosis")


def test_a_band_and_a_position_list_the_genes_there(client):
    band = [label for _, label in results(page(client, "/search?q=7q31.2"))]
    assert "CFTR" in band and "MET" in band
    position = results(page(client, "/search?q=chr7%3A117%2C500%2C000"))
    assert position == [("/gene/CFTR", "CFTR")]


def test_questions_possessives_and_protein_names(client):
    assert results(page(client, "/search?q=what+causes+cystic+fibrosis"))[0][0] == "/condition/cystic-fibrosis"
    assert (
        results(page(client, "/search?q=is+huntington%27s+disease+inherited"))[0][0] == "/condition/huntington-disease"
    )
    assert results(page(client, "/search?q=marfans"))[0][0] == "/condition/marfan-syndrome"
    assert results(page(client, "/search?q=fibrillin"))[0][0] == "/gene/FBN1"
