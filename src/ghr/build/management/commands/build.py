import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ghr.build.inputs import FolderInputs, MissingInput, PinnedInputs
from ghr.build.pipeline import BuildResult, run_build
from ghr.build.status import is_current
from ghr.build.validate import ValidationError
from ghr.project.databases import ensure_schemas
from ghr.sources.fetching.cache import Cache, VerificationError
from ghr.sources.records import SourceFileError


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # data commands need not load the URL configuration

    help = (
        "Build the knowledge base from the fetched, pinned data (or from --data-dir), validate it and swap it in. "
        "If anything fails, the knowledge base already serving stays as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir", type=Path,
            help="Read DIR/<source>/<file> instead of the pinned cache (e.g. small files in the publishers' formats); "
            "the full-data minimum counts are not applied.",
        )  # fmt: skip
        parser.add_argument(
            "--if-stale", action="store_true",
            help="Do nothing when the knowledge base serving was built by this code from these pins.",
        )  # fmt: skip

    def handle(self, *args, **options):
        ensure_schemas()
        # The build flags editorial texts whose facts changed, so the editorial tables must exist.
        call_command("migrate", database="default", verbosity=0)
        if options["if_stale"] and is_current():
            self.stdout.write("knowledge base is current; not rebuilt (run `ghr build` to rebuild anyway)")
            return
        inputs = (
            FolderInputs(options["data_dir"]) if options["data_dir"] else PinnedInputs(Cache(settings.GHR.cache_dir))
        )
        started = time.perf_counter()
        try:
            result = run_build(inputs)
        except (SourceFileError, VerificationError, ValidationError, MissingInput) as error:
            raise CommandError(f"build failed, the previous knowledge base keeps serving: {error}") from error
        self._summary(result, time.perf_counter() - started)
        self._write_bulk_files()

    def _write_bulk_files(self) -> None:
        # The downloads of the new release are written now rather than at the first request for one. By name:
        # the build does not depend on the readers' code, and a failure here leaves the new build serving.
        try:
            call_command("bulk", stdout=self.stdout)
        except Exception as error:  # noqa: BLE001
            self.stderr.write(f"note: the bulk downloads were not written ({error}); `ghr bulk` writes them")

    def _summary(self, result: BuildResult, seconds: float) -> None:
        write = self.stdout.write
        write(f"\nbuild {result.build_id} swapped in after {seconds:.1f} s "
              f"(read {result.seconds['read']:.1f} s, merge {result.seconds['merge']:.1f} s, "
              f"write {result.seconds['write']:.1f} s)\n")  # fmt: skip
        write(f"{'source':<18} {'read':>10} {'loaded':>10} {'rejected':>9} {'seconds':>8}")
        for key, tally in result.collected.tallies.items():
            write(f"{key:<18} {sum(tally.read.values()):>10} {sum(tally.loaded.values()):>10} "
                  f"{sum(tally.rejected.values()):>9} {tally.seconds:>8.1f}")  # fmt: skip
        counts = result.counts
        write(f"\ngenes {counts['genes']}, with GRCh38 location {counts['located_genes']}, conditions "
              f"{counts['conditions']}, genes linked to a condition {counts['genes_with_conditions']}")  # fmt: skip
        stats = result.condition_stats
        records = sum(tally.read["ConditionRecord"] for tally in result.collected.tallies.values())
        merge_stats = {k: v for k, v in stats.items()
                       if not k.startswith(("links ", "unknown ", "general ", "narrative "))}  # fmt: skip
        grades = {k.removeprefix("narrative median grade "): v for k, v in stats.items() if k.startswith("narrative ")}
        write(f"plain-language texts made for every gene and condition; median reading grade: {grades}")
        if result.changes is not None:
            write(result.changes.summary() + " (`ghr changes` lists them)")
        write(f"conditions merged from {records} records: {merge_stats}")
        links = {k.removeprefix("links "): v for k, v in stats.items() if k.startswith("links ")}
        write(f"gene-condition links by kind: {links}; general conditions gathering their types' genes: "
              f"{stats['general conditions']}")  # fmt: skip
        for key in sorted(k for k in stats if k.startswith("unknown ")):
            write(f"note: {stats[key]} links with an {key} (reported, not used to decide a kind)")
        write(f"bands from coordinates: {result.band_check.agree} agree with HGNC, {result.band_check.disagree} differ")
        for warning in result.warnings:
            write(f"note: {warning}")
