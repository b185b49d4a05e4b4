"""Who can reach and do what, logged in through the real login page as each role."""

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from ghr.editorial import workflow
from ghr.editorial.models import State, Text
from tests.editorial.conftest import PASSWORD, make_user

pytestmark = pytest.mark.urls("tests.editorial.urls")


def login(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/?next=/editorial/",
        {"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/editorial/"},
    )
    assert response.status_code == 302, response.content[:500]
    return client


def csrf(client: Client) -> str:
    return client.cookies["csrftoken"].value


def post(client, url, data=None):
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": csrf(client)})


def page(response):
    return lxml_html.fromstring(response.content)


def step_url(text, name):
    return reverse("editorial:text_transition", args=[text.pk, name])


EDITORIAL_URLS = ["/editorial/", "/editorial/texts/", "/editorial/texts/new", "/editorial/audit/"]


@pytest.mark.parametrize("url", [*EDITORIAL_URLS, "/admin/", "/admin/ghr_editorial/text/"])
def test_anonymous_is_sent_to_login_and_sees_no_content(url, published):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_sees_no_text_pages(published):
    client = Client()
    text = f"/editorial/texts/{published.pk}"
    for url in [f"{text}/", f"{text}/preview", f"{text}/diff", f"/admin/ghr_editorial/text/{published.pk}/change/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert b"ALAS2" not in response.content


def test_anonymous_cannot_post_a_transition(draft):
    response = Client().post(step_url(draft, "submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_account_without_a_role_is_refused(db):
    nobody = make_user("nobody")
    client = login(nobody)
    assert client.get("/editorial/").status_code == 403


@pytest.mark.parametrize("role", ["writer", "reviewer", "publisher", "administrator"])
def test_every_role_reaches_the_dashboard_and_admin(role, db):
    client = login(make_user(f"someone-{role}", role))
    response = client.get("/editorial/")
    assert response.status_code == 200
    assert page(response).findtext(".//h1") == "Editorial dashboard"
    assert client.get("/admin/ghr_editorial/text/").status_code == 200


def test_writer_creates_edits_and_submits_but_cannot_approve(writer):
    client = login(writer)
    response = post(client, "/editorial/texts/new", {
        "kind": "gene-function", "key": "HMBS", "title": "Normal function of the HMBS gene",
        "body": "Makes [[porphobilinogen-deaminase|an enzyme]].", "references": "1309003, 8829630",
    })  # fmt: skip
    text = Text.objects.get(kind="gene-function", key="HMBS")
    assert response.status_code == 302 and response["Location"] == f"/editorial/texts/{text.pk}/"
    assert text.working_revision.references == [1309003, 8829630]
    detail = page(client.get(response["Location"]))
    assert detail.get_element_by_id("text-state").text == "Draft"
    buttons = [b.text for b in detail.iter("button")]
    assert "Submit for review" in buttons and "Approve" not in buttons
    assert post(client, step_url(text, "submit")).status_code == 302
    text.refresh_from_db()
    assert text.state == State.IN_REVIEW
    assert post(client, step_url(text, "approve")).status_code == 403
    assert post(client, step_url(text, "publish")).status_code == 403
    text.refresh_from_db()
    assert text.state == State.IN_REVIEW


def test_form_without_csrf_token_is_refused(writer, draft):
    client = login(writer)
    response = client.post(step_url(draft, "submit"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_reviewer_cannot_approve_own_text(reviewer):
    text = workflow.create_text("glossary", "heme", reviewer, title="Heme", body="An iron-holding molecule.")
    workflow.submit(text, reviewer)
    client = login(reviewer)
    detail = page(client.get(f"/editorial/texts/{text.pk}/"))
    assert "Approve" not in [b.text for b in detail.iter("button")]
    assert post(client, step_url(text, "approve")).status_code == 403
    text.refresh_from_db()
    assert text.state == State.IN_REVIEW


def test_reviewer_approves_and_returns_others_texts(draft, writer, reviewer):
    workflow.submit(draft, writer)
    client = login(reviewer)
    assert post(client, step_url(draft, "approve")).status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.APPROVED
    assert post(client, step_url(draft, "publish")).status_code == 403
    post(client, step_url(draft, "return_for_changes"), {"reason": "Cite the 2008 paper on XLPP."})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.return_reason == "Cite the 2008 paper on XLPP."
    shown = page(login(writer).get(f"/editorial/texts/{draft.pk}/"))
    assert "Cite the 2008 paper on XLPP." in shown.text_content()


def test_return_needs_a_reason(draft, writer, reviewer):
    workflow.submit(draft, writer)
    client = login(reviewer)
    response = post(client, step_url(draft, "return_for_changes"), {"reason": "  "})
    draft.refresh_from_db()
    assert draft.state == State.IN_REVIEW
    assert "Say why" in client.get(response["Location"]).content.decode()


def test_publisher_cannot_publish_unapproved_text(draft, writer, publisher):
    client = login(publisher)
    post(client, step_url(draft, "publish"))
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.published_revision is None
    workflow.submit(draft, writer)
    response = post(client, step_url(draft, "publish"))
    assert "Cannot publish" in client.get(response["Location"]).content.decode()
    draft.refresh_from_db()
    assert draft.published_revision is None


def test_publisher_publishes_approved_text_but_cannot_edit(draft, writer, reviewer, publisher):
    workflow.submit(draft, writer)
    workflow.approve(draft, reviewer)
    client = login(publisher)
    post(client, step_url(draft, "publish"))
    draft.refresh_from_db()
    assert draft.state == State.PUBLISHED and draft.published_revision_id == draft.working_revision_id
    assert client.get(f"/editorial/texts/{draft.pk}/edit").status_code == 403
    assert (
        post(client, "/editorial/texts/new", {"kind": "glossary", "key": "x", "title": "X", "body": "x"}).status_code
        == 403
    )


def test_administrator_can_run_the_whole_workflow_but_not_approve_own(administrator, writer):
    text = workflow.create_text("glossary", "iron", writer, title="Iron", body="A metal.")
    client = login(administrator)
    for name in ("submit", "approve", "publish"):
        post(client, step_url(text, name))
    text.refresh_from_db()
    assert text.state == State.PUBLISHED
    own = workflow.create_text("glossary", "zinc", administrator, title="Zinc", body="A metal.")
    post(client, step_url(own, "submit"))
    assert post(client, step_url(own, "approve")).status_code == 403
    assert client.get("/admin/auth/user/").status_code == 200


def test_admin_actions_go_through_the_workflow(draft, writer, reviewer):
    workflow.submit(draft, writer)
    client = login(reviewer)
    response = post(client, "/admin/ghr_editorial/text/", {"action": "approve_texts", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.APPROVED
    assert draft.events.filter(action="approve", actor=reviewer).exists()


def test_writer_has_no_publish_action_in_admin(draft, writer):
    client = login(writer)
    response = post(client, "/admin/ghr_editorial/text/", {"action": "publish_texts", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert response.status_code in (200, 302)
    changelist = page(client.get("/admin/ghr_editorial/text/"))
    actions = [option.get("value") for option in changelist.iter("option")]
    assert "submit_texts" in actions and "publish_texts" not in actions and "approve_texts" not in actions


def test_dashboard_counts_texts_by_state_and_shows_recent_events(published, writer, reviewer):
    second = workflow.create_text("glossary", "heme", writer, title="Heme", body="An iron-holding molecule.")
    workflow.submit(second, writer)
    tree = page(login(reviewer).get("/editorial/"))
    counts = {span.get("data-state"): int(span.text) for span in tree.find_class("count")}
    assert counts["published"] == 1 and counts["in_review"] == 1 and counts["draft"] == 0
    waiting = tree.get_element_by_id("in-review").getparent().text_content()
    assert "Heme" in waiting
    recent = tree.get_element_by_id("recent").getparent().text_content()
    assert "publish" in recent and "paul" in recent and "submit" in recent


def test_admin_return_action_asks_why_then_returns(draft, writer, reviewer):
    workflow.submit(draft, writer)
    client = login(reviewer)
    selection = {"action": "return_texts", "_selected_action": [draft.pk]}
    asking = post(client, "/admin/ghr_editorial/text/", selection)
    assert asking.status_code == 200
    assert page(asking).find(".//textarea[@name='reason']") is not None
    draft.refresh_from_db()
    assert draft.state == State.IN_REVIEW
    post(client, "/admin/ghr_editorial/text/", {**selection, "confirm": "yes", "reason": "Add a reference."})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.return_reason == "Add a reference."
    assert draft.events.filter(action="return_for_changes", reason="Add a reference.").exists()


def test_a_new_text_can_start_from_the_one_the_build_wrote(writer):
    client = login(writer)
    form = page(client.get("/editorial/texts/new?kind=gene-function&key=FECH"))
    body = form.xpath("//textarea[@name='body']")[0].text_content().strip()
    assert body.startswith("The FECH gene provides instructions for making a protein called ferrochelatase.")
    assert form.xpath("//input[@name='title']/@value") == ["Normal function of the FECH gene"]
    empty = page(client.get("/editorial/texts/new?kind=glossary&key=heme"))
    assert empty.xpath("//textarea[@name='body']")[0].text_content().strip() == ""


def test_a_condition_section_or_link_text_can_start_from_the_build_text(writer):
    client = login(writer)
    causes = page(client.get("/editorial/texts/new?kind=condition-causes&key=acute-intermittent-porphyria"))
    body = causes.xpath("//textarea[@name='body']")[0].text_content().strip()
    assert body == "Changes in the HMBS gene cause acute intermittent porphyria."
    assert causes.xpath("//input[@name='title']/@value") == ["What genes are related to Acute intermittent porphyria?"]
    link = page(client.get("/editorial/texts/new?kind=gene-condition&key=HMBS/acute-intermittent-porphyria"))
    assert (
        link.xpath("//textarea[@name='body']")[0]
        .text_content()
        .strip()
        .startswith("Changes in the HMBS gene cause acute intermittent porphyria.")
    )
