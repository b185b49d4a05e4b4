"""Run every source's load step and sort the records it yields by kind, remembering which source said what."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqdm import tqdm

from ghr.build.inputs import SourceInput
from ghr.sources.records import Record


@dataclass
class SourceTally:
    """What one source gave the build, for the summary table."""

    read: Counter = field(default_factory=Counter)
    """Records yielded, by record type name."""
    loaded: Counter = field(default_factory=Counter)
    """Records that ended up in the knowledge base, by type."""
    rejected: Counter = field(default_factory=Counter)
    """Records the merge could not use (unknown gene, duplicate...), by reason."""
    seconds: float = 0.0


@dataclass
class Collected:
    """Records of every source, by type name, each paired with the key of the source that yielded it."""

    records: dict[str, list[tuple[str, Record]]] = field(default_factory=lambda: defaultdict(list))
    inputs: dict[str, SourceInput] = field(default_factory=dict)
    tallies: dict[str, SourceTally] = field(default_factory=dict)

    def of(self, type_name: str, source: str | None = None) -> list[tuple[str, Record]]:
        items = self.records.get(type_name, [])
        return items if source is None else [item for item in items if item[0] == source]

    def loaded(self, source: str, type_name: str, count: int = 1) -> None:
        self.tallies[source].loaded[type_name] += count

    def rejected(self, source: str, reason: str, count: int = 1) -> None:
        self.tallies[source].rejected[reason] += count


def collect(inputs: list[SourceInput]) -> Collected:
    collected = Collected()
    bar = tqdm(inputs, desc="read sources", unit="source")
    for source_input in bar:
        key = source_input.spec.key
        bar.set_postfix_str(key)
        tally = collected.tallies[key] = SourceTally()
        collected.inputs[key] = source_input
        started = time.perf_counter()
        for record in source_input.module.records(source_input.files):
            type_name = type(record).__name__
            collected.records[type_name].append((key, record))
            tally.read[type_name] += 1
        tally.seconds = time.perf_counter() - started
    return collected
