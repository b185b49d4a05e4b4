"""Home, A-Z lists, chromosomes, glossary, handbook, about, sources, site maps and the shared layout."""

import pytest

from tests.web.conftest import headings, import_content, parse, section, text_of


def test_layout_landmarks_and_search_box(client, kb):
    doc = parse(client.get("/"))
    assert doc.xpath("/html/@lang") == ["en"]
    assert doc.xpath("//a[@class='skip-link']/@href") == ["#main"]
    assert doc.xpath("//main/@id") == ["main"]
    assert len(doc.xpath("//header")) >= 1 and len(doc.xpath("//footer")) == 1
    nav = [text_of(a) for a in doc.xpath("//nav[@aria-label='Main']//a")]
    assert nav == ["Genes", "Conditions", "Chromosomes", "Glossary", "Handbook", "About"]
    box = doc.xpath("//header//form[@action='/search'][@method='get']//input[@name='q']")[0]
    assert box.get("role") == "combobox" and box.get("aria-controls") == "site-search-suggestions"
    assert doc.xpath(f"//label[@for='{box.get('id')}']")
    assert "no replacement for the care or advice of a qualified health professional" in text_of(
        doc.xpath("//footer")[0]
    )


def test_home_invites_search_and_counts(client, kb):
    doc = parse(client.get("/"))
    assert "4 genes and 5 health conditions" in text_of(doc.xpath("//main")[0])
    assert doc.xpath("//main//form[@action='/search']//input[@name='q']")


def test_gene_browse_by_letter(client, kb):
    doc = parse(client.get("/gene/"))
    assert [a.get("href") for a in doc.xpath("//ul[contains(@class,'browse-list')]//a")] == ["/gene/A1BG",
                                                                                            "/gene/ALAS2"]  # fmt: skip
    assert doc.xpath("//ul[@class='letters']//a[@aria-current='page']/text()") == ["A"]
    doc = parse(client.get("/gene/?letter=h"))
    assert doc.xpath("//ul[contains(@class,'browse-list')]//a/@href") == ["/gene/HMBS"]
    doc = parse(client.get("/gene/?letter=Q"))
    assert "No genes start with Q." in text_of(doc.xpath("//main")[0])


def test_gene_browse_paging(client, kb, monkeypatch):
    from ghr.web.pages import browse

    monkeypatch.setattr(browse, "PER_PAGE", 1)
    doc = parse(client.get("/gene/?letter=A&page=2"))
    assert doc.xpath("//ul[contains(@class,'browse-list')]//a/@href") == ["/gene/ALAS2"]
    assert doc.xpath("//nav[@class='pager']//a[@rel='prev']/@href") == ["/gene/?letter=A&page=1"]
    assert "Page 2 of 2" in text_of(doc.xpath("//nav[@class='pager']")[0])


def test_condition_browse(client, kb):
    doc = parse(client.get("/condition/?letter=X"))
    assert doc.xpath("//ul[contains(@class,'browse-list')]//a/@href") == [
        "/condition/x-linked-erythropoietic-protoporphyria",
        "/condition/x-linked-sideroblastic-anemia",
    ]


def test_chromosome_index_and_page(client, kb):
    doc = parse(client.get("/chromosome/"))
    hrefs = doc.xpath("//ul[@class='chromosome-grid']//a/@href")
    assert len(hrefs) == 25 and hrefs[0] == "/chromosome/1" and hrefs[-1] == "/chromosome/MT"
    doc = parse(client.get("/chromosome/X"))
    main = text_of(doc.xpath("//main")[0])
    assert "Size 156,040,895 base pairs (GRCh38)" in main
    assert "Genes with a known location 1" in main
    svg = doc.xpath("//figure//svg")[0]
    assert svg.get("role") == "img"
    assert "drawn with its 40 bands" in text_of(doc.xpath("//figcaption")[0])
    row = section(doc, "genes-heading").xpath(".//tbody/tr")[0]
    assert row.xpath(".//a/@href") == ["/gene/ALAS2", "/condition/x-linked-erythropoietic-protoporphyria",
                                       "/condition/x-linked-sideroblastic-anemia"]  # fmt: skip
    assert "55,009,055" in text_of(row)


def test_chromosome_without_condition_genes(client, kb):
    doc = parse(client.get("/chromosome/MT"))
    assert text_of(doc.xpath("//h1")[0]) == "Mitochondrial DNA"
    assert "Size 16,569 base pairs" in text_of(doc.xpath("//main")[0])
    assert "link no gene on the mitochondrial DNA" in text_of(section(doc, "genes-heading"))


def test_glossary_index_and_term(client, glossary):
    doc = parse(client.get("/glossary/"))
    assert "/glossary/enzyme" in doc.xpath("//main//a/@href")
    doc = parse(client.get("/glossary/enzyme"))
    assert text_of(doc.xpath("//h1")[0]) == "Enzyme"
    assert "not yet been reviewed by an expert" in text_of(doc.xpath("//main")[0])
    assert client.get("/glossary/Enzyme")["Location"] == "/glossary/enzyme"


