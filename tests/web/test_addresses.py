"""Addresses: case-insensitive symbols and slugs, old symbols and aliases, shared aliases, helpful 404s."""

import pytest

from ghr.kb.models import Condition, ConditionRedirect, Gene, GeneName, SourceRelease
from tests.web.conftest import parse, text_of


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/gene/alas2", "/gene/ALAS2"),
        ("/gene/Alas2", "/gene/ALAS2"),
        ("/gene/ASB", "/gene/ALAS2"),  # previous symbol
        ("/gene/asb", "/gene/ALAS2"),
        ("/gene/XLSA", "/gene/ALAS2"),  # alias symbol
        ("/gene/PBGD", "/gene/HMBS"),
        ("/gene/alas2/print", "/gene/ALAS2/print"),
        ("/gene/ASB/print", "/gene/ALAS2/print"),
        ("/condition/X-Linked-Sideroblastic-Anemia", "/condition/x-linked-sideroblastic-anemia"),
        ("/condition/ACUTE-INTERMITTENT-PORPHYRIA/print", "/condition/acute-intermittent-porphyria/print"),
        ("/chromosome/x", "/chromosome/X"),
        ("/chromosome/mt", "/chromosome/MT"),
    ],
)
def test_permanent_redirects(client, kb, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_withdrawn_symbol_leads_to_the_gene_that_replaced_it(client, kb):
    # HGNC withdrew IGO1 and names the gene that carries it on (here written onto HMBS for the test).
    source = SourceRelease.objects.get(key="gnuhealth_genes")
    GeneName.objects.create(gene=Gene.objects.get(symbol="HMBS"), name="IGO1", kind="withdrawn_symbol", source=source)
    response = client.get("/gene/igo1")
    assert (response.status_code, response["Location"]) == (301, "/gene/HMBS")
    names = [text_of(item) for item in parse(client.get("/gene/HMBS")).xpath("//li")]
    assert any("IGO1 (withdrawn symbol, now this gene)" in name for name in names)


def test_alias_names_are_not_symbols(client, kb):
    # "heme synthase" is an alias *name* of FECH; only symbols act as addresses.
    assert client.get("/gene/heme synthase").status_code == 404


def test_shared_alias_offers_a_choice(client, kb):
    source = SourceRelease.objects.get(key="gnuhealth_genes")
    GeneName.objects.create(gene=Gene.objects.get(symbol="HMBS"), name="EPP", kind="alias_symbol", source=source)
    response = client.get("/gene/EPP")
    # 300 Multiple Choices: no single gene is meant, so there is nothing to redirect to; the body lists them all.
    assert response.status_code == 300
    doc = parse(response)
    assert text_of(doc.xpath("//h1")[0]) == "Which gene did you mean by “EPP”?"
    assert doc.xpath("//ul[contains(@class,'gene-choices')]//a/@href") == ["/gene/FECH", "/gene/HMBS"]
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]


@pytest.mark.parametrize(
    "path",
    ["/gene/NOSUCHGENE", "/condition/no-such-condition", "/chromosome/23", "/chromosome/", "/glossary/no-such-term",
     "/handbook/no-such-chapter/", "/handbook/cells-and-dna/no-such-topic", "/not-a-page"],
)  # fmt: skip
def test_unknown_pages_are_helpful_404s(client, kb, path):
    response = client.get(path)
    if path == "/chromosome/":
        assert response.status_code == 200
        return
    assert response.status_code == 404
    doc = parse(response)
    assert text_of(doc.xpath("//h1")[0]) == "We could not find that page"
    form = doc.xpath("//main//form[@action='/search']")[0]
    assert form.xpath(".//input[@name='q']")
    assert doc.xpath("//html/@lang") == ["en"]


def test_404_offers_the_missing_name_as_a_search(client, kb):
    doc = parse(client.get("/gene/ALSA2"))
    assert doc.xpath("//main//input[@name='q']/@value") == ["ALSA2"]


def test_browse_rejects_unknown_letters_and_pages(client, kb):
    assert client.get("/gene/?letter=%C3%A9").status_code == 404
    assert client.get("/gene/?letter=A&page=99").status_code == 404
    assert client.get("/gene/?letter=A&page=x").status_code == 404
    assert client.get("/condition/?letter=zz").status_code == 404


def test_a_renamed_condition_redirects_from_its_earlier_address(client, kb):
    xlsa = Condition.objects.get(slug="x-linked-sideroblastic-anemia")
    ConditionRedirect.objects.create(old_slug="anemia-sideroblastic-x-linked", condition=xlsa)
    response = client.get("/condition/anemia-sideroblastic-x-linked")
    assert response.status_code == 301 and response["Location"] == "/condition/x-linked-sideroblastic-anemia"
    assert client.get("/condition/anemia-sideroblastic-x-linked/print")["Location"].endswith("/print")
