"""Turn merged conditions and their gene links, features and references into knowledge-base rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ghr.build.chromosomal import plan_chromosome_changes
from ghr.build.collect import Collected
from ghr.build.conditions import SOURCE_OF_DB, MergedCondition, condition_index, merge_conditions
from ghr.build.frequency_words import in_words, measure_rank
from ghr.build.genes import GeneIndex
from ghr.build.inheritance import choose
from ghr.build.link_kinds import CAUSES, PairEvidence
from ghr.build.link_rows import decide_links, gathered_links, general_groups, merge_gathered, plan_link_rows
from ghr.build.narrative.lexicon import body_system, plain_frequency
from ghr.build.nlm_slugs import assign_nlm_slugs
from ghr.build.rows import Plan, as_json
from ghr.kb import models as kb
from ghr.sources.records import ConditionId, GeneRef

# URL names GHR's editors gave conditions whose sources name them otherwise ("Porphyria variegata"); the site's
# own texts use these slugs, so they are pinned to the condition holding that record.
EDITORIAL_SLUGS = {
    ConditionId("OMIM", "177000"): "erythropoietic-protoporphyria",
    ConditionId("OMIM", "176200"): "variegate-porphyria",
    ConditionId("OMIM", "612740"): "ala-dehydratase-deficient-porphyria",
}

# General pages the editors write texts for, whose types no name rule finds (ghr.build.conditions,
# ``editorial_groups``): the page gets this name and gathers the genes of all its types with pages.
EDITORIAL_GROUPS = {
    "MONDO:0001703": "Color vision deficiency",
    "MONDO:0005775": "Glucose-6-phosphate dehydrogenase deficiency",
    "MONDO:0016899": "Duchenne and Becker muscular dystrophy",
}
# Records that are the same condition as a MONDO term although no cross-reference or name says so.
EDITORIAL_MERGES = {ConditionId("GARD", "0006403"): "MONDO:0008560"}  # Factor V Leiden thrombophilia

XREF_DB_LABELS = {"SCTID": "SNOMEDCT", "ICD10": "ICD-10", "ICD10CM": "ICD-10", "MESH": "MeSH", "ORPHA": "Orphanet"}


def _name_kind(kind: str) -> str:
    return kind if kind in kb.ConditionName.Kind.values else kb.ConditionName.Kind.SYNONYM


def _plan_facts(plan: Plan, condition_id: int, condition: MergedCondition, source_ids: dict, unread: Counter) -> None:
    """The sources' facts as they are, then each prevalence class in words (birth prevalence first)."""
    facts = plan.table(kb.ConditionFact, "condition_id", "kind", "value", "source_id")
    for fact in condition.facts:
        facts.add(condition_id, fact.kind, fact.value, source_ids[fact.source])
    prevalence = sorted((f for f in condition.facts if f.kind == "prevalence"), key=lambda f: measure_rank(f.value))
    for fact in prevalence:
        words = in_words(fact.value)
        if words:
            facts.add(condition_id, "frequency_words", words, source_ids[fact.source])
        else:
            unread["prevalence not put in words"] += 1


def _plan_condition(
    plan: Plan, condition: MergedCondition, source_ids: dict[str, int], unread: Counter, nlm_slug: str
) -> int:
    conditions = plan.table(kb.Condition, "slug", "name", "name_source_id", "mondo_id", "nlm_slug")
    condition_id = conditions.add(condition.slug, condition.name[:300], source_ids[condition.name_source],
                                  condition.mondo_id, nlm_slug[:200])  # fmt: skip
    names = plan.table(kb.ConditionName, "condition_id", "name", "kind", "source_id")
    seen = {condition.name.casefold()}
    for name in condition.names:
        text = name.name.strip()[:400]
        if text and (text.casefold(), name.kind) not in seen:
            seen.add((text.casefold(), name.kind))
            names.add(condition_id, text, _name_kind(name.kind), source_ids[name.source])
    xrefs = plan.table(kb.ConditionXref, "condition_id", "db", "key", "source_id")
    seen_xrefs = set()
    # The merged records' own identifiers are cross-references too (UniProt DI-00120, MONDO:0020721...).
    for member in condition.members:
        source = SOURCE_OF_DB.get(member.db, condition.name_source)
        db = XREF_DB_LABELS.get(member.db, member.db)
        if (db, member.key) not in seen_xrefs:
            seen_xrefs.add((db, member.key))
            xrefs.add(condition_id, db, member.key[:40], source_ids.get(source, source_ids[condition.name_source]))
    for xref in condition.xrefs:
        db = XREF_DB_LABELS.get(xref.id.db, xref.id.db)
        if (db, xref.id.key) not in seen_xrefs:
            seen_xrefs.add((db, xref.id.key))
            xrefs.add(condition_id, db, xref.id.key[:40], source_ids[xref.source])
    _plan_facts(plan, condition_id, condition, source_ids, unread)
    inheritance = plan.table(kb.ConditionInheritance, "condition_id", "code", "evidence", "source_id", "shown")
    seen_codes = set()
    for pattern in condition.inheritance:
        if (pattern.code, pattern.source) not in seen_codes:
            seen_codes.add((pattern.code, pattern.source))
            inheritance.add(condition_id, pattern.code, pattern.evidence[:100], source_ids[pattern.source], True)
    return condition_id


