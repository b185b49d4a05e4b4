"""Browser tests: Playwright driving Debian's chromium against the app served on 127.0.0.1 by a test server.

The server thread shares the test's own database connections (as Django does for in-memory SQLite), so it sees
the texts a test publishes inside its transaction, and everything is rolled back afterwards: the knowledge base
committed at session start is never flushed. Sharing one connection needs one request at a time, so the server
is single-threaded (Django's WSGIServer closes each connection after its response).
"""

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import QuietWSGIRequestHandler

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made here between page actions are
# ordinary synchronous calls, so the async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _install_chromium() -> str:
    """Install Debian's chromium when it is missing; '' on success, else what went wrong."""
    if Path(CHROMIUM).exists():
        return ""
    if shutil.which("apt-get") is None:
        return "apt-get is not available to install chromium"
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return f"{' '.join(command)} failed: {result.stderr.strip()[-300:]}"
    return "" if Path(CHROMIUM).exists() else "chromium installed but /usr/bin/chromium is missing"


@pytest.fixture(scope="session")
def browser():
    problem = _install_chromium()
    if problem:
        pytest.skip(f"Browser tests need Debian's chromium at {CHROMIUM}: {problem}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def _serve(server, shared, ready):
    # This thread uses the test's own connections (so it sees the test's uncommitted data) and never closes them.
    for alias, connection in shared.items():
        connections[alias] = connection
    ready.set()
    server.serve_forever(poll_interval=0.05)


@pytest.fixture
def site(kb, settings):
    """The base URL of the app, served from this test's databases."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    shared = {alias: connections[alias] for alias in ("default", "kb")}
    server = WSGIServer(("127.0.0.1", 0), QuietWSGIRequestHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(WSGIHandler()))
    # Between requests Django closes connections it thinks are stale; these belong to the test, so keep them.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    for connection in shared.values():
        connection.inc_thread_sharing()
    ready = threading.Event()
    thread = threading.Thread(target=_serve, args=(server, shared, ready), daemon=True)
    thread.start()
    ready.wait()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        for connection in shared.values():
            connection.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # See tests/web/conftest.py: rolled-back texts releases can repeat on SQLite.
    from django.core.cache import cache

    cache.clear()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
