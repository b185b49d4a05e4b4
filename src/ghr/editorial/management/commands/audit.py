"""`ghr audit verify` checks the audit log's chain; `ghr audit secure-postgres` takes the append-only tables away
from the app's own PostgreSQL role."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ghr.editorial.chain import verify
from ghr.editorial.models import AuditEvent, Revision

OWNED_TABLES = ("ghr_editorial_auditevent", "ghr_editorial_revision")
# What the app may still write in a saved version: its approval and cached HTML (see Revision.save).
REVISION_UPDATABLE = ("approved_at", "approved_by_id", "html")


def secure_statements(owner: str, app_role: str) -> list[str]:
    """SQL that makes ``owner`` (a role that cannot log in) own the append-only tables and their triggers, and
    leaves ``app_role`` only SELECT and INSERT on them (plus a version's approval and HTML)."""
    owner_q, app_q = f'"{owner}"', f'"{app_role}"'
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{owner}') THEN "
        f"CREATE ROLE {owner_q} NOLOGIN; END IF; END $$",
        f"GRANT USAGE ON SCHEMA {{schema}} TO {owner_q}",
        f"ALTER FUNCTION ghr_append_only() OWNER TO {owner_q}",
    ]
    for table in OWNED_TABLES:
        statements += [
            f"ALTER TABLE {table} OWNER TO {owner_q}",
            f"REVOKE ALL ON {table} FROM {app_q}",
            f"GRANT SELECT, INSERT ON {table} TO {app_q}",
        ]
    statements.append(f"GRANT UPDATE ({', '.join(REVISION_UPDATABLE)}) ON ghr_editorial_revision TO {app_q}")
    # Foreign keys from the owner's tables are checked with the owner's rights.
    statements.append(f"GRANT SELECT, REFERENCES ON ALL TABLES IN SCHEMA {{schema}} TO {owner_q}")
    return statements


class Command(BaseCommand):
    help = "Check the audit log (verify), or protect it from the app's own PostgreSQL role (secure-postgres)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "verify", help="Walk the audit log's hash chain and the versions of every text; fail on any gap."
        )
        securing = actions.add_parser(
            "secure-postgres",
            help="Run once as a superuser (GHR_DATABASE_URL of an administrator), after `ghr migrate`: the "
            "audit log and saved versions then belong to OWNER, and APP_ROLE may only read and add to them.",
        )
        securing.add_argument("--app-role", required=True, help="The role the site connects as.")
        securing.add_argument("--owner", default="ghr_audit_owner", help="Role to own the tables (created, no login).")

    def handle(self, *args, action, **options):
        if action == "verify":
            self._verify()
        else:
            self._secure(options["owner"], options["app_role"])

    def _verify(self):
        verdict = verify(AuditEvent, Revision)
        for problem in verdict.problems:
            self.stderr.write(problem)
        self.stdout.write(
            f"{verdict.events} events; head: sequence {verdict.head_sequence}, digest {verdict.head_digest}\n"
            "Note the head somewhere else: a later verify that shows an older head means events were removed."
        )
        if verdict.problems:
            raise CommandError(f"the audit log does not verify: {len(verdict.problems)} problems (see above)")
        self.stdout.write("The audit log verifies: no gaps, no changes.")

    def _secure(self, owner: str, app_role: str):
        connection = connections["default"]
        if connection.vendor != "postgresql":
            raise CommandError("secure-postgres is for PostgreSQL; with SQLite, triggers and `ghr audit verify` apply")
        for name in (owner, app_role):
            if not name.replace("_", "").isalnum():
                raise CommandError(f"{name!r}: a role name here is letters, digits and _ only")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_schema()")
            (schema,) = cursor.fetchone()
            # Checks of foreign keys deferred to the end of an open transaction would stop ALTER TABLE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for statement in secure_statements(owner, app_role):
                cursor.execute(statement.replace("{schema}", f'"{schema}"'))
        self.stdout.write(
            f"{', '.join(OWNED_TABLES)} now belong to {owner}; {app_role} may SELECT and INSERT (and record "
            "approvals). Run `ghr migrate` as a superuser from now on, and this command again after it."
        )
