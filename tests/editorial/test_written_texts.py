"""Written texts: full citations, a second reading before publication, stable attachment and the facts check."""

import io

import pytest
from django.core.management import CommandError, call_command

from ghr.editorial import public
from ghr.editorial.citations import CitationError, parse_citation, parse_citations
from ghr.editorial.models import State, Text
from ghr.kb.models import Condition
from tests.editorial.test_transfer import run, write

READING = """second_reading:
  reader: Rita Reader
  date: 2026-12-01
  checklist: CHECKLIST.md v1
"""

CITED = """  - authors: Bishop DF, Tchaikovskii V, Nazarenko I, Desnick RJ
    year: 2013
    title: "Molecular expression and characterization of erythroid-specific 5-aminolevulinate synthase"
    journal: Mol Med 19:18-25
    checked: test fixture
  - authors: Example A
    year: 2020
    title: "A second source"
    journal: GeneReviews
    nbk: NBK1000
"""


def description(key: str, mondo: str, reading: str = READING) -> str:
    return f"""---
kind: condition-description
key: {key}
title: X-linked sideroblastic anemia
mondo: {mondo}
other_names: [XLSA]
references:
{CITED}{reading}---
A blood disorder in which developing red cells cannot make enough [[heme]].
"""


def test_citations_are_read_whole_and_bad_ones_say_why():
    full = parse_citation({"authors": "Smith A", "year": 2021, "title": "T", "journal": "J", "pmid": "123"})
    assert full.pmid == 123 and full.as_text() == "Smith A. T. J. 2021. PMID: 123."
    assert parse_citation(25741868).is_bare
    with pytest.raises(CitationError, match="not a PubMed ID"):
        parse_citation({"authors": "A", "year": 2020, "title": "T", "journal": "J", "pmid": "12ab"})
    with pytest.raises(CitationError, match="without year, journal"):
        parse_citation({"authors": "A", "title": "T"})
    with pytest.raises(CitationError, match="reference 2: unknown reference field"):
        parse_citations([1, {"authors": "A", "year": 2020, "title": "T", "journal": "J", "url": "x"}])
    with pytest.raises(CitationError, match="not an NCBI Bookshelf ID"):
        parse_citation({"authors": "A", "year": 2020, "title": "T", "journal": "J", "nbk": "1250"})


@pytest.mark.django_db(databases=["default", "kb"])
def test_a_condition_text_without_a_second_reading_waits_for_review(tmp_path):
    folder = write(tmp_path, {"d.md": description("x-linked-sideroblastic-anemia", "MONDO:0020721", reading="")})
    output = run("import", "--publish", str(folder))
    assert "for review condition-description x-linked-sideroblastic-anemia" in output
    text = Text.objects.get(kind="condition-description")
    assert text.state == State.IN_REVIEW and text.published_revision is None
    assert public.published_text("condition-description", "x-linked-sideroblastic-anemia") is None


@pytest.mark.django_db(databases=["default", "kb"])
def test_a_second_read_text_is_published_with_its_reader_and_full_references(client, tmp_path):
    folder = write(tmp_path, {"d.md": description("x-linked-sideroblastic-anemia", "MONDO:0020721")})
    run("import", "--publish", str(folder))
    text = Text.objects.get(kind="condition-description")
    assert text.state == State.PUBLISHED
    assert "second reading by Rita Reader on 2026-12-01" in text.published_revision.note
    page = client.get("/condition/x-linked-sideroblastic-anemia").content.decode()
    assert "Bishop DF, Tchaikovskii V, Nazarenko I, Desnick RJ. Molecular expression" in page
    assert 'href="https://www.ncbi.nlm.nih.gov/books/NBK1000/"' in page
    assert "test fixture" not in page  # how a citation was checked is for reviewers only
    document = client.get("/api/v1/conditions/x-linked-sideroblastic-anemia").json()
    texts = [t for t in document["texts"] if t["source"] == "editorial"]
    assert texts[0]["citations"][1] == {
        "authors": "Example A", "year": 2020, "title": "A second source", "journal": "GeneReviews", "nbk": "NBK1000"
    }  # fmt: skip


@pytest.mark.django_db(databases=["default", "kb"])
def test_a_text_finds_its_page_by_mondo_id_and_follows_a_rename(client, tmp_path):
    folder = write(tmp_path, {"d.md": description("xlsa-old-name", "MONDO:0020721")})
    run("import", "--publish", str(folder))
    assert Text.objects.get(kind="condition-description").key == "x-linked-sideroblastic-anemia"
    Condition.objects.using("kb").filter(slug="x-linked-sideroblastic-anemia").update(slug="sideroblastic-anemia-x")
    from ghr.editorial.attachment import reattach

    report = reattach()
    assert report.moved == ["condition-description x-linked-sideroblastic-anemia -> sideroblastic-anemia-x"]
    assert "A blood disorder" in client.get("/condition/sideroblastic-anemia-x").content.decode()


