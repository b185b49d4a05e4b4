"""`ghr publish` on the fixture knowledge base: files, compressed copies, redirect map, reuse and the switch."""

import gzip
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from lxml import html

from ghr.publish.export import ExportOptions, export_site
from ghr.publish.layout import PublishDir, file_for


def _export(tmp_path, **extra):
    options = ExportOptions(publish_dir=tmp_path / "publish", base_url="http://127.0.0.1:8000", processes=1)
    for name, value in extra.items():
        setattr(options, name, value)
    return export_site(options)


@pytest.fixture
def exported(kb, tmp_path):
    summary = _export(tmp_path)
    assert summary.errors == []
    return summary, tmp_path / "publish" / "current" / "site"


def test_gene_page_is_exported_as_html_with_gzip_copy(exported):
    summary, site = exported
    page = site / "gene" / "ALAS2.html"
    document = html.fromstring(page.read_bytes())
    assert "ALAS2" in document.findtext(".//h1")
    assert gzip.decompress((site / "gene" / "ALAS2.html.gz").read_bytes()) == page.read_bytes()
    assert summary.pages["/gene/ALAS2"]["file"] == "gene/ALAS2.html"


def test_every_fixture_gene_condition_and_chromosome_page_is_exported(exported, kb):
    summary, site = exported
    for symbol, *_ in kb.GENES:
        assert (site / "gene" / f"{symbol}.html").is_file()
    for condition in kb.CONDITIONS:
        assert (site / "condition" / f"{condition['slug']}.html").is_file()
    assert (site / "chromosome" / "X.html").is_file()
    assert (site / "index.html").is_file()


