"""Scores a list of relevance cases against a knowledge base: share found first and in the top five."""

from __future__ import annotations

from dataclasses import dataclass, field

from ghr.search.engine import search


@dataclass
class Scores:
    total: int = 0
    first: int = 0
    top5: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.first}/{self.total} first ({self.first / max(self.total, 1):.0%}), "
            f"{self.top5}/{self.total} in the top 5 ({self.top5 / max(self.total, 1):.0%})"
        )


def evaluate(cases, using: str = "kb") -> Scores:
    scores = Scores()
    for query, expected, what in cases:
        urls = [result.url for result in search(query, using=using)[:5]]
        scores.total += 1
        scores.first += bool(urls) and urls[0] == expected
        scores.top5 += expected in urls
        if not urls or urls[0] != expected:
            scores.misses.append(f"{query!r} ({what}): wanted {expected}, got {urls[:3]}")
    return scores
