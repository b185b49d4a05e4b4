"""Django settings for the test run: ghr's own settings, with state in a fresh temporary folder.

With GHR_TEST_KB set, the knowledge base alias reads that file instead: the full build, for tests marked
`full`. Each pytest-xdist worker gets its own folder (SQLite) or its own schemas (PostgreSQL, when GHR_DATABASE_URL is
set), so workers never share a database.
"""

import os
import tempfile

from ghr.conf import load_config
from ghr.project.assemble import django_settings

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
_env = dict(os.environ)
_env.setdefault("GHR_VAR_DIR", tempfile.mkdtemp(prefix=f"ghr-test-{_worker}-"))
# The process id keeps two test runs on one PostgreSQL from dropping each other's schemas.
_env.setdefault("GHR_DB_SCHEMA", f"ghrtest_{_worker}_{os.getpid()}")
_env.setdefault("GHR_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
_env.setdefault("GHR_API_RATE_LIMIT", "100000/60")
# Tests write the bulk files they need themselves; a background writer would read another database.
_env.setdefault("GHR_BULK_AUTOWRITE", "false")

globals().update(django_settings(load_config(_env)))

# `make test` runs the tests marked `full` a second time against the full build (read-only), named here.
FULL_KB = os.environ.get("GHR_TEST_KB", "")
if FULL_KB:
    DATABASES["kb"]["NAME"] = FULL_KB  # noqa: F821 (set by the update above)
    DATABASES["kb"]["TEST"]["NAME"] = FULL_KB  # noqa: F821
