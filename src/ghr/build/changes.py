"""What a new release changed: the knowledge base just built (staging) compared with the one serving.

Genes are matched by HGNC ID, conditions by MONDO ID (by address when they have none), links by gene and
condition. The report goes into the build's ``BuildInfo.changes``; `ghr build` prints its summary and
`ghr changes` lists it in full for operators and editors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from ghr.kb import models as kb

LISTED = 2000
"""At most this many entries of each list are stored (the counts are always whole)."""


@dataclass
class ReleaseChanges:
    """The differences, each list sorted; counts of every list are in ``summary()``."""

    genes_added: list[str] = field(default_factory=list)
    """Symbols of genes new to this release."""
    genes_withdrawn: list[dict] = field(default_factory=list)
    """{symbol, hgnc_id, now}: a gene no longer approved; ``now`` lists the genes that carry its symbol on
    as a previous or withdrawn symbol (a merge), empty when none does."""
    genes_renamed: list[dict] = field(default_factory=list)
    """{hgnc_id, old, new}: the same gene under a new approved symbol."""
    conditions_added: list[str] = field(default_factory=list)
    """Addresses (slugs) of conditions new to this release."""
    conditions_removed: list[dict] = field(default_factory=list)
    """{slug, name, now}: a condition gone; ``now`` is the address its old one redirects to, '' if none."""
    conditions_renamed: list[dict] = field(default_factory=list)
    """{key, old, new}: the same condition (MONDO ID) under another name."""
    links_added: list[dict] = field(default_factory=list)
    """{gene, condition, kind}."""
    links_removed: list[dict] = field(default_factory=list)
    links_changed: list[dict] = field(default_factory=list)
    """{gene, condition, old, new}: the same link with another kind."""
    sources: dict[str, dict] = field(default_factory=dict)
    """Source key -> {old, new} releases and records loaded, for sources whose release or counts changed."""
    totals: dict[str, int] = field(default_factory=dict)
    """Length of each list before it was cut to ``LISTED``."""

    def summary(self) -> str:
        parts = [f"{count} {name.replace('_', ' ')}" for name, count in self.totals.items() if count]
        return "changes since the previous build: " + (", ".join(parts) if parts else "none")

    def as_dict(self) -> dict:
        return asdict(self)


def _genes(using: str) -> dict[str, str]:
    return dict(kb.Gene.objects.using(using).exclude(hgnc_id=None).values_list("hgnc_id", "symbol"))


def _conditions(using: str) -> dict[str, tuple[str, str]]:
    rows = kb.Condition.objects.using(using).values_list("mondo_id", "slug", "name")
    return {mondo_id or f"slug:{slug}": (slug, name) for mondo_id, slug, name in rows}


def _links(using: str) -> dict[tuple[str, str], str]:
    rows = kb.GeneConditionLink.objects.using(using).values_list("gene__symbol", "condition__slug", "kind")
    return {(gene, condition): kind for gene, condition, kind in rows}


def _successors(using: str) -> dict[str, list[str]]:
    kinds = (kb.GeneName.Kind.PREVIOUS_SYMBOL, kb.GeneName.Kind.WITHDRAWN_SYMBOL)
    found = defaultdict(set)
    for name, symbol in kb.GeneName.objects.using(using).filter(kind__in=kinds).values_list("name", "gene__symbol"):
        found[name.upper()].add(symbol)
    return {name: sorted(symbols) for name, symbols in found.items()}


def _gene_changes(changes: ReleaseChanges, old: str, new: str) -> None:
    before, after = _genes(old), _genes(new)
    successors = _successors(new)
    changes.genes_added = sorted(after[key] for key in after.keys() - before.keys())
    changes.genes_withdrawn = [
        {"symbol": before[key], "hgnc_id": key, "now": successors.get(before[key].upper(), [])}
        for key in sorted(before.keys() - after.keys())
    ]
    changes.genes_renamed = [
        {"hgnc_id": key, "old": before[key], "new": after[key]}
        for key in sorted(before.keys() & after.keys())
        if before[key] != after[key]
    ]


def _condition_changes(changes: ReleaseChanges, old: str, new: str) -> None:
    before, after = _conditions(old), _conditions(new)
    redirects = dict(kb.ConditionRedirect.objects.using(new).values_list("old_slug", "condition__slug"))
    changes.conditions_added = sorted(after[key][0] for key in after.keys() - before.keys())
    changes.conditions_removed = [
        {"slug": before[key][0], "name": before[key][1], "now": redirects.get(before[key][0], "")}
        for key in sorted(before.keys() - after.keys())
    ]
    changes.conditions_renamed = [
        {"key": key, "old": before[key][1], "new": after[key][1]}
        for key in sorted(before.keys() & after.keys())
        if before[key][1] != after[key][1]
    ]


def _link_changes(changes: ReleaseChanges, old: str, new: str) -> None:
    before, after = _links(old), _links(new)
    changes.links_added = [
        {"gene": g, "condition": c, "kind": after[g, c]} for g, c in sorted(after.keys() - before.keys())
    ]
    changes.links_removed = [
        {"gene": g, "condition": c, "kind": before[g, c]} for g, c in sorted(before.keys() - after.keys())
    ]
    changes.links_changed = [
        {"gene": g, "condition": c, "old": before[g, c], "new": after[g, c]}
        for g, c in sorted(before.keys() & after.keys())
        if before[g, c] != after[g, c]
    ]


def _source_changes(changes: ReleaseChanges, old: str, new: str) -> None:
    def releases(using: str) -> dict[str, tuple[str, int]]:
        rows = kb.SourceRelease.objects.using(using).values_list("key", "version", "records_loaded")
        return {key: (version, loaded) for key, version, loaded in rows}

    before, after = releases(old), releases(new)
    for key in sorted(before.keys() | after.keys()):
        if before.get(key) != after.get(key):
            old_version, old_loaded = before.get(key, ("", 0))
            new_version, new_loaded = after.get(key, ("", 0))
            changes.sources[key] = {"old": old_version, "new": new_version,
                                    "old_records": old_loaded, "new_records": new_loaded}  # fmt: skip


def compare(old: str, new: str) -> ReleaseChanges:
    """The changes from knowledge base ``old`` (database alias) to ``new``."""
    changes = ReleaseChanges()
    _gene_changes(changes, old, new)
    _condition_changes(changes, old, new)
    _link_changes(changes, old, new)
    _source_changes(changes, old, new)
    for name, value in vars(changes).items():
        if isinstance(value, list):
            changes.totals[name] = len(value)
            del value[LISTED:]
    changes.totals["sources_changed"] = len(changes.sources)
    return changes


_SECTIONS = (
    ("genes_added", "Genes added", lambda e: e),
    ("genes_renamed", "Genes renamed", lambda e: f"{e['old']} -> {e['new']} ({e['hgnc_id']})"),
    ("genes_withdrawn", "Genes withdrawn",
     lambda e: f"{e['symbol']} ({e['hgnc_id']})" + (f", now {', '.join(e['now'])}" if e["now"] else "")),
    ("conditions_added", "Conditions added", lambda e: e),
    ("conditions_renamed", "Conditions renamed", lambda e: f"{e['old']} -> {e['new']} ({e['key']})"),
    ("conditions_removed", "Conditions removed or merged",
     lambda e: f"{e['name']} (/condition/{e['slug']})" + (f", now /condition/{e['now']}" if e["now"] else "")),
    ("links_added", "Gene-condition links added", lambda e: f"{e['gene']} {e['kind']} {e['condition']}"),
    ("links_removed", "Gene-condition links removed", lambda e: f"{e['gene']} {e['kind']} {e['condition']}"),
    ("links_changed", "Gene-condition links of another kind",
     lambda e: f"{e['gene']} / {e['condition']}: {e['old']} -> {e['new']}"),
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    """One list of a stored report, in words, for `ghr changes` and the editors' page."""

    title: str
    total: int
    """How many there were (``lines`` may hold fewer: the stored lists are cut at ``LISTED``)."""
    lines: tuple[str, ...]


def report_sections(stored: dict) -> list[Section]:
    """The non-empty lists of a report as stored in ``BuildInfo.changes``."""
    return [
        Section(title, stored["totals"][key], tuple(map(line, stored[key])))
        for key, title, line in _SECTIONS
        if stored.get(key)
    ]
