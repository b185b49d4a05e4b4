"""`ghr publish`: export every public page and download as a static site (see ghr.publish.export)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ghr.publish.export import ExportOptions, export_site
from ghr.publish.layout import PublishBusy


class Command(BaseCommand):
    help = (
        "Render every public page and download into GHR_PUBLISH_DIR/releases/<id>/site (or --out), reusing "
        "unchanged files of the current release, then switch GHR_PUBLISH_DIR/current to it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, help="Publish directory (default: GHR_PUBLISH_DIR).")
        parser.add_argument("--full", action="store_true", help="Render and write every file, reusing nothing.")
        parser.add_argument(
            "--processes", type=int, default=os.cpu_count() or 1, help="Rendering processes (default: one per CPU)."
        )
        parser.add_argument("--keep", type=int, default=3, help="Releases to keep, the current one included.")
        parser.add_argument("--base-url", help="Public address pages are rendered for (default: GHR_BASE_URL).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--only",
            nargs="+",
            metavar="PATH",
            help="Export just these paths (a partial release, e.g. to check one page).",
        )

    def handle(self, *args, **options):
        config = settings.GHR
        if options["processes"] < 1 or options["keep"] < 1:
            raise CommandError("--processes and --keep must be at least 1")
        bar = None if options["no_progress"] else tqdm(total=0, unit="page", desc="publish", dynamic_ncols=True)

        def progress(count: int) -> None:
            if count > 0:
                bar.total += count
                bar.refresh()
            else:
                bar.update(-count)

        export = ExportOptions(
            publish_dir=(options["out"] or config.publish_dir).resolve(),
            base_url=options["base_url"] or config["GHR_BASE_URL"],
            full=options["full"],
            processes=options["processes"],
            keep_releases=options["keep"],
            progress=progress if bar is not None else None,
            only=options["only"],
            announce=self._announce,
        )
        # SIGTERM (a service manager stopping it) unwinds like Ctrl-C: workers stopped, the partial release removed.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
        try:
            summary = export_site(export)
        except PublishBusy as error:
            raise CommandError(str(error)) from None
        if bar is not None:
            bar.close()
        self._report(summary, export.publish_dir)

    def _announce(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    def _report(self, summary, publish_dir: Path) -> None:
        if summary.up_to_date:
            self.stdout.write(f"Up to date: {publish_dir / 'current'} -> {summary.release_id} (nothing changed).")
            return
        rate = len(summary.pages) / summary.seconds if summary.seconds else 0
        self.stdout.write(
            f"{len(summary.pages)} files ({summary.written} written, {summary.reused} unchanged), "
            f"{len(summary.redirects)} redirects in {summary.seconds:.1f} s ({rate:.0f}/s)."
        )
        for warning in summary.warnings:
            self.stderr.write(f"Warning: {warning}")
        if summary.broken_links:
            sample = ", ".join(sorted(summary.broken_links)[:5])
            self.stderr.write(f"{len(summary.broken_links)} internal links answer 404, e.g. {sample}")
        if summary.errors:
            listed = "\n  ".join(summary.errors[:20])
            raise CommandError(
                f"{len(summary.errors)} listed pages failed; {summary.release_dir} left unpublished:\n  {listed}"
            )
        self.stdout.write(f"Published {summary.release_id}: {publish_dir / 'current' / 'site'}")
        self.stdout.write("Reload nginx (nginx -s reload) so it reads the new redirects.map.")