def test_files_hold_what_the_app_answers(exported, client, kb):
    # Gene and condition documents are rendered in batches, not through the views: every one must still be
    # byte for byte what the app answers.
    summary, site = exported
    pages = [f"/gene/{symbol}" for symbol, *_ in kb.GENES] + [f"/condition/{c['slug']}" for c in kb.CONDITIONS]
    paths = [page + suffix for page in pages for suffix in ("", "/print", ".json", ".xml")]
    for path in [*paths, "/chromosome/X", "/glossary/", "/sitemap.xml"]:
        entry = summary.pages[path]
        response = client.get(path, HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200, path
        assert (site / entry["file"]).read_bytes() == response.content, path


def test_sitemap_is_exported_with_public_addresses(exported):
    summary, site = exported
    text = (site / "sitemap.xml").read_text()
    assert "http://127.0.0.1:8000/" in text


def test_linked_pages_missing_from_the_sitemap_are_exported_too(exported):
    summary, site = exported
    # The print view is linked from the gene page, not listed in the sitemap.
    assert (site / "gene" / "ALAS2" / "print.html").is_file()


def test_static_files_are_copied(exported):
    summary, site = exported
    css = list((site / "static").rglob("*.css"))
    assert css, "no stylesheet exported"


def test_redirect_map_sends_other_spellings_and_symbols_to_the_gene(exported):
    summary, site = exported
    lines = (site.parent / "redirects.map").read_text().splitlines()
    entries = dict(line.rstrip(";").split(" ", 1) for line in lines if not line.startswith("#"))
    assert entries["/gene/alas2"] == "/gene/ALAS2"
    # XLSA is an alias symbol of ALAS2 only; ANH1 a previous symbol.
    assert entries["/gene/xlsa"] == "/gene/ALAS2"
    assert entries["/gene/anh1"] == "/gene/ALAS2"
    assert entries["/chromosome/x"] == "/chromosome/X"
    # Keys are lowercase: nginx compares map keys case-insensitively.
    assert all(key == key.lower() for key in entries)


def test_second_export_reuses_unchanged_files_by_hard_link(kb, tmp_path):
    first = _export(tmp_path)
    second = _export(tmp_path, full=False)
    assert second.up_to_date
    third = _export(tmp_path, full=True)
    assert third.written == len(third.pages)
    # Force a new release with reuse: pretend the inputs changed by editing the recorded manifest.
    publish = PublishDir(tmp_path / "publish")
    manifest_path = publish.current_release() / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["inputs"]["kb_build_id"] = "older"
    manifest_path.write_text(json.dumps(manifest))
    fourth = _export(tmp_path, keep_releases=2)
    assert fourth.written == 0 and fourth.reused == len(fourth.pages)
    old = publish.release(third.release_id) / "site" / "gene" / "ALAS2.html"
    new = publish.release(fourth.release_id) / "site" / "gene" / "ALAS2.html"
    assert os.stat(old).st_ino == os.stat(new).st_ino
    assert publish.current_release().name == fourth.release_id
    assert first.release_id not in {p.name for p in publish.releases.iterdir()}, "oldest release not pruned"


def test_changed_page_is_rewritten_and_others_reused(kb, tmp_path):
    from ghr.kb.models import BuildInfo, Gene

    first = _export(tmp_path)
    Gene.objects.filter(symbol="FECH").update(name="ferrochelatase (renamed for the test)")
    BuildInfo.objects.update(build_id="20261123T130000Z")
    second = _export(tmp_path)
    assert second.release_id != first.release_id
    site = tmp_path / "publish" / "current" / "site"
    assert "renamed for the test" in (site / "gene" / "FECH.html").read_text()
    assert 0 < second.written < len(second.pages)
    assert second.reused > 0


def test_file_names_for_urls():
    assert file_for("/gene/ALAS2", "text/html") == "gene/ALAS2.html"
    assert file_for("/gene/ALAS2.json", "application/json") == "gene/ALAS2.json"
    assert file_for("/glossary/", "text/html") == "glossary/index.html"
    assert file_for("/", "text/html") == "index.html"
    with pytest.raises(ValueError):
        file_for("/../etc/passwd", "text/html")


def test_publish_command_switches_current(kb, tmp_path, capsys):
    call_command("publish", "--out", str(tmp_path / "out"), "--processes", "1", "--no-progress")
    out = capsys.readouterr().out
    assert "Published" in out
    assert (tmp_path / "out" / "current" / "site" / "gene" / "HMBS.html").is_file()
    call_command("publish", "--out", str(tmp_path / "out"), "--processes", "1", "--no-progress")
    assert "Up to date" in capsys.readouterr().out


def test_only_exports_just_the_paths_given_and_is_never_up_to_date(kb, tmp_path):
    summary = _export(tmp_path, only=["/gene/ALAS2", "/gene/ALAS2.json"])
    assert set(summary.pages) == {"/gene/ALAS2", "/gene/ALAS2.json"}
    site = tmp_path / "publish" / "current" / "site"
    assert not (site / "gene" / "ALAS2" / "print.html").exists(), "links were followed"
    full = _export(tmp_path)
    assert not full.up_to_date and len(full.pages) > 2


def _listed_in_sitemaps(client, path="/sitemap.xml") -> set[str]:
    """Every path in the rendered sitemaps, following the index and every page of each section."""
    from urllib.parse import urlsplit
    from xml.etree import ElementTree

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    response = client.get(path, HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200, path
    root = ElementTree.fromstring(response.content)
    found = set()
    for loc in root.iter(f"{namespace}loc"):
        parts = urlsplit(loc.text.strip())
        listed = parts.path + (f"?{parts.query}" if parts.query else "")
        found |= _listed_in_sitemaps(client, listed) if root.tag == f"{namespace}sitemapindex" else {listed}
    return found


def test_export_seeds_are_what_the_rendered_sitemaps_list(kb, client, monkeypatch):
    from ghr.publish.paths import sitemap_paths
    from ghr.web.sitemaps import SITEMAPS

    # One entry per sitemap page: the index then lists sitemap-genes.xml?p=2, ?p=3... and all must be followed.
    for sitemap in SITEMAPS.values():
        monkeypatch.setattr(sitemap, "limit", 1)
    listed = _listed_in_sitemaps(client)
    assert {"/gene/ALAS2", "/gene/FECH", "/gene/HMBS", "/gene/A1BG"} <= listed
    sections = {f"/sitemap-{name}.xml" for name in SITEMAPS}
    assert sitemap_paths() == listed | sections | {"/sitemap.xml"}


def test_a_build_swapped_in_during_the_export_forces_the_next_one(kb, tmp_path):
    from ghr.kb.models import BuildInfo

    def new_build_arrives(count):
        BuildInfo.objects.update(build_id="20261124T000000Z")

    first = _export(tmp_path, progress=new_build_arrives)
    assert first.warnings == ["the knowledge base changed during the export; run `ghr publish` again"]
    again = _export(tmp_path)
    assert not again.up_to_date, "pages of the old build were taken as current"
    assert again.warnings == []


@pytest.mark.django_db(databases=[])
def test_two_processes_export_the_same_files_as_one(published, tmp_path):
    from tests.publish.conftest import REPO, app_environment

    command = [sys.executable, "-m", "django", "publish", "--out", str(tmp_path / "out"), "--processes", "2"]
    env = app_environment()
    done = subprocess.run([*command, "--no-progress"], env=env, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    two = json.loads((tmp_path / "out" / "current" / "manifest.json").read_text())["pages"]
    one = json.loads((published / "current" / "manifest.json").read_text())["pages"]
    assert set(two) == set(one)
    # Knowledge-base pages depend on nothing else (the download page, say, lists files made meanwhile).
    kb_pages = [path for path in one if path.startswith(("/gene/", "/condition/", "/chromosome/"))]
    assert len(kb_pages) > 20
    assert [two[path]["sha256"] for path in kb_pages] == [one[path]["sha256"] for path in kb_pages]


def test_a_page_that_fails_to_render_is_an_error_and_the_release_is_not_published(kb, tmp_path, monkeypatch):
    from ghr.web.pages import gene

    first = _export(tmp_path)
    real = gene.narrative_block

    def fails_for_fech(page_gene, rows, batch):
        if page_gene.symbol == "FECH":
            raise ValueError("a record the page code cannot handle")
        return real(page_gene, rows, batch)

    monkeypatch.setattr(gene, "narrative_block", fails_for_fech)
    failed = _export(tmp_path, full=True)
    # The batch holding FECH failed; the app was asked for each of its documents and only FECH's page failed.
    assert sorted(failed.errors) == ["/gene/FECH/print: 500", "/gene/FECH: 500"]
    assert "/gene/ALAS2" in failed.pages and "/gene/FECH.json" in failed.pages
    assert PublishDir(tmp_path / "publish").current_release().name == first.release_id
