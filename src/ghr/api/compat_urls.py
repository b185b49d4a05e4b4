"""The old services' addresses, the bulk downloads and the infobutton, at the site's root."""

from django.urls import path, re_path

from ghr.api.views import compat, downloads, infobutton, v1

_FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(rf"^(?P<kind>gene|condition|chromosome)/(?P<name>[^/]+?){_FMT}", compat.document),
    # A gene family page's data: the API's record (there was no old-service document for families).
    re_path(r"^gene-family/(?P<ident>[^/]+?)\.json$", v1.gene_family_detail),
    re_path(rf"^download/genetics/(?P<kind>gene|condition)/(?P<name>[^/]+?){_FMT}", compat.document),
    path("download/", downloads.download_page, name="api-downloads"),
    re_path(
        r"^download/(?P<name>ghr-summaries\.xml|TopicIndex\.xml|genes\.jsonl|conditions\.jsonl|index\.json)$",
        downloads.bulk_file,
    ),  # fmt: skip
    path("connect", infobutton.connect, name="api-connect"),
]
