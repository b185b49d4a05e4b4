from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ghr.web"
    label = "ghr_web"
