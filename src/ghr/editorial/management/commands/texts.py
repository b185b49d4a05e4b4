import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ghr.editorial.staleness import flag_review_due, review_due_texts
from ghr.editorial.transfer import export_folder, import_folder, rerender_all


class Command(BaseCommand):
    help = "Import editorial texts from a folder of Markdown files (into review), or export them all."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        importing = actions.add_parser("import", help="Create or update texts from DIR; they wait for review.")
        importing.add_argument("folder", metavar="DIR")
        importing.add_argument(
            "--publish", action="store_true",
            help="Publish the texts at once instead of sending them to review (recorded in the audit log with "
            "the name of the operator).",
        )  # fmt: skip
        importing.add_argument(
            "--force", action="store_true",
            help="Also replace texts that editors have changed on this site since the last import.",
        )  # fmt: skip
        exporting = actions.add_parser("export", help="Write every text to DIR as Markdown with front matter.")
        exporting.add_argument("folder", metavar="DIR")
        actions.add_parser(
            "rerender", help="Render every version's cached HTML again (after a change to the rendering rules)."
        )
        actions.add_parser(
            "review-due", help="Compare published texts with the knowledge base now; flag and list those due."
        )
        checking = actions.add_parser(
            "check", help="Compare every text in DIR with the knowledge base; fail on any finding not acknowledged."
        )
        checking.add_argument("folder", metavar="DIR", nargs="?", default="content")

    def handle(self, *args, action, folder=None, force=False, publish=False, **options):
        if action == "review-due":
            self._review_due()
            return
        if action == "check":
            self._check(Path(folder))
            return
        if action == "rerender":
            changed = rerender_all()
            self.stdout.write(f"{changed} versions had different HTML and were updated")
            return
        path = Path(folder)
        if action == "import":
            self._import(path, force, publish)
        else:
            written = export_folder(path)
            self.stdout.write(f"Wrote {len(written)} texts to {path}")

    def _import(self, path: Path, force: bool, publish: bool):
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        report = import_folder(path, force, publish_for=_operator() if publish else "")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.kept)} kept"
        )
        for text in report.kept:
            self.stdout.write(f"kept {text}: edited on this site since the last import (--force replaces it)")
        if report.awaiting_review:
            self.stdout.write(f"{len(report.awaiting_review)} for review (import with --publish to publish at once)")
        for text in report.awaiting_second_reading:
            self.stdout.write(f"for review {text}: no second reading yet, so it is not published")
        for text in report.missing_pages:
            self.stdout.write(f"no page for {text}: its identifier and key find no page in the knowledge base")
        for error in report.errors:
            self.stderr.write(f"skipped {error}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} files could not be imported (see above)")

    def _check(self, path: Path):
        from ghr.editorial.factcheck import check_texts, texts_in_folder

        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        texts, errors = texts_in_folder(path)
        findings, kept = check_texts(texts)
        for finding in findings:
            self.stdout.write(str(finding))
        for error in errors:
            self.stderr.write(f"unreadable {error}")
        self.stdout.write(
            f"{len(texts)} texts checked: {len(findings)} findings, {len(kept)} acknowledged, {len(errors)} unreadable"
        )
        if findings or errors:
            raise CommandError("the facts check found disagreements (acknowledge a finding in the text's front matter)")

    def _review_due(self):
        newly = flag_review_due(using="kb")
        due = review_due_texts().order_by("kind", "key")
        self.stdout.write(f"{len(newly)} newly flagged; {due.count()} texts due for review")
        for text in due:
            self.stdout.write(f"{text.kind} {text.key}: {'; '.join(text.review_due_reasons)}")


def _operator() -> str:
    """Who ran the command, for the audit log: the login name, else the process's user id."""
    try:
        return getpass.getuser()
    except OSError:  # no name for this user id (a container, say)
        import os

        return f"uid {os.getuid()}"
