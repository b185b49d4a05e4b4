"""The release report: a second build from changed publisher files says what changed, in `ghr build`'s summary
and in full through `ghr changes`."""

import json

import pytest

from tests.build import sample_data
from tests.build.test_pipeline import UROD, _assert_ok, _new_site


def _newer_release(data_dir):
    """HGNC's next file: UROD added, A1BG withdrawn, HMBS renamed (a made-up symbol, to see a rename)."""
    path = data_dir / "hgnc" / "hgnc_complete_set.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "\tA1BG\t" not in line]
    renamed = [line.replace("\tHMBS\t", "\tHMBSX\t", 1) for line in kept]
    path.write_text("".join(renamed) + sample_data.hgnc_row(UROD), encoding="utf-8")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("changes")
    data_dir = folder / "data"
    sample_data.write_sample_sources(data_dir)
    site = _new_site(folder)
    try:
        first = site.build(data_dir)
        _assert_ok(first)
        _newer_release(data_dir)
        second = site.build(data_dir)
        _assert_ok(second)
        yield first.stdout, second.stdout, site
    finally:
        site.drop()


def test_first_build_has_nothing_to_compare_with(two_builds):
    first, _, _ = two_builds
    assert "changes since the previous build" not in first


def test_second_build_prints_the_summary(two_builds):
    _, second, _ = two_builds
    line = next(line for line in second.splitlines() if line.startswith("changes since the previous build"))
    assert "1 genes added" in line and "1 genes withdrawn" in line and "1 genes renamed" in line


def test_changes_lists_genes_links_and_sources(two_builds):
    _, _, site = two_builds
    report = json.loads(_ok(site.ghr("changes", "--json")).stdout)
    assert report["genes_added"] == ["UROD"]
    assert report["genes_withdrawn"] == [{"symbol": "A1BG", "hgnc_id": "HGNC:5", "now": []}]
    assert report["genes_renamed"] == [{"hgnc_id": "HGNC:4982", "old": "HMBS", "new": "HMBSX"}]
    # HMBS's link to acute intermittent porphyria now belongs to HMBSX: one link removed, one added.
    assert {(e["gene"], e["condition"]) for e in report["links_removed"]} == {("HMBS", "acute-intermittent-porphyria")}
    assert ("HMBSX", "acute-intermittent-porphyria") in {(e["gene"], e["condition"]) for e in report["links_added"]}
    # Same release name and as many HGNC records (A1BG's gene and group out, UROD's gene and alias in).
    assert "hgnc" not in report["sources"]
    text = _ok(site.ghr("changes")).stdout
    assert "Genes renamed: 1\n  HMBS -> HMBSX (HGNC:4982)" in text
    assert "Genes withdrawn: 1\n  A1BG (HGNC:5)" in text


def _ok(result):
    _assert_ok(result)
    return result
