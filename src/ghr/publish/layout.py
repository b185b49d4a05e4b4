"""Where an exported URL lives on disk, and how a published release is laid out and switched.

publish/                      GHR_PUBLISH_DIR
  current -> releases/<id>    symlink, replaced atomically when an export finishes
  releases/<id>/site/         the files a web server serves (its document root)
  releases/<id>/redirects.map nginx map: lowercase path -> canonical path
  releases/<id>/manifest.json every exported path with its file, digest and type, and the inputs it came from;
                              written last, so a release without one is partial (an export killed midway)
  releases/<id>.failed/       an export that had errors, kept for inspection until the next good one
  .publish.lock               held by the one export allowed at a time

A URL without an extension that answers HTML is stored with ``.html`` added (``/gene/ALAS2`` ->
``site/gene/ALAS2.html``; ``/glossary/`` -> ``site/glossary/index.html``), so a page and the folder of its
sub-pages (``/gene/ALAS2/print`` -> ``site/gene/ALAS2/print.html``) never collide; nginx finds them with
``try_files $uri.html $uri ${uri}index.html``. Every other URL is stored at its own path (``/gene/ALAS2.json``).
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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


MANIFEST = "manifest.json"
FAILED_SUFFIX = ".failed"


class PublishBusy(RuntimeError):
    """Another export holds the publish directory."""


def is_complete(release: Path) -> bool:
    """A release counts once its manifest is written, and only if its export succeeded."""
    return (release / MANIFEST).is_file() and not release.name.endswith(FAILED_SUFFIX)


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

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the directory for one export; PublishBusy if another holds it. The lock goes with the process, so
        a killed export never leaves it held."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".publish.lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PublishBusy(f"another `ghr publish` is writing to {self.root}; try again when it ends") from None
            yield

    def _all(self) -> list[Path]:
        if not self.releases.is_dir():
            return []
        return sorted((p for p in self.releases.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)

    def mark_failed(self, release_id: str) -> Path:
        """Set a release whose export had errors aside (never switched to, never counted as complete)."""
        release = self.release(release_id)
        failed = release.with_name(release.name + FAILED_SUFFIX)
        os.replace(release, failed)
        return failed

    def remove_partial(self) -> list[str]:
        """Delete releases without a manifest: exports that were killed. Only while holding the lock."""
        current = self.current_release()
        partial = [r for r in self._all() if not (r / MANIFEST).is_file() and r.resolve() != current]
        for release in partial:
            shutil.rmtree(release)
        return [release.name for release in partial]

    def prune(self, keep: int) -> list[str]:
        """Keep the release being served and the ``keep`` newest complete ones (the served one among them when
        it is one of the newest); delete partial releases and every failed one but the newest, if it is newer than
        the served one. Only while holding the lock."""
        current = self.current_release()
        releases = self._all()
        kept = {r for r in releases if is_complete(r)}
        kept = set(sorted(kept, key=lambda p: p.name, reverse=True)[:keep])
        failed = [r for r in releases if r.name.endswith(FAILED_SUFFIX) and (r / MANIFEST).is_file()]
        if failed and (current is None or failed[0].name > current.name):
            kept.add(failed[0])
        removed = []
        for release in releases:
            if release in kept or (current is not None and release.resolve() == current):
                continue
            shutil.rmtree(release)
            removed.append(release.name)
        return removed
