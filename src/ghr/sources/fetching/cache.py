"""Where fetched files live: ``packages/`` holds archives as downloaded, ``files/<key>-<version>/`` what is read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.fetching.pins import FilePin, PackagePin


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class VerificationError(ValueError):
    """A cached file is missing or is not the pinned file."""

    def __init__(self, path: Path, check: str, advice: str):
        self.path = path
        self.check = check
        super().__init__(f"{path}: {check}. {advice}")


@dataclass(frozen=True)
class Cache:
    root: Path

    def archive_path(self, pin: PackagePin) -> Path:
        return self.root / "packages" / pin.filename

    def files_dir(self, pin: PackagePin) -> Path:
        return self.root / "files" / f"{pin.key}-{pin.version}"

    def file_path(self, pin: PackagePin, file: FilePin) -> Path:
        return self.files_dir(pin) / file.path

    def upstream_dir(self, source_key: str) -> Path:
        """Files users download from publishers themselves (not pinned), e.g. HGNC's complete set."""
        return self.root / "upstream" / source_key

    def scratch_dir(self) -> Path:
        path = self.root / "tmp"
        path.mkdir(parents=True, exist_ok=True)
        return path


def verify_file(path: Path, expected_bytes: int, expected_sha256: str, advice: str) -> None:
    """Refuse a file that is missing, of the wrong size (truncated) or with another sha256 (altered)."""
    if not path.is_file():
        raise VerificationError(path, "missing", advice)
    size = path.stat().st_size
    if size != expected_bytes:
        raise VerificationError(path, f"size check failed: {size} bytes, pinned {expected_bytes}", advice)
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise VerificationError(path, f"sha256 check failed: {actual}, pinned {expected_sha256}", advice)


def verified_files(cache: Cache, pin: PackagePin) -> dict[str, Path]:
    """Paths of the package's extracted files, each checked against its pin."""
    advice = f"Run `ghr fetch` to restore {pin.label}."
    paths = {}
    for file in pin.files:
        path = cache.file_path(pin, file)
        verify_file(path, file.bytes, file.sha256, advice)
        paths[file.path] = path
    return paths
