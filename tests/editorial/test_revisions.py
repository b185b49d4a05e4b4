"""Every saved version is kept; versions can be compared, restored as a new draft, and previewed."""

import pytest
from lxml import html as lxml_html

from ghr.editorial import public, workflow
from ghr.editorial.models import State
from tests.editorial.test_access import login, post

pytestmark = pytest.mark.urls("tests.editorial.urls")


@pytest.fixture
def three_versions(published, writer):
    workflow.save_draft(
        published,
        writer,
        title="Normal function of the ALAS2 gene",
        body="The *ALAS2* gene makes erythroid ALA-synthase.",
        references=[8829630],
        note="shorter",
    )
    workflow.save_draft(published, writer, title="What ALAS2 does",
                        body="The *ALAS2* gene makes erythroid ALA-synthase in the bone marrow.",
                        references=[8829630], note="retitled")  # fmt: skip
    return published


def test_every_version_is_kept(three_versions):
    numbers = [r.number for r in three_versions.revisions.order_by("number")]
    assert numbers == [1, 2, 3]
    assert three_versions.working_revision.number == 3
    assert three_versions.published_revision.number == 1
    assert three_versions.state == State.DRAFT


def test_diff_between_any_two_versions(three_versions, writer):
    client = login(writer)
    response = client.get(f"/editorial/texts/{three_versions.pk}/diff?from=1&to=3")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    table = tree.find_class("diff")[0]
    # HtmlDiff keeps spaces as no-break spaces.
    marked = {
        name: " ".join(span.text_content() for span in table.find_class(name)).replace("\xa0", " ")
        for name in ("diff_add", "diff_chg", "diff_sub")
    }
    added, changed, removed = marked["diff_add"], marked["diff_chg"], marked["diff_sub"]
    assert "What ALAS2 does" in added + changed
    assert "1309003" in removed + changed


def test_diff_with_a_version_that_does_not_exist_is_a_400(three_versions, writer):
    client = login(writer)
    assert client.get(f"/editorial/texts/{three_versions.pk}/diff?from=1&to=99").status_code == 400
    assert client.get(f"/editorial/texts/{three_versions.pk}/diff?from=x&to=1").status_code == 400


def test_diff_escapes_what_it_shows(published, writer):
    workflow.save_draft(published, writer, title="T", body="<script>alert(1)</script>")
    response = login(writer).get(f"/editorial/texts/{published.pk}/diff?from=1&to=2")
    tree = lxml_html.fromstring(response.content)
    assert tree.find(".//script") is None
    assert "<script>alert(1)</script>" in tree.text_content()


def test_restore_makes_an_old_version_the_new_draft(three_versions, writer):
    client = login(writer)
    response = post(client, f"/editorial/texts/{three_versions.pk}/revisions/1/restore")
    assert response.status_code == 302
    three_versions.refresh_from_db()
    restored = three_versions.working_revision
    first = three_versions.revisions.get(number=1)
    assert restored.number == 4 and restored.content() == first.content()
    assert restored.author == writer and restored.approved_at is None
    assert three_versions.events.filter(action="edit", revision=restored).exists()


def test_restore_needs_a_post(three_versions, writer):
    response = login(writer).get(f"/editorial/texts/{three_versions.pk}/revisions/1/restore")
    assert response.status_code == 405


def test_preview_shows_the_draft_in_the_site_layout(three_versions, writer):
    response = login(writer).get(f"/editorial/texts/{three_versions.pk}/preview")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    assert tree.find(".//main//h1").text == "What ALAS2 does"
    assert "in the bone marrow" in tree.find(".//main").text_content()
    assert tree.find(".//header[@class='site-header']") is not None  # the public layout, web/base.html
    assert tree.find(".//meta[@name='robots']").get("content") == "noindex, nofollow"
    assert [a.get("href") for a in tree.findall(".//main//ol[@class='references']//a")] == [
        "https://pubmed.ncbi.nlm.nih.gov/8829630/"
    ]
    # The public still sees version 1.
    assert public.published_text("gene-function", "ALAS2").title == "Normal function of the ALAS2 gene"


def test_preview_of_an_older_version(three_versions, writer):
    response = login(writer).get(f"/editorial/texts/{three_versions.pk}/preview?revision=2")
    tree = lxml_html.fromstring(response.content)
    assert tree.find(".//main//h1").text == "Normal function of the ALAS2 gene"
    assert login(writer).get(f"/editorial/texts/{three_versions.pk}/preview?revision=9").status_code == 404


def test_edit_page_saves_a_new_version_and_puts_text_back_in_draft(published, writer):
    client = login(writer)
    form = lxml_html.fromstring(client.get(f"/editorial/texts/{published.pk}/edit").content)
    assert form.find(".//input[@name='title']").get("value") == "Normal function of the ALAS2 gene"
    assert form.find(".//input[@name='references']").get("value") == "8829630, 1309003"
    response = post(client, f"/editorial/texts/{published.pk}/edit", {
        "title": "New title", "body": "New body with [[heme]].", "references": "8829630", "note": "simpler",
    })  # fmt: skip
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.state == State.DRAFT and published.working_revision.number == 2
    assert published.working_revision.html == '<p>New body with <a href="/glossary/heme">heme</a>.</p>'


def test_bad_references_are_a_form_error(published, writer):
    client = login(writer)
    response = post(client, f"/editorial/texts/{published.pk}/edit", {"title": "T", "body": "B", "references": "PMID1"})
    assert response.status_code == 200
    assert "PubMed IDs are whole numbers" in response.content.decode()
    published.refresh_from_db()
    assert published.working_revision.number == 1


def test_approved_text_edited_again_needs_a_new_review(draft, writer, reviewer):
    workflow.submit(draft, writer)
    workflow.approve(draft, reviewer)
    workflow.save_draft(draft, writer, title="T", body="changed after approval")
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert draft.working_revision.approved_at is None


def test_a_saved_version_cannot_be_changed(published):
    from ghr.editorial.models import AppendOnlyError

    revision = published.published_revision
    revision.body = "rewritten in place"
    with pytest.raises(AppendOnlyError):
        revision.save()
    with pytest.raises(AppendOnlyError):
        revision.save(update_fields=["body"])
    revision.refresh_from_db()
    assert revision.body != "rewritten in place"
