from django.core.management.base import BaseCommand

from ghr.editorial.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the editorial roles (writer, reviewer, publisher, administrator) as groups; safe to re-run."

    def handle(self, *args, **options):
        for name, group in ensure_roles().items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