@pytest.mark.django_db(databases=["default", "kb"])
def test_import_reports_a_text_whose_page_is_gone(tmp_path):
    folder = write(tmp_path, {"d.md": description("no-such-condition", "MONDO:0000001")})
    output = run("import", "--publish", str(folder))
    assert "no page for condition-description no-such-condition" in output


GLOSSARY = """---
kind: glossary
key: protoporphyrin
title: Protoporphyrin
references: []
synonyms: [protoporphyrin IX, protoporphyrinogen]
---
A porphyrin.
"""

CAUSES = """---
kind: condition-causes
key: x-linked-sideroblastic-anemia
title: What causes it?
mondo: MONDO:0020721
references: [1309003, 8829630]
---
It is caused by changes in the *ALAS2* gene; the *HMBS* gene is not involved. [[protoporphyrin|protoporphyrinogen IX]]
"""

INHERITANCE = """---
kind: condition-inheritance
key: x-linked-sideroblastic-anemia
title: How is it inherited?
mondo: MONDO:0020721
references: [1309003, 8829630]
---
This condition is inherited in an autosomal dominant pattern.
"""

FUNCTION = """---
kind: gene-function
key: FECH
title: Normal function of the FECH gene
hgnc: HGNC:3647
references: [1376018, 1309003]
---
The *FECH* gene lies on chromosome 18 at 18q21.31, not at 18q12.
"""


@pytest.mark.django_db(databases=["default", "kb"])
def test_the_facts_check_finds_each_kind_of_disagreement(tmp_path):
    folder = write(tmp_path, {"glossary/protoporphyrin.md": GLOSSARY, "c/causes.md": CAUSES,
                              "c/inheritance.md": INHERITANCE, "g/function.md": FUNCTION})  # fmt: skip
    out = io.StringIO()
    with pytest.raises(CommandError, match="facts check found disagreements"):
        call_command("texts", "check", str(folder), stdout=out, stderr=io.StringIO())
    printed = out.getvalue()
    assert (
        "c/causes.md: gene: names the gene HMBS, which the knowledge base does not link to "
        "x-linked-sideroblastic-anemia" in printed
    )
    assert "names the gene ALAS2" not in printed
    assert (
        "c/causes.md: glossary: links 'protoporphyrinogen IX' to the glossary definition of Protoporphyrin" in printed
    )
    assert "lists 'protoporphyrinogen' as another name of Protoporphyrin" in printed
    assert "c/inheritance.md: inheritance: says 'autosomal dominant', but the knowledge base gives xr" in printed
    assert "g/function.md: location: gives the band 18q12, but FECH is at 18q21.31" in printed
    assert "18q21.31, but" not in printed
    assert "g/function.md: pmid: cites PubMed 1309003, which the knowledge base links to ALAS2, not FECH" in printed
    assert "4 texts checked: 6 findings, 0 acknowledged" in printed


@pytest.mark.django_db(databases=["default", "kb"])
def test_an_acknowledged_finding_passes_the_check(tmp_path):
    kept = INHERITANCE.replace(
        "---\nThis", "acknowledged:\n  - finding: says 'autosomal dominant', but the knowledge base gives xr for "
        "x-linked-sideroblastic-anemia\n    reason: test of an acknowledgement\n---\nThis",
    )  # fmt: skip
    folder = write(tmp_path, {"c/inheritance.md": kept})
    printed = run("check", str(folder))
    assert "1 texts checked: 0 findings, 1 acknowledged" in printed


FREQUENCY = """---
kind: condition-frequency
key: x-linked-sideroblastic-anemia
title: How common is it?
mondo: MONDO:0020721
references: [1309003, 8829630]
---
About 1 in 1,000 people have this condition. About 1 in 10 people with the condition have no known variant.
"""


@pytest.mark.django_db(databases=["default", "kb"])
def test_the_facts_check_flags_a_frequency_far_from_the_sources(tmp_path):
    from ghr.kb.models import Condition, ConditionFact, SourceRelease

    xlsa = Condition.objects.using("kb").get(slug="x-linked-sideroblastic-anemia")
    orphadata = SourceRelease.objects.using("kb").get(key="orphadata")
    ConditionFact.objects.using("kb").create(
        condition=xlsa, kind="prevalence", value="<1 / 1 000 000 (worldwide, point prevalence)", source=orphadata
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("texts", "check", str(write(tmp_path, {"f.md": FREQUENCY})), stdout=out, stderr=io.StringIO())
    printed = out.getvalue()
    assert "frequency: gives '1 in 1,000', far from the sources' figure (<1 / 1 000 000" in printed
    assert "1 in 10" not in printed  # a share of the people who have it, not how common it is
