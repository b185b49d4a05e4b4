"""The full build from a warm cache: wall time and peak memory of `ghr build` (targets: 60 s, 1.5 GB)."""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import Report

ROOT = Path(__file__).resolve().parent.parent


def run(report: Report) -> None:
    with tempfile.TemporaryDirectory(prefix="ghr-bench-build-") as var_dir:
        env = {**os.environ, "GHR_VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": "ghr.project.settings"}
        subprocess.run([sys.executable, "-m", "ghr", "fetch"], env=env, check=True, cwd=ROOT, capture_output=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "ghr", "build"], env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
        peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    if result.returncode != 0:
        report.add("build", "full build", "FAILED", result.stderr.strip().splitlines()[-1][:200])
        return
    report.add("build", "full build, warm cache, wall", f"{seconds:.1f} s", "target 60 s; 2 cores")
    report.add("build", "full build, peak memory (RSS)", f"{peak_mb:.0f} MB", "target 1,500 MB")
    for line in result.stdout.splitlines():
        if line.startswith("genes "):
            report.add("build", "contents", line.strip())
