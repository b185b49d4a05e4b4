"""A build that changes a fact a published text relies on flags the text "review due", saying what changed."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from ghr.editorial import workflow
from ghr.editorial.models import AuditEvent, Revision
from ghr.editorial.staleness import flag_review_due
from ghr.kb.models import ConditionInheritance, Gene, GeneCondition
from tests.editorial.test_access import login


@pytest.fixture
def condition_text(writer, reviewer, publisher):
    text = workflow.create_text(
        "condition-inheritance", "x-linked-sideroblastic-anemia", writer,
        title="How is X-linked sideroblastic anemia inherited?", body="It is X-linked recessive.",
    )  # fmt: skip
    for step, who in ((workflow.submit, writer), (workflow.approve, reviewer), (workflow.publish, publisher)):
        step(text, who)
    return text


def test_fingerprint_is_stored_on_approval(published):
    assert published.fingerprint["gene name"] == "5'-aminolevulinate synthase 2"
    assert published.fingerprint["gene conditions"] == [
        "x-linked-erythropoietic-protoporphyria", "x-linked-sideroblastic-anemia",
    ]  # fmt: skip
    assert published.fingerprint["gene location"] == "Xp11.21"


def test_nothing_flagged_when_nothing_changed(published, condition_text):
    assert flag_review_due() == []
    published.refresh_from_db()
    assert not published.review_due


def test_renamed_gene_flags_the_gene_text(published):
    Gene.objects.filter(symbol="ALAS2").update(name="aminolevulinic acid synthase 2")
    flagged = flag_review_due(using="kb")
    assert [text.pk for text in flagged] == [published.pk]
    published.refresh_from_db()
    assert published.review_due
    assert published.review_due_reasons == [
        "gene name: \"5'-aminolevulinate synthase 2\" → 'aminolevulinic acid synthase 2'"
    ]
    event = AuditEvent.objects.get(text=published, action="flag_review_due")
    assert event.actor is None and "aminolevulinic acid synthase 2" in event.reason


def test_dropped_gene_condition_link_flags_gene_and_condition_texts(published, condition_text):
    GeneCondition.objects.filter(gene__symbol="ALAS2", condition__slug="x-linked-sideroblastic-anemia").delete()
    flag_review_due()
    published.refresh_from_db()
    condition_text.refresh_from_db()
    assert "gene conditions: removed x-linked-sideroblastic-anemia" in published.review_due_reasons
    assert condition_text.review_due_reasons == ["condition genes: removed ALAS2"]


def test_changed_inheritance_flags_the_condition_text(condition_text):
    ConditionInheritance.objects.filter(condition__slug="x-linked-sideroblastic-anemia").update(code="xd")
    flag_review_due()
    condition_text.refresh_from_db()
    assert condition_text.review_due_reasons == ["condition inheritance: added xd; removed xr"]


def test_new_gene_symbol_is_found_by_hgnc_id(published):
    Gene.objects.filter(symbol="ALAS2").update(symbol="ALAS2NEW")
    flag_review_due()
    published.refresh_from_db()
    assert "gene symbol: 'ALAS2' → 'ALAS2NEW'" in published.review_due_reasons


def test_flagging_twice_logs_once(published):
    Gene.objects.filter(symbol="ALAS2").update(cytogenetic_location="Xp11.22")
    assert len(flag_review_due()) == 1
    assert flag_review_due() == []
    assert AuditEvent.objects.filter(text=published, action="flag_review_due").count() == 1


def test_old_review_is_due(published, settings):
    Revision.objects.filter(pk=published.published_revision_id).update(
        approved_at=timezone.now() - timedelta(days=366 * 6)
    )
    flag_review_due()
    published.refresh_from_db()
    assert len(published.review_due_reasons) == 1
    assert published.review_due_reasons[0].startswith("last reviewed ")
    assert published.review_due_reasons[0].endswith("more than 5 years ago")


def test_new_approval_clears_the_flag(published, writer, reviewer):
    Gene.objects.filter(symbol="ALAS2").update(name="renamed")
    flag_review_due()
    workflow.save_draft(published, writer, title="Normal function of the ALAS2 gene", body="Checked again.")
    workflow.submit(published, writer)
    workflow.approve(published, reviewer)
    published.refresh_from_db()
    assert not published.review_due and published.review_due_reasons == []
    assert published.fingerprint["gene name"] == "renamed"


@pytest.mark.urls("tests.editorial.urls")
def test_dashboard_lists_review_due_with_what_changed(published, reviewer):
    Gene.objects.filter(symbol="ALAS2").update(name="renamed")
    flag_review_due()
    tree = lxml_html.fromstring(login(reviewer).get("/editorial/").content)
    section = tree.get_element_by_id("review-due").getparent()
    assert "Normal function of the ALAS2 gene" in section.text_content()
    assert "gene name:" in section.text_content() and "'renamed'" in section.text_content()


def test_text_saved_before_its_gene_was_built_adopts_the_first_build_as_baseline(writer, reviewer, publisher):
    from ghr.kb.models import SourceRelease

    text = workflow.create_text("gene-function", "UROD", writer, title="Normal function of the UROD gene",
                                body="Makes uroporphyrinogen decarboxylase.")  # fmt: skip
    for step, who in ((workflow.submit, writer), (workflow.approve, reviewer), (workflow.publish, publisher)):
        step(text, who)
    assert text.fingerprint == {"gene": "UROD not in the knowledge base"}
    source = SourceRelease.objects.get(key="gnuhealth_genes")
    Gene.objects.create(symbol="UROD", name="uroporphyrinogen decarboxylase", hgnc_id="HGNC:12591",
                        chromosome="1", cytogenetic_location="1p34.1", source=source)  # fmt: skip
    assert flag_review_due() == []
    text.refresh_from_db()
    assert text.fingerprint["gene name"] == "uroporphyrinogen decarboxylase"
    Gene.objects.filter(symbol="UROD").update(name="UROD renamed")
    assert [t.pk for t in flag_review_due()] == [text.pk]


def test_gene_that_disappears_flags_its_text(published):
    Gene.objects.filter(symbol="ALAS2").delete()
    flag_review_due()
    published.refresh_from_db()
    assert published.review_due_reasons == ["gene ALAS2 not in the knowledge base"]


def test_review_due_command_lists_what_changed(published):
    import io

    from django.core.management import call_command

    Gene.objects.filter(symbol="ALAS2").update(cytogenetic_location="Xp11.3")
    out = io.StringIO()
    call_command("texts", "review-due", stdout=out)
    assert "1 newly flagged; 1 texts due for review" in out.getvalue()
    assert "gene-function ALAS2: gene location: 'Xp11.21' → 'Xp11.3'" in out.getvalue()


@pytest.mark.urls("tests.editorial.urls")
def test_text_list_filters_review_due(published, writer):
    other = workflow.create_text("glossary", "heme", writer, title="Heme", body="x")
    Gene.objects.filter(symbol="ALAS2").update(name="renamed")
    flag_review_due()
    tree = lxml_html.fromstring(login(writer).get("/editorial/texts/?due=on").content)
    keys = [code.text for code in tree.iter("code")]
    assert "ALAS2" in keys and other.key not in keys


def test_gene_condition_text_follows_its_own_link_only(writer, reviewer, publisher):
    key = "ALAS2/x-linked-sideroblastic-anemia"
    title = "ALAS2 and X-linked sideroblastic anemia"
    text = workflow.create_text("gene-condition", key, writer, title=title, body="Loss-of-function variants.")
    for step, who in ((workflow.submit, writer), (workflow.approve, reviewer), (workflow.publish, publisher)):
        step(text, who)
    # The gene's other condition changes: not this text's business.
    GeneCondition.objects.filter(condition__slug="x-linked-erythropoietic-protoporphyria").delete()
    assert flag_review_due() == []
    # Its own link goes: due.
    GeneCondition.objects.filter(condition__slug="x-linked-sideroblastic-anemia").delete()
    flag_review_due()
    text.refresh_from_db()
    assert sorted(text.review_due_reasons) == [
        "condition genes: removed ALAS2",
        "gene-condition link: 'linked by a source' → 'not linked by any source'",
    ]


def test_gene_condition_text_saved_before_the_build_adopts_the_link(writer, reviewer, publisher):
    from ghr.kb.models import Condition, SourceRelease

    text = workflow.create_text("gene-condition", "UROD/porphyria-cutanea-tarda", writer,
                                title="UROD and porphyria cutanea tarda", body="x")  # fmt: skip
    for step, who in ((workflow.submit, writer), (workflow.approve, reviewer), (workflow.publish, publisher)):
        step(text, who)
    source = SourceRelease.objects.get(key="gnuhealth_genes")
    gene = Gene.objects.create(symbol="UROD", name="uroporphyrinogen decarboxylase", hgnc_id="HGNC:12591",
                               source=source)  # fmt: skip
    condition = Condition.objects.create(slug="porphyria-cutanea-tarda", name="Porphyria cutanea tarda",
                                         name_source=source)  # fmt: skip
    GeneCondition.objects.create(gene=gene, condition=condition, source=source)
    assert flag_review_due() == []
    text.refresh_from_db()
    assert text.fingerprint["gene-condition link"] == "linked by a source"


@pytest.mark.django_db(databases=["default", "kb", "kb_staging"])
def test_without_a_knowledge_base_everything_is_not_built_yet(published):
    from ghr.editorial.staleness import fingerprint, knowledge_base_ready

    # The staging alias has no tables until a build writes there: like a site before its first build.
    if knowledge_base_ready("kb_staging"):
        pytest.skip("a build test in this worker left tables in kb_staging")
    assert knowledge_base_ready("kb")
    assert fingerprint("gene-function", "ALAS2", using="kb_staging") == {"gene": "ALAS2 not in the knowledge base"}
    assert fingerprint("gene-condition", "ALAS2/x", using="kb_staging") == {
        "gene": "ALAS2 not in the knowledge base", "condition": "x not in the knowledge base",
    }  # fmt: skip
    assert fingerprint("glossary", "heme", using="kb_staging") == {}
    assert flag_review_due(using="kb_staging") == []


@pytest.mark.urls("tests.editorial.urls")
def test_dashboard_lists_the_facts_the_sources_disagree_on(reviewer, db):
    from ghr.kb.models import Condition, ConditionReview

    xlsa = Condition.objects.get(slug="x-linked-sideroblastic-anemia")
    message = (
        "The sources give autosomal dominant (hpo), X-linked recessive (orphadata). The page states X-linked recessive."
    )
    ConditionReview.objects.create(condition=xlsa, topic="inheritance", message=message)
    tree = lxml_html.fromstring(login(reviewer).get("/editorial/").content)
    section = tree.get_element_by_id("facts-to-check").getparent()
    assert f"X-linked sideroblastic anemia (inheritance): {message}" in " ".join(section.text_content().split())
    assert section.xpath(".//a/@href") == ["/condition/x-linked-sideroblastic-anemia"]