def _plan_parents(plan: Plan, merged: list[MergedCondition], ids: dict[str, int], source_ids: dict[str, int]) -> None:
    by_mondo = {condition.mondo_id: ids[condition.slug] for condition in merged if condition.mondo_id}
    parents = plan.table(kb.ConditionParent, "child_id", "parent_id", "source_id")
    for condition in merged:
        for parent in condition.parents:
            if parent in by_mondo and by_mondo[parent] != ids[condition.slug]:
                parents.add(ids[condition.slug], by_mondo[parent], source_ids["mondo"])


@dataclass(frozen=True)
class _Targets:
    """What records about conditions are resolved against."""

    source_ids: dict[str, int]
    genes: GeneIndex
    index: dict[ConditionId, str]
    """Any record id of a merged condition -> its slug."""
    ids: dict[str, int]
    """Slug -> row id."""

    def condition(self, condition: ConditionId) -> int | None:
        slug = self.index.get(condition)
        return self.ids.get(slug) if slug else None


def _plan_gene_links(collected: Collected, plan: Plan, targets: _Targets) -> dict[tuple[int, int], PairEvidence]:
    """The per-source link rows, and the evidence of each (gene, condition) pair for deciding its kind."""
    links = plan.table(kb.GeneCondition, "gene_id", "condition_id", "evidence", "pmids", "source_id")
    record_names = {record.id: record.name for _, record in collected.of("ConditionRecord")}
    evidence: dict[tuple[int, int], PairEvidence] = defaultdict(PairEvidence)
    seen = set()
    for source, record in collected.of("GeneConditionRecord"):
        gene_id, condition_id = targets.genes.find(record.gene), targets.condition(record.condition)
        if gene_id is None or condition_id is None:
            collected.rejected(source, "gene link to an unknown gene or condition")
            continue
        pair = evidence[(gene_id, condition_id)]
        pair.records.append((source, record.evidence, record_names.get(record.condition, "")))
        pair.associations += [record.association] if record.association else []
        pair.germline += record.germline_variants
        pair.shared += record.shared_variants
        pair.coding = targets.genes.records[gene_id].locus_type == "protein_coding"
        if record.shared_variants and pair.coding and not _coding_among(targets.genes, record.shared_with):
            # Variants listed under this gene and an overlapping gene that makes no protein (SCN1A and its
            # antisense RNA SCN1A-AS1) lie in this gene's code: they count for it.
            pair.germline += record.shared_variants
            pair.shared -= record.shared_variants
        pair.somatic_only += record.somatic_variants
        key = (gene_id, condition_id, source, record.evidence)
        if key not in seen:
            seen.add(key)
            links.add(
                gene_id, condition_id, record.evidence[:200], as_json(list(record.pmids)), targets.source_ids[source]
            )
            collected.loaded(source, "GeneConditionRecord")
    return evidence


MAX_GENES_FOR_LOCATION_RULE = 3


def _choose_inheritance(plan: Plan, decisions: list, targets: _Targets) -> int:
    """Mark the patterns each condition page states (``build.inheritance``); returns how many went to review."""
    causal: dict[int, set[int]] = defaultdict(set)
    for decision in decisions:
        if decision.kind == CAUSES and not decision.via:
            causal[decision.condition_id].add(decision.gene_id)
    # The place of the genes decides only where they are few: a group of many genes (or one that gathers its
    # types') may have forms whose genes the sources do not link yet.
    chromosomes = {
        condition_id: {targets.genes.records[gene_id].chromosome or "?" for gene_id in genes}
        for condition_id, genes in causal.items()
        if len(genes) <= MAX_GENES_FOR_LOCATION_RULE
    }
    table = plan.tables[kb.ConditionInheritance._meta.db_table]
    release_keys = {release_id: key for key, release_id in targets.source_ids.items()}
    rows_of: dict[int, list[tuple]] = defaultdict(list)
    for row in table.rows:
        rows_of[row[1]].append(row)
    reviews = plan.table(kb.ConditionReview, "condition_id", "topic", "message")
    rewritten = []
    for condition_id, rows in rows_of.items():
        choice = choose([(row[2], release_keys.get(row[4], "")) for row in rows], chromosomes.get(condition_id, set()))
        rewritten += [(*row[:5], row[2] not in choice.hidden) for row in rows]
        if choice.message:
            reviews.add(condition_id, "inheritance", choice.message)
    table.rows = sorted(rewritten)
    return len(reviews.rows)


