"""Exports one URL: ask the app, store the answer below the document root, reuse last release's file if equal."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from isal import igzip

from ghr.publish.layout import GZIP_MIN_BYTES, HTML_TYPES, UnsafePath, file_for, is_compressible
from ghr.publish.render import InProcessClient

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# ISA-L's level 3 compresses a page five times faster than zlib's default level 6, for files about 6% larger:
# measured on gene pages, 42 us and 30.1% of the size against 129 us and 28.4%. Any gzip reader reads them.
GZIP_LEVEL = 3
# Bodies up to this size are kept in memory to look for links and compress; larger ones (bulk downloads) are
# streamed to disk and compressed from there.
IN_MEMORY_LIMIT = 4 * 1024 * 1024
# An href to a path on this site; the path stops at a query string or fragment.
_HREF = re.compile(rb"""href=["'](/(?!/)[^"'#?\s]*)""")


@dataclass
class Outcome:
    path: str
    status: int
    file: str = ""
    sha256: str = ""
    content_type: str = ""
    size: int = 0
    gzip: bool = False
    reused: bool = False
    location: str = ""
    links: list[str] = field(default_factory=list)
    error: str = ""

    def manifest_entry(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "type": self.content_type,
            "bytes": self.size,
            "gzip": self.gzip,
        }


def internal_links(body: bytes) -> list[str]:
    return sorted({html.unescape(match.decode("utf-8", "replace")) for match in _HREF.findall(body)})


def _same_site_path(location: str, client: InProcessClient) -> str:
    parts = urlsplit(location)
    if parts.netloc and parts.netloc != client.host:
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class _Stored:
    sha256: str
    size: int
    head: bytes | None
    """The whole body when it fitted in memory, else None."""


class PageExporter:
    """Writes pages into ``site``; files whose digest equals last release's are hard-linked from ``previous``."""

    def __init__(self, client: InProcessClient, site: Path, previous_site: Path | None, previous_pages: dict):
        self.client = client
        self.site = site
        self.previous_site = previous_site
        self.previous_pages = previous_pages
        self._folders: set[Path] = set()

    def export(self, path: str) -> Outcome:
        """Ask the app for ``path`` and store its answer."""
        with self.client.get(path) as response:
            if response.status in REDIRECT_STATUSES:
                location = _same_site_path(response.headers.get("location", ""), self.client)
                return Outcome(path, response.status, location=location)
            if response.status != 200:
                return Outcome(path, response.status)
            return self.store(path, response.content_type, response.chunks)

    def store(self, path: str, content_type: str, chunks: Iterable[bytes]) -> Outcome:
        """Store a 200 answer to ``path`` (``content_type`` without parameters), or link last release's copy.

        The body is streamed to a temporary file first: only once it is whole is its digest known, and with it
        whether last release's file can be linked instead."""
        try:
            target, outcome = self._target(path, content_type)
        except UnsafePath as error:
            return Outcome(path, 200, error=str(error))
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        stored = _write_streamed(chunks, temporary)
        outcome.sha256, outcome.size = stored.sha256, stored.size
        outcome.reused = self._link_previous(outcome, target)
        if outcome.reused:
            temporary.unlink()
        else:
            os.replace(temporary, target)
            outcome.gzip = write_gzip_copy(target, stored.head, content_type, stored.size)
        if content_type in HTML_TYPES and stored.head is not None:
            outcome.links = internal_links(stored.head)
        return outcome

    def store_body(self, path: str, content_type: str, body: bytes) -> Outcome:
        """``store`` for a body already in memory (pages rendered in batches): no temporary file, since the
        release directory is private until the export switches to it."""
        try:
            target, outcome = self._target(path, content_type)
        except UnsafePath as error:
            return Outcome(path, 200, error=str(error))
        outcome.sha256, outcome.size = hashlib.sha256(body).hexdigest(), len(body)
        outcome.reused = self._link_previous(outcome, target)
        if not outcome.reused:
            write_file(target, body)
            outcome.gzip = write_gzip_copy(target, body, content_type)
        if content_type in HTML_TYPES:
            outcome.links = internal_links(body)
        return outcome

    def store_file(self, path: str, content_type: str, source: Path, sha256: str) -> Outcome:
        """Store a file written elsewhere (a bulk download) as the answer to ``path``: hard-linked with its .gz
        copy, or copied when the two folders are on different file systems."""
        try:
            target, outcome = self._target(path, content_type)
        except UnsafePath as error:
            return Outcome(path, 200, error=str(error))
        outcome.sha256, outcome.size = sha256, source.stat().st_size
        before = self.previous_pages.get(path)
        outcome.reused = bool(self.previous_site and before and before["sha256"] == sha256)
        for suffix in ("", ".gz"):
            original = source.with_name(source.name + suffix)
            if not original.exists():
                continue
            copy = target.with_name(target.name + suffix)
            copy.unlink(missing_ok=True)
            try:
                os.link(original, copy)
            except OSError:
                shutil.copyfile(original, copy)
            outcome.gzip = outcome.gzip or suffix == ".gz"
        return outcome

    def _target(self, path: str, content_type: str) -> tuple[Path, Outcome]:
        relative = file_for(path, content_type)
        target = self.site / relative
        folder = target.parent
        if folder not in self._folders:
            # Thousands of pages share a folder; asking the file system each time costs a system call per page.
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        return target, Outcome(path, 200, relative, content_type=content_type)

    def _link_previous(self, outcome: Outcome, target: Path) -> bool:
        """Hard-link last release's file (and its .gz) when it holds the same bytes; False when it cannot."""
        before = self.previous_pages.get(outcome.path)
        if self.previous_site is None or not before:
            return False
        if before["sha256"] != outcome.sha256 or before["file"] != outcome.file:
            return False
        source = self.previous_site / outcome.file
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
            if before["gzip"]:
                os.link(source.with_name(source.name + ".gz"), target.with_name(target.name + ".gz"))
        except FileNotFoundError:
            # The old release was pruned or edited by hand: write afresh.
            target.unlink(missing_ok=True)
            return False
        outcome.gzip = before["gzip"]
        return True


def _write_streamed(chunks, destination: Path) -> _Stored:
    digest = hashlib.sha256()
    size = 0
    kept: list[bytes] | None = []
    with open(destination, "wb") as out:
        for chunk in chunks:
            if not chunk:
                continue
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            if kept is not None:
                kept.append(chunk)
                if size > IN_MEMORY_LIMIT:
                    kept = None
    head = b"".join(kept) if kept is not None else None
    return _Stored(digest.hexdigest(), size, head)


def write_file(path: Path, data: bytes) -> None:
    """Create or replace ``path`` with ``data`` by plain system calls: a buffered file object would add three more
    (fstat, ioctl, lseek) to each of the hundreds of thousands of files an export writes."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def write_gzip_copy(target: Path, body: bytes | None, content_type: str, size: int | None = None) -> bool:
    """Write ``target.gz`` beside a text file for servers that send pre-compressed files (nginx gzip_static).

    ``body`` is the file's content when it is at hand, else None (it is then read back from ``target``).
    """
    size = len(body) if size is None and body is not None else size
    if not is_compressible(content_type) or (size or 0) < GZIP_MIN_BYTES:
        return False
    compressed = target.with_name(target.name + ".gz")
    if body is not None:
        # mtime=0 makes the bytes depend on the content only.
        write_file(compressed, igzip.compress(body, GZIP_LEVEL, mtime=0))
    else:
        with open(target, "rb") as source, igzip.IGzipFile(compressed, "wb", GZIP_LEVEL, mtime=0) as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
    return True
