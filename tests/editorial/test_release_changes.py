"""The editors' page that lists what the serving data release changed."""

from django.test import Client
from lxml import html as lxml_html

from ghr.kb.models import BuildInfo
from tests.editorial.test_access import login

CHANGES = {
    "genes_added": ["UROD"], "genes_withdrawn": [], "conditions_added": [], "conditions_removed": [],
    "genes_renamed": [{"hgnc_id": "HGNC:4982", "old": "PBGD", "new": "HMBS"}],
    "conditions_renamed": [{"key": "MONDO:0008294", "old": "porphyria, acute intermittent",
                            "new": "acute intermittent porphyria"}],
    "links_added": [], "links_removed": [],
    "links_changed": [{"gene": "HMBS", "condition": "acute-intermittent-porphyria", "old": "uncertain",
                       "new": "causes"}],
    "sources": {"hgnc": {"old": "2023", "new": "2025-06-03", "old_records": 99796, "new_records": 217221}},
    "totals": {"genes_added": 1, "genes_renamed": 1, "genes_withdrawn": 0, "conditions_added": 0,
               "conditions_removed": 0, "conditions_renamed": 1, "links_added": 0, "links_removed": 0,
               "links_changed": 2500, "sources_changed": 1},
}  # fmt: skip


def test_anonymous_is_sent_to_login(kb):
    response = Client().get("/editorial/changes/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_editor_sees_each_change_in_words(kb, reviewer):
    BuildInfo.objects.using("kb").update(changes=CHANGES)
    page = lxml_html.fromstring(login(reviewer).get("/editorial/changes/").content)
    headings = [h.text_content() for h in page.xpath("//h2")]
    assert headings == ["Sources", "Genes added: 1", "Genes renamed: 1", "Conditions renamed: 1",
                        "Gene-condition links of another kind: 2500"]  # fmt: skip
    items = [li.text_content().strip() for li in page.xpath("//main//li | //ul//li")]
    assert "PBGD -> HMBS (HGNC:4982)" in items
    assert "HMBS / acute-intermittent-porphyria: uncertain -> causes" in items
    assert "hgnc: 2023 → 2025-06-03, records 99796 → 217221" in items
    assert "The first 1 are listed." in page.text_content()


def test_first_build_says_there_is_nothing_to_compare(kb, reviewer):
    BuildInfo.objects.using("kb").update(changes={})
    text = lxml_html.fromstring(login(reviewer).get("/editorial/changes/").content).text_content()
    assert "changed nothing that this page lists, or it was the first build" in text
