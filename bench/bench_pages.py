"""Gene page throughput: the app under gunicorn versus the same bytes served as a static file, in one run.

The app runs as `gunicorn -w 2` on 127.0.0.1 against the knowledge base configured in the environment (the full
build in var/ when present), twice: with the page cache as configured, and with it off (every request renders).
The static baseline is the page's bytes saved to a file and served by nginx (2 workers) when installed, else by
Python's http.server. Load comes from wrk when installed, else from a Python threaded client, at c=32 for ~10 s.

    python -m bench pages
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 32
SECONDS = 10
PREFERRED_GENE = "ALAS2"


@dataclass
class Load:
    requests_per_second: float
    p99_ms: float
    tool: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


# Load generators --------------------------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(url: str) -> Load:
    out = subprocess.run(
        ["wrk", "-t4", f"-c{CONCURRENCY}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out).groups()
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses under load")
    return Load(rps, float(value) * _UNITS_MS[unit], "wrk -t4")


def _python_load(url: str) -> Load:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS

    def worker():
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
                response.read()
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    p99 = ordered[min(int(len(ordered) * 0.99), len(ordered) - 1)] * 1000
    return Load(len(latencies) / elapsed, p99, "Python threaded client")


def load(url: str) -> Load:
    return _wrk(url) if shutil.which("wrk") else _python_load(url)


# Servers ----------------------------------------------------------------------------------------------------


def _gunicorn(port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
               "ghr.project.wsgi:application"]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  default_type text/html;
  server {{ listen 127.0.0.1:{port}; root {dir}/www; }}
}}
"""


def _static_server(folder: Path, port: int) -> tuple[subprocess.Popen, str]:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if nginx:
        conf = folder / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=folder, port=port))
        process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(folder)], stderr=subprocess.PIPE)
        return process, "nginx (2 workers)"
    command = [
        sys.executable,
        "-m",
        "http.server",
        str(port),
        "--bind",
        "127.0.0.1",
        "--directory",
        str(folder / "www"),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), "Python http.server"


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# The measurement --------------------------------------------------------------------------------------------


def _gene_to_measure(env: dict[str, str]) -> tuple[str, str]:
    """(symbol, what knowledge base it is) from the configured knowledge base, asked in a child process."""
    script = (
        "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','ghr.project.settings');django.setup();"
        "from ghr.kb.models import Gene,BuildInfo;from ghr.build.status import full_build_available as f;"
        f"g=Gene.objects.filter(symbol='{PREFERRED_GENE}').first() or "
        "Gene.objects.exclude(condition_links=None).order_by('symbol').first();"
        "b=BuildInfo.objects.first();print(g.symbol if g else '');"
        "print(('full build ' if f() else 'knowledge base ')+(b.build_id if b else '(no build info)'))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or len(lines) < 2 or not lines[0]:
        raise RuntimeError(f"no gene to measure: {out.stderr.strip()[-500:]}")
    return lines[0], lines[1]


def _measure_app(env: dict[str, str], path: str) -> tuple[Load, bytes]:
    port = _free_port()
    server = _gunicorn(port, env)
    try:
        url = f"http://127.0.0.1:{port}{path}"
        _wait_until_up(url)
        with urllib.request.urlopen(url) as response:  # noqa: S310 - loopback only
            body = response.read()
        return load(url), body
    finally:
        _stop(server)


def run(report) -> None:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "ghr.project.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")]))
    symbol, kb_label = _gene_to_measure(env)
    path = f"/gene/{symbol}"
    cached, body = _measure_app(env, path)
    uncached, _ = _measure_app({**env, "GHR_PAGE_CACHE_SECONDS": "0"}, path)
    with tempfile.TemporaryDirectory(prefix="ghr-bench-pages-") as tmp:
        folder = Path(tmp)
        folder.chmod(0o755)  # nginx workers run as an unprivileged user
        (folder / "www").mkdir(mode=0o755)
        (folder / "www" / "page.html").write_bytes(body)
        (folder / "www" / "page.html").chmod(0o644)
        port = _free_port()
        server, static_label = _static_server(folder, port)
        try:
            static_url = f"http://127.0.0.1:{port}/page.html"
            _wait_until_up(static_url)
            static = load(static_url)
        finally:
            _stop(server)
    section = f"gene page {path} ({len(body):,} bytes)"
    note = f"{kb_label}; gunicorn -w 2 on 127.0.0.1; {cached.tool}, c={CONCURRENCY}, {SECONDS} s"
    report.add(section, "app, page cache as configured: requests/s", f"{cached.requests_per_second:,.0f}", note)
    report.add(section, "app, page cache as configured: p99", f"{cached.p99_ms:.1f} ms", note)
    report.add(section, "app, every request rendered: requests/s", f"{uncached.requests_per_second:,.0f}",
               "GHR_PAGE_CACHE_SECONDS=0")  # fmt: skip
    report.add(section, "app, every request rendered: p99", f"{uncached.p99_ms:.1f} ms", "GHR_PAGE_CACHE_SECONDS=0")
    report.add(section, "same bytes as a static file: requests/s", f"{static.requests_per_second:,.0f}",
               f"served by {static_label}")  # fmt: skip
    report.add(section, "same bytes as a static file: p99", f"{static.p99_ms:.1f} ms", f"served by {static_label}")
    report.add(section, "app (cached) / static throughput",
               f"{cached.requests_per_second / static.requests_per_second:.3f}",
               "ratio of requests/s measured in this run")  # fmt: skip
    report.add(section, "app (rendered) / static throughput",
               f"{uncached.requests_per_second / static.requests_per_second:.4f}",
               "ratio of requests/s measured in this run")  # fmt: skip


if __name__ == "__main__":
    from bench.report import Report

    run(Report())
