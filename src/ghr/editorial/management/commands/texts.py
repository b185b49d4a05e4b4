from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ghr.editorial.transfer import export_folder, import_folder


class Command(BaseCommand):
    help = "Import editorial texts from a folder of Markdown files (published directly), or export them all."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        importing = actions.add_parser("import", help="Create or update texts from DIR and publish them.")
        importing.add_argument("folder", metavar="DIR")
        exporting = actions.add_parser("export", help="Write every text to DIR as Markdown with front matter.")
        exporting.add_argument("folder", metavar="DIR")

    def handle(self, *args, action, folder, **options):
        path = Path(folder)
        if action == "import":
            self._import(path)
        else:
            written = export_folder(path)
            self.stdout.write(f"Wrote {len(written)} texts to {path}")

    def _import(self, path: Path):
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        report = import_folder(path)
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, {len(report.unchanged)} unchanged"
        )
        for error in report.errors:
            self.stderr.write(f"skipped {error}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} files could not be imported (see above)")
