"""Decide each gene-condition link's kind and order (``link_kinds``), and gather general conditions' genes.

General condition pages: people use one name for a group of types ("Gaucher disease" for types 1, 2 and 3;
"Spinal muscular atrophy" for types I-IV), and the sources often link genes only to the types. A condition is
treated as the general page of a group when at least two of its MONDO subtypes (down to three levels) carry its
name within theirs (``conditions.named_types``, the same test that gives such groups a page); it then also
lists the genes that cause those subtypes, each marked with the subtype it was found on. The condition's own
causal links come first; a weaker direct link gives way to a gathered cause.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from ghr.build.conditions import GROUP_MAXIMUM, GROUP_MINIMUM, named_types
from ghr.build.link_kinds import CAUSES, KIND_ORDER, STRONG_RULES, UNCERTAIN, ConditionContext, PairEvidence, decide
from ghr.build.rows import Plan, as_json
from ghr.kb import models as kb

WEAKER_THAN_TYPES = "6: gene lists only, where the condition's types have variant-level evidence"


@dataclass(frozen=True)
class LinkDecision:
    gene_id: int
    condition_id: int
    kind: str
    weight: int
    via: str
    rule: str
    reasons: tuple[str, ...]


def general_groups(
    names: dict[int, str], children: dict[int, list[int]], synonyms: dict[int, list[str]] | None = None
) -> dict[int, list[int]]:
    """Condition id -> the subtypes it gathers genes from, for every condition that is a general page."""
    groups = {}
    for parent, name in names.items():
        found = named_types([name, *(synonyms or {}).get(parent, ())], children, parent, names)
        if GROUP_MINIMUM <= len(found) <= GROUP_MAXIMUM:
            groups[parent] = found
    return groups


def decide_links(
    evidence: dict[tuple[int, int], PairEvidence], condition_names: dict[int, str], unknown: Counter
) -> list[LinkDecision]:
    strong_conditions = {condition for (_, condition), pair in evidence.items() if pair.strong}
    best: Counter = Counter()
    most_variants: Counter = Counter()
    for (_, condition_id), pair in evidence.items():
        best[condition_id] = max(best[condition_id], len(pair.sources_by_database))
        most_variants[condition_id] = max(most_variants[condition_id], pair.germline if pair.coding else 0)
    decisions = []
    for (gene_id, condition_id), pair in evidence.items():
        context = ConditionContext(condition_names.get(condition_id, ""), condition_id in strong_conditions,
                                   best[condition_id], most_variants[condition_id])  # fmt: skip
        decision = decide(pair, context, unknown)
        decisions.append(
            LinkDecision(gene_id, condition_id, decision.kind, pair.weight, "", decision.rule, decision.reasons)
        )
    return decisions


def gathered_links(
    decisions: list[LinkDecision], groups: dict[int, list[int]], slugs: dict[int, str]
) -> list[LinkDecision]:
    """Links a general condition takes over from its subtypes: causal genes it has no direct link to."""
    by_condition: dict[int, list[LinkDecision]] = defaultdict(list)
    for decision in decisions:
        by_condition[decision.condition_id].append(decision)
    gathered = []
    for parent, subtypes in groups.items():
        # A gene the general condition links to only weakly, but that causes one of its types, is shown as a cause
        # through that type (HFE and hemochromatosis); its weak direct link is then dropped by ``merge_gathered``.
        linked = {d.gene_id for d in by_condition.get(parent, ()) if d.kind == CAUSES}
        best: dict[int, tuple[LinkDecision, int]] = {}
        for subtype in subtypes:
            for link in by_condition.get(subtype, ()):
                strong = link.kind == CAUSES and link.rule.startswith(STRONG_RULES)
                # Each gene once, through the type where its evidence is strongest.
                if (
                    strong
                    and link.gene_id not in linked
                    and (link.gene_id not in best or link.weight > best[link.gene_id][0].weight)
                ):
                    best[link.gene_id] = (link, subtype)
        for link, subtype in best.values():
            gathered.append(LinkDecision(
                link.gene_id, parent, CAUSES, link.weight, slugs[subtype],
                "general condition: a cause of one of its types", link.reasons,
            ))  # fmt: skip
    return gathered


def merge_gathered(decisions: list[LinkDecision], gathered: list[LinkDecision]) -> list[LinkDecision]:
    """Direct links and gathered ones, one per (gene, condition): a gathered cause replaces a weaker direct link.
    A direct cause that only gene lists support (rule 6) becomes uncertain where the condition's types have genes
    with variant-level evidence, as rule 6 says of conditions with such genes of their own."""
    replaced = {(d.gene_id, d.condition_id) for d in gathered}
    gathering = {d.condition_id for d in gathered}
    merged = []
    for decision in decisions:
        if (decision.gene_id, decision.condition_id) in replaced:
            continue
        weak = decision.condition_id in gathering and decision.kind == CAUSES and decision.rule.startswith("6:")
        merged.append(replace(decision, kind=UNCERTAIN, rule=WEAKER_THAN_TYPES) if weak else decision)
    return merged + gathered


def plan_link_rows(plan: Plan, decisions: list[LinkDecision], symbols: dict[int, str]) -> Counter:
    """Write the links with their rank (1 = strongest evidence) within each condition and kind; count by kind."""
    table = plan.table(
        kb.GeneConditionLink, "gene_id", "condition_id", "kind", "rank", "strength", "via", "rule", "reasons"
    )
    counts: Counter = Counter()
    grouped: dict[tuple[int, str], list[LinkDecision]] = defaultdict(list)
    for decision in decisions:
        grouped[(decision.condition_id, decision.kind)].append(decision)
    for (_, kind), links in sorted(grouped.items(), key=lambda item: (item[0][0], KIND_ORDER.index(item[0][1]))):
        # The strongest evidence first (direct or found on a type), direct links first among equals, then the
        # symbol for a stable order.
        links.sort(key=lambda d: (-d.weight, bool(d.via), symbols.get(d.gene_id, "")))
        for rank, link in enumerate(links, start=1):
            table.add(link.gene_id, link.condition_id, kind, rank, link.weight, link.via[:200], link.rule[:120],
                      as_json(list(link.reasons)))  # fmt: skip
            counts[f"{kind} (via a type)" if link.via else kind] += 1
    return counts
