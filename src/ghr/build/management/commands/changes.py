import json

from django.core.management.base import BaseCommand, CommandError

from ghr.build.changes import report_sections
from ghr.kb import models as kb


class Command(BaseCommand):
    requires_system_checks: list[str] = []

    help = "List what the serving build changed from the one before it: genes, conditions, links and sources."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options):
        info = kb.BuildInfo.objects.using("kb").first()
        if info is None:
            raise CommandError("no knowledge base is serving: run `ghr build` first")
        if not info.changes:
            self.stdout.write(f"build {info.build_id} was the first (or replaced one from before this report)")
            return
        if options["json"]:
            self.stdout.write(json.dumps(info.changes, indent=1, ensure_ascii=False))
            return
        self._text(info)

    def _text(self, info: kb.BuildInfo) -> None:
        self.stdout.write(f"build {info.build_id}: what changed from the build before it")
        for key, release in info.changes["sources"].items():
            self.stdout.write(f"  source {key}: {release['old'] or '(none)'} -> {release['new'] or '(none)'}, "
                              f"records {release['old_records']} -> {release['new_records']}")  # fmt: skip
        for section in report_sections(info.changes):
            shown = f" (first {len(section.lines)})" if section.total > len(section.lines) else ""
            self.stdout.write(f"\n{section.title}: {section.total}{shown}")
            for line in section.lines:
                self.stdout.write(f"  {line}")
