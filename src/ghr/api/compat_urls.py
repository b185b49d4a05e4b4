"""The old services' addresses, MedlinePlus Genetics addresses, the bulk downloads and the infobutton, at the root."""

from django.urls import path, re_path

from ghr.api.nlm import SCHEMA_PATH
from ghr.api.views import compat, downloads, infobutton, medlineplus, v1

_FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(rf"^(?P<kind>gene|condition|chromosome)/(?P<name>[^/]+?){_FMT}", compat.document),
    # A gene family page's data: the API's record (there was no old-service document for families).
    re_path(r"^gene-family/(?P<ident>[^/]+?)\.json$", v1.gene_family_detail),
    re_path(rf"^download/genetics/(?P<kind>gene|condition)/(?P<name>[^/]+?){_FMT}", compat.document),
    path("download/", downloads.download_page, name="api-downloads"),
    path(SCHEMA_PATH.lstrip("/"), downloads.summaries_schema, name="api-summaries-schema"),
    re_path(
        r"^download/(?P<name>ghr-summaries\.xml|TopicIndex\.xml|genes\.jsonl|conditions\.jsonl|index\.json)$",
        downloads.bulk_file,
    ),  # fmt: skip
    path("connect", infobutton.connect, name="api-connect"),
    re_path(r"^genetics/?$", medlineplus.index),
    re_path(r"^genetics/(?P<kind>gene|condition|chromosome)/?$", medlineplus.index),
    re_path(r"^genetics/(?P<kind>gene|condition|chromosome)/(?P<name>[^/]+)/?$", medlineplus.page),
]
