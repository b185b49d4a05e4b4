"""Editorial writes from several processes at once all land, and the audit chain stays whole (SQLite)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
WRITER = """
import sys, django
django.setup()
from ghr.editorial.workflow import record
failed = 0
for number in range(int(sys.argv[1])):
    try:
        record(None, "test", reason=f"{sys.argv[2]} {number}")
    except Exception:
        failed += 1
print(failed)
"""


@pytest.mark.django_db(databases=[])
def test_three_processes_logging_at_once_lose_nothing(tmp_path):
    if settings.GHR["GHR_DATABASE_URL"]:
        pytest.skip("PostgreSQL takes an advisory lock; this reproduces SQLite's")
    env = {**os.environ, "GHR_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ghr.project.settings",
           "GHR_SECRET_KEY": "x" * 50, "PYTHONPATH": str(REPO)}  # fmt: skip
    env.pop("GHR_DATABASE_URL", None)
    ghr = [sys.executable, "-m", "ghr"]
    subprocess.run([*ghr, "migrate", "--database", "default", "-v", "0"], env=env, check=True, cwd=tmp_path)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, "60", name], env=env, cwd=tmp_path, stdout=subprocess.PIPE)
        for name in "abc"
    ]
    failures = [int(writer.communicate()[0]) for writer in writers]
    assert failures == [0, 0, 0]
    verified = subprocess.run([*ghr, "audit", "verify"], env=env, cwd=tmp_path, capture_output=True, text=True,
                              check=False)  # fmt: skip
    assert verified.returncode == 0 and "180 events" in verified.stdout, verified.stderr
