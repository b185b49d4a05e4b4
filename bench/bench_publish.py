"""Publishing benchmarks: the static export of every page, and one gene page served four ways, in one run.

Against the knowledge base of the environment (GHR_VAR_DIR / GHR_DATABASE_URL; the full build in var/ when
present). Everything runs in child processes on loopback: `ghr publish` into a temporary folder, gunicorn (2
workers) with the page cache and without it, nginx (2 workers) serving the export, and wrk at c=32.

    python -m bench publish
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "8"))
# A full export of the real knowledge base can take far longer than a benchmark run should.
EXPORT_BUDGET = float(os.environ.get("BENCH_PUBLISH_BUDGET", "240"))
CONNECTIONS = 32


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _peak_memory_mb(pid: int) -> int:
    """Largest peak resident memory (VmHWM) among a process and its children, in MB."""
    peak = 0
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            children = [int(child) for child in listing.read().split()]
        for process in [pid, *children]:
            with open(f"/proc/{process}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) // 1024)
    except (FileNotFoundError, ProcessLookupError):
        pass
    return peak


@dataclass
class _Run:
    seconds: float
    status: int | None
    """Exit status, or None when the time budget ran out first."""
    peak_mb: int
    output: str


def _run_child(command: list[str], env: dict, budget: float) -> _Run:
    """Run a child to its end or until ``budget`` seconds, sampling its memory (and its children's) as it goes."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, start_new_session=True)
        peak = 0
        while process.poll() is None and time.perf_counter() - started < budget:
            peak = max(peak, _peak_memory_mb(process.pid))
            time.sleep(0.5)
        status = process.poll()
        if status is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
        seconds = time.perf_counter() - started
        out.seek(0)
        return _Run(seconds, status, peak, out.read())


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def _wrk(url: str) -> tuple[float, str]:
    """Requests per second and p99 latency."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{WRK_SECONDS}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses under load")
    return rate, p99


class _Servers:
    """gunicorn with and without the page cache, and nginx in front of the export; stopped together."""

    def __init__(self, env: dict, publish_dir: Path, state_dir: Path):
        self.env = env
        self.processes: list[subprocess.Popen] = []
        self.cached = self._gunicorn({})
        self.uncached = self._gunicorn({"GHR_PAGE_CACHE_SECONDS": "0"})
        self.nginx = self._nginx(publish_dir, state_dir)

    def _gunicorn(self, extra: dict) -> str:
        port = _free_port()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [gunicorn, "ghr.project.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                   "--log-level", "warning"]  # fmt: skip
        self.processes.append(subprocess.Popen(command, env={**self.env, **extra}, cwd=ROOT))
        url = f"http://127.0.0.1:{port}"
        _wait_for(url + "/")
        return url

    def _nginx(self, publish_dir: Path, state_dir: Path) -> str:
        port = _free_port()
        app = self.cached.removeprefix("http://")
        command = [sys.executable, "-m", "ghr", "nginx_config", "--standalone", str(state_dir),
                   "--listen", f"127.0.0.1:{port}", "--root", str(publish_dir), "--app", app]  # fmt: skip
        subprocess.run(command, env=self.env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        conf = state_dir / "nginx.conf"
        nginx = [
            "nginx",
            "-p",
            str(state_dir),
            "-e",
            str(state_dir / "error.log"),
            "-c",
            str(conf),
            "-g",
            "daemon off;",
        ]
        self.processes.append(subprocess.Popen(nginx))
        url = f"http://127.0.0.1:{port}"
        _wait_for(url + "/static/")
        return url

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(20)


def _export(report, env: dict, publish_dir: Path) -> None:
    ghr = [sys.executable, "-m", "ghr", "publish", "--out", str(publish_dir), "--no-progress"]
    run = _run_child([*ghr, "--full"], env, EXPORT_BUDGET)
    if run.status not in (0, None):
        raise RuntimeError(f"ghr publish failed with status {run.status}:\n{run.output}")
    report.add("publish", "export peak memory", f"{run.peak_mb} MB", "largest process (VmHWM), 2 rendering processes")
    if run.status is None:
        _report_unfinished(report, run, publish_dir)
        return
    manifest = json.loads((publish_dir / "current" / "manifest.json").read_text())
    files = len(manifest["pages"])
    html = sum(1 for entry in manifest["pages"].values() if entry["type"] == "text/html")
    note = f"{files} files ({html} HTML pages), 2 processes; aim < 120 s"
    report.add("publish", "full export", f"{run.seconds:.1f} s", note)
    how = "genes and conditions in batches, other pages by the app"
    report.add("publish", "export rate", f"{files / run.seconds:.0f} files/s", how)
    again = _run_child(ghr, env, EXPORT_BUDGET)
    report.add("publish", "export, nothing changed", f"{again.seconds:.1f} s", "inputs unchanged: stops at once")
    _export_after_a_change(report, env, ghr, publish_dir)


def _export_after_a_change(report, env: dict, ghr: list[str], publish_dir: Path) -> None:
    """What an export costs once a build or a text has changed: every page rendered again, but only files whose
    bytes differ written. The recorded build id is altered so that no page's bytes change: the most files reused."""
    manifest_path = publish_dir / "current" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["inputs"]["kb_build_id"] += " (altered by the benchmark)"
    manifest_path.write_text(json.dumps(manifest))
    run = _run_child(ghr, env, EXPORT_BUDGET)
    counts = re.search(r"\((\d+) written, (\d+) unchanged\)", run.output)
    if run.status != 0 or counts is None:
        report.add("publish", "export after a change", "failed" if run.status else "over budget", run.output[-200:])
        return
    written, reused = counts.groups()
    note = f"{written} files written, {reused} unchanged and hard-linked from the previous release"
    report.add("publish", "export after a change", f"{run.seconds:.1f} s", note)


def _report_unfinished(report, run: _Run, publish_dir: Path) -> None:
    """The budget ran out: report the rate reached and the total it implies, labelled as such."""
    done = sum(1 for path in publish_dir.glob("releases/*/site/**/*") if path.is_file() and path.suffix != ".gz")
    planned = re.search(r"Rendering (\d+) listed and (\d+) expected paths", run.output)
    rate = done / run.seconds
    report.add(
        "publish", "export rate", f"{rate:.0f} files/s", f"{done} files in the first {run.seconds:.0f} s (budget)"
    )
    if planned:
        listed, expected = int(planned.group(1)), int(planned.group(2))
        report.add(
            "publish",
            "full export (extrapolated)",
            f"~{(listed + expected) / rate / 60:.0f} min",
            f"{listed} sitemap pages + {expected} expected documents at that rate; aim < 120 s; "
            f"BENCH_PUBLISH_BUDGET={EXPORT_BUDGET:.0f} s",
        )


def _gene_path(manifest: dict) -> str:
    return (
        "/gene/ALAS2"
        if "/gene/ALAS2" in manifest["pages"]
        else next(p for p in manifest["pages"] if p.startswith("/gene/") and "." not in p)
    )


def run(report) -> None:
    if not shutil.which("nginx") or not shutil.which("wrk"):
        report.add("publish", "skipped", "-", "needs nginx and wrk (apt-get install -y nginx wrk)")
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ghr.project.settings"}
    work = Path(tempfile.mkdtemp(prefix="ghr-bench-publish-"))
    try:
        _export(report, env, work / "full")
        # The page served below, exported alone (the full export may not have reached it within the budget).
        path = "/gene/ALAS2"
        only = [sys.executable, "-m", "ghr", "publish", "--out", str(work / "publish"), "--no-progress"]
        subprocess.run([*only, "--only", path], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        manifest = json.loads((work / "publish" / "current" / "manifest.json").read_text())
        _serve_and_load(report, env, work, manifest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _serve_and_load(report, env: dict, work: Path, manifest: dict) -> None:
    path = _gene_path(manifest)
    site = work / "publish" / "current" / "site"
    raw = site / "static" / "bench" / "page.html"
    raw.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(site / manifest["pages"][path]["file"], raw)
    size_kb = raw.stat().st_size / 1024
    servers = _Servers(env, work / "publish", work / "nginx")
    try:
        for url in (servers.cached + path, servers.uncached + path, servers.nginx + path):
            urllib.request.urlopen(url, timeout=30).read()  # Warm caches and connections.
        rates = {
            "raw static file (nginx)": _wrk(servers.nginx + "/static/bench/page.html"),
            "nginx serving the export": _wrk(servers.nginx + path),
            "app, page cache": _wrk(servers.cached + path),
            "app, no page cache": _wrk(servers.uncached + path),
        }
    finally:
        servers.stop()
    for name, (rate, p99) in rates.items():
        report.add(
            "gene page", f"{name}: requests/s (c={CONNECTIONS})", f"{rate:,.0f}", f"p99 {p99}; {path}, {size_kb:.0f} KB"
        )
    uncached = rates["app, no page cache"][0]
    cached = rates["app, page cache"][0]
    report.add("gene page", "ratio app cached / uncached", f"{cached / uncached:.1f}x", "aim >= 2x")
    report.add(
        "gene page", "ratio nginx export / app cached", f"{rates['nginx serving the export'][0] / cached:.1f}x", ""
    )
    report.add(
        "gene page",
        "ratio raw file / nginx export",
        f"{rates['raw static file (nginx)'][0] / rates['nginx serving the export'][0]:.2f}x",
        "cost of the redirect map and try_files",
    )
