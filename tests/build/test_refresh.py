"""`ghr refresh` as a scheduler runs it: its exit code and its last line, with publishers' files served by a local
mirror (GHR_UPSTREAM_MIRROR)."""

import subprocess
import sys

import pytest

from tests.build import sample_data
from tests.build.test_pipeline import BUILD_TIMEOUT, _new_site
from tests.sources.publisher_server import PublisherServer, Reply

pytestmark = pytest.mark.django_db(databases=[])


@pytest.fixture
def mirror(tmp_path):
    server = PublisherServer()
    sample = tmp_path / "sample"
    for key in ("hgnc", "hpo_gene_disease"):
        (sample / key).mkdir(parents=True)
        sample_data.WRITERS[key](sample / key)
    server.replies["/hgnc/hgnc_complete_set.txt"] = Reply((sample / "hgnc" / "hgnc_complete_set.txt").read_bytes())
    server.replies["/hpo_gene_disease/genes_to_disease.txt"] = Reply(
        (sample / "hpo_gene_disease" / "genes_to_disease.txt").read_bytes()
    )
    yield server
    server.close()


def _refresh(tmp_path, mirror, *sources: str) -> subprocess.CompletedProcess:
    site = _new_site(tmp_path)
    env = {**site.env, "GHR_CACHE_DIR": str(tmp_path / "cache"), "GHR_UPSTREAM_MIRROR": mirror.url("")}
    args = [arg for key in sources for arg in ("--source", key)]
    try:
        return subprocess.run([sys.executable, "-m", "ghr", "refresh", *args, "--timeout", "5"], env=env,
                              capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)  # fmt: skip
    finally:
        site.drop()


def test_a_page_instead_of_data_stops_the_refresh_with_exit_1(tmp_path, mirror):
    mirror.replies["/hpo_gene_disease/genes_to_disease.txt"] = Reply(b"<html><body>Maintenance</body></html>")
    result = _refresh(tmp_path, mirror, "hgnc", "hpo_gene_disease")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "refresh failed at hpo_gene_disease" in last and "sent a web page" in last
    assert "the knowledge base was not rebuilt; hgnc 2025-06-03 already refreshed for the next build" in last
    assert (tmp_path / "cache" / "upstream" / "hgnc" / "release.json").is_file()
    assert not (tmp_path / "cache" / "upstream" / "hpo_gene_disease").exists()


def test_a_build_that_cannot_run_exits_2_and_says_why(tmp_path, mirror):
    # The files are fetched, but this empty cache has none of the pinned packages the build also needs.
    result = _refresh(tmp_path, mirror, "hgnc", "hpo_gene_disease")
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("CommandError: refresh failed: build failed, the previous knowledge base keeps serving")
    assert mirror.requests == [
        "/hgnc/hgnc_complete_set.txt", "/hpo_gene_disease/genes_to_disease.txt",
    ]  # fmt: skip
