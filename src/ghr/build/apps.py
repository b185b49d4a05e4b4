from django.apps import AppConfig


class BuildConfig(AppConfig):
    name = "ghr.build"
    label = "ghr_build"
