"""Where an exported URL lives on disk, and how a published release is laid out and switched.

publish/                      GHR_PUBLISH_DIR
  current -> releases/<id>    symlink, replaced atomically when an export finishes
  releases/<id>/site/         the files a web server serves (its document root)
  releases/<id>/redirects.map nginx map: lowercase path -> canonical path
  releases/<id>/manifest.json every exported path with its file, digest and type, and the inputs it came from

A URL without an extension that answers HTML is stored with ``.html`` added (``/gene/ALAS2`` ->
``site/gene/ALAS2.html``; ``/glossary/`` -> ``site/glossary/index.html``), so a page and the folder of its
sub-pages (``/gene/ALAS2/print`` -> ``site/gene/ALAS2/print.html``) never collide; nginx finds them with
``try_files $uri.html $uri ${uri}index.html``. Every other URL is stored at its own path (``/gene/ALAS2.json``).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

HTML_TYPES = {"text/html", "application/xhtml+xml"}
COMPRESSIBLE_TYPES = {
    "application/json",
    "application/xml",
    "application/javascript",
    "application/atom+xml",
    "application/rss+xml",
    "application/xhtml+xml",
    "application/ld+json",
    "application/x-ndjson",
    "application/jsonl",
    "image/svg+xml",
}
# Below this a gzip copy saves less than the extra request headers cost.
GZIP_MIN_BYTES = 256


def is_compressible(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type in COMPRESSIBLE_TYPES or content_type.endswith("+xml")


class UnsafePath(ValueError):
    """A URL that cannot be stored as a file below the document root."""


def file_for(path: str, content_type: str) -> str:
    """The file (relative to the document root) that holds the answer to ``path``."""
    decoded = unquote(path)
    parts = PurePosixPath(decoded).parts
    if not decoded.startswith("/") or any(part in {"..", "."} for part in parts) or "\0" in decoded:
        raise UnsafePath(path)
    relative = decoded.lstrip("/")
    if decoded.endswith("/"):
        if content_type not in HTML_TYPES:
            raise UnsafePath(f"{path}: only HTML can be stored for a URL ending in /")
        return relative + "index.html"
    if content_type in HTML_TYPES and not relative.endswith(".html"):
        return relative + ".html"
    return relative


def new_release_id() -> str:
    """Sorts by creation time (pruning relies on it), to the microsecond: small sites export several a second."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S.%f}Z-{secrets.token_hex(3)}"


class PublishDir:
    """The published directory: its releases, the current one, and the atomic switch between them."""

    def __init__(self, root: Path):
        self.root = root
        self.releases = root / "releases"
        self.current = root / "current"

    def release(self, release_id: str) -> Path:
        return self.releases / release_id

    def current_release(self) -> Path | None:
        if not self.current.is_symlink():
            return None
        target = self.current.resolve()
        return target if target.is_dir() else None

    def previous_manifest(self) -> dict:
        release = self.current_release()
        if release is None or not (release / "manifest.json").exists():
            return {}
        return json.loads((release / "manifest.json").read_text())

    def switch_to(self, release_id: str) -> None:
        """Point ``current`` at the release in one rename, so readers see the old site or the new, never a mix."""
        temporary = self.root / f".current-{release_id}"
        temporary.unlink(missing_ok=True)
        os.symlink(Path("releases") / release_id, temporary)
        os.replace(temporary, self.current)

    def prune(self, keep: int) -> list[str]:
        """Delete all but the ``keep`` newest releases, never the current one."""
        current = self.current_release()
        releases = sorted((p for p in self.releases.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
        removed = []
        for release in releases[keep:]:
            if current is not None and release.resolve() == current:
                continue
            shutil.rmtree(release)
            removed.append(release.name)
        return removed
