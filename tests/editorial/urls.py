"""Only the admin and the editorial screens, so these tests do not depend on other readers' URL modules."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("editorial/", include("ghr.editorial.urls")),
]