def _gather_inheritance(plan: Plan, groups: dict[int, list[int]], slugs: dict[int, str]) -> int:
    """A general condition that the sources give no pattern for states its types' patterns, each row saying which
    type it comes from. Returns how many general conditions gained a pattern."""
    table = plan.tables[kb.ConditionInheritance._meta.db_table]
    rows_of: dict[int, list[tuple]] = defaultdict(list)
    for row in table.rows:
        rows_of[row[1]].append(row)
    gained = 0
    for parent, subtypes in groups.items():
        if any(row[5] for row in rows_of.get(parent, ())):
            continue
        seen = {(row[2], row[4]) for row in rows_of.get(parent, ())}
        for subtype in subtypes:
            for _, _, code, _, source_id, shown in rows_of.get(subtype, ()):
                if shown and code not in ("n", "u") and (code, source_id) not in seen:
                    seen.add((code, source_id))
                    table.add(parent, code, f"from its type {slugs[subtype]}"[:100], source_id, True)
        gained += any(key[0] not in ("n", "u") for key in seen)
    return gained


def _descendants(children: dict[int, list[int]], start: int, depth: int = 3) -> list[int]:
    found, frontier = [], list(children.get(start, ()))
    for _ in range(depth):
        frontier = [child for child in frontier if child not in found]
        found += frontier
        frontier = [grandchild for child in frontier for grandchild in children.get(child, ())]
    return found


def _coding_among(genes: GeneIndex, symbols: tuple[str, ...]) -> bool:
    found = (genes.find(GeneRef("symbol", symbol)) for symbol in symbols)
    return any(genes.records[gene_id].locus_type == "protein_coding" for gene_id in found if gene_id is not None)


def _plan_link_kinds(
    plan: Plan, merged: list[MergedCondition], targets: _Targets, evidence: dict, stats: Counter
) -> None:
    names = {targets.ids[c.slug]: c.name for c in merged}
    slugs = {targets.ids[c.slug]: c.slug for c in merged}
    children: dict[int, list[int]] = defaultdict(list)
    for condition in merged:
        for parent in condition.parents:
            parent_id = targets.condition(ConditionId("MONDO", parent.removeprefix("MONDO:")))
            if parent_id is not None and parent_id != targets.ids[condition.slug]:
                children[parent_id].append(targets.ids[condition.slug])
    unknown: Counter = Counter()
    decisions = decide_links(evidence, names, unknown)
    synonyms = {targets.ids[c.slug]: [n.name for n in c.names if n.kind == "synonym" and n.source == "mondo"]
                for c in merged}  # fmt: skip
    groups = general_groups(names, children, synonyms)
    for mondo_id in EDITORIAL_GROUPS:
        group = targets.condition(ConditionId("MONDO", mondo_id.removeprefix("MONDO:")))
        if group is not None:
            groups[group] = _descendants(children, group)
    decisions = merge_gathered(decisions, gathered_links(decisions, groups, slugs))
    counts = plan_link_rows(plan, decisions, targets.genes.symbols())
    stats["inheritance choices for review"] = _choose_inheritance(plan, decisions, targets)
    stats["general conditions given their types' inheritance"] = _gather_inheritance(plan, groups, slugs)
    stats.update({f"links {kind}": n for kind, n in counts.items()})
    stats["general conditions"] = len(groups)
    stats.update({f"unknown association type: {name}": n for name, n in unknown.items()})


