"""What a parser saw: the counts every source's parse step keeps for the build's summary."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ParseStats:
    """Counts of one parse, filled in as records are read."""

    read: int = 0
    """Records (rows) seen in the file."""
    rejected: int = 0
    """Records skipped because a value was unusable."""
    reasons: Counter[str] = field(default_factory=Counter)
    """Rejected records per reason."""
    notes: list[str] = field(default_factory=list)
    """Plain-language remarks for the build's report (what was left out and why)."""

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] += 1
