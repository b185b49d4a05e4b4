"""Family diagrams of inheritance in a real browser (condition, Handbook and glossary pages), at phone and laptop
sizes: visible beside the inheritance section, legible (no word drawn smaller than 11 px), free of serious axe
findings, and still drawn in print and in forced-colors (high-contrast) mode. Screenshots go to test-artifacts/ for
a person to look at."""

import pytest

from tests.browser.test_site import serious_violations
from tests.web.conftest import import_content

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1280, "height": 900}}
PAGES = [
    ("condition-ad", "/condition/acute-intermittent-porphyria", ["ad"]),
    ("condition-xr", "/condition/x-linked-sideroblastic-anemia", ["xr"]),
    ("handbook-patterns", "/handbook/inheriting-genetic-conditions/inheritance-patterns", ["ad", "ar", "y", "ac", "n"]),
    ("handbook-x-linked", "/handbook/inheriting-genetic-conditions/x-linked-inheritance", ["xr", "xd"]),
    ("handbook-mitochondrial", "/handbook/inheriting-genetic-conditions/mitochondrial-inheritance", ["m"]),
    ("glossary-x-linked", "/glossary/x-linked", ["xr", "xd"]),
]

# The drawing's own width and the smallest font size of its words as drawn (the drawing is scaled to fit), in CSS
# pixels.
MEASURE = """(figure) => {
  const svgs = [...figure.querySelectorAll('svg')];
  const scale = svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = svgs.flatMap(svg => [...svg.querySelectorAll('text')].map(
      t => parseFloat(t.getAttribute('font-size')) * scale(svg)));
  return {width: Math.min(...svgs.map(s => s.getBoundingClientRect().width)), smallest: Math.min(...sizes),
          colour: getComputedStyle(svgs[0]).color};
}"""


@pytest.fixture
def site(site):
    import_content("glossary/*.md", "handbook/*/*.md")
    return site


@pytest.fixture(params=list(SIZES))
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield request.param, context.new_page()
    context.close()


def test_diagrams_visible_legible_and_accessible(site, sized, screenshot):
    size, page = sized
    problems = {}
    refused = []  # what the Content-Security-Policy blocked, as chromium reports it
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else 0)
    for name, path, codes in PAGES:
        assert page.goto(site + path).status == 200
        figures = page.locator("figure.inheritance-diagram")
        assert [figures.nth(i).get_attribute("data-pattern") for i in range(figures.count())] == codes
        figures.first.scroll_into_view_if_needed()
        assert figures.first.is_visible()
        measured = figures.first.evaluate(MEASURE)
        assert measured["width"] >= 280, (path, size, measured)
        assert measured["smallest"] >= 11, (path, size, measured)
        screenshot(page, f"diagram-{name}-{size}")
        figures.first.screenshot(path=str(_artifact(f"diagram-{name}-{size}-figure")))
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}
    assert refused == []


def _artifact(name: str):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def test_diagram_beside_the_text_on_a_laptop_and_under_it_on_a_phone(site, browser):
    for size, expect_beside in (("laptop", True), ("phone", False)):
        context = browser.new_context(viewport=SIZES[size])
        page = context.new_page()
        page.goto(site + "/condition/acute-intermittent-porphyria")
        figure = page.locator("#inheritance-heading ~ .diagrams").bounding_box()
        heading = page.locator("#inheritance-heading").bounding_box()
        text = page.locator("section.inheritance-section .prose").first.bounding_box()
        beside = figure["x"] > text["x"] + 100 and figure["y"] < text["y"] + text["height"]
        assert beside == expect_beside, (size, figure, text, heading)
        context.close()


@pytest.mark.parametrize("mode", ["forced-colors", "print"])
def test_diagram_drawn_in_high_contrast_and_print(site, page, mode):
    if mode == "print":
        page.emulate_media(media="print")
    else:
        page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto(site + "/condition/x-linked-sideroblastic-anemia")
    figure = page.locator("figure.inheritance-diagram")
    measured = figure.evaluate(MEASURE)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert measured["colour"] != background  # the drawing takes the text colour, never the page's background
    assert measured["smallest"] >= 11
    figure.screenshot(path=str(_artifact(f"diagram-condition-xr-{mode}")))
