"""`ghr publish`: render every public page and download into a new release directory, then switch to it.

Gene and condition documents are rendered in batches without the request cycle (ghr.publish.batches); every
other path is asked of the app in-process (ghr.publish.render), exactly as a request would be. Both run in
``processes`` forked workers. Unchanged files are hard-linked from the current release instead of written again;
if nothing a page depends on has changed since the last export (ghr.publish.releases.page_inputs), the export
stops at once.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.handlers.wsgi import WSGIRequest
from django.db import connections

from ghr.project.processes import die_with_parent
from ghr.publish.batches import FAMILIES, BatchRenderer, split
from ghr.publish.layout import HTML_TYPES, MANIFEST, PublishDir, new_release_id
from ghr.publish.pages import Outcome, PageExporter, write_gzip_copy
from ghr.publish.paths import DOCUMENT_SUFFIXES, PRINT_SUFFIX, Seeds, bulk_download_paths, is_exportable, seeds
from ghr.publish.redirects import build_redirect_map
from ghr.publish.releases import kb_build_id, page_inputs
from ghr.publish.render import InProcessClient, media_type

logger = logging.getLogger(__name__)

# Big enough that a batch's queries are shared by a few hundred genes, small enough to keep both processes busy
# to the end and a worker's memory small.
CHUNK_SIZE = 800
DOCUMENT_VARIANTS = (PRINT_SUFFIX, *DOCUMENT_SUFFIXES)
BATCHED_PREFIXES = tuple(f"/{family}/" for family in FAMILIES)
DOWNLOADS_PREFIX = "/download/"
# Pages rendered one request each (glossary, handbook, chromosomes...): about 10 ms apiece.
SITE_PAGES_PER_CHUNK = 16


@dataclass
class ExportOptions:
    publish_dir: Path
    base_url: str
    full: bool = False
    processes: int = 2
    keep_releases: int = 3
    progress: Callable[[int], object] | None = None
    """Called with the number of paths to add to the progress total (positive) or done (negative)."""
    only: list[str] | None = None
    """Export just these paths (links not followed): a partial release, never taken as up to date."""
    announce: Callable[[str], object] | None = None
    """Told what the export is about to do, in words."""


@dataclass
class ExportSummary:
    release_id: str
    up_to_date: bool = False
    pages: dict[str, dict] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    written: int = 0
    reused: int = 0
    errors: list[str] = field(default_factory=list)
    broken_links: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    release_dir: Path | None = None


# Per-worker state, set once in each forked process by _start_worker (multiprocessing passes nothing else).
_worker: dict = {}


def _start_worker(parent_pid: int, base_url: str, site: Path, previous_site: Path | None, previous_pages: dict) -> None:
    if parent_pid:
        die_with_parent(parent_pid)
    client = InProcessClient(base_url)
    _worker["exporter"] = PageExporter(client, site, previous_site, previous_pages)
    _worker["batches"] = BatchRenderer(lambda path: WSGIRequest(client.environ(path)))
    _worker["links_reported"] = set()


def _render(paths: list[str]) -> list[Outcome]:
    """Gene and condition documents in batches; whatever a batch leaves, and every other path, by asking the app."""
    exporter: PageExporter = _worker["exporter"]
    renderer: BatchRenderer = _worker["batches"]
    bulk_paths = bulk_download_paths()
    outcomes = _bulk_files(exporter, [path for path in paths if path in bulk_paths])
    batches, others = split([path for path in paths if path not in bulk_paths])
    for batch in batches.values():
        if not batch.paths:
            continue
        try:
            rendered, left = renderer.render(batch)
        except Exception:  # noqa: BLE001 - the app answers these one by one, and each failure becomes an error
            logger.exception("rendering a batch of %d %s documents failed; asking the app for each", len(batch.paths),
                             batch.family)  # fmt: skip
            rendered, left = [], [path for wanted in batch.paths.values() for path, _ in wanted]
        outcomes += [exporter.store_body(r.path, media_type(r.content_type), r.body) for r in rendered]
        others += left
    return outcomes + [exporter.export(path) for path in others]


def _bulk_files(exporter: PageExporter, paths: list[str]) -> list[Outcome]:
    """The bulk downloads are linked from the set written for this release, not asked of the app."""
    from ghr.api import bulkstore

    found = bulkstore.for_release()
    outcomes = []
    for path in paths:
        spec = bulkstore.FILES[path.removeprefix(DOWNLOADS_PREFIX)]
        if found is None:
            outcomes.append(Outcome(path, 503, error="the bulk files of this release are not written"))
            continue
        source = found.path(spec.name)
        outcomes.append(exporter.store_file(path, media_type(spec.content_type), source,
                                            found.entry(spec.name)["sha256"]))  # fmt: skip
    return outcomes


def _export_chunk(paths: list[str]) -> list[Outcome]:
    reported: set[str] = _worker["links_reported"]
    outcomes = _render(paths)
    for outcome in outcomes:
        # Most pages link to the same few dozen pages; send each link to the parent once per worker.
        outcome.links = [link for link in outcome.links if link not in reported]
        reported.update(outcome.links)
    return outcomes


def _as_completed(pool: ProcessPoolExecutor, chunks: Iterable[list[str]]) -> Iterator[list[Outcome]]:
    futures = [pool.submit(_export_chunk, chunk) for chunk in chunks]
    for future in as_completed(futures):
        yield future.result()


def _stem(path: str) -> str:
    """A gene's or condition's path without the suffix of its other documents ('/gene/ALAS2.json' -> '/gene/ALAS2')."""
    for suffix in DOCUMENT_VARIANTS:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def _chunks(paths: Iterable[str]) -> Iterator[list[str]]:
    """The paths in chunks, longest work first so that no process is left alone with it at the end: each bulk
    download alone (tens of seconds for the biggest), then the other site pages a few at a time, then genes and
    conditions in chunks of about CHUNK_SIZE documents, those of one gene or condition always together since a
    worker renders them from one read of its data."""
    by_stem: dict[str, list[str]] = {}
    site_pages: list[str] = []
    for path in paths:
        if path.startswith(BATCHED_PREFIXES):
            by_stem.setdefault(_stem(path), []).append(path)
        elif path.startswith(DOWNLOADS_PREFIX) and path != DOWNLOADS_PREFIX:
            yield [path]
        else:
            site_pages.append(path)
    site_pages.sort()
    for start in range(0, len(site_pages), SITE_PAGES_PER_CHUNK):
        yield site_pages[start : start + SITE_PAGES_PER_CHUNK]
    batch: list[str] = []
    for stem in sorted(by_stem):
        batch += sorted(by_stem[stem])
        if len(batch) >= CHUNK_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


class _Run:
    """One export: rounds of rendering until no page links to a path not yet exported."""

    def __init__(self, options: ExportOptions, summary: ExportSummary, worker_args: tuple):
        self.options = options
        self.summary = summary
        self.worker_args = worker_args
        self.required: set[str] = set()
        self.seen: set[str] = set()
        self.linked_from: dict[str, str] = {}

    def render_all(self, first: set[str]) -> None:
        pending = first
        self.seen |= first
        if self.options.processes <= 1:
            _start_worker(0, *self.worker_args)
            try:
                self._rounds(pending, lambda chunks: map(_export_chunk, chunks))
            finally:
                _worker.clear()
            return
        # Forked workers must not share the parent's database connections.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        # An executor rather than a Pool: a worker that dies (out of memory, say) fails the export with
        # BrokenProcessPool instead of leaving it waiting forever for the lost chunk.
        pool = ProcessPoolExecutor(self.options.processes, context, _start_worker, (os.getpid(), *self.worker_args))
        try:
            self._rounds(pending, lambda chunks: _as_completed(pool, chunks))
        except BaseException:
            # Interrupted or failed: stop the workers now rather than let them finish the queue.
            for child in multiprocessing.active_children():
                child.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()

    def _rounds(self, pending: set[str], run_chunks) -> None:
        while pending:
            if self.options.progress:
                self.options.progress(len(pending))
            discovered: set[str] = set()
            for outcomes in run_chunks(_chunks(pending)):
                for outcome in outcomes:
                    discovered |= self._record(outcome)
                if self.options.progress:
                    self.options.progress(-len(outcomes))
            if self.options.only is not None:
                return
            pending = {path for path in discovered - self.seen if is_exportable(path)}
            self.seen |= pending

    def _record(self, outcome: Outcome) -> set[str]:
        summary = self.summary
        if outcome.status == 200 and not outcome.error:
            summary.pages[outcome.path] = outcome.manifest_entry()
            summary.reused += outcome.reused
            summary.written += not outcome.reused
            for link in outcome.links:
                self.linked_from.setdefault(link, outcome.path)
            return set(outcome.links)
        if outcome.location and outcome.status in {301, 308}:
            summary.redirects[outcome.path] = outcome.location
        elif outcome.path in self.required or outcome.error or outcome.status >= 500:
            summary.errors.append(f"{outcome.path}: {outcome.error or outcome.status}")
        elif outcome.path in self.linked_from and outcome.status == 404:
            summary.broken_links[outcome.path] = outcome.status
        return set()


def copy_static_files(site: Path) -> int:
    """Copy every static file the app serves under STATIC_URL into ``site/static`` (with .gz beside text files)."""
    from django.conf import settings

    prefix = settings.STATIC_URL.strip("/")
    copied = 0
    for finder in finders.get_finders():
        for relative, storage in finder.list(["CVS", ".*", "*~"]):
            target = site / prefix / relative
            if target.exists():
                continue  # The first finder wins, as in the app.
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(relative) as source:
                data = source.read()
            target.write_bytes(data)
            write_gzip_copy(target, data, _static_type(target.suffix))
            copied += 1
    return copied


def _static_type(suffix: str) -> str:
    import mimetypes

    return mimetypes.types_map.get(suffix.lower(), "application/octet-stream")


def _seeds(options: ExportOptions) -> Seeds:
    if options.only is not None:
        return Seeds(required=set(options.only))
    return seeds()


def _ensure_bulk_files(options: ExportOptions) -> None:
    """Write this release's bulk downloads first unless `ghr build` or `ghr bulk` already has."""
    from ghr.api import bulkstore

    if options.only is not None and not set(options.only) & bulk_download_paths():
        return
    if bulkstore.for_release() is None:
        if options.announce:
            options.announce("Writing the bulk downloads of this release")
        bulkstore.write_set(processes=options.processes)


