"""A gene family page in a real browser, at phone and laptop sizes: readable, reachable from a member gene's page,
and free of serious axe findings."""

import pytest

from tests.browser.test_diagrams import SIZES
from tests.browser.test_site import serious_violations
from tests.web.test_gene_family import families  # noqa: F401  (the fixture: a family of the fixture's genes)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_family_page_from_a_member_gene(site, browser, families, screenshot, size):  # noqa: F811
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(site + "/gene/HMBS")
    page.locator("ul.gene-families").get_by_role("link", name="Heme pathway test enzymes").click()
    assert page.url.endswith(f"/gene-family/{families}")
    assert page.get_by_role("heading", level=1).inner_text() == "Heme pathway test enzymes gene family"
    members = page.locator("ul.family-members > li > a")
    assert members.all_inner_texts() == ["ALAS2", "FECH", "HMBS"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= SIZES[size]["width"]  # nothing wider than the screen
    screenshot(page, f"gene-family-{size}")
    assert serious_violations(page) == []
    context.close()
