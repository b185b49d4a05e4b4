"""Markdown to HTML: glossary links, reference lists, and hostile input made harmless."""

import pytest
from lxml import html as lxml_html

from ghr.editorial.rendering import references_html, render_markdown

EVENT_HANDLERS = ("onerror", "onload", "onclick", "onmouseover", "onfocus")


def parse(fragment: str):
    return lxml_html.fragment_fromstring(fragment, create_parent="div")


def assert_harmless(fragment: str):
    tree = parse(fragment)
    for element in tree.iter():
        assert element.tag not in {"script", "iframe", "svg", "object", "embed", "style", "img", "form", "math"}
        for name, value in element.attrib.items():
            assert name not in EVENT_HANDLERS and not name.startswith("on"), (name, value)
            assert name != "style"
            if name in ("href", "src"):
                assert value.split(":")[0].lower().strip() in ("http", "https") or ":" not in value, value


def test_glossary_links():
    tree = parse(render_markdown("An [[enzyme]] in [[erythroblast|developing red cells]] and [[bone-marrow]]."))
    links = [(a.get("href"), a.text) for a in tree.iter("a")]
    assert links == [
        ("/glossary/enzyme", "enzyme"),
        ("/glossary/erythroblast", "developing red cells"),
        ("/glossary/bone-marrow", "bone marrow"),
    ]
    assert all(a.get("rel") is None for a in tree.iter("a"))


def test_markdown_structure_survives():
    tree = parse(render_markdown("### Names\n\n- **bold** item\n- *ALAS2*\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
    assert tree.find("h3").text == "Names"
    assert [li.text_content() for li in tree.iter("li")] == ["bold item", "ALAS2"]
    assert tree.find(".//em").text == "ALAS2"
    assert tree.find(".//table//td").text == "1"


def test_external_links_get_noopener_and_internal_do_not():
    tree = parse(render_markdown("[out](https://example.org/x) and [in](/handbook/how-genes-work/x)"))
    out, inside = tree.iter("a")
    assert out.get("rel") == "noopener noreferrer"
    assert inside.get("href") == "/handbook/how-genes-work/x" and inside.get("rel") is None


def test_references_are_pubmed_links():
    tree = parse(references_html([8829630, 1309003]))
    links = tree.findall(".//ol/li/a")
    assert [a.get("href") for a in links] == [
        "https://pubmed.ncbi.nlm.nih.gov/8829630/",
        "https://pubmed.ncbi.nlm.nih.gov/1309003/",
    ]
    assert [a.text for a in links] == ["PubMed: 8829630", "PubMed: 1309003"]
    assert references_html([]) == ""


HOSTILE = [
    "<script>alert(1)</script>Hello",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html,<script>alert(1)</script>)",
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
    '<div onmouseover="alert(1)">hover</div>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example/"><input name=x></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<style>body{display:none}</style>text",
    '<a href="vbscript:msgbox(1)">x</a>',
    '"><script>alert(1)</script>',
    "[[enzyme|<script>alert(1)</script>]]",
    '<details open ontoggle="alert(1)">x</details>',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_is_neutralised(hostile):
    rendered = render_markdown(hostile)
    assert_harmless(rendered)
    assert "<script" not in rendered.lower()
    assert "javascript:" not in rendered.lower()
    assert "data:text" not in rendered.lower()


def test_script_content_is_dropped_not_shown():
    assert "alert" not in render_markdown("<script>alert(1)</script>Hello")
    assert "Hello" in render_markdown("<script>alert(1)</script>Hello")
