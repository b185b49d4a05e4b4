from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ghr.api"
    label = "ghr_api"
