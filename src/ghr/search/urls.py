"""Search URLs, included first at the site root (so full paths are written here)."""

from django.urls import path

from ghr.search import views

app_name = "search"

urlpatterns = [
    path("search", views.search_page, name="search"),
    path("search.json", views.api_search, name="search-json"),
    path("api/v1/search", views.api_search, name="api-search"),
    path("api/v1/suggest", views.api_suggest, name="api-suggest"),
]
