from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_roles(sender, using="default", **kwargs):
    # Groups live with accounts in the default database; the knowledge-base aliases have no auth tables.
    if using != "default":
        return
    from ghr.editorial.roles import ensure_roles

    ensure_roles()


class EditorialConfig(AppConfig):
    name = "ghr.editorial"
    label = "ghr_editorial"
    verbose_name = "Editorial texts"

    def ready(self):
        post_migrate.connect(_create_roles, sender=self, dispatch_uid="ghr_editorial_roles")
        from ghr.editorial import throttle

        throttle.connect()
