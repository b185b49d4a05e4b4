"""The one report `make bench` writes: a Markdown table of figures measured in the same run."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class Row:
    section: str
    """Which part was measured, e.g. 'build' or 'gene page'."""
    metric: str
    """What was measured, e.g. 'wall time' or 'requests/s (c=32)'."""
    value: str
    """The figure, with its unit."""
    note: str = ""
    """How it was measured, or the target it is compared against."""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, section: str, metric: str, value: str, note: str = "") -> None:
        row = Row(section, metric, value, note)
        self.rows.append(row)
        print(f"  {section} | {metric}: {value} {note}", flush=True)

    def markdown(self) -> str:
        lines = [
            "# ghr benchmark report",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
            f"({platform.machine()}, Python {platform.python_version()}); all figures from one run.",
            "",
            "| part | metric | value | note |",
            "|---|---|---|---|",
        ]
        lines += [f"| {r.section} | {r.metric} | {r.value} | {r.note} |" for r in self.rows]
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> None:
        path.write_text(self.markdown())
