"""Asks the Django app for one URL in-process, exactly as a WSGI server would, without a network."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

# Set in the WSGI environ of export requests; HTTP headers can never produce a key without the HTTP_ prefix,
# so no visitor can pretend to be the exporter.
EXPORT_ENVIRON_KEY = "ghr.export"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    """Header names lowercased; a repeated header keeps its last value (enough for what the export reads)."""
    chunks: Iterable[bytes]
    """The body, read once; bulk downloads arrive in many chunks and are never held whole in memory."""

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("content-type", ""))


def media_type(content_type: str) -> str:
    """'text/html; charset=utf-8' -> 'text/html': the part the export files and indexes by."""
    return content_type.split(";", maxsplit=1)[0].strip().lower()


class InProcessClient:
    """Calls the WSGI application once per path, with the host and scheme of the site's public address."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.scheme = parts.scheme or "http"
        self.host = parts.netloc or "127.0.0.1"
        self.port = str(parts.port or (443 if self.scheme == "https" else 80))
        self.handler = WSGIHandler()

    def environ(self, path: str) -> dict:
        """The WSGI environ of a GET of ``path`` (which may carry a query string, e.g. a sitemap's ?p=2)."""
        # WSGI carries the undecoded-then-latin-1 form of the path, as servers do.
        path, _, query = path.partition("?")
        raw_path = unquote(path).encode("utf-8").decode("latin-1")
        return {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": raw_path,
            "QUERY_STRING": query,
            "SERVER_NAME": self.host.rsplit(":", 1)[0],
            "SERVER_PORT": self.port,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": self.host,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": self.scheme,
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            EXPORT_ENVIRON_KEY: True,
        }

    @contextmanager
    def get(self, path: str) -> Iterator[Response]:
        started: dict = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = {name.lower(): value for name, value in headers}

        with connections_kept_open():
            result = self.handler(self.environ(path), start_response)
            try:
                yield Response(started["status"], started["headers"], result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()


@contextmanager
def connections_kept_open() -> Iterator[None]:
    """Keep database connections across requests, as Django's test client does.

    A server closes them at the end of each request (CONN_MAX_AGE=0 is SQLite's default); an export of thousands
    of pages in one process would reconnect for every page, and inside a test it would close the test's own
    transaction.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