def export_site(options: ExportOptions) -> ExportSummary:
    """Export into a new release and switch to it; one export at a time per publish directory (PublishBusy)."""
    publish = PublishDir(options.publish_dir)
    with publish.locked():
        removed = publish.remove_partial()
        if removed and options.announce:
            options.announce(f"Removed {len(removed)} partial releases left by interrupted exports")
        return _export_locked(options, publish)


def _export_locked(options: ExportOptions, publish: PublishDir) -> ExportSummary:
    started = time.monotonic()
    inputs = page_inputs(options.base_url)
    if options.only is not None:
        inputs["partial"] = "only " + " ".join(sorted(options.only))
    previous = publish.previous_manifest()
    current = publish.current_release()
    if not options.full and current is not None and previous.get("inputs") == inputs:
        return ExportSummary(current.name, up_to_date=True, release_dir=current)

    release_id = new_release_id()
    release = publish.release(release_id)
    (release / "site").mkdir(parents=True)
    summary = ExportSummary(release_id, release_dir=release)
    try:
        _render_release(options, summary, inputs, previous, current)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or failed: nothing half-written stays behind.
        shutil.rmtree(release, ignore_errors=True)
        raise
    summary.seconds = time.monotonic() - started
    if summary.errors:
        summary.release_dir = publish.mark_failed(release_id)  # kept for inspection; `current` keeps serving
        return summary
    publish.switch_to(release_id)
    publish.prune(options.keep_releases)
    return summary


