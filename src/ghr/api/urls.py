"""/api/: the modern data API (v1), its OpenAPI description and docs; JSON 404s for everything else."""

from django.urls import path, re_path

from ghr.api.views import docs, v1

urlpatterns = [
    path("", docs.api_home, name="api-home"),
    path("openapi.json", docs.openapi_json, name="api-openapi"),
    path("docs", docs.docs_page, name="api-docs"),
    path("v1/genes", v1.gene_list),
    path("v1/genes/batch", v1.gene_batch),
    path("v1/genes/<str:ident>", v1.gene_detail),
    path("v1/conditions", v1.condition_list),
    path("v1/conditions/batch", v1.condition_batch),
    path("v1/conditions/<str:ident>", v1.condition_detail),
    path("v1/chromosomes", v1.chromosome_list),
    path("v1/chromosomes/<str:name>", v1.chromosome_detail),
    path("v1/gene-families", v1.gene_family_list),
    path("v1/gene-families/<str:ident>", v1.gene_family_detail),
    path("v1/glossary", v1.glossary_list),
    path("v1/glossary/<str:slug>", v1.glossary_detail),
    path("v1/lookup", v1.lookup),
    path("v1/release", v1.release),
    # Everything else under /api/ is a JSON 404, except the search package's endpoints, which its URLs answer.
    re_path(r"^(?!v1/(?:search|suggest)(?:/|$)).*$", docs.unknown_route),
]
