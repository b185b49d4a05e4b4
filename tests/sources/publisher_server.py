"""A real HTTP server on 127.0.0.1 that serves small files as publishers do, and misbehaves on request."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Reply:
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    last_modified: str = "Tue, 03 Jun 2025 10:00:00 GMT"
    delay: float = 0.0
    """Seconds to wait before answering (a stalled server)."""
    extra_length: int = 0
    """Bytes promised in Content-Length but never sent (a connection cut mid-download)."""


@dataclass
class PublisherServer:
    replies: dict[str, Reply] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def __post_init__(self):
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library names it so)
                owner.requests.append(self.path)
                reply = owner.replies.get(self.path)
                if reply is None:
                    self.send_error(404)
                    return
                time.sleep(reply.delay)
                self.send_response(200)
                self.send_header("Content-Length", str(len(reply.body) + reply.extra_length))
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Last-Modified", reply.last_modified)
                self.end_headers()
                # The client may have given up waiting (the timeout case): then there is no one to answer.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
