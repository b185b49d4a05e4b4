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
    inheritance: list[str] = field(default_factory=list)
    """The pattern codes the build kept (``shown``), in the order written."""
    inheritance_sources: list[str] = field(default_factory=list)
    links: dict[str, list[str]] = field(default_factory=dict)
    """Link kind -> gene symbols, best established first."""
    link_sources: list[str] = field(default_factory=list)
    chromosome: str = ""


def _keys(source_ids: dict[str, int]) -> Callable[[int], str]:
    by_id = {release_id: key for key, release_id in source_ids.items()}
    return lambda release_id: by_id.get(release_id, "")


def sentence_names(plan: Plan) -> dict[int, str]:
    """Condition id -> its name as it reads inside a sentence, judged against every name the build writes."""
    names = {row["id"]: row["name"] for row in plan.dicts(kb.Condition)}
    common = common_words([*names.values(), *(row["name"] for row in plan.dicts(kb.ConditionName))])
    return {condition_id: in_sentence(name, common) for condition_id, name in names.items()}


def _conditions(plan: Plan, key_of: Callable[[int], str]) -> dict[int, _ConditionRows]:
    conditions = {condition_id: _ConditionRows(name) for condition_id, name in sentence_names(plan).items()}
    for row in plan.dicts(kb.ConditionFact):
        if row["kind"] == "frequency_words":
            conditions[row["condition_id"]].frequency.append(row["value"])
            conditions[row["condition_id"]].frequency_sources.append(key_of(row["source_id"]))
    for row in plan.dicts(kb.ConditionInheritance):
        facts = conditions[row["condition_id"]]
        if row["shown"] and row["code"] not in facts.inheritance:
            facts.inheritance.append(row["code"])
            facts.inheritance_sources.append(key_of(row["source_id"]))
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


def condition_sections(plan: Plan, source_ids: dict[str, int]) -> Iterator[tuple[int, str, Written]]:
    """(condition id, role, text) for each section a condition has something to say in."""
    for condition_id, rows in _conditions(plan, _keys(source_ids)).items():
        texts = {
            "frequency": frequency_text(rows.frequency, _unique(rows.frequency_sources)),
            "causes": causes_text(rows.name, list(rows.links.items()), rows.chromosome, _unique(rows.link_sources)),
            "inheritance": inheritance_text(rows.inheritance, _unique(rows.inheritance_sources)),
        }
        for role, written in texts.items():
            if written is not None:
                yield condition_id, role, written


def gene_condition_texts(plan: Plan, source_ids: dict[str, int]) -> Iterator[tuple[int, int, Written]]:
    """(gene id, condition id, text) for every gene and condition that a source links."""
    key_of = _keys(source_ids)
    names = sentence_names(plan)
    symbols = {row["id"]: row["symbol"] for row in plan.dicts(kb.Gene)}
    kinds = {(r["gene_id"], r["condition_id"]): r["kind"] for r in plan.dicts(kb.GeneConditionLink) if not r["via"]}
    inheritance: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for row in plan.dicts(kb.ConditionInheritance):
        codes, keys = inheritance[row["condition_id"]]
        if row["shown"]:
            codes.append(row["code"])
            keys.append(key_of(row["source_id"]))
    pairs: dict[tuple[int, int], tuple[list[str], list[str], set[int]]] = defaultdict(lambda: ([], [], set()))
    for row in plan.dicts(kb.GeneCondition):
        evidence, keys, pmids = pairs[row["gene_id"], row["condition_id"]]
        if row["evidence"] and row["evidence"] not in evidence:
            evidence.append(row["evidence"])
        keys.append(key_of(row["source_id"]))
        pmids.update(json.loads(row["pmids"] or "[]"))
    for (gene_id, condition_id), (evidence, keys, pmids) in pairs.items():
        kind = kinds.get((gene_id, condition_id), "uncertain")
        codes, inheritance_keys = inheritance[condition_id] if kind == "causes" else ([], [])
        written = link_text(symbols[gene_id], names[condition_id], kind, sorted(evidence),
                            codes=list(dict.fromkeys(codes)), sources=_unique(keys + inheritance_keys))  # fmt: skip
        written.facts["pmids"] = sorted(pmids)
        yield gene_id, condition_id, written
