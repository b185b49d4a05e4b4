"""XML site maps for search engines: an index pointing at one section per kind of page, paged."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from ghr.kb.models import Chromosome, Condition, Gene, GeneGroup
from ghr.web.pages.texts import published_texts


class _PathSitemap(Sitemap):
    limit = 5000  # 44,000 genes -> about nine pages in the gene section

    def location(self, item: str) -> str:
        return item


class GeneSitemap(_PathSitemap):
    priority = 0.8

    def items(self):
        return [f"/gene/{symbol}" for symbol in Gene.objects.order_by("symbol").values_list("symbol", flat=True)]


class ConditionSitemap(_PathSitemap):
    priority = 0.8

    def items(self):
        return [f"/condition/{slug}" for slug in Condition.objects.order_by("slug").values_list("slug", flat=True)]


class ChromosomeSitemap(_PathSitemap):
    def items(self):
        names = Chromosome.objects.order_by("sort_order").values_list("name", flat=True)
        return ["/chromosome/"] + [f"/chromosome/{name}" for name in names]


class GeneFamilySitemap(_PathSitemap):
    def items(self):
        # Only families of two genes or more have an address (ghr.build.gene_groups).
        slugs = GeneGroup.objects.filter(slug__isnull=False).order_by("slug").values_list("slug", flat=True)
        return ["/gene-family/"] + [f"/gene-family/{slug}" for slug in slugs]


class GlossarySitemap(_PathSitemap):
    def items(self):
        return ["/glossary/"] + [f"/glossary/{text.key}" for text in published_texts("glossary")]


class HandbookSitemap(_PathSitemap):
    def items(self):
        return ["/handbook/"] + [f"/handbook/{text.key}" for text in published_texts("handbook")]


class PagesSitemap(_PathSitemap):
    def items(self):
        return ["/", "/gene/", "/condition/", "/about/", "/about/sources", "/sitemap/"]


SITEMAPS = {
    "pages": PagesSitemap,
    "genes": GeneSitemap,
    "conditions": ConditionSitemap,
    "chromosomes": ChromosomeSitemap,
    "gene-families": GeneFamilySitemap,
    "glossary": GlossarySitemap,
    "handbook": HandbookSitemap,
}
