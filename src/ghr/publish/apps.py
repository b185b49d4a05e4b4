from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "ghr.publish"
    label = "ghr_publish"
