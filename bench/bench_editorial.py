"""Editorial benchmarks: importing the content/ folder, rendering Markdown, the public read API, staleness check.

Runs in a child process on fresh SQLite files in a temporary folder (the knowledge base there is empty, so the
staleness figure measures the per-text work of reading facts that are absent), so nothing of a real site is
touched.

    python -m bench editorial              # via the harness (bench/report.md)
    python -m bench.bench_editorial child  # one measurement, printed as JSON
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
LOOKUPS = 2000


def _timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def _microseconds(samples: list[float]) -> str:
    p95 = sorted(samples)[int(len(samples) * 0.95)]
    return f"{statistics.median(samples) * 1e6:.0f} µs median, p95 {p95 * 1e6:.0f} µs"


def child() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from ghr.editorial import public
    from ghr.editorial.models import Revision
    from ghr.editorial.rendering import render_markdown
    from ghr.editorial.staleness import flag_review_due
    from ghr.editorial.transfer import import_folder

    call_command("migrate", database="default", verbosity=0)
    call_command("migrate", database="kb", verbosity=0)
    first, first_seconds = _timed(import_folder, CONTENT)
    again, again_seconds = _timed(import_folder, CONTENT)
    bodies = list(Revision.objects.values_list("body", flat=True))
    render_samples = [_timed(render_markdown, body)[1] for body in bodies]
    keys = [(t.kind, t.key) for kind in ("gene-function", "glossary", "handbook") for t in public.published_texts(kind)]
    lookup_samples = [_timed(public.published_text, *keys[i % len(keys)])[1] for i in range(LOOKUPS)]
    from django.core.cache import cache

    cache.clear()
    _, index_seconds = _timed(public.glossary_index)
    warm_samples = [_timed(public.glossary_index)[1] for _ in range(200)]
    release_samples = [_timed(public.texts_release)[1] for _ in range(LOOKUPS)]
    _, stale_seconds = _timed(flag_review_due, "kb")
    return {
        "texts": len(first.created),
        "import_seconds": first_seconds,
        "reimport_seconds": again_seconds,
        "reimport_unchanged": len(again.unchanged),
        "render": _microseconds(render_samples),
        "published_text": _microseconds(lookup_samples),
        "texts_release": _microseconds(release_samples),
        "glossary_index_ms": index_seconds * 1e3,
        "glossary_index_warm": _microseconds(warm_samples),
        "staleness_seconds": stale_seconds,
    }


def run(report) -> None:
    if not CONTENT.is_dir():
        report.add("editorial", "import", "skipped", "no content/ folder")
        return
    with tempfile.TemporaryDirectory(prefix="ghr-bench-editorial-") as folder:
        env = {**os.environ, "GHR_VAR_DIR": folder, "GHR_DATABASE_URL": "",
               "DJANGO_SETTINGS_MODULE": "ghr.project.settings", "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}"}  # fmt: skip
        done = subprocess.run([sys.executable, "-m", "bench.bench_editorial", "child"], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    texts = figures["texts"]
    report.add("editorial", f"import content/ ({texts} texts)", f"{figures['import_seconds']:.2f} s", "SQLite, new")
    report.add("editorial", "re-import, unchanged", f"{figures['reimport_seconds']:.2f} s",
               f"{figures['reimport_unchanged']} unchanged, no revisions written; "
               f"{figures['import_seconds'] / figures['reimport_seconds']:.1f}x faster than first import")  # fmt: skip
    report.add("editorial", "render Markdown + sanitise, per text", figures["render"])
    report.add("editorial", "published_text()", figures["published_text"], f"{LOOKUPS} lookups")
    report.add("editorial", "texts_release()", figures["texts_release"], f"{LOOKUPS} calls")
    report.add("editorial", "glossary_index(), cache empty", f"{figures['glossary_index_ms']:.1f} ms")
    report.add("editorial", "glossary_index(), cached list", figures["glossary_index_warm"], "200 calls, locmem")
    report.add("editorial", f"flag_review_due() over {texts} texts", f"{figures['staleness_seconds']:.2f} s",
               "empty knowledge base")  # fmt: skip


if __name__ == "__main__" and sys.argv[1:] == ["child"]:
    print(json.dumps(child()))