def test_handbook_index_chapter_and_topic(client, handbook):
    doc = parse(client.get("/handbook/"))
    assert "Cells and DNA" in headings(doc)
    assert "/handbook/cells-and-dna/gene-location" in doc.xpath("//main//a/@href")
    doc = parse(client.get("/handbook/cells-and-dna/"))
    assert text_of(doc.xpath("//h1")[0]) == "Cells and DNA"
    doc = parse(client.get("/handbook/cells-and-dna/gene-location"))
    assert text_of(doc.xpath("//h1")[0]) == "How do geneticists indicate the location of a gene?"
    assert "Xp11.21" in text_of(doc.xpath("//main")[0])
    assert doc.xpath("//nav[@class='pager']//a")


def test_empty_editorial_sections_say_so(client, kb):
    assert "No glossary entries have been published yet." in text_of(parse(client.get("/glossary/")).xpath("//main")[0])
    assert "No Handbook topics" in text_of(parse(client.get("/handbook/")).xpath("//main")[0])


def test_about_and_sources(client, kb):
    doc = parse(client.get("/about/"))
    assert "Gene names and symbols" in headings(doc)
    doc = parse(client.get("/about/sources"))
    rows = doc.xpath("//table[contains(@class,'releases')]/tbody/tr")
    assert len(rows) == 11
    first = [text_of(td) for td in rows[0].xpath("td")]
    assert first[0] == "Ensembl genes (ideogram cache)"
    assert first[1] == "110" and first[3] == "CC0 1.0" and first[4] == "test fixture ensembl_genes"
    assert "20261123T120000Z" in text_of(doc.xpath("//main")[0])


def test_sitemap_page(client, handbook):
    doc = parse(client.get("/sitemap/"))
    hrefs = doc.xpath("//main//a/@href")
    assert "/chromosome/X" in hrefs and "/gene/?letter=A" in hrefs and "/handbook/cells-and-dna/" in hrefs
    assert "/condition/?letter=X" in hrefs and "/sitemap.xml" in hrefs


@pytest.fixture
def sitemap_xml(client, handbook):
    import_content("glossary/enzyme.md")
    import lxml.etree

    def get(path):
        response = client.get(path)
        assert response.status_code == 200
        return lxml.etree.fromstring(response.content)

    return get


def test_xml_sitemap_index_and_sections(sitemap_xml):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = sitemap_xml("/sitemap.xml")
    sections = [loc.split("/")[-1].split("?")[0] for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=ns)]
    kinds = ("pages", "genes", "conditions", "chromosomes", "gene-families", "glossary", "handbook")
    assert sorted(sections) == sorted(f"sitemap-{kind}.xml" for kind in kinds)
    genes = sitemap_xml("/sitemap-genes.xml").xpath("//s:loc/text()", namespaces=ns)
    assert [g.split("testserver")[1] for g in genes] == ["/gene/A1BG", "/gene/ALAS2", "/gene/FECH", "/gene/HMBS"]
    conditions = sitemap_xml("/sitemap-conditions.xml").xpath("//s:loc/text()", namespaces=ns)
    assert len(conditions) == 5
    chromosomes = sitemap_xml("/sitemap-chromosomes.xml").xpath("//s:loc/text()", namespaces=ns)
    assert len(chromosomes) == 26
    glossary = sitemap_xml("/sitemap-glossary.xml").xpath("//s:loc/text()", namespaces=ns)
    assert glossary[-1].endswith("/glossary/enzyme")
    handbook = sitemap_xml("/sitemap-handbook.xml").xpath("//s:loc/text()", namespaces=ns)
    assert any(h.endswith("/handbook/cells-and-dna/gene-location") for h in handbook)


def test_gene_sitemap_is_paged(client, kb, monkeypatch):
    from ghr.web.sitemaps import GeneSitemap

    monkeypatch.setattr(GeneSitemap, "limit", 3)
    import lxml.etree

    index = lxml.etree.fromstring(client.get("/sitemap.xml").content)
    locs = index.xpath("//*[local-name()='loc']/text()")
    assert any(loc.endswith("sitemap-genes.xml?p=2") for loc in locs)
    page2 = lxml.etree.fromstring(client.get("/sitemap-genes.xml?p=2").content)
    assert [loc.split("testserver")[1] for loc in page2.xpath("//*[local-name()='loc']/text()")] == ["/gene/HMBS"]


def test_a_chromosome_lists_the_conditions_its_number_or_structure_causes(client, kb):
    doc = parse(client.get("/chromosome/21"))
    changed = section(doc, "chromosomal-heading")
    assert "Conditions caused by changes in the number or structure of chromosome 21" in text_of(changed)
    assert changed.xpath(".//a/@href") == ["/condition/down-syndrome"]
    assert "It is caused by an extra copy of chromosome 21 in each cell (trisomy 21)." in text_of(changed)
    assert parse(client.get("/chromosome/18")).xpath("//*[@id='chromosomal-heading']") == []


def test_a_chromosomal_condition_names_its_chromosome(client, kb):
    doc = parse(client.get("/condition/down-syndrome"))
    causes = section(doc, "causes-heading")
    assert "extra copy of chromosome 21" in text_of(causes)
    assert "/chromosome/21" in causes.xpath(".//a/@href")
