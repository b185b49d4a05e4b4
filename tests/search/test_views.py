"""What people see at /search and what programs get from /api/v1/search and /api/v1/suggest."""

import json

import lxml.html
import pytest

from ghr.search import engine, views


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return lxml.html.fromstring(response.content.decode())


def with_class(doc, name, then=""):
    return doc.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]{then}')


def results(doc):
    return [(a.get("href"), a.text_content().strip()) for a in with_class(doc, "search-result", "/a")]


def test_symbol_search_lists_the_gene_first_with_what_matched(kb, client):
    doc = page(client, "/search?q=ASB")
    assert results(doc)[0] == ("/gene/ALAS2", "ALAS2")
    matched = with_class(doc, "search-result__matched")[0].text_content()
    assert matched == "Matched previous symbol: ASB"
    assert doc.xpath("//h1")[0].text_content() == "Search results for “ASB”"


def test_results_are_grouped_by_kind_best_group_first(kb, client):
    doc = page(client, "/search?q=XLSA")
    headings = [h.text_content() for h in with_class(doc, "search-group", "/h2")]
    assert headings == ["Conditions", "Genes"]
    assert results(doc) == [
        ("/condition/x-linked-sideroblastic-anemia", "X-linked sideroblastic anemia"),
        ("/gene/ALAS2", "ALAS2"),
    ]


def test_the_page_uses_the_site_layout_and_keeps_the_query_in_the_header_box(kb, client):
    doc = page(client, "/search?q=ferrochelatase")
    assert doc.get_element_by_id("site-search").get("value") == "ferrochelatase"
    assert doc.xpath("//title")[0].text_content().startswith("Search: ferrochelatase")


def test_empty_query_shows_a_search_form(kb, client):
    for url in ("/search", "/search?q=", "/search?q=%20%20", "/search?q=%22%2A%28"):
        doc = page(client, url)
        assert doc.xpath("//h1")[0].text_content() == "Search"
        assert with_class(doc, "search-page__form", "//input[@name='q']")
        assert not results(doc)


def test_no_match_says_so(kb, client):
    doc = page(client, "/search?q=qqqqzzzz")
    assert "No pages match “qqqqzzzz”" in with_class(doc, "search-none")[0].text_content()


def test_kind_filter_in_html(kb, client):
    doc = page(client, "/search?q=XLSA&kind=gene")
    assert results(doc) == [("/gene/ALAS2", "ALAS2")]
    assert with_class(doc, "search-kinds", "//strong")[0].text_content() == "Genes"
    doc = page(client, "/search?q=XLSA&kind=nonsense", status=400)
    assert "kind must be one of" in with_class(doc, "search-error")[0].text_content()


def test_paging(kb, client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    first = page(client, "/search?q=protoporphyria")
    assert results(first) == [("/condition/erythropoietic-protoporphyria", "Erythropoietic protoporphyria")]
    next_link = first.xpath("//a[@rel='next']")[0].get("href")
    second = page(client, next_link)
    assert results(second) == [
        ("/condition/x-linked-erythropoietic-protoporphyria", "X-linked erythropoietic protoporphyria")
    ]
    assert second.xpath("//a[@rel='prev']")[0].get("href") == "/search?q=protoporphyria"
    assert not second.xpath("//a[@rel='next']")
    client.raise_request_exception = False
    assert client.get("/search?q=protoporphyria&page=3").status_code == 404
    assert client.get("/search?q=protoporphyria&page=zero").status_code == 400


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def test_api_search(kb, client):
    data = get_json(client, "/api/v1/search?q=EPP")
    assert data["query"] == "EPP"
    assert data["total"] == 2 and data["page"] == 1 and data["pages"] == 1
    assert data["results"][0] == {
        "label": "Erythropoietic protoporphyria",
        "kind": "condition",
        "url": "/condition/erythropoietic-protoporphyria",
        "matched": "abbreviation: EPP",
    }
    assert data["results"][1]["url"] == "/gene/FECH"


def test_api_search_by_kind_and_the_same_data_at_search_json(kb, client):
    data = get_json(client, "/api/v1/search?q=EPP&kind=gene")
    assert [r["url"] for r in data["results"]] == ["/gene/FECH"]
    assert get_json(client, "/search.json?q=EPP&kind=gene") == data


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("/api/v1/search", "missing_query"),
        ("/api/v1/search?q=", "missing_query"),
        ("/api/v1/search?q=%2A%2A", "missing_query"),
        ("/api/v1/search?q=ALAS2&kind=protein", "bad_kind"),
        ("/api/v1/search?q=ALAS2&page=0", "bad_page"),
        ("/api/v1/search?q=ALAS2&page=-1", "bad_page"),
        ("/api/v1/search?q=ALAS2&page=%D9%A3", "bad_page"),
        ("/api/v1/search?q=ALAS2&page=2", "page_out_of_range"),
        ("/api/v1/suggest", "missing_query"),
        ("/api/v1/suggest?q=%00", "missing_query"),
    ],
)
def test_api_bad_parameters_are_400_with_a_json_error(kb, client, url, code):
    data = get_json(client, url, status=400)
    assert data["error"]["code"] == code
    assert data["error"]["message"]


def test_suggest(kb, client):
    data = get_json(client, "/api/v1/suggest?q=ala")
    assert data["query"] == "ala"
    assert data["results"][0] == {"label": "ALAS2", "kind": "gene", "url": "/gene/ALAS2", "matched": ""}
    assert len(data["results"]) <= 10


def test_suggest_completes_a_condition_name_being_typed(kb, client):
    data = get_json(client, "/api/v1/suggest?q=x-linked+sideroblastic+an")
    assert data["results"][0]["url"] == "/condition/x-linked-sideroblastic-anemia"


def test_suggest_returns_no_more_than_its_limit(kb, client, published_texts, monkeypatch):
    # The fixture has too few pages to pass ten; the same cut-off is checked at two.
    assert len(get_json(client, "/api/v1/suggest?q=anemia")["results"]) == 3
    monkeypatch.setattr(engine, "SUGGEST_LIMIT", 2)
    assert len(get_json(client, "/api/v1/suggest?q=anemia")["results"]) == 2


def test_the_query_is_shown_escaped(kb, client):
    response = client.get("/search", {"q": '"><script>alert(1)</script>'})
    assert b"<script>alert(1)" not in response.content
    doc = lxml.html.fromstring(response.content.decode())
    assert doc.get_element_by_id("site-search").get("value") == '"><script>alert(1)</script>'


@pytest.mark.parametrize("path", ["/api/v1/suggest", "/api/v1/search", "/search.json"])
def test_json_answers_are_given_early_but_keep_the_security_headers(kb, client, path):
    # Answered before the session and CSRF middleware (ghr.search.middleware): no cookie, same headers.
    response = client.get(path + "?q=ala")
    assert response.status_code == 200 and not response.cookies
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert client.post(path + "?q=ala").status_code == 405
