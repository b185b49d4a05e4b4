from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "ghr.editorial"
    label = "ghr_editorial"