def _plan_features(collected: Collected, plan: Plan, targets: _Targets) -> None:
    terms = plan.table(kb.PhenotypeTerm, "hpo_id", "name", "definition", "layperson_synonyms", "synonyms", "source_id",
                       "system")  # fmt: skip
    term_ids = {}
    parents = {record.hpo_id: record.parents for _, record in collected.of("PhenotypeTermRecord")}
    cache: dict = {}
    for source, record in collected.of("PhenotypeTermRecord"):
        if record.hpo_id not in term_ids:
            term_ids[record.hpo_id] = terms.add(
                record.hpo_id, record.name, record.definition, as_json(list(record.layperson_synonyms)),
                as_json(list(record.synonyms)), targets.source_ids[source], body_system(record.hpo_id, parents, cache),
            )  # fmt: skip
    features = plan.table(kb.ConditionFeature, "condition_id", "term_id", "frequency", "frequency_words",
                          "frequency_share", "source_id")  # fmt: skip
    seen = set()
    for source, record in collected.of("ConditionFeatureRecord"):
        condition_id, term_id = targets.condition(record.condition), term_ids.get(record.hpo_id)
        if condition_id is None or term_id is None:
            collected.rejected(source, "feature of an unknown condition or term")
        elif (condition_id, term_id) not in seen:
            seen.add((condition_id, term_id))
            words, share = plain_frequency(record.frequency)
            features.add(condition_id, term_id, record.frequency[:40], words, share, targets.source_ids[source])
            collected.loaded(source, "ConditionFeatureRecord")


def _plan_references(collected: Collected, plan: Plan, targets: _Targets) -> None:
    references = plan.table(kb.ConditionReference, "condition_id", "pmid", "source_id")
    seen = set()
    for source, record in collected.of("ConditionReferenceRecord"):
        condition_id = targets.condition(record.condition)
        if condition_id is None:
            collected.rejected(source, "reference of an unknown condition")
        elif (condition_id, record.pmid) not in seen:
            seen.add((condition_id, record.pmid))
            references.add(condition_id, record.pmid, targets.source_ids[source])
            collected.loaded(source, "ConditionReferenceRecord")


def _plan_chromosome_changes(plan: Plan, merged: list[MergedCondition], ids: dict[str, int]) -> int:
    names = {row[0]: row[1] for row in plan.tables[kb.Chromosome._meta.db_table].rows}
    bands: dict[str, list] = defaultdict(list)
    for _, chromosome_id, band, start, end, *_ in plan.tables[kb.CytoBand._meta.db_table].rows:
        bands[names[chromosome_id]].append((band, start, end))
    table = plan.table(kb.ConditionChromosome, "condition_id", "chromosome", "region", "change", "words", "start",
                       "end", "evidence")  # fmt: skip
    return plan_chromosome_changes(merged, ids, bands, table.add)


def _plan_redirects(plan: Plan, merged: list[MergedCondition], ids: dict[str, int], addresses: dict[str, str]) -> int:
    """An address of the previous build that no condition has now redirects to the condition with the same MONDO
    ID (a renamed condition keeps its old links working, build after build)."""
    # Where two pages share a MONDO ID (a merge left them apart), the one with the plainest (shortest) slug.
    by_mondo = {c.mondo_id: ids[c.slug] for c in sorted(merged, key=lambda c: -len(c.slug)) if c.mondo_id}
    redirects = plan.table(kb.ConditionRedirect, "old_slug", "condition_id")
    for old_slug, mondo_id in sorted(addresses.items()):
        if old_slug not in ids and mondo_id in by_mondo:
            redirects.add(old_slug, by_mondo[mondo_id])
    return len(redirects.rows)


def plan_conditions(
    collected: Collected,
    plan: Plan,
    source_ids: dict[str, int],
    genes: GeneIndex,
    addresses: dict[str, str] | None = None,
) -> Counter:
    stats: Counter = Counter()
    merged = merge_conditions(
        collected.of("ConditionRecord"),
        stats,
        slug_overrides=EDITORIAL_SLUGS,
        editorial_groups=EDITORIAL_GROUPS,
        editorial_merges=EDITORIAL_MERGES,
    )
    nlm_slugs = assign_nlm_slugs(merged)
    ids = {c.slug: _plan_condition(plan, c, source_ids, stats, nlm_slugs.get(c.slug, "")) for c in merged}
    for condition in merged:
        for source in condition.sources:
            collected.loaded(source, "ConditionRecord")
    _plan_parents(plan, merged, ids, source_ids)
    stats["chromosomal conditions"] = _plan_chromosome_changes(plan, merged, ids)
    stats["redirects from earlier addresses"] = _plan_redirects(plan, merged, ids, addresses or {})
    targets = _Targets(source_ids, genes, condition_index(merged), ids)
    evidence = _plan_gene_links(collected, plan, targets)
    _plan_link_kinds(plan, merged, targets, evidence, stats)
    _plan_features(collected, plan, targets)
    _plan_references(collected, plan, targets)
    return stats
