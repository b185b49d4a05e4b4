"""Bulk files written once per release of the site's data, kept as files and served as files.

A release of the data is what every bulk file depends on: the knowledge-base build, the editors' published texts
and ghr's own code (``ghr.publish.releases``). For each release the files are written once, side by side, into

    GHR_VAR_DIR/bulk/<key>/           key: a digest of the three
        ghr-summaries.xml (+ .gz)      each file with a gzip copy for clients that ask for one
        ...
        manifest.json                  name -> bytes, sha256, records; when and how fast it was written
    GHR_VAR_DIR/bulk/current -> <key>  the newest complete set, switched in one rename

The folder is filled under a temporary name and renamed when every file is whole, so a reader sees a complete set
or none. ``ghr build`` and ``ghr texts import`` write the set for the release they make; an editor publishing a
text on the site makes a new release, and the first download after it starts ``ghr bulk`` in a separate process
(never in the app worker) while the previous set keeps being served.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import multiprocessing
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections
from isal import igzip

from ghr.api import bulk
from ghr.project.processes import die_with_parent

logger = logging.getLogger(__name__)

# ISA-L level 3: the 100 MB summaries file compresses in about a second, to about a tenth of its size.
GZIP_LEVEL = 3
KEEP_SETS = 2
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BulkFile:
    name: str
    """File name, also its address: /download/<name>."""
    content_type: str
    """Media type with charset, as served."""
    generate: Callable[[], Iterator[bytes]]
    """Yields the file's bytes in blocks."""


FILES = {
    spec.name: spec
    for spec in (
        # The slowest to write first, so that two processes finish together.
        BulkFile("ghr-summaries.xml", "application/xml; charset=utf-8", bulk.summaries_xml),
        BulkFile("genes.jsonl", "application/x-ndjson; charset=utf-8", bulk.genes_jsonl),
        BulkFile("TopicIndex.xml", "application/xml; charset=utf-8", bulk.topic_index_xml),
        BulkFile("conditions.jsonl", "application/x-ndjson; charset=utf-8", bulk.conditions_jsonl),
        BulkFile("index.json", "application/json", bulk.index_json),
    )
}


def release_key() -> str:
    """Names the data release every bulk file depends on; changes with a build, a published text or new code."""
    from ghr.publish.releases import code_fingerprint, kb_build_id, texts_release

    inputs = f"{kb_build_id()}\0{texts_release()}\0{code_fingerprint()}"
    return hashlib.sha256(inputs.encode()).hexdigest()[:16]


def store_root() -> Path:
    return settings.GHR.var_dir / "bulk"


@dataclass(frozen=True)
class BulkSet:
    """One complete set of bulk files on disk."""

    folder: Path
    """GHR_VAR_DIR/bulk/<key>, resolved."""
    manifest: dict
    """Its manifest.json: release, written_at, seconds, and per file bytes, sha256, gzip_bytes, content_type."""

    @property
    def key(self) -> str:
        return self.folder.name

    def path(self, name: str) -> Path:
        return self.folder / name

    def entry(self, name: str) -> dict:
        return self.manifest["files"][name]


def _read_set(folder: Path) -> BulkSet | None:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (FileNotFoundError, NotADirectoryError, json.JSONDecodeError):
        return None
    return BulkSet(folder.resolve(), manifest)


def for_release(key: str | None = None) -> BulkSet | None:
    """The set written for the serving release (or for ``key``), None when it has not been written."""
    return _read_set(store_root() / (key or release_key()))


def newest() -> BulkSet | None:
    """The newest complete set, whichever release it was written for (None before the first)."""
    return _read_set(store_root() / "current")


def _write_one(spec: BulkFile, folder: Path) -> dict:
    """Write one file and its gzip copy from the same stream; returns its manifest entry."""
    digest = hashlib.sha256()
    size = 0
    started = time.perf_counter()
    target = folder / spec.name
    with open(target, "wb") as out, igzip.IGzipFile(f"{target}.gz", "wb", GZIP_LEVEL, mtime=0) as packed:
        for chunk in spec.generate():
            out.write(chunk)
            packed.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    return {
        "bytes": size,
        "sha256": digest.hexdigest(),
        "gzip_bytes": (folder / f"{spec.name}.gz").stat().st_size,
        "content_type": spec.content_type,
        "seconds": round(time.perf_counter() - started, 2),
    }


