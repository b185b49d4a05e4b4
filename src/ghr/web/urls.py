"""The public HTML site. /search, /api/ and the old service's URLs belong to other apps (see ghr.project.urls)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from ghr.web.sitemaps import SITEMAPS
from ghr.web.views import chromosomes, conditions, families, genes, site, texts

app_name = "web"

urlpatterns = [
    path("", site.home, name="home"),
    path("gene/", genes.gene_index, name="gene-index"),
    path("gene/<str:symbol>", genes.gene, name="gene"),
    path("gene/<str:symbol>/print", genes.gene_print, name="gene-print"),
    path("condition/", conditions.condition_index, name="condition-index"),
    path("condition/<str:slug>", conditions.condition, name="condition"),
    path("condition/<str:slug>/print", conditions.condition_print, name="condition-print"),
    path("gene-family/", families.family_index, name="gene-family-index"),
    path("gene-family/<str:ident>", families.family, name="gene-family"),
    path("chromosome/", chromosomes.chromosome_index, name="chromosome-index"),
    path("chromosome/<str:name>", chromosomes.chromosome, name="chromosome"),
    path("glossary/", texts.glossary_index, name="glossary-index"),
    path("glossary/<str:term>", texts.glossary_term, name="glossary-term"),
    path("handbook/", texts.handbook_index, name="handbook-index"),
    path("handbook/<str:chapter>/", texts.handbook_chapter, name="handbook-chapter"),
    path("handbook/<str:chapter>/<str:topic>", texts.handbook_topic, name="handbook-topic"),
    path("about/", site.about, name="about"),
    path("about/sources", site.sources, name="sources"),
    path("sitemap/", site.site_map, name="site-map"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "web:sitemap-section"},
        name="sitemap-index",
    ),  # fmt: skip
    path("sitemap-<str:section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
]
