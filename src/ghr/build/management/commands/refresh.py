from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ghr.build.changes import ReleaseChanges
from ghr.build.inputs import PinnedInputs, load_source
from ghr.build.management.commands.fetch import upstream_keys
from ghr.kb import models as kb
from ghr.sources.fetching.cache import Cache
from ghr.sources.fetching.clients import FetchError
from ghr.sources.fetching.pins import load_pins
from ghr.sources.fetching.upstream import fetch_upstream, mirrored
from ghr.sources.records import SourceFileError

FETCH_FAILED, BUILD_FAILED = 1, 2


class Command(BaseCommand):
    requires_system_checks: list[str] = []

    help = (
        "Unattended refresh, for cron or a systemd timer: fetch every source's current files from its publisher "
        "(each checked, and refused if it shrank by more than a tenth), then build, validate and swap in. The last "
        f"line is a one-line summary. Exit 0: the new knowledge base serves; {FETCH_FAILED}: a download or check "
        f"failed and nothing was rebuilt; {BUILD_FAILED}: the build failed and the previous knowledge base serves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", action="append", choices=upstream_keys(), metavar="SOURCE",
            help="Refresh only these sources (repeatable); default: every one with a download.",
        )  # fmt: skip
        parser.add_argument("--timeout", type=float, default=120, help="Seconds to wait for a server (default 120).")
        parser.add_argument(
            "--allow-shrink", action="store_true", help="Accept releases that shrank by a tenth or more."
        )

    def handle(self, *args, **options):
        fetched = self._fetch(Cache(settings.GHR.cache_dir), options)
        try:
            call_command("build", stdout=self.stdout, stderr=self.stderr)
        except CommandError as error:
            raise CommandError(f"refresh failed: {error}", returncode=BUILD_FAILED) from error
        info = kb.BuildInfo.objects.using("kb").get()
        changes = ReleaseChanges(**info.changes).summary() if info.changes else "first build"
        self.stdout.write(f"refresh ok: build {info.build_id}, genes {info.counts['genes']}, conditions "
                          f"{info.counts['conditions']}; fetched {', '.join(fetched)}; {changes}")  # fmt: skip

    def _fetch(self, cache: Cache, options: dict) -> list[str]:
        """Each source's new release, in turn; the first that fails stops the refresh before any build."""
        fetched: list[str] = []
        for key in options["source"] or upstream_keys():
            spec, module = load_source(key)
            current = PinnedInputs(cache, load_pins()).resolve(spec, module)
            try:
                release = fetch_upstream(
                    spec, module, cache, current.files if current else {}, timeout=options["timeout"],
                    urls=mirrored(spec, settings.GHR["GHR_UPSTREAM_MIRROR"]), allow_shrink=options["allow_shrink"],
                )  # fmt: skip
            except (FetchError, SourceFileError) as error:
                kept = f"; {', '.join(fetched)} already refreshed for the next build" if fetched else ""
                raise CommandError(f"refresh failed at {key}: {error}; the knowledge base was not rebuilt{kept}",
                                   returncode=FETCH_FAILED) from error  # fmt: skip
            fetched.append(f"{key} {release.release}")
        return fetched