def _write_named(name: str, folder: Path) -> tuple[str, dict]:
    return name, _write_one(FILES[name], folder)


def _write_all(folder: Path, processes: int) -> Iterator[tuple[str, dict]]:
    """Every file; with ``processes`` > 1 in forked processes, each file written by one process from its own
    database connection (the files are independent). The largest first, so that none is left alone at the end."""
    names = list(FILES)
    if processes < 2:
        for name in names:
            yield _write_named(name, folder)
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    # Each writer dies with this process (a killed `ghr publish` or `ghr bulk` leaves no writer behind).
    with ProcessPoolExecutor(processes, context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(_write_named, name, folder) for name in names]
        for future in as_completed(futures):
            yield future.result()


class _Lock:
    """An exclusive lock on GHR_VAR_DIR/bulk/.lock: one writer at a time, on this host."""

    def __init__(self, root: Path):
        root.mkdir(parents=True, exist_ok=True)
        self.handle = open(root / ".lock", "a+b")  # noqa: SIM115 (held for the life of the object)

    def acquire(self, wait: bool) -> bool:
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        self.handle.close()  # closing releases the lock


def is_being_written() -> bool:
    lock = _Lock(store_root())
    try:
        return not lock.acquire(wait=False)
    finally:
        lock.close()


def write_set(announce: Callable[[str], object] | None = None, processes: int = 1) -> BulkSet:
    """Write the set for the serving release unless it exists; returns it. Waits for another writer first.

    ``processes`` > 1 writes files side by side in forked processes, which read the database anew: only for
    committed data (`ghr bulk`, the export), never inside a transaction."""
    root = store_root()
    lock = _Lock(root)
    try:
        lock.acquire(wait=True)
        key = release_key()
        done = for_release(key)
        if done is not None:
            return done
        written = _write_folder(root, key, announce, processes)
        _switch_current(root, key)
        _prune(root, keep=KEEP_SETS)
        return written
    finally:
        lock.close()


def _write_folder(root: Path, key: str, announce: Callable[[str], object] | None, processes: int) -> BulkSet:
    temporary = root / f".{key}-{secrets.token_hex(3)}"
    temporary.mkdir(parents=True)
    try:
        started = time.perf_counter()
        files = {}
        for name, entry in _write_all(temporary, processes):
            files[name] = entry
            if announce:
                announce(f"{name}: {entry['bytes']:,} bytes in {entry['seconds']} s")
        manifest = {
            "key": key,
            "release": bulk.build_id(),
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": round(time.perf_counter() - started, 2),
            "files": files,
        }
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=1))
        os.replace(temporary, root / key)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return BulkSet((root / key).resolve(), manifest)


def _switch_current(root: Path, key: str) -> None:
    temporary = root / f".current-{secrets.token_hex(3)}"
    os.symlink(key, temporary)
    os.replace(temporary, root / "current")


def _prune(root: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest sets, never the current one; a download still reading a deleted file
    keeps its open handle to the end."""
    current = (root / "current").resolve()
    sets = [p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    sets.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for folder in sets[keep:]:
        if folder.resolve() != current:
            shutil.rmtree(folder, ignore_errors=True)


def start_background_write() -> bool:
    """Start `ghr bulk` in its own process, detached from this one, unless a writer already runs."""
    if not settings.GHR["GHR_BULK_AUTOWRITE"] or is_being_written():
        return False
    log = open(store_root() / "write.log", "ab")  # noqa: SIM115 (handed to the child)
    with log:
        subprocess.Popen(  # noqa: S603 (our own command, no user input)
            [sys.executable, "-m", "ghr", "bulk"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, close_fds=True,
        )  # fmt: skip
    logger.info("bulk files for release %s: writing started in the background", release_key())
    return True
