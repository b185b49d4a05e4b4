"""Condition pages built in a batch (as the static export builds them) are the pages the site serves."""

import pytest
from django.db import connections
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from ghr.kb.models import Condition
from ghr.web.pages.condition import condition_page, condition_pages
from ghr.web.pages.texts import PreloadedPageTexts
from ghr.web.views.conditions import page_context

TEXT_KINDS = ["condition-description", "condition-frequency", "condition-causes", "condition-inheritance", "glossary"]


def rendered(page, suffix: str) -> bytes:
    """The page data through the view's template, for a request of the page's own address."""
    template = "web/condition_print.html" if suffix else "web/condition.html"
    request = RequestFactory().get(f"/condition/{page.condition.slug}{suffix}")
    context = page_context(page, suffix)  # what the view and the export render with
    return render_to_string(template, context, request=request).encode()


@pytest.fixture
def conditions(alas2_texts):
    found = list(Condition.objects.order_by("name"))
    assert len(found) > 1
    return found


@pytest.mark.parametrize("suffix", ["", "/print"])
def test_batch_with_preloaded_texts_renders_what_the_view_serves(client, conditions, suffix):
    pages = condition_pages(conditions, PreloadedPageTexts(TEXT_KINDS))
    assert [page.condition for page in pages] == conditions
    for page in pages:
        response = client.get(f"/condition/{page.condition.slug}{suffix}")
        assert response.status_code == 200
        assert rendered(page, suffix) == response.content, page.condition.slug


def test_the_editors_texts_reach_the_batch(conditions):
    xlsa = next(c for c in conditions if c.slug == "x-linked-sideroblastic-anemia")
    page = condition_pages([xlsa], PreloadedPageTexts(TEXT_KINDS))[0]
    assert page.has_editor_texts and not page.description.generated
    assert page == condition_page(xlsa)


def test_a_batch_costs_the_same_queries_whatever_its_size(conditions):
    texts = PreloadedPageTexts(TEXT_KINDS)

    def queries(batch) -> tuple[int, int]:
        with CaptureQueriesContext(connections["kb"]) as kb, CaptureQueriesContext(connections["default"]) as edits:
            condition_pages(batch, texts)
        return len(kb), len(edits)

    one = queries(conditions[:1])
    assert queries(conditions) == one
    assert one[1] == 0  # every text came from the preloaded set
