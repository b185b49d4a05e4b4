"""Map GO.db terms to the shared GO term records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghr.sources.go_terms.parse import GoTerm, ParseStats, parse_go_terms
from ghr.sources.records import GoTermRecord, Record


def term_record(term: GoTerm) -> GoTermRecord:
    ontology = "BP" if term.ontology == "BP" else "MF" if term.ontology == "MF" else "CC"
    return GoTermRecord(term.go_id, term.name, ontology, term.definition, term.parents)


def records(files: dict[str, Path], stats: ParseStats | None = None) -> Iterator[Record]:
    """A GoTermRecord for every BP, MF and CC term of ``files['go']``."""
    for term in parse_go_terms(files["go"], stats):
        yield term_record(term)
