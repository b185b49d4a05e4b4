import time

from django.core.management.base import BaseCommand

from ghr.api import bulkstore


class Command(BaseCommand):
    requires_system_checks: list[str] = []

    help = (
        "Write the bulk downloads (ghr-summaries.xml, TopicIndex.xml, the JSON Lines files, index.json) for the "
        "serving knowledge base and published texts, unless they are written already. The files are written "
        "into a new folder and switched in when whole; downloads are answered from the previous set meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--processes", type=int, default=2, help="Files written side by side (default 2).")

    def handle(self, *args, **options):
        started = time.perf_counter()
        before = bulkstore.for_release()
        announce = self.stdout.write if options["verbosity"] > 1 else None
        found = bulkstore.write_set(announce=announce, processes=max(1, options["processes"]))
        if before is not None:
            self.stdout.write(f"bulk files for release {found.manifest['release']} already written ({found.folder})")
            return
        total = sum(entry["bytes"] for entry in found.manifest["files"].values())
        self.stdout.write(
            f"bulk files for release {found.manifest['release']} written in {time.perf_counter() - started:.1f} s: "
            f"{len(found.manifest['files'])} files, {total:,} bytes, in {found.folder}"
        )
