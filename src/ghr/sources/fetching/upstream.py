"""`ghr fetch --upstream SOURCE`: a publisher's current files, checked before they replace anything.

Each source that can be refreshed names its publisher's download in ``SourceSpec.upstream`` (logical file name ->
URL). A refresh downloads every file into ``upstream/<key>.incoming/``, refuses an HTML page served in place of
data, then has the source's own parser read the new files through (a truncated file, a renamed column or an
unreadable format stops it there) and refuses a release with far fewer records than the one it would replace.
Only then does the previous copy move to ``upstream/<key>.previous/`` and the new one take its place, with a
``release.json`` saying what was fetched: the publisher's release, when, from where, sizes and sha256.
"""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from ghr.sources.fetching.cache import Cache, sha256_of
from ghr.sources.fetching.clients import FetchError, http_download
from ghr.sources.records import SourceFileError, SourceSpec

RELEASE_FILE = "release.json"
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
SHRINK_LIMIT = 0.9
"""A new release with fewer than 90% of the records of the one it replaces is refused (unless allowed)."""


class UpstreamError(FetchError):
    """A publisher's file could not be used; the previous copy, if any, is still in place."""


@dataclass(frozen=True)
class UpstreamRelease:
    """What one refresh fetched (the content of ``release.json``)."""

    source: str
    """Source key, 'hgnc'."""
    release: str
    """The publisher's release as the files state it ('2025-01-16'), else the server's Last-Modified date."""
    retrieved_at: str
    """ISO time of the download (UTC)."""
    records: int
    """Records the source's parser read from the new files."""
    files: tuple[dict, ...]
    """{name, file, url, bytes, sha256, last_modified} per file."""

    def as_json(self) -> str:
        data = {**self.__dict__, "files": list(self.files)}
        return json.dumps(data, indent=1, ensure_ascii=False)


def read_release(folder: Path) -> UpstreamRelease | None:
    """The release recorded in an upstream folder, or None when files were placed there by hand."""
    path = folder / RELEASE_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return UpstreamRelease(**{**data, "files": tuple(data.get("files", ()))})


def _refuse_html(path: Path, url: str) -> None:
    # A proxy or an outage page often comes back as 200 with HTML: it must never pass for data.
    with path.open("rb") as handle:
        head = handle.read(512).lstrip().lower()
    if head.startswith(HTML_STARTS):
        raise UpstreamError(f"{url}: the server sent a web page, not the data file (an error or login page?)")


def _gunzip(path: Path, target: Path) -> None:
    # The publisher compresses a file the source reads as plain text (UCSC's cytoBand.txt.gz).
    try:
        with gzip.open(path, "rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out, length=1 << 20)
    except (OSError, EOFError) as error:
        raise UpstreamError(f"{path.name}: not a complete gzip file ({error})") from error
    path.unlink()


def _download(url: str, target: Path, timeout: float) -> dict:
    compressed = url.endswith(".gz") and not target.name.endswith(".gz")
    saved = target.with_name(target.name + ".gz") if compressed else target
    download = http_download(url, saved, timeout=timeout)
    _refuse_html(saved, url)
    if compressed:
        _gunzip(saved, target)
    return {"file": target.name, "url": url, "bytes": target.stat().st_size, "sha256": sha256_of(target),
            "last_modified": download.last_modified}  # fmt: skip


def _count_records(module, files: dict[str, Path]) -> int:
    try:
        return sum(1 for _ in module.records(files))
    except SourceFileError as error:
        raise UpstreamError(f"the new file does not read as the publisher's format: {error}") from error


def _refuse_shrink(key: str, records: int, before: UpstreamRelease | None) -> None:
    if before is not None and records < SHRINK_LIMIT * before.records:
        raise UpstreamError(
            f"{key}: the new release has {records} records, the one in place {before.records}; refused as a likely "
            "broken download (allow a shrinking release to override)"
        )


def _release_name(module, files: dict[str, Path], facts: list[dict]) -> str:
    stated = getattr(module, "publisher_release", None)
    if stated is not None and (release := stated(files)):
        return release
    dates = [parsedate_to_datetime(f["last_modified"]).date().isoformat() for f in facts if f["last_modified"]]
    return max(dates, default="") or "not stated"


def _swap(cache: Cache, key: str, incoming: Path) -> None:
    current = cache.upstream_dir(key)
    previous = current.with_name(key + ".previous")
    if current.exists():
        shutil.rmtree(previous, ignore_errors=True)
        current.rename(previous)
    incoming.rename(current)


def mirrored(spec: SourceSpec, mirror: str) -> dict[str, str] | None:
    """The source's downloads at MIRROR/<key>/<file name> (a site that mirrors the publishers), None without one."""
    if not mirror:
        return None
    return {name: f"{mirror.rstrip('/')}/{spec.key}/{url.rsplit('/', 1)[1]}" for name, url in spec.upstream.items()}


def fetch_upstream(
    spec: SourceSpec, module, cache: Cache, current_files: dict[str, Path], *, urls: dict[str, str] | None = None,
    timeout: float = 60, allow_shrink: bool = False,
) -> UpstreamRelease:  # fmt: skip
    """Download, check and put in place the publisher's current files of one source.

    ``current_files`` are the files the build reads now (for a source that refreshes only some of its files, the
    others are read alongside the new ones). ``urls`` overrides the publisher's addresses (a mirror, a test
    server). Raises UpstreamError, leaving everything as it was, when a check fails.
    """
    if not spec.upstream:
        raise UpstreamError(f"{spec.name} ({spec.key}) has no publisher download ghr can read")
    incoming = cache.upstream_dir(spec.key).with_name(spec.key + ".incoming")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir(parents=True)
    try:
        facts, files = [], dict(current_files)
        for name, url in spec.upstream.items():
            files[name] = incoming / Path(spec.files[name]).name
            facts.append({"name": name, **_download((urls or {}).get(name, url), files[name], timeout)})
        records = _count_records(module, files)
        if not allow_shrink:
            _refuse_shrink(spec.key, records, read_release(cache.upstream_dir(spec.key)))
        release = UpstreamRelease(spec.key, _release_name(module, files, facts),
                                  datetime.now(UTC).isoformat(timespec="seconds"), records, tuple(facts))  # fmt: skip
        (incoming / RELEASE_FILE).write_text(release.as_json(), encoding="utf-8")
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    _swap(cache, spec.key, incoming)
    return release
