"""Gene families (HGNC gene groups with a page) as API records: the list, and one family with its genes and the
conditions each gene is linked to. The same record answers /api/v1/gene-families/<id> and /gene-family/<slug>.json."""

from __future__ import annotations

from ghr.api import pages
from ghr.api.records import Sources
from ghr.kb.models import GeneConditionLink, GeneGroup, GeneGroupMember


def family_brief(group: GeneGroup) -> dict:
    return {
        "kind": "gene_family",
        "hgnc_group_id": group.hgnc_group_id,
        "slug": group.slug,
        "name": group.name,
        "gene_count": group.gene_count,
        "url": pages.absolute(pages.gene_family_path(group.slug)),
        "api_url": f"/api/v1/gene-families/{group.slug}",
    }


def _genes(group: GeneGroup) -> list[dict]:
    members = GeneGroupMember.objects.filter(group=group).order_by("gene__symbol")
    genes = {gene_id: {"symbol": symbol, "name": name, "url": pages.absolute(pages.gene_path(symbol)),
                       "api_url": f"/api/v1/genes/{symbol}", "conditions": []}
             for gene_id, symbol, name in members.values_list("gene_id", "gene__symbol", "gene__name")}  # fmt: skip
    links = GeneConditionLink.objects.filter(gene_id__in=genes).order_by("condition__name", "condition__slug")
    for gene_id, slug, name, kind in links.values_list("gene_id", "condition__slug", "condition__name", "kind"):
        genes[gene_id]["conditions"].append({"slug": slug, "name": name, "link": kind,
                                             "api_url": f"/api/v1/conditions/{slug}"})  # fmt: skip
    return list(genes.values())


def family_record(group: GeneGroup) -> dict:
    """One family: HGNC's number and name, the build's plain sentence, and its genes with their conditions."""
    sources = Sources()
    record = family_brief(group)
    record.update(description=group.description, source=sources.cite(group.source), genes=_genes(group))
    record["sources"] = sources.as_dict()
    return record
