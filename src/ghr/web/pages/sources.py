"""How a page says where an automatically extracted fact came from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceNote:
    """'Source: MANE (...) v1.5 (extracted automatically)'."""

    releases: tuple[str, ...]

    @classmethod
    def of(cls, releases: Iterable) -> SourceNote:
        names: list[str] = []
        for release in releases:
            if release is None:
                continue
            label = release_label(release)
            if label not in names:
                names.append(label)
        return cls(tuple(names))

    @classmethod
    def of_labels(cls, notes: Iterable[SourceNote]) -> SourceNote:
        labels: list[str] = []
        for note in notes:
            labels += [label for label in note.releases if label not in labels]
        return cls(tuple(labels))

    @property
    def text(self) -> str:
        return "; ".join(self.releases)

    def __bool__(self) -> bool:
        return bool(self.releases)


def release_label(release) -> str:
    return f"{release.name} {release.version}".strip()
