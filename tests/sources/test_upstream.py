"""`ghr fetch --upstream`: every refreshable source against a local server serving small files in its publisher's
format (the sample slice of tests/build/sample_data.py), and what happens when a download goes wrong."""

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from ghr.build.inputs import PinnedInputs, load_source
from ghr.build.management.commands.fetch import upstream_keys
from ghr.sources.fetching.cache import Cache
from ghr.sources.fetching.clients import FetchError
from ghr.sources.fetching.pins import FilePin, PackagePin
from ghr.sources.fetching.upstream import UpstreamError, fetch_upstream, read_release
from tests.build import sample_data
from tests.sources.publisher_server import PublisherServer, Reply

pytestmark = pytest.mark.django_db(databases=[])


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def server():
    server = PublisherServer()
    yield server
    server.close()


def _sample(root: Path, key: str) -> dict[str, Path]:
    """The sample slice of one source, as the files its spec names."""
    folder = root / "sample" / key
    folder.mkdir(parents=True)
    sample_data.WRITERS[key](folder)
    spec, _ = load_source(key)
    return {name: folder / Path(inner).name for name, inner in spec.files.items()}


def _serve(server: PublisherServer, key: str, files: dict[str, Path]) -> dict[str, str]:
    """Put each upstream file on the server at its publisher's file name; return name -> URL."""
    spec, _ = load_source(key)
    urls = {}
    for name, publisher_url in spec.upstream.items():
        path = f"/{key}/{publisher_url.rsplit('/', 1)[1]}"
        body = files[name].read_bytes()
        if path.endswith(".gz") and not files[name].name.endswith(".gz"):
            body = gzip.compress(body)  # UCSC serves cytoBand.txt gzipped
        server.replies[path] = Reply(body)
        urls[name] = server.url(path)
    return urls


def _pin_sample(cache: Cache, key: str, files: dict[str, Path]) -> dict[str, PackagePin]:
    """Pins for the sample files, laid out in the cache as `ghr fetch` lays out pinned packages."""
    spec, _ = load_source(key)
    pins = {}
    for name, inner in spec.files.items():
        package = spec.file_packages.get(name, spec.package)
        data = files[name].read_bytes()
        old = pins.get(package)
        pin_files = (*(old.files if old else ()), FilePin(inner, len(data), _sha(data)))
        pins[package] = PackagePin(package, "pypi", package, "1", f"{package}.whl", 1, "0" * 64, True, pin_files)
        target = cache.file_path(pins[package], pin_files[-1])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return pins


def test_every_source_with_a_publisher_download_is_covered():
    assert upstream_keys() == [
        "hgnc", "mane", "cytobands", "mondo", "hpo", "hpo_gene_disease", "orphadata", "orphadata_genes",
    ]  # fmt: skip


@pytest.mark.parametrize("key", upstream_keys())
def test_fetch_reads_the_publishers_format_and_the_build_prefers_it(tmp_path, server, key):
    files = _sample(tmp_path, key)
    spec, module = load_source(key)
    cache = Cache(tmp_path / "cache")
    release = fetch_upstream(spec, module, cache, files, urls=_serve(server, key, files))
    folder = cache.upstream_dir(key)
    assert release.records > 0 and {fact["name"] for fact in release.files} == set(spec.upstream)
    for fact in release.files:
        assert fact["sha256"] == _sha((folder / fact["file"]).read_bytes())
        assert fact["url"].startswith("http://127.0.0.1:")
    # hp.obo states its release; the others are dated by the server's Last-Modified.
    assert release.release == ("2025-01-16" if key == "hpo" else "2025-06-03")
    assert read_release(folder) == release

    pins = _pin_sample(cache, key, files) if spec.package else {}
    chosen = PinnedInputs(cache, pins).resolve(spec, module)
    assert chosen.upstream and chosen.release == release.release
    for name, inner in spec.files.items():  # the publisher's file where one was fetched, the pinned one for the rest
        pinned = (
            cache.file_path(pins[spec.file_packages.get(name, spec.package)], FilePin(inner, 0, "")) if pins else None
        )
        assert chosen.files[name] == (folder / Path(inner).name if name in spec.upstream else pinned)


def _hgnc_release(tmp_path: Path, server: PublisherServer) -> tuple[Cache, Path, bytes]:
    files = _sample(tmp_path, "hgnc")
    spec, module = load_source("hgnc")
    cache = Cache(tmp_path / "cache")
    fetch_upstream(spec, module, cache, files, urls=_serve(server, "hgnc", files))
    placed = cache.upstream_dir("hgnc") / "hgnc_complete_set.txt"
    return cache, placed, placed.read_bytes()


def _renamed_column(body: bytes) -> bytes:
    return body.replace(b"\tprev_symbol\t", b"\tprevious_symbol\t", 1)


FAILURES = {
    "cut-connection": (lambda body: Reply(body, extra_length=500), FetchError, "download"),
    "cut-file": (lambda body: Reply(body[: len(body) // 2]), UpstreamError, "complete last line"),
    "changed-column": (lambda body: Reply(_renamed_column(body)), UpstreamError, "header columns"),
    "html-error-page": (
        lambda body: Reply(b"<!DOCTYPE html>\n<html><body>Service unavailable</body></html>", "text/html"),
        UpstreamError,
        "sent a web page",
    ),
    "timeout": (lambda body: Reply(body, delay=3), FetchError, "timed out"),
}


@pytest.mark.parametrize("scenario", FAILURES)
def test_a_bad_download_is_refused_and_the_copy_in_place_stays(tmp_path, server, scenario):
    cache, placed, before = _hgnc_release(tmp_path, server)
    release_before = read_release(cache.upstream_dir("hgnc"))
    make_reply, error, words = FAILURES[scenario]
    server.replies["/hgnc/hgnc_complete_set.txt"] = make_reply(before)
    spec, module = load_source("hgnc")
    with pytest.raises(error, match=words):
        fetch_upstream(spec, module, cache, {}, urls={"complete_set": server.url("/hgnc/hgnc_complete_set.txt")},
                       timeout=1)  # fmt: skip
    assert placed.read_bytes() == before and read_release(cache.upstream_dir("hgnc")) == release_before
    assert sorted(p.name for p in (tmp_path / "cache" / "upstream").iterdir()) == ["hgnc"]  # no leftovers


def test_a_shrunken_release_is_refused_unless_allowed_and_the_previous_copy_is_kept(tmp_path, server):
    cache, placed, before = _hgnc_release(tmp_path, server)
    lines = before.decode().splitlines(keepends=True)
    smaller = "".join(lines[:2]).encode()  # the header and one gene of five
    server.replies["/hgnc/hgnc_complete_set.txt"] = Reply(smaller)
    spec, module = load_source("hgnc")
    urls = {"complete_set": server.url("/hgnc/hgnc_complete_set.txt")}
    with pytest.raises(UpstreamError, match="refused as a likely broken download"):
        fetch_upstream(spec, module, cache, {}, urls=urls)
    assert placed.read_bytes() == before
    release = fetch_upstream(spec, module, cache, {}, urls=urls, allow_shrink=True)
    assert (
        placed.read_bytes() == smaller
        and release.records < read_release(placed.parent.with_name("hgnc.previous")).records
    )
    assert (placed.parent.with_name("hgnc.previous") / "hgnc_complete_set.txt").read_bytes() == before
    assert json.loads((placed.parent / "release.json").read_text())["records"] == release.records
