"""HGNC's gene groups (gene families) with their member genes, each with the plain sentence its page shows.

The sentence comes from the team's lexicon of families (``ghr.build.narrative.families``) where it knows the
group; otherwise it says honestly what a group is, without guessing what these genes do. Groups with at least two
known members get a page at /gene-family/<slug>; one-gene groups are kept for the gene texts but get no page (and
no address).
"""

from __future__ import annotations

from django.utils.text import slugify

from ghr.build.collect import Collected
from ghr.build.genes import GeneIndex
from ghr.build.narrative.families import family_words
from ghr.build.rows import Plan
from ghr.kb import models as kb

SMALLEST_FAMILY_PAGE = 2
"""A group needs this many member genes for a page: one gene alone is not a family to browse."""


def group_sentence(name: str, gene_count: int) -> str:
    """What the family is, for its page: 'Each of these 14 genes is one of the hemoglobin genes, which ...'."""
    known = family_words([name])
    if known:
        return f"Each of these {gene_count:,} genes is one of {known[1]}."
    return (f"The HUGO Gene Nomenclature Committee (HGNC), which names human genes, puts these {gene_count:,} genes "
            "in one group because they have something in common: often a similar structure, a shared job, or "
            "being parts of the same protein complex.")  # fmt: skip


def group_slugs(groups: dict[int, str]) -> dict[int, str]:
    """HGNC group ID -> a page address made from its name; a name whose address is taken gets its ID added, so
    every address is unique and the same for the same names. An address is never all digits: those are IDs."""
    slugs: dict[int, str] = {}
    taken: set[str] = set()
    for group_id, name in sorted(groups.items()):
        slug = slugify(name)[:180]
        if not slug or slug.isdigit():
            slug = f"group-{group_id}"
        elif slug in taken:
            slug = f"{slug}-{group_id}"
        taken.add(slug)
        slugs[group_id] = slug
    return slugs


def plan_gene_groups(collected: Collected, plan: Plan, source_ids: dict[str, int], index: GeneIndex) -> None:
    """HGNC's gene groups with their member genes (a group whose genes are all unknown is left out)."""
    names: dict[int, str] = {}
    sources: dict[int, str] = {}
    members: dict[int, list[int]] = {}
    for source, record in collected.of("GeneGroupRecord"):
        gene_id = index.find(record.gene)
        if gene_id is None:
            collected.rejected(source, "gene group member that is not a known gene")
            continue
        names.setdefault(record.group_id, record.group_name[:300])
        sources.setdefault(record.group_id, source)
        genes = members.setdefault(record.group_id, [])
        if gene_id not in genes:
            genes.append(gene_id)
            collected.loaded(source, "GeneGroupRecord")
    slugs = group_slugs(names)
    groups = plan.table(kb.GeneGroup, "hgnc_group_id", "name", "slug", "description", "gene_count", "source_id")
    member_rows = plan.table(kb.GeneGroupMember, "group_id", "gene_id")
    for group_id, name in names.items():
        count = len(members[group_id])
        slug = slugs[group_id] if count >= SMALLEST_FAMILY_PAGE else None
        row_id = groups.add(group_id, name, slug, group_sentence(name, count), count,
                            source_ids[sources[group_id]])  # fmt: skip
        for gene_id in members[group_id]:
            member_rows.add(row_id, gene_id)
