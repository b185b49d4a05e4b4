"""Sends the knowledge base's models to the ``kb`` alias and keeps editorial tables out of it."""

from ghr.project.databases import KB_ALIASES

KB_APPS = {"kb"}


class KnowledgeBaseRouter:
    def db_for_read(self, model, **hints):
        return "kb" if model._meta.app_label in KB_APPS else None

    def db_for_write(self, model, **hints):
        return "kb" if model._meta.app_label in KB_APPS else None

    def allow_relation(self, obj1, obj2, **hints):
        in_kb = {obj._meta.app_label in KB_APPS for obj in (obj1, obj2)}
        return len(in_kb) == 1

    def allow_migrate(self, db, app_label, **hints):
        if db in KB_ALIASES:
            return app_label in KB_APPS
        return app_label not in KB_APPS
