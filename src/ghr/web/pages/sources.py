"""How a page says where an automatically extracted fact came from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceNote:
    """The sources of a section: short names for the page's one sources line ("HGNC complete set"), and the full
    release labels ("HGNC complete set 2025-06-09 download (pheval 0.7.14)") for the details behind it."""

    releases: tuple[str, ...]
    """Each release's full label: its name and version."""
    names: tuple[str, ...] = ()
    """Each source's short name, in the same order (a name's bracketed part left out)."""

    @classmethod
    def of(cls, releases: Iterable) -> SourceNote:
        labels: dict[str, str] = {}
        for release in releases:
            if release is not None:
                labels.setdefault(release_label(release), short_name(release.name))
        return cls(tuple(labels), tuple(labels.values()))

    @classmethod
    def of_labels(cls, notes: Iterable[SourceNote]) -> SourceNote:
        labels: dict[str, str] = {}
        for note in notes:
            for label, name in zip(note.releases, note.names or note.releases, strict=True):
                labels.setdefault(label, name)
        return cls(tuple(labels), tuple(labels.values()))

    @property
    def text(self) -> str:
        return "; ".join(self.releases)

    @property
    def short(self) -> str:
        """The sources' short names, each once ("Human Phenotype Ontology; Orphadata epidemiology")."""
        return "; ".join(dict.fromkeys(self.names or self.releases))

    @property
    def several(self) -> bool:
        return len(set(self.names or self.releases)) > 1

    def __bool__(self) -> bool:
        return bool(self.releases)


def release_label(release) -> str:
    return f"{release.name} {release.version}".strip()


def short_name(name: str) -> str:
    """A source's name without its bracketed detail: "Ensembl gene annotation (Ideogram.js gene cache)" is
    "Ensembl gene annotation"; the detail stays in the full label."""
    return name.split(" (", 1)[0].strip() or name
