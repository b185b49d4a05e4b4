"""Reads the rows the build is about to write and asks ``sections`` for the texts of each condition's sections and
of each gene-condition link; ``plan_narratives`` stores them beside the gene and condition texts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ghr.build.narrative.genes import Written
from ghr.build.narrative.sections import (
    causes_text,
    common_words,
    frequency_text,
    in_sentence,
    inheritance_text,
    link_text,
)
from ghr.build.rows import Plan
from ghr.kb import models as kb


@dataclass
class _ConditionRows:
    """What the section texts of one condition are made from."""

    name: str
    """As it reads inside a sentence."""
    frequency: list[str] = field(default_factory=list)
    """The build's plain sentences for its prevalence facts, birth prevalence first."""
    frequency_sources: list[str] = field(default_factory=list)
    inheritance_rows: list[tuple[str, str]] = field(default_factory=list)
    """(pattern code, release key) of every pattern the build kept (``shown``), in the order written."""
    links: dict[str, list[str]] = field(default_factory=dict)
    """Link kind -> gene symbols, best established first."""
    link_sources: list[str] = field(default_factory=list)
    chromosome: str = ""

    @property
    def inheritance(self) -> list[str]:
        """The kept pattern codes, each once, in the order written."""
        return list(dict.fromkeys(code for code, _ in self.inheritance_rows))

    @property
    def inheritance_sources(self) -> list[str]:
        """The release of each code's first row: what the inheritance section names."""
        first: dict[str, str] = {}
        for code, key in self.inheritance_rows:
            first.setdefault(code, key)
        return list(first.values())


def _keys(source_ids: dict[str, int]) -> Callable[[int], str]:
    by_id = {release_id: key for key, release_id in source_ids.items()}
    return lambda release_id: by_id.get(release_id, "")


def sentence_names(plan: Plan) -> dict[int, str]:
    """Condition id -> its name as it reads inside a sentence, judged against every name the build writes."""
    names = {row["id"]: row["name"] for row in plan.dicts(kb.Condition)}
    common = common_words([*names.values(), *(row["name"] for row in plan.dicts(kb.ConditionName))])
    return {condition_id: in_sentence(name, common) for condition_id, name in names.items()}


def _conditions(plan: Plan, key_of: Callable[[int], str]) -> dict[int, _ConditionRows]:
    # The names in sentence form were planned with the conditions (plan_narratives).
    conditions = {row["id"]: _ConditionRows(row["sentence_name"]) for row in plan.dicts(kb.Condition)}
    for row in plan.dicts(kb.ConditionFact):
        if row["kind"] == "frequency_words":
            conditions[row["condition_id"]].frequency.append(row["value"])
            conditions[row["condition_id"]].frequency_sources.append(key_of(row["source_id"]))
    for row in plan.dicts(kb.ConditionInheritance):
        if row["shown"]:
            conditions[row["condition_id"]].inheritance_rows.append((row["code"], key_of(row["source_id"])))
    symbols = {row["id"]: row["symbol"] for row in plan.dicts(kb.Gene)}
    for row in sorted(plan.dicts(kb.GeneConditionLink), key=lambda r: r["rank"]):
        conditions[row["condition_id"]].links.setdefault(row["kind"], []).append(symbols[row["gene_id"]])
    for row in plan.dicts(kb.GeneCondition):
        conditions[row["condition_id"]].link_sources.append(key_of(row["source_id"]))
    for row in plan.dicts(kb.ConditionChromosome):
        conditions[row["condition_id"]].chromosome = row["words"]
    return conditions


def _unique(keys: list[str]) -> tuple[str, ...]:
    return tuple(sorted({key for key in keys if key}))


def condition_sections(conditions: dict[int, _ConditionRows]) -> Iterator[tuple[int, str, Written]]:
    """(condition id, role, text) for each section a condition has something to say in."""
    for condition_id, rows in conditions.items():
        texts = {
            "frequency": frequency_text(rows.frequency, _unique(rows.frequency_sources)),
            "causes": causes_text(rows.name, list(rows.links.items()), rows.chromosome, _unique(rows.link_sources)),
            "inheritance": inheritance_text(rows.inheritance, _unique(rows.inheritance_sources)),
        }
        for role, written in texts.items():
            if written is not None:
                yield condition_id, role, written


def gene_condition_texts(plan: Plan, conditions: dict[int, _ConditionRows],
                         key_of: Callable[[int], str]) -> Iterator[tuple[int, int, Written]]:  # fmt: skip
    """(gene id, condition id, text) for every gene and condition that a source links."""
    symbols = {row["id"]: row["symbol"] for row in plan.dicts(kb.Gene)}
    kinds = {(r["gene_id"], r["condition_id"]): r["kind"] for r in plan.dicts(kb.GeneConditionLink) if not r["via"]}
    pairs: dict[tuple[int, int], tuple[list[str], list[str], set[int]]] = defaultdict(lambda: ([], [], set()))
    for row in plan.dicts(kb.GeneCondition):
        evidence, keys, pmids = pairs[row["gene_id"], row["condition_id"]]
        if row["evidence"] and row["evidence"] not in evidence:
            evidence.append(row["evidence"])
        keys.append(key_of(row["source_id"]))
        pmids.update(json.loads(row["pmids"] or "[]"))
    for (gene_id, condition_id), (evidence, keys, pmids) in pairs.items():
        kind = kinds.get((gene_id, condition_id), "uncertain")
        condition = conditions[condition_id]
        # How the condition is inherited is said, with its sources, only where this gene causes it.
        codes, inheritance_keys = (
            (condition.inheritance, [k for _, k in condition.inheritance_rows]) if kind == "causes" else ([], [])
        )
        written = link_text(symbols[gene_id], condition.name, kind, sorted(evidence), codes=codes,
                            sources=_unique(keys + inheritance_keys))  # fmt: skip
        written.facts["pmids"] = sorted(pmids)
        yield gene_id, condition_id, written


def plan_section_texts(plan: Plan, source_ids: dict[str, int]) -> Iterator[tuple[int | None, int, str, Written]]:
    """(gene id or None, condition id, role, text): each condition's section texts, then each gene-condition text,
    from one reading of the planned rows."""
    key_of = _keys(source_ids)
    conditions = _conditions(plan, key_of)
    for condition_id, role, written in condition_sections(conditions):
        yield None, condition_id, role, written
    for gene_id, condition_id, written in gene_condition_texts(plan, conditions, key_of):
        yield gene_id, condition_id, "gene-condition", written
