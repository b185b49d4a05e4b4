from django.apps import AppConfig


class KnowledgeBaseConfig(AppConfig):
    name = "ghr.kb"
    label = "kb"
    verbose_name = "Knowledge base"

    def ready(self):
        from django.core.signals import request_started
        from django.db.backends.signals import connection_created

        from ghr.kb.freshness import close_if_swapped, remember_file

        connection_created.connect(remember_file, dispatch_uid="ghr.kb.remember_file")
        request_started.connect(close_if_swapped, dispatch_uid="ghr.kb.close_if_swapped")