def _render_release(options: ExportOptions, summary: ExportSummary, inputs: dict, previous: dict, current) -> None:
    release = summary.release_dir
    site = release / "site"
    reuse = not options.full and current is not None
    worker_args = (
        options.base_url,
        site,
        current / "site" if reuse else None,
        previous.get("pages", {}) if reuse else {},
    )
    run = _Run(options, summary, worker_args)
    found = _seeds(options)
    if options.announce:
        options.announce(
            f"Rendering {len(found.required)} listed and {len(found.candidates)} expected paths "
            f"(and the pages they link to) into {release}"
        )
    run.required = found.required
    _ensure_bulk_files(options)
    run.render_all(found.required | found.candidates)
    if kb_build_id() != inputs["kb_build_id"]:
        # A build was swapped in while pages were rendered: some show the old one, some the new. Publish it
        # (every page is right for one build or the other) but make sure the next export renders everything.
        inputs["kb_build_id"] += " (changed during the export)"
        summary.warnings.append("the knowledge base changed during the export; run `ghr publish` again")
    copy_static_files(site)
    _write_release_files(release, summary, inputs)


def _write_release_files(release: Path, summary: ExportSummary, inputs: dict) -> None:
    html_pages = [path for path, entry in summary.pages.items() if entry["type"] in HTML_TYPES]
    redirect_map = build_redirect_map(html_pages, summary.redirects)
    (release / "redirects.map").write_text(redirect_map.nginx_text())
    manifest = {
        "release": summary.release_id,
        "inputs": inputs,
        "pages": dict(sorted(summary.pages.items())),
        "redirects": dict(sorted(summary.redirects.items())),
        "errors": summary.errors,
        "broken_links": summary.broken_links,
    }
    # One line: json's C encoder is used only without indentation, which matters at 200,000 entries. Written
    # last and renamed into place: a release counts as complete once, and only once, its manifest is whole.
    temporary = release / f".{MANIFEST}.partial"
    temporary.write_text(json.dumps(manifest, separators=(",", ":")))
    os.replace(temporary, release / MANIFEST)
