"""Plain-language texts for every gene and condition, made once in the build and stored with the facts.

``plan_narratives`` runs after every other step of the plan: it reads the rows the build is about to write (genes
and their GO terms, conditions with their features, causal links, stated inheritance, frequency in words, chromosome
changes), the GO and HPO hierarchies and GTEx's tissues, and adds one ``Narrative`` row per gene and condition.
Readers (pages, API, bulk files, the static export) show these rows; none composes prose itself.
"""

from __future__ import annotations

import json
from collections import defaultdict

from markupsafe import escape

from ghr.build.collect import Collected
from ghr.build.genes import GeneIndex
from ghr.build.narrative.conditions import ConditionFacts, condition_text
from ghr.build.narrative.genes import GeneFacts, Written, gene_text
from ghr.build.narrative.readability import grade
from ghr.build.narrative.section_rows import plan_section_texts, sentence_names
from ghr.build.rows import Plan, Table, as_json
from ghr.kb import models as kb

GENERATOR = "ghr.build.narrative 2"


def _gene_facts(plan: Plan, collected: Collected, index: GeneIndex) -> dict[int, GeneFacts]:
    go_ids = {row["id"]: row["go_id"] for row in plan.dicts(kb.GoTerm)}
    genes = {row["id"]: GeneFacts(row["symbol"], row["name"], row["locus_type"]) for row in plan.dicts(kb.Gene)}
    for row in plan.dicts(kb.GeneFunctionTerm):
        gene = genes[row["gene_id"]]
        gene.go_terms.append(go_ids[row["term_id"]])
        gene.evidence[go_ids[row["term_id"]]] = row["evidence"]
    group_names = {row["id"]: row["name"] for row in plan.dicts(kb.GeneGroup)}
    for row in plan.dicts(kb.GeneGroupMember):
        gene = genes[row["gene_id"]]
        gene.groups = (*gene.groups, group_names[row["group_id"]])
    for source, record in collected.of("GeneTissueRecord"):
        gene_id = index.find(record.gene)
        if gene_id is None:
            collected.rejected(source, "tissues of an unknown gene")
            continue
        genes[gene_id].tissues = record.tissues
        collected.loaded(source, "GeneTissueRecord")
    return genes


def _condition_facts(plan: Plan) -> dict[int, ConditionFacts]:
    conditions = {row["id"]: ConditionFacts(row["name"]) for row in plan.dicts(kb.Condition)}
    terms = {row["id"]: (row["hpo_id"], row["name"], tuple(json.loads(row["layperson_synonyms"] or "[]")))
             for row in plan.dicts(kb.PhenotypeTerm)}  # fmt: skip
    for row in plan.dicts(kb.ConditionFeature):
        conditions[row["condition_id"]].features.append((*terms[row["term_id"]], row["frequency"]))
    symbols = {row["id"]: row["symbol"] for row in plan.dicts(kb.Gene)}
    causal = sorted((r for r in plan.dicts(kb.GeneConditionLink) if r["kind"] == "causes"), key=lambda r: r["rank"])
    for row in causal:
        conditions[row["condition_id"]].genes.append(symbols[row["gene_id"]])
    for row in plan.dicts(kb.ConditionInheritance):
        facts = conditions[row["condition_id"]]
        if row["shown"] and row["code"] not in facts.inheritance:
            facts.inheritance.append(row["code"])
    for row in plan.dicts(kb.ConditionFact):
        facts = conditions[row["condition_id"]]
        if row["kind"] == "onset" and not facts.onset:
            facts.onset = row["value"]
        elif row["kind"] == "frequency_words" and not facts.frequency:
            facts.frequency = row["value"]
    for row in plan.dicts(kb.ConditionChromosome):
        conditions[row["condition_id"]].chromosome = row["words"]
    return conditions


def _add(table: Table, written: Written, role: str, gene_id: int | None, condition_id: int | None) -> float:
    text = " ".join(written.sentences)
    html = "<p>" + " ".join(str(escape(s)) for s in written.sentences) + "</p>"
    level = grade(text)
    table.add(gene_id, condition_id, role, text, html, as_json(written.facts), as_json(list(written.sources)),
              GENERATOR, level)  # fmt: skip
    return level


def plan_narratives(plan: Plan, collected: Collected, index: GeneIndex, source_ids: dict[str, int]) -> dict[str, float]:
    """Add a Narrative row for every gene and condition, each section of a condition that has facts, and each
    gene-condition link; returns the median reading grade of the gene and condition texts."""
    # Each condition's name as it reads inside a sentence, stored for the pages' headings ("What is cystic
    # fibrosis?") and used by the section texts below.
    plan.table(kb.Condition).add_column("sentence_name", sentence_names(plan))
    go_parents = {record.go_id: record.parents for _, record in collected.of("GoTermRecord")}
    hpo_parents = {record.hpo_id: record.parents for _, record in collected.of("PhenotypeTermRecord")}
    table = plan.table(kb.Narrative, "gene_id", "condition_id", "role", "text", "html", "facts", "sources",
                       "generator", "grade")  # fmt: skip
    grades: dict[str, list[float]] = defaultdict(list)
    cache: dict = {}
    for gene_id, facts in _gene_facts(plan, collected, index).items():
        grades["gene"].append(_add(table, gene_text(facts, go_parents, cache), "function", gene_id, None))
    cache = {}
    for condition_id, facts in _condition_facts(plan).items():
        written = condition_text(facts, hpo_parents, cache)
        grades["condition"].append(_add(table, written, "description", None, condition_id))
    for gene_id, condition_id, role, written in plan_section_texts(plan, source_ids):
        _add(table, written, role, gene_id, condition_id)
    return {kind: sorted(values)[len(values) // 2] for kind, values in grades.items() if values}
