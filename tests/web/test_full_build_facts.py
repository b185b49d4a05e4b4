"""What a clinician checks first, on the full build of the pinned data (`make test` runs these with GHR_TEST_KB):
which genes cause a condition and in what order, general pages, titles, chromosomal conditions, inheritance and
frequency in words; and that the written texts reach the pages people find by searching."""

from pathlib import Path

import pytest

from ghr.build.status import full_build_available
from ghr.editorial.transfer import content_files, import_text, parse_file
from ghr.editorial.workflow import system_user
from ghr.kb import models as kb
from ghr.search.engine import search
from tests.web.conftest import parse, section, text_of

pytestmark = pytest.mark.full
CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(autouse=True)
def _full_build():
    if not full_build_available():
        pytest.skip("no full build: `make test` builds one from the pinned data and runs these with GHR_TEST_KB")


def gene_groups(client, slug: str) -> dict[str, list[str]]:
    causes = section(parse(client.get(f"/condition/{slug}")), "causes-heading")
    return {ul.get("data-kind"): [a.text for a in ul.xpath("./li/a[1]")] for ul in causes.xpath(".//ul[@data-kind]")}


def test_cystic_fibrosis_is_caused_by_cftr_and_its_modifiers_are_not_causes(client):
    groups = gene_groups(client, "cystic-fibrosis")
    assert groups["causes"] == ["CFTR"]
    assert {"HFE", "TGFB1", "SERPINA1"} <= set(groups["uncertain"])
    cftr = parse(client.get("/gene/CFTR")).xpath("//section[@aria-labelledby='conditions-heading']//h3/a/text()")
    assert cftr[0] == "Cystic fibrosis"
    hfe = parse(client.get("/gene/HFE")).xpath("//div[@class='condition-block']")
    assert "hemochromatosis" in text_of(hfe[0]).lower()
    assert "caused by changes" not in text_of(next(b for b in hfe if "Cystic fibrosis" in text_of(b)))


@pytest.mark.parametrize(
    ("name", "genes"),
    [("Spinal muscular atrophy", {"SMN1"}), ("Gaucher disease", {"GBA1"}), ("Hemochromatosis", {"HFE"}),
     ("Polycystic kidney disease", {"PKD1", "PKD2"}), ("Osteogenesis imperfecta", {"COL1A1", "COL1A2"}),
     ("Ehlers-Danlos syndrome", {"COL5A1", "COL3A1"}), ("Hypertrophic cardiomyopathy", {"MYH7", "MYBPC3"}),
     ("Marfan syndrome", {"FBN1"}), ("Familial hypercholesterolemia", {"LDLR", "APOB", "PCSK9"}),
     ("Retinitis pigmentosa", {"RHO", "RPGR", "USH2A"})],
)  # fmt: skip
def test_general_pages_gather_the_genes_of_their_types_and_search_finds_them_first(client, name, genes):
    first = search(name)[0]
    assert first.kind == "condition", (name, first)
    assert genes <= set(gene_groups(client, first.key).get("causes", [])), (name, first.key)


def test_no_title_is_cut_and_few_are_shared():
    gard_names = kb.Condition.objects.filter(name_source__key="gard").values_list("name", flat=True)
    assert not [name for name in gard_names if len(name) == 80]  # GARD's packaged file cuts names at 80
    names = list(kb.Condition.objects.values_list("name", flat=True))
    assert len(names) - len({n.lower() for n in names}) < 40


def test_chromosomal_conditions_name_their_chromosome_and_are_listed_on_it(client):
    down = text_of(section(parse(client.get("/condition/down-syndrome")), "causes-heading"))
    assert "extra copy of chromosome 21" in down
    chromosome_21 = section(parse(client.get("/chromosome/21")), "chromosomal-heading")
    assert "/condition/down-syndrome" in chromosome_21.xpath(".//a/@href")
    x = text_of(section(parse(client.get("/chromosome/X")), "chromosomal-heading"))
    assert "Turner syndrome" in x and "Klinefelter syndrome" in x
    williams = text_of(section(parse(client.get("/condition/williams-syndrome")), "causes-heading"))
    assert "chromosome 7 in the region 7q11.23" in williams


def test_one_inheritance_pattern_where_sources_contradict(client):
    hemophilia = text_of(section(parse(client.get("/condition/hemophilia-a")), "inheritance-heading"))
    assert "X-linked recessive" in hemophilia and "Autosomal dominant" not in hemophilia
    assert kb.ConditionReview.objects.filter(condition__slug="hemophilia-a", topic="inheritance").exists()


def test_frequency_in_words(client):
    rett = text_of(section(parse(client.get("/condition/rett-syndrome")), "frequency-heading"))
    assert " in 100,000 " in rett or " in 10,000 " in rett


@pytest.mark.django_db(databases=["default", "kb"])
def test_every_written_condition_and_gene_text_reaches_its_page(client):
    importer = system_user()
    descriptions, functions = [], []
    for path in content_files(CONTENT):
        kind, key, content = parse_file(path)
        from ghr.editorial.attachment import place

        placed = place(kind, key, content["mondo_id"], content["hgnc_id"])
        import_text(kind, placed.key, content, path.name, importer, publish_for="tests")
        if kind == "condition-description":
            descriptions.append((content["title"], placed.key))
        elif kind == "gene-function":
            functions.append(placed.key)
    assert len(descriptions) >= 100 and len(functions) >= 150
    for title, slug in descriptions:
        found = [r.key for r in search(title) if r.kind == "condition"][:3]
        assert slug in found, (title, slug, found)
        page = parse(client.get(f"/condition/{slug}"))
        described = section(page, "description-heading")
        # The editors' text, not the build's: labelled as theirs, with no automatic sources line.
        assert described.xpath(".//p[contains(@class, 'editors-note')]"), slug
        assert not described.xpath("./details[@class='source-note']"), slug
    for symbol in functions:
        function = section(parse(client.get(f"/gene/{symbol}")), "function-heading")
        assert function.xpath(".//p[contains(@class, 'editors-note')]"), symbol


def test_plain_texts_the_build_wrote_reach_pages_and_documents(client):
    import json

    import lxml.html

    cftr = section(parse(client.get("/gene/CFTR")), "function-heading")
    words = text_of(cftr.xpath('.//div[@class="prose"]')[0])
    assert "It is one of the chloride channels, which let chloride in and out of cells." in words
    assert "GO:" not in words
    record = json.loads(client.get("/api/v1/genes/CFTR").content)
    function = next(t for t in record["texts"] if t["role"] == "function")
    assert " ".join(lxml.html.fromstring(function["html"]).text_content().split()) == words
    down = kb.Narrative.objects.get(condition__slug="down-syndrome", role="description").text
    assert "extra copy of chromosome 21" in down and "Mondo" not in down
    pseudogene = kb.Narrative.objects.get(gene__symbol="WASH7P", role="function").text
    assert pseudogene.startswith("WASH7P is a pseudogene")
    assert not kb.Narrative.objects.filter(text__contains="recorded in the Mondo").exists()
    # The sections and each gene's link to a condition: the page and its document show the build's words.
    causes = kb.Narrative.objects.get(condition__slug="down-syndrome", role="causes").text
    assert causes.startswith("It is caused by an extra copy of chromosome 21") and "down syndrome" not in causes
    hfe = text_of(section(parse(client.get("/gene/HFE")), "conditions-heading"))
    assert (
        "Changes in the HFE gene have been reported in people with cystic fibrosis, but the evidence that they "
        "cause it is weaker" in hfe
    )
