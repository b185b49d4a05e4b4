"""Every URL of the site, by the package that answers it."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # First: suggestions are the most frequent requests (one per keystroke), and the API's own patterns, which
    # leave /api/v1/search and /api/v1/suggest to search, would otherwise all be tried before them.
    path("", include("ghr.search.urls")),
    path("admin/", admin.site.urls),
    path("editorial/", include("ghr.editorial.urls")),
    path("api/", include("ghr.api.urls")),
    path("", include("ghr.api.compat_urls")),
    path("", include("ghr.web.urls")),
]

handler404 = "ghr.web.views.errors.not_found"
handler500 = "ghr.web.views.errors.server_error"
handler400 = "ghr.web.views.errors.bad_request"
