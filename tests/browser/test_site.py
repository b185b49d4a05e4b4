"""A reader's path through the site in a real browser: pages, links, keyboard search, print, phone, axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.web.conftest import import_content

pytestmark = pytest.mark.browser


@pytest.fixture
def site(site):
    import_content("glossary/*.md", "genes/ALAS2/*.md", "conditions/x-linked-sideroblastic-anemia/*.md",
                   "handbook/*/*.md")  # fmt: skip
    return site


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


PAGES = [
    ("home", "/"),
    ("gene-ALAS2", "/gene/ALAS2"),
    ("gene-A1BG", "/gene/A1BG"),
    ("condition-XLSA", "/condition/x-linked-sideroblastic-anemia"),
    ("condition-AIP", "/condition/acute-intermittent-porphyria"),
    ("chromosome-index", "/chromosome/"),
    ("chromosome-X", "/chromosome/X"),
    ("gene-index", "/gene/"),
    ("glossary", "/glossary/"),
    ("glossary-enzyme", "/glossary/enzyme"),
    ("handbook", "/handbook/"),
    ("handbook-gene-location", "/handbook/cells-and-dna/gene-location"),
    ("sources", "/about/sources"),
    ("not-found", "/gene/NO-SUCH-GENE"),
]


def test_pages_render_and_pass_axe(site, page, screenshot):
    problems = {}
    for name, path in PAGES:
        response = page.goto(site + path)
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.locator("main h1").count() == 1, path
        screenshot(page, name)
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_follow_links_from_home_to_gene_condition_and_back(site, page):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Genes").click()
    assert page.url.endswith("/gene/")
    page.get_by_role("link", name="ALAS2", exact=True).click()
    assert page.url.endswith("/gene/ALAS2")
    assert page.get_by_role("heading", level=1).inner_text() == "ALAS2 gene"
    page.get_by_role("link", name="X-linked sideroblastic anemia").first.click()
    assert page.url.endswith("/condition/x-linked-sideroblastic-anemia")
    page.locator("ul.genes").get_by_role("link", name="ALAS2").click()
    assert page.url.endswith("/gene/ALAS2")
    page.get_by_role("link", name="More about the X chromosome").click()
    assert page.url.endswith("/chromosome/X")
    page.get_by_role("link", name="How do geneticists indicate the location of a gene?").click()
    assert page.url.endswith("/handbook/cells-and-dna/gene-location")
    assert "Xp11.21" in page.locator("main").inner_text()


def test_skip_link_and_keyboard_search(site, page):
    page.goto(site + "/gene/ALAS2")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()  # the skip link shows itself when focused
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("ALAS2")
    page.keyboard.press("Enter")  # no suggestion chosen, so Enter submits the form
    page.wait_for_url("**/search?q=ALAS2*")
    assert "/search?q=ALAS2" in page.url


@pytest.mark.parametrize("box_id", ["site-search", "home-search-input"])
def test_search_suggestions_by_keyboard(site, page, box_id):
    # The header's box and the home page's big box behave the same.
    page.goto(site + "/")
    probe = page.request.get(site + "/api/v1/suggest?q=ALAS")
    if probe.status != 200:
        pytest.skip(f"/api/v1/suggest answers {probe.status}: the suggestion service is not there yet")
    box = page.locator("#" + box_id)
    box.focus()
    page.keyboard.type("ALAS", delay=30)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("aria-label") == "Suggestions"
    listbox.wait_for(state="visible", timeout=5000)
    assert box.get_attribute("aria-expanded") == "true"
    first = listbox.get_by_role("option").first
    target = first.get_attribute("data-url")
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)


def test_search_box_still_works_when_suggestions_fail(site, page):
    page.route("**/api/v1/suggest*", lambda route: route.fulfill(status=404, body="{}"))
    page.goto(site + "/")
    page.locator("#site-search").fill("")
    page.locator("#site-search").type("porphyria", delay=20)
    page.wait_for_timeout(400)
    assert page.get_by_role("listbox", name="Suggestions").is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=porphyria*")


def test_print_view_and_print_media(site, page, screenshot):
    page.goto(site + "/gene/ALAS2/print")
    assert page.get_by_role("navigation", name="Main").count() == 0
    page.emulate_media(media="print")
    screenshot(page, "gene-ALAS2-print")
    page.goto(site + "/gene/ALAS2")
    page.emulate_media(media="print")
    assert page.locator("header.site-header").is_hidden()
    assert page.locator("form[role=search]").first.is_hidden()
    # Outbound links print their address after the text.
    after = page.evaluate(
        "getComputedStyle(document.querySelector('main a[href^=\"https://www.ncbi\"]'), '::after').content"
    )
    assert "https://www.ncbi.nlm.nih.gov/gene/212" in after
    screenshot(page, "gene-ALAS2-print-media")


def test_phone_sized_screen(site, phone, screenshot):
    pages = [("phone-gene-ALAS2", "/gene/ALAS2"), ("phone-condition-XLSA", "/condition/x-linked-sideroblastic-anemia")]
    for name, path in pages:
        phone.goto(site + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a phone ({width}px)"
        assert phone.locator("#site-search").is_visible()
        screenshot(phone, name)
