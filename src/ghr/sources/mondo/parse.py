"""Parser for rarecrowds' mondo.obo.pkl, a pickle of MONDO.

The pickle holds ``{"graph": networkx.DiGraph, "mapping": {xref: MONDO id}, "xrefs": {MONDO id: [xref, ...]}}``.
Graph nodes are MONDO IDs with attributes ``id`` and ``label``; edges run from parent to child (is-a), so a
term's parents are its predecessors.

A pickle runs code when loaded, so it is read only through ``SafeUnpickler``, whose ``find_class`` admits exactly
the two globals this file needs (``networkx.classes.digraph.DiGraph`` and ``builtins.dict``, as
``python -m pickletools`` lists them) and refuses every other name with ``SourceFileError`` before anything is
imported or called. Persistent IDs are refused too (the base class does so).
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError

ALLOWED_GLOBALS = frozenset({("networkx.classes.digraph", "DiGraph"), ("builtins", "dict")})


@dataclass(frozen=True, slots=True)
class MondoTerm:
    """One MONDO class."""

    id: str
    """'MONDO:0020721'."""
    label: str
    """'X-linked sideroblastic anemia 1'."""
    xrefs: tuple[str, ...]
    """As MONDO writes them: 'OMIM:300751', 'Orphanet:75563', 'GARD:0009456', 'ICD10:D64.0'..."""
    parents: tuple[str, ...]
    """MONDO IDs of its is-a parents, sorted."""


class SafeUnpickler(pickle.Unpickler):
    """Unpickler that resolves only ``ALLOWED_GLOBALS``."""

    def __init__(self, file, path: Path):
        super().__init__(file)
        self.path = path

    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED_GLOBALS:
            raise SourceFileError(self.path, "pickle globals", f"refused {module}.{name}")
        return super().find_class(module, name)


def load_pickle(path: Path) -> dict:
    """Load the pickle safely and check its shape."""
    try:
        with open(path, "rb") as handle:
            data = SafeUnpickler(handle, path).load()
    except SourceFileError:
        raise
    except Exception as error:  # truncated or corrupt pickles raise many kinds of error
        raise SourceFileError(path, "readable pickle", f"{type(error).__name__}: {error}") from error
    if not isinstance(data, dict) or not {"graph", "xrefs"} <= data.keys():
        raise SourceFileError(path, "pickle layout", "expected a dict with 'graph' and 'xrefs'")
    from networkx import DiGraph

    if not isinstance(data["graph"], DiGraph) or not isinstance(data["xrefs"], dict):
        raise SourceFileError(path, "pickle layout", "'graph' is not a DiGraph or 'xrefs' not a dict")
    return data


# Sample input (pickletools view of the start):
#     0: \x80 PROTO      3
#     2: }    EMPTY_DICT
#     6: X        BINUNICODE 'graph'
#    18: c        GLOBAL     'networkx.classes.digraph DiGraph'
#    55: \x81     NEWOBJ
#   ... '_node': {'MONDO:0020721': {'id': 'MONDO:0020721', 'label': 'X-linked sideroblastic anemia 1'}} ...
#   'xrefs': {'MONDO:0020721': ['Orphanet:75563', 'OMIM:300751', 'GARD:0009456', ...]}
def parse_mondo(path: Path, odd: Counter | None = None) -> Iterator[MondoTerm]:
    data = load_pickle(path)
    graph, xrefs = data["graph"], data["xrefs"]
    count = 0
    for node, attributes in graph.nodes(data=True):
        label = attributes.get("label") if isinstance(attributes, dict) else None
        if not isinstance(node, str) or not node.startswith("MONDO:") or not isinstance(label, str):
            if odd is not None:
                odd["node that is not a MONDO term (relation) or has no label"] += 1
            continue
        refs = xrefs.get(node) or []
        count += 1
        yield MondoTerm(
            id=node,
            label=label.strip(),
            xrefs=tuple(x for x in refs if isinstance(x, str)),
            parents=tuple(sorted(p for p in graph.predecessors(node) if p != node)),
        )
    if count == 0:
        raise SourceFileError(path, "zero records", "no MONDO term in the graph")
