"""Gene pages built in a batch (as the static export builds them) are the pages the site serves."""

import pytest
from django.db import connections
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from ghr.kb.models import Gene
from ghr.web.pages.gene import gene_page, gene_pages
from ghr.web.pages.texts import PreloadedPageTexts
from ghr.web.views.genes import TEMPLATES, page_context

TEXT_KINDS = ["gene-function", "gene-condition", "glossary"]


def rendered(page, suffix: str) -> bytes:
    request = RequestFactory().get(f"/gene/{page.symbol}{suffix}")
    return render_to_string(TEMPLATES[suffix], page_context(page, suffix), request=request).encode()


@pytest.fixture
def genes(alas2_texts):
    found = list(Gene.objects.select_related("source").order_by("symbol"))
    assert len(found) > 1
    return found


@pytest.mark.parametrize("suffix", ["", "/print"])
def test_batch_with_preloaded_texts_renders_what_the_view_serves(client, genes, suffix):
    pages = gene_pages(genes, PreloadedPageTexts(TEXT_KINDS))
    assert [page.gene for page in pages] == genes
    for page in pages:
        response = client.get(f"/gene/{page.symbol}{suffix}")
        assert response.status_code == 200
        assert rendered(page, suffix) == response.content, page.symbol


def test_the_editors_texts_reach_the_batch(genes):
    alas2 = next(gene for gene in genes if gene.symbol == "ALAS2")
    page = gene_pages([alas2], PreloadedPageTexts(TEXT_KINDS))[0]
    assert not page.function.generated
    assert any(not block.text.generated for block in page.conditions)
    assert page == gene_page(alas2)


def test_a_batch_costs_the_same_queries_whatever_its_size(genes):
    texts = PreloadedPageTexts(TEXT_KINDS)

    def queries(batch) -> tuple[int, int]:
        with CaptureQueriesContext(connections["kb"]) as kb, CaptureQueriesContext(connections["default"]) as edits:
            gene_pages(batch, texts)
        return len(kb), len(edits)

    # ALAS2 has every relation (an empty one, such as no linked condition, costs no query at all).
    one = queries([gene for gene in genes if gene.symbol == "ALAS2"])
    assert queries(genes) == one
    assert one[1] == 0  # every text came from the preloaded set


def test_preloaded_texts_refuse_a_kind_they_did_not_load(genes):
    with pytest.raises(KeyError, match="gene-function"):
        gene_pages(genes[:1], PreloadedPageTexts(["glossary"]))
