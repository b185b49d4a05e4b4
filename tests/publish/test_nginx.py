"""The shipped nginx configuration, run for real on loopback against an export of the fixture knowledge base."""

import gzip
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from lxml import html

from tests.publish.conftest import REPO, free_port, start_nginx, stop, wait_until_answering


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def nginx(nginx_binary, published, app_server, tmp_path_factory):
    server = start_nginx(
        nginx_binary, published, app_server.url.removeprefix("http://"), tmp_path_factory.mktemp("nginx")
    )
    yield server.url
    stop(server.process)


def test_gene_page_is_served_compressed_with_cache_headers(nginx):
    status, headers, body = fetch(nginx + "/gene/ALAS2", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("text/html")
    assert "max-age=" in headers["Cache-Control"]
    assert headers["ETag"]
    page = html.fromstring(gzip.decompress(body))
    assert "ALAS2" in page.findtext(".//h1")


def test_unchanged_page_revalidates_with_304(nginx):
    status, headers, _ = fetch(nginx + "/gene/FECH")
    assert status == 200
    status, _, body = fetch(nginx + "/gene/FECH", **{"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_plain_client_gets_uncompressed_page(nginx):
    status, headers, body = fetch(nginx + "/condition/acute-intermittent-porphyria")
    assert status == 200
    assert "Content-Encoding" not in headers
    assert b"Acute intermittent porphyria" in body


def test_sitemap_is_xml(nginx):
    status, headers, body = fetch(nginx + "/sitemap.xml")
    assert status == 200
    assert headers["Content-Type"].startswith("application/xml")


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("/gene/alas2", "/gene/ALAS2"), ("/gene/Alas2", "/gene/ALAS2"), ("/gene/xlsa", "/gene/ALAS2"),
     ("/gene/ANH1", "/gene/ALAS2"), ("/chromosome/x", "/chromosome/X")],
)  # fmt: skip
def test_other_spellings_redirect_to_the_canonical_page(nginx, spelling, canonical):
    status, headers, _ = fetch(nginx + spelling)
    assert status == 301
    assert headers["Location"] == canonical


def test_canonical_page_does_not_redirect_to_itself(nginx):
    status, _, _ = fetch(nginx + "/chromosome/X")
    assert status == 200


def test_search_is_answered_by_the_app(nginx, app_server):
    status, headers, body = fetch(nginx + "/search?q=alas2")
    direct = fetch(app_server.url + "/search?q=alas2")
    assert status == direct[0]
    assert status != 502, "nginx could not reach the app"
    assert body == direct[2]


def test_page_with_query_string_is_answered_by_the_app(nginx, app_server):
    # Files cannot vary by query; the app decides what ?anything means.
    assert fetch(nginx + "/gene/ALAS2?x=1")[0] == fetch(app_server.url + "/gene/ALAS2?x=1")[0]


def test_page_missing_from_the_export_falls_back_to_the_app(nginx, app_server):
    status, headers, body = fetch(nginx + "/gene/NOSUCHGENE")
    assert status == 404
    assert body == fetch(app_server.url + "/gene/NOSUCHGENE")[2]


def test_export_file_names_are_not_urls(nginx):
    assert fetch(nginx + "/gene/ALAS2.html")[0] == 404


def test_redirects_and_files_work_without_the_app(nginx_binary, published, tmp_path):
    # The app is down: exported pages and redirects still answer; only the app's own paths fail.
    server = start_nginx(nginx_binary, published, f"127.0.0.1:{free_port()}", tmp_path / "nginx")
    try:
        assert fetch(server.url + "/gene/HMBS")[0] == 200
        assert fetch(server.url + "/gene/pbgd")[0] == 301
        assert fetch(server.url + "/search?q=x")[0] == 502
    finally:
        stop(server.process)


def test_serve_static_script_serves_the_published_site(nginx_binary, published, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "GHR_PUBLISH_DIR": str(published),
        "GHR_VAR_DIR": str(tmp_path),
        "STATIC_PORT": str(port),
        "PYTHON": sys.executable,
        "PATH": f"{os.path.dirname(nginx_binary)}:{os.environ.get('PATH', '')}",
    }
    process = subprocess.Popen([str(REPO / "deploy" / "serve-static.sh")], env=env, stdout=subprocess.DEVNULL)
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/static/", process)
        status, headers, _ = fetch(f"http://127.0.0.1:{port}/gene/ALAS2")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
    finally:
        stop(process)


def test_nginx_config_command_prints_the_server_configuration(tmp_path, capsys):
    from django.core.management import call_command

    call_command("nginx_config", "--listen", "8081", "--root", str(tmp_path), "--app", "10.0.0.5:8000")
    text = capsys.readouterr().out
    assert "listen 127.0.0.1:8081;" in text
    assert f"root {tmp_path.resolve()}/current/site;" in text
    assert "server 10.0.0.5:8000;" in text
    assert "@@" not in text


def test_exported_pages_carry_the_apps_security_headers(nginx, app_server):
    from ghr.project.headers import CONTENT_SECURITY_POLICY

    for path in ("/gene/ALAS2", "/static/web/site.css"):
        status, headers, _ = fetch(nginx + path)
        assert status == 200, path
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff", path
    # Pages from the app, through nginx, carry each header once (the app's, not doubled by nginx).
    status, headers, _ = fetch(nginx + "/search?q=heme")
    assert status == 200 and headers.get_all("Content-Security-Policy") == [CONTENT_SECURITY_POLICY]
