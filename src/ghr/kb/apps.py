from django.apps import AppConfig


class KnowledgeBaseConfig(AppConfig):
    name = "ghr.kb"
    label = "kb"
    verbose_name = "Knowledge base"
