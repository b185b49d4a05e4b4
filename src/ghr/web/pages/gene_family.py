"""Gene family pages: one per HGNC gene group with at least two member genes, showing the sentence the build
stored for the group, its members and the conditions each member is linked to."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

from ghr.kb.models import GeneConditionLink, GeneGroup, GeneGroupMember
from ghr.web.pages.sources import SourceNote

MEMBERS_PER_PAGE = 200
"""The biggest families have over 2,000 genes (long non-coding RNAs): they are read a page at a time."""
CONDITIONS_PER_MEMBER = 5
"""A member lists this many of its conditions (the best established first); its gene page has them all."""
LINK_ORDER = tuple(GeneConditionLink.Kind.values)


@dataclass
class MemberCondition:
    name: str
    url: str
    kind: str
    """How the gene is linked (``GeneConditionLink.Kind``)."""

    @property
    def kind_words(self) -> str:
        return GeneConditionLink.Kind(self.kind).label


@dataclass
class Member:
    symbol: str
    name: str
    conditions: list[MemberCondition] = field(default_factory=list)
    more_conditions: int = 0
    """How many more conditions the gene page lists."""

    @property
    def url(self) -> str:
        return f"/gene/{self.symbol}"


@dataclass
class FamilyPage:
    group: GeneGroup
    members: list[Member]
    """This page's members."""
    source: SourceNote
    page: Page
    """Which page of the members this is (Django's paginator page)."""
    members_with_conditions: int
    """How many of all the members are linked to a condition."""

    @property
    def title(self) -> str:
        return f"{self.group.name} (gene family)"

    @property
    def url(self) -> str:
        return family_url(self.group.slug)


def family_url(slug: str) -> str:
    return f"/gene-family/{slug}"


def families():
    """The gene groups that have a page (the build gives an address only to groups of two genes or more)."""
    return GeneGroup.objects.filter(slug__isnull=False)


def find_family(ident: str) -> tuple[GeneGroup | None, bool]:
    """(the group, whether ``ident`` was its HGNC number rather than its address) for a page's address."""
    if ident.isdigit() and len(ident) < 10:
        return families().filter(hgnc_group_id=int(ident)).first(), True
    return families().filter(slug=ident).first(), False


def _conditions(gene_ids: list[int]) -> dict[int, list[MemberCondition]]:
    rows = GeneConditionLink.objects.filter(gene_id__in=gene_ids).values_list(
        "gene_id", "condition__name", "condition__slug", "kind", "strength")  # fmt: skip
    ordered = sorted(rows, key=lambda row: (LINK_ORDER.index(row[3]), -row[4], row[1].lower()))
    found: dict[int, list[MemberCondition]] = {}
    for gene_id, name, slug, kind, _ in ordered:
        found.setdefault(gene_id, []).append(MemberCondition(name, f"/condition/{slug}", kind))
    return found


def family_page(group: GeneGroup, page_number: str | None = None) -> FamilyPage:
    """The family with one page of its members (MEMBERS_PER_PAGE, by symbol); a page that does not exist is a 404."""
    rows = GeneGroupMember.objects.filter(group=group)
    paginator = Paginator(rows.order_by("gene__symbol").values_list("gene_id", "gene__symbol", "gene__name"),
                          MEMBERS_PER_PAGE)  # fmt: skip
    try:
        genes = paginator.page(page_number or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("This gene family has no such page of genes.") from error
    conditions = _conditions([gene_id for gene_id, _, _ in genes])
    members = []
    for gene_id, symbol, name in genes:
        linked = conditions.get(gene_id, [])
        members.append(Member(symbol, name, linked[:CONDITIONS_PER_MEMBER],
                              max(len(linked) - CONDITIONS_PER_MEMBER, 0)))  # fmt: skip
    linked_count = rows.filter(gene__links__isnull=False).values("gene_id").distinct().count()
    return FamilyPage(group, members, SourceNote.of([group.source]), genes, linked_count)


@dataclass(frozen=True)
class FamilyLink:
    name: str
    url: str


def gene_families(gene_ids: list[int]) -> dict[int, list[FamilyLink]]:
    """Gene id -> the families with a page that the gene belongs to, by name."""
    rows = GeneGroupMember.objects.filter(gene_id__in=gene_ids, group__slug__isnull=False)
    rows = rows.order_by("group__name").values_list("gene_id", "group__name", "group__slug")
    found: dict[int, list[FamilyLink]] = {}
    for gene_id, name, slug in rows:
        found.setdefault(gene_id, []).append(FamilyLink(name, family_url(slug)))
    return found
