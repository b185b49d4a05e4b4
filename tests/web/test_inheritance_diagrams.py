"""Family diagrams of inheritance: beside the inheritance section of each condition page whose pattern has one,
and under the Handbook's inheritance topics; drawn in currentColor, named for screen readers, chances in words."""

import pytest

from ghr.web.pages.diagrams import DIAGRAMS
from tests.web.conftest import parse, section, text_of

PATTERN_PAGES = [
    ("/condition/x-linked-sideroblastic-anemia", "xr"),
    ("/condition/x-linked-erythropoietic-protoporphyria", "xd"),
    ("/condition/erythropoietic-protoporphyria", "ar"),
    ("/condition/acute-intermittent-porphyria", "ad"),
]


@pytest.mark.parametrize(("path", "code"), PATTERN_PAGES)
def test_condition_page_shows_the_diagram_of_its_pattern(client, kb, path, code):
    inheritance = section(parse(client.get(path)), "inheritance-heading")
    figures = inheritance.xpath(".//figure[@class='inheritance-diagram']")
    assert [figure.get("data-pattern") for figure in figures] == [code]
    caption = text_of(figures[0].xpath("./figcaption")[0])
    assert "percent" in caption or "all his" in caption
    for svg in figures[0].xpath(".//svg"):
        assert svg.get("role") == "img"
        title = svg.xpath(f".//title[@id='{svg.get('aria-labelledby')}']")
        assert title and text_of(title[0])


def test_a_condition_without_a_pattern_has_no_diagram(client, kb):
    doc = parse(client.get("/condition/down-syndrome"))
    assert not section(doc, "inheritance-heading").xpath(".//figure")


def test_autosomal_recessive_drawing_shows_the_family_it_describes(client, kb):
    doc = parse(client.get("/condition/erythropoietic-protoporphyria"))
    svg = section(doc, "inheritance-heading").xpath(".//svg")[0]
    people = [(g.get("data-status"), " ".join(g.xpath(".//text/text()"))) for g in svg.xpath(".//g[@class='person']")]
    assert people == [("carrier", "Father carrier"), ("carrier", "Mother carrier"), ("affected", "Son affected"),
                      ("carrier", "Daughter carrier"), ("carrier", "Son carrier"),
                      ("unaffected", "Daughter unaffected")]  # fmt: skip
    caption = text_of(section(doc, "inheritance-heading").xpath(".//figcaption")[0])
    assert "25 percent (1 in 4) chance of having the condition" in caption
    assert "50 percent (1 in 2) chance of being a carrier" in caption


def test_drawings_use_only_the_text_colour_and_no_inline_style_or_script(client, kb):
    doc = parse(client.get("/condition/x-linked-sideroblastic-anemia"))
    figure = doc.xpath("//figure[@class='inheritance-diagram']")[0]
    assert not figure.xpath(".//*[@style] | .//script | .//*[starts-with(name(@*), 'on')]")
    colours = {value for attr in ("fill", "stroke") for value in figure.xpath(f".//@{attr}")}
    assert colours <= {"currentColor", "none"} | {v for v in colours if v.startswith("url(#diagram-xr-")}
    ids = figure.xpath(".//@id")
    assert len(ids) == len(set(ids))


def test_every_diagram_states_its_chances_and_key_in_words():
    for code, diagram in DIAGRAMS.items():
        assert diagram.code == code
        assert len(diagram.chances.split()) > 20, code
        assert "square" in diagram.key and "circle" in diagram.key, code
        for panel in diagram.panels:
            assert len(panel.children) >= 3, code


@pytest.mark.parametrize(
    ("topic", "codes"),
    [("inheritance-patterns", ["ad", "ar", "y", "ac", "n"]), ("x-linked-inheritance", ["xr", "xd"]),
     ("mitochondrial-inheritance", ["m"])],
)  # fmt: skip
def test_handbook_inheritance_topics_show_their_diagrams(client, handbook, topic, codes):
    doc = parse(client.get(f"/handbook/inheriting-genetic-conditions/{topic}"))
    diagrams = section(doc, "diagrams-heading")
    assert diagrams.xpath(".//figure/@data-pattern") == codes


def test_other_handbook_topics_have_no_diagrams(client, handbook):
    doc = parse(client.get("/handbook/cells-and-dna/gene-location"))
    assert not doc.xpath("//figure[@class='inheritance-diagram']")


def test_printer_friendly_condition_page_keeps_the_diagram(client, kb):
    doc = parse(client.get("/condition/acute-intermittent-porphyria/print"))
    assert section(doc, "inheritance-heading").xpath(".//figure/@data-pattern") == ["ad"]


def test_not_inherited_is_drawn_only_where_a_genetic_change_causes_the_condition(client, kb):
    # The drawing shows a new genetic change: right for a chromosome change such as trisomy 21, wrong for an
    # acquired condition with no known genetic cause.
    from ghr.kb import models

    orphadata = models.SourceRelease.objects.get(key="orphadata")
    down = models.Condition.objects.get(slug="down-syndrome")
    models.ConditionInheritance.objects.create(condition=down, code="n", evidence="Not applicable", source=orphadata)
    acquired = models.Condition.objects.create(slug="acquired-test-condition", name="Acquired test condition",
                                               name_source=orphadata)  # fmt: skip
    models.ConditionInheritance.objects.create(condition=acquired, code="n", evidence="Not applicable",
                                               source=orphadata)  # fmt: skip
    shown = section(parse(client.get("/condition/down-syndrome")), "inheritance-heading")
    assert shown.xpath(".//figure/@data-pattern") == ["n"]
    acquired_page = section(parse(client.get("/condition/acquired-test-condition")), "inheritance-heading")
    assert not acquired_page.xpath(".//figure")
    assert "not usually passed down" in text_of(acquired_page)


def test_pages_with_diagrams_pass_the_content_security_policy(client, handbook):
    from tests.web.test_security_headers import _inline_code

    for path in (
        "/condition/x-linked-sideroblastic-anemia",
        "/handbook/inheriting-genetic-conditions/inheritance-patterns",
    ):
        response = client.get(path)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert _inline_code(response.content) == [], path


@pytest.mark.parametrize(
    ("term", "codes"),
    [("autosomal-recessive", ["ar"]), ("x-linked", ["xr", "xd"]), ("mitochondrial-inheritance", ["m"]),
     ("codominance", ["ac"]), ("enzyme", [])],
)  # fmt: skip
def test_glossary_entries_of_the_patterns_show_their_diagram(client, glossary, term, codes):
    doc = parse(client.get(f"/glossary/{term}"))
    assert doc.xpath("//figure[@class='inheritance-diagram']/@data-pattern") == codes
