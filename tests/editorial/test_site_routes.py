"""The editorial screens and the admin, through the site's own URL configuration, are closed to anonymous users."""

import pytest
from django.test import Client


@pytest.mark.parametrize("url", ["/editorial/", "/editorial/texts/", "/editorial/audit/", "/admin/",
                                 "/admin/ghr_editorial/auditevent/"])  # fmt: skip
def test_anonymous_is_sent_to_the_login_page(url, published):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editorial_screens_are_mounted_at_editorial(published, writer):
    client = Client()
    client.force_login(writer)
    response = client.get(f"/editorial/texts/{published.pk}/")
    assert response.status_code == 200
    assert b"Normal function of the ALAS2 gene" in response.content


def test_preview_shows_the_draft_on_the_real_public_page(published, writer):
    from lxml import html as lxml_html

    from ghr.editorial import public, workflow

    workflow.save_draft(published, writer, title="Normal function of the ALAS2 gene",
                        body="DRAFT: erythroid ALA-synthase starts heme production.", references=[8829630])  # fmt: skip
    client = Client()
    client.force_login(writer)
    response = client.get(f"/editorial/texts/{published.pk}/preview")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    main = tree.find(".//main")
    assert "DRAFT: erythroid ALA-synthase starts heme production." in main.text_content()
    assert "The ALAS2 gene makes an enzyme" not in main.text_content()
    assert "Preview of version 2" in main.find(".//div[@role='note']").text_content()
    assert tree.find(".//meta[@name='robots']").get("content") == "noindex, nofollow"
    # The public page itself still shows the published version.
    public_page = Client().get("/gene/ALAS2").content.decode()
    assert "DRAFT" not in public_page
    assert "developing red cells" in public_page
    assert public.published_text("gene-function", "ALAS2").revision_id == published.published_revision_id


def test_preview_of_a_text_whose_gene_is_not_built_falls_back_to_the_layout(writer):
    from lxml import html as lxml_html

    from ghr.editorial import workflow

    text = workflow.create_text("gene-function", "UROD", writer, title="Normal function of the UROD gene",
                                body="Makes uroporphyrinogen decarboxylase.")  # fmt: skip
    client = Client()
    client.force_login(writer)
    tree = lxml_html.fromstring(client.get(f"/editorial/texts/{text.pk}/preview").content)
    assert tree.find(".//main//h1").text == "Normal function of the UROD gene"
