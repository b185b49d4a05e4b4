"""API benchmarks: one JSON gene record and a batch of 1,000 identifiers under load (gunicorn on loopback, wrk at
c=32), and the time and peak memory of writing the whole ghr-summaries.xml to a file.

Runs against the knowledge base the environment configures (GHR_VAR_DIR / GHR_DATABASE_URL; the full build in var/
when present) and says in the report how many genes it holds.

    python -m bench api
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 32
SECONDS = 10
BATCH_SIZE = 1000
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = f"{ROOT}/src:{ROOT}"
    env["DJANGO_SETTINGS_MODULE"] = "ghr.project.settings"
    # The benchmark measures the API, not the rate limit.
    env["GHR_API_RATE_LIMIT"] = "1000000000/60"
    return env


def _child(code: str, env: dict[str, str]) -> dict:
    """Run ``code`` in a fresh Python (Django set up), which prints one JSON line; returns it."""
    prelude = "import django, json, resource, time\ndjango.setup()\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


SAMPLE = """
from ghr.kb.models import Gene
genes = list(Gene.objects.order_by("id").values_list("symbol", "hgnc_id", "ncbi_gene_id")[:%d])
ids = []
for number, (symbol, hgnc, ncbi) in enumerate(genes):
    ids.append([symbol.lower(), hgnc or symbol, str(ncbi or symbol)][number %% 3])
print(json.dumps({"genes": Gene.objects.count(), "ids": ids}))
"""

BULK = """
from ghr.api.bulk import write_bulk_xml
start = time.perf_counter()
size = write_bulk_xml(%r)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "bytes": size, "peak_mb": peak}))
"""

IN_PROCESS = """
from django.test import Client
client = Client()
def timed(call, times):
    took = []
    for _ in range(times):
        start = time.perf_counter()
        response = call()
        assert response.status_code == 200, response.status_code
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    return {"p50": took[len(took) // 2], "p99": took[min(len(took) - 1, int(len(took) * 0.99))]}
ids = %r
body = json.dumps({"ids": ids})
single = timed(lambda: client.get("/api/v1/genes/ALAS2"), 200)
batch = timed(lambda: client.post("/api/v1/genes/batch", body, content_type="application/json"), 10)
print(json.dumps({"single": single, "batch": batch}))
"""

BASELINE = """
from ghr.kb.models import Gene
Gene.objects.first()
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url}")


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def _wrk(url: str, script: Path | None = None) -> dict:
    command = ["wrk", f"-c{CONCURRENCY}", "-t2", f"-d{SECONDS}s", "--latency", "--timeout", "60s"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = _milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1))
    p50 = _milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(1) if errors else ""}  # fmt: skip


def _batch_script(folder: Path, ids: list[str]) -> Path:
    script = folder / "batch.lua"
    body = json.dumps({"ids": ids})
    script.write_text(
        f'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = {json.dumps(body)}\n'
    )
    return script


def _note(result: dict, workers: int) -> str:
    extra = f", {result['non2xx']} non-2xx" if result["non2xx"] else ""
    extra += f", socket errors {result['socket_errors']}" if result["socket_errors"] else ""
    return (
        f"wrk c={CONCURRENCY}, {SECONDS} s, gunicorn {workers} workers on loopback; p50 {result['p50']:.1f} ms{extra}"
    )


def _load(report, env: dict[str, str], ids: list[str], label: str) -> None:
    if not shutil.which("wrk"):
        report.add("api", "load", "skipped", "wrk is not installed")
        return
    port = _free_port()
    workers = os.cpu_count() or 2
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "ghr.project.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/api/v1/genes/ALAS2")
        single = _wrk(base + "/api/v1/genes/ALAS2")
        report.add("api", f"GET /api/v1/genes/ALAS2 requests/s ({label})", f"{single['rps']:.0f}",
                   _note(single, workers))  # fmt: skip
        report.add("api", f"GET /api/v1/genes/ALAS2 p99 ({label})", f"{single['p99']:.1f} ms", "")
        with tempfile.TemporaryDirectory() as folder:
            batch = _wrk(base + "/api/v1/genes/batch", _batch_script(Path(folder), ids))
        report.add("api", f"POST batch of {len(ids)} ids requests/s ({label})", f"{batch['rps']:.2f}",
                   _note(batch, workers) + f"; {batch['rps'] * len(ids):.0f} records/s")  # fmt: skip
        report.add("api", f"POST batch of {len(ids)} ids p99 ({label})", f"{batch['p99']:.0f} ms", "")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _bulk(report, env: dict[str, str], label: str) -> None:
    baseline = _child(BASELINE, env)
    with tempfile.TemporaryDirectory() as folder:
        result = _child(BULK % str(Path(folder) / "ghr-summaries.xml"), env)
    report.add("api", f"ghr-summaries.xml write time ({label})", f"{result['seconds']:.1f} s",
               f"{result['bytes'] / 1e6:.1f} MB written by write_bulk_xml")  # fmt: skip
    report.add("api", f"ghr-summaries.xml peak memory ({label})", f"{result['peak_mb']:.0f} MB",
               f"whole process peak RSS; the same process after Django set-up and one query: "
               f"{baseline['peak_mb']:.0f} MB")  # fmt: skip


def _in_process(report, env: dict[str, str], ids: list[str], label: str) -> None:
    """Latency without HTTP or other load on the machine: Django's test client in one process."""
    result = _child(IN_PROCESS % ids, env)
    single, batch = result["single"], result["batch"]
    report.add(
        "api",
        f"GET /api/v1/genes/ALAS2 in process ({label})",
        f"p50 {single['p50']:.1f} ms, p99 {single['p99']:.1f} ms",
        "200 requests, Django test client",
    )
    report.add("api", f"POST batch of {len(ids)} ids in process ({label})",
               f"p50 {batch['p50']:.0f} ms, p99 {batch['p99']:.0f} ms", "10 requests, Django test client")  # fmt: skip


def run(report) -> None:
    env = _env()
    sample = _child(SAMPLE % BATCH_SIZE, env)
    engine = "PostgreSQL" if env.get("GHR_DATABASE_URL") else "SQLite"
    label = f"{sample['genes']:,} genes, {engine}"
    _in_process(report, env, sample["ids"], label)
    _load(report, env, sample["ids"], label)
    _bulk(report, env, label)


if __name__ == "__main__":
    from bench.report import Report

    run(Report())
