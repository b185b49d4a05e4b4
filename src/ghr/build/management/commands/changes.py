import json

from django.core.management.base import BaseCommand, CommandError

from ghr.kb import models as kb

SECTIONS = (
    ("genes_added", "Genes added", lambda e: e),
    ("genes_renamed", "Genes renamed", lambda e: f"{e['old']} -> {e['new']} ({e['hgnc_id']})"),
    ("genes_withdrawn", "Genes withdrawn",
     lambda e: f"{e['symbol']} ({e['hgnc_id']})" + (f", now {', '.join(e['now'])}" if e["now"] else "")),
    ("conditions_added", "Conditions added", lambda e: e),
    ("conditions_renamed", "Conditions renamed", lambda e: f"{e['old']} -> {e['new']} ({e['key']})"),
    ("conditions_removed", "Conditions removed or merged",
     lambda e: f"{e['name']} (/condition/{e['slug']})" + (f", now /condition/{e['now']}" if e["now"] else "")),
    ("links_added", "Gene-condition links added", lambda e: f"{e['gene']} {e['kind']} {e['condition']}"),
    ("links_removed", "Gene-condition links removed", lambda e: f"{e['gene']} {e['kind']} {e['condition']}"),
    ("links_changed", "Gene-condition links of another kind",
     lambda e: f"{e['gene']} / {e['condition']}: {e['old']} -> {e['new']}"),
)  # fmt: skip


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
        changes, totals = info.changes, info.changes["totals"]
        self.stdout.write(f"build {info.build_id}: what changed from the build before it")
        for key, release in changes["sources"].items():
            self.stdout.write(f"  source {key}: {release['old'] or '(none)'} -> {release['new'] or '(none)'}, "
                              f"records {release['old_records']} -> {release['new_records']}")  # fmt: skip
        for key, title, line in SECTIONS:
            entries = changes[key]
            if not entries:
                continue
            shown = f" (first {len(entries)})" if totals[key] > len(entries) else ""
            self.stdout.write(f"\n{title}: {totals[key]}{shown}")
            for entry in entries:
                self.stdout.write(f"  {line(entry)}")
