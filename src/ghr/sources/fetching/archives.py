"""Extract single members from the archive formats registries serve: wheels (zip), npm tarballs, Debian .deb."""

from __future__ import annotations

import shutil
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO


class ArchiveError(ValueError):
    """The archive is damaged or lacks a member."""


def _ar_members(handle: BinaryIO) -> Iterator[tuple[str, int]]:
    # A .deb is a Unix ar archive: an 8-byte magic, then 60-byte headers each followed by the member's data.
    if handle.read(8) != b"!<arch>\n":
        raise ArchiveError("not an ar archive (bad magic)")
    while header := handle.read(60):
        if len(header) < 60:
            raise ArchiveError("truncated ar header")
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        yield name, size  # the handle stands at the member's data until the caller resumes
        handle.seek(size + (size % 2), 1)


@contextmanager
def _deb_data_tar(path: Path) -> Iterator[tarfile.TarFile]:
    with path.open("rb") as handle:
        for name, _size in _ar_members(handle):
            if name.startswith("data.tar"):
                with tarfile.open(fileobj=handle, mode="r|*") as tar:
                    yield tar
                return
    raise ArchiveError("no data.tar member in .deb")


def _copy_stream(source: IO[bytes], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("wb") as out:
        shutil.copyfileobj(source, out, length=1 << 20)
    partial.replace(target)


def _extract_from_tar(tar: tarfile.TarFile, wanted: dict[str, Path]) -> set[str]:
    found = set()
    for member in tar:
        name = member.name.removeprefix("./")
        if name in wanted and member.isfile():
            source = tar.extractfile(member)
            if source is None:
                raise ArchiveError(f"cannot read member {name}")
            _copy_stream(source, wanted[name])
            found.add(name)
    return found


def extract_members(archive: Path, wanted: dict[str, Path]) -> None:
    """Copy each member named in ``wanted`` (path inside archive -> destination) out of ``archive``."""
    try:
        if archive.suffix == ".whl" or zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as zipped:
                for name, target in wanted.items():
                    with zipped.open(name) as source:
                        _copy_stream(source, target)
            return
        if archive.suffix == ".deb":
            with _deb_data_tar(archive) as tar:
                found = _extract_from_tar(tar, wanted)
        else:
            with tarfile.open(archive, mode="r|*") as tar:
                found = _extract_from_tar(tar, wanted)
    except (KeyError, zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as error:
        raise ArchiveError(f"{archive.name}: {error}") from error
    missing = sorted(set(wanted) - found)
    if missing:
        raise ArchiveError(f"{archive.name} lacks {', '.join(missing)}")
