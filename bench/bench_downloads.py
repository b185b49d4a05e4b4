"""Bulk downloads under load: ten clients download every bulk file at once while wrk asks for a gene page.

Every download must arrive whole (its bytes and SHA-256 equal the manifest's); the page's p99 during the downloads
is set beside its p99 without them. Measured twice in one run: `gunicorn -w 2` alone, which sends the files itself,
and nginx in front of it, to which the app hands each download (X-Accel-Redirect, GHR_BULK_ACCEL_PREFIX=/_bulk/).
The bulk files of the serving release are written first unless they exist; the time they took is reported.

    python -m bench downloads
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench.bench_pages import ROOT, _free_port, _gunicorn, _stop, _wait_until_up, load

CLIENTS = 10
PAGE = "/gene/ALAS2"
# Each client reads at most this fast, as over a network: a download then lasts long enough to overlap the whole
# page load, and the clients themselves (hashing what they read) leave the two cores to the servers.
CLIENT_BYTES_PER_SECOND = 8_000_000

WRITE = """
import django, json, os, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghr.project.settings")
django.setup()
from ghr.api import bulkstore
from ghr.kb.models import Gene, Condition
before = bulkstore.for_release()
started = time.perf_counter()
found = bulkstore.write_set(processes=2)
print(json.dumps({"folder": str(found.folder), "manifest": found.manifest, "new": before is None,
                  "seconds": time.perf_counter() - started, "genes": Gene.objects.count(),
                  "conditions": Condition.objects.count()}))
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "ghr.project.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")]))
    env["GHR_BULK_AUTOWRITE"] = "false"
    return {**env, **extra}


def _write_bulk_files(env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", WRITE], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _download(url: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=600) as response:  # noqa: S310 - loopback only
        while block := response.read(1 << 20):
            digest.update(block)
            size += len(block)
            ahead = size / CLIENT_BYTES_PER_SECOND - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
    return size, digest.hexdigest()


def _downloads_during_load(base: str, files: dict) -> tuple[object, list[str], float]:
    """(page load measured meanwhile, problems, seconds the downloads took)."""
    problems: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        names = list(files)
        for name in names[number % len(names) :] + names[: number % len(names)]:
            try:
                size, sha = _download(f"{base}/download/{name}")
            except OSError as error:
                size, sha = -1, str(error)
            if (size, sha) != (files[name]["bytes"], files[name]["sha256"]):
                with lock:
                    problems.append(f"{name}: {size} bytes, sha256 {sha[:12]}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(1)  # every client has started its first file
    page_load = load(f"{base}{PAGE}")
    for thread in threads:
        thread.join()
    return page_load, problems, time.monotonic() - started


def _measure(base: str, files: dict) -> dict:
    _wait_until_up(f"{base}{PAGE}")
    quiet = load(f"{base}{PAGE}")
    busy, problems, seconds = _downloads_during_load(base, files)
    return {"quiet": quiet, "busy": busy, "problems": problems, "seconds": seconds}


def _with_gunicorn(env: dict[str, str], files: dict, threads: int = 1) -> dict:
    port = _free_port()
    if threads == 1:
        server = _gunicorn(port, env)
    else:  # as `ghr serve` starts it (GHR_WORKERS=2, GHR_THREADS)
        command = [sys.executable, "-m", "gunicorn", "-w", "2", "--threads", str(threads), "-b", f"127.0.0.1:{port}",
                   "--log-level", "warning", "ghr.project.wsgi:application"]  # fmt: skip
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return _measure(f"http://127.0.0.1:{port}", files)
    finally:
        _stop(server)


def _with_nginx(env: dict[str, str], files: dict, bulk_dir: Path) -> dict:
    from ghr.publish.nginx import NginxSite, nginx_command, write_standalone

    app_port, port = _free_port(), _free_port()
    app = _gunicorn(app_port, {**env, "GHR_BULK_ACCEL_PREFIX": "/_bulk/"})
    with tempfile.TemporaryDirectory(prefix="ghr-bench-downloads-") as tmp:
        # Nothing exported: every page and download goes to the app, which hands downloads back to nginx.
        release = Path(tmp) / "publish" / "releases" / "empty"
        (release / "site").mkdir(parents=True)
        (release / "redirects.map").write_text("")
        (Path(tmp) / "publish" / "current").symlink_to(release)
        site = NginxSite(f"127.0.0.1:{port}", Path(tmp) / "publish", f"127.0.0.1:{app_port}", bulk_dir=bulk_dir)
        conf = write_standalone(site, Path(tmp) / "nginx", workers=2)
        nginx = subprocess.Popen(nginx_command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            return _measure(f"http://127.0.0.1:{port}", files)
        finally:
            _stop(nginx)
            _stop(app)


def _report(report, label: str, measured: dict, files: dict) -> None:
    section = f"bulk downloads, {label}"
    total = sum(entry["bytes"] for entry in files.values()) * CLIENTS
    complete = "all complete" if not measured["problems"] else "; ".join(measured["problems"][:3])
    rate = CLIENT_BYTES_PER_SECOND / 1e6
    note = f"{CLIENTS} clients x {len(files)} files, {total / 1e9:.2f} GB at <= {rate:.0f} MB/s each, checked"
    report.add(section, "downloads whole (bytes and SHA-256)", complete, note)
    report.add(section, "downloads took", f"{measured['seconds']:.1f} s", note)
    report.add(section, f"{PAGE} p99 without downloads", f"{measured['quiet'].p99_ms:.1f} ms", measured["quiet"].tool)
    busy = measured["busy"]
    # wrk reports 0 when every request timed out (after 2 s).
    answered = f"{busy.p99_ms:.1f} ms" if busy.requests_per_second and busy.p99_ms else "no request answered in 2 s"
    report.add(section, f"{PAGE} p99 during downloads", answered, "aim: <= 100 ms")
    report.add(section, f"{PAGE} requests/s during / without downloads",
               f"{measured['busy'].requests_per_second / measured['quiet'].requests_per_second:.2f}",
               "ratio in this run")  # fmt: skip


def run(report) -> None:
    env = _env()
    written = _write_bulk_files(env)
    files = written["manifest"]["files"]
    sizes = ", ".join(f"{name} {entry['bytes'] / 1e6:.1f} MB" for name, entry in files.items())
    kb = f"{written['genes']:,} genes, {written['conditions']:,} conditions"
    if written["new"]:
        report.add("bulk files", "written (2 processes)", f"{written['seconds']:.1f} s", f"{kb}; {sizes}")
    else:
        report.add("bulk files", "written (2 processes), earlier", f"{written['manifest']['seconds']:.1f} s",
                   f"{kb}; {sizes}; from the manifest")  # fmt: skip
    _report(report, "gunicorn -w 2 alone", _with_gunicorn(env, files), files)
    _report(report, "gunicorn -w 2 --threads 4 alone (ghr serve)", _with_gunicorn(env, files, threads=4), files)
    _report(report, "nginx in front (X-Accel-Redirect)", _with_nginx(env, files, Path(written["folder"]).parent), files)


if __name__ == "__main__":
    from bench.report import Report

    run(Report())
