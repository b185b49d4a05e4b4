from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ghr.search"
    label = "ghr_search"
