"""Soak: the app under gunicorn at a steady request rate for a set time, with memory of every process over time.

Mixed load, as the public uses the site: gene, condition, glossary and handbook pages, API records and lookups,
search and suggest, and one bulk download a minute. Reports per kind of request: count, errors (5xx or no
answer), 429s, p50 and p99; and the resident memory of the gunicorn master and each worker at the start, every
minute, and at the end, so one can see whether memory levels off.

    python -m bench.soak --minutes 30 --rate 20       # the issue's 30-minute soak
    python -m bench.soak --minutes 3                  # a short check

It serves the knowledge base in GHR_VAR_DIR (var/ by default: run `ghr build` first). The API budget is raised for
the run (GHR_API_RATE_LIMIT), since every request comes from one address.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.bench_pages import _free_port, _wait_until_up

ROOT = Path(__file__).resolve().parents[1]
BULK_EVERY_SECONDS = 60
SAMPLE_EVERY_SECONDS = 60


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    limited: int = 0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0.0


def _names(var_dir: Path) -> dict[str, list[str]]:
    """Real names from the knowledge base, so every request asks for something that exists."""
    with sqlite3.connect(f"file:{var_dir / 'kb.sqlite3'}?mode=ro", uri=True) as kb:
        genes = [row[0] for row in kb.execute("SELECT symbol FROM kb_gene ORDER BY random() LIMIT 500")]
        conditions = [row[0] for row in kb.execute("SELECT slug FROM kb_condition ORDER BY random() LIMIT 500")]
    return {"genes": genes, "conditions": conditions}


def _paths(names: dict[str, list[str]], rng: random.Random):
    words = ["heme", "anemia", "hearing", "cyst", "muscle", "kidney", "brca", "fibrosis", "retina", "porphyria"]
    makers = [
        ("page", lambda: f"/gene/{rng.choice(names['genes'])}"),
        ("page", lambda: f"/condition/{rng.choice(names['conditions'])}"),
        ("page", lambda: rng.choice(["/", "/glossary/", "/handbook/", "/gene/", "/condition/"])),
        ("api", lambda: f"/api/v1/genes/{rng.choice(names['genes'])}"),
        ("api", lambda: f"/api/v1/conditions/{rng.choice(names['conditions'])}"),
        ("api", lambda: f"/gene/{rng.choice(names['genes'])}.json"),
        ("search", lambda: f"/search?q={rng.choice(words)}"),
        ("search", lambda: f"/api/v1/suggest?q={rng.choice(words)[:3]}"),
        ("search", lambda: f"/api/v1/search?q={rng.choice(words)}"),
    ]
    while True:
        kind, make = rng.choice(makers)
        yield kind, make()


def _get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback only
            while response.read(1 << 16):
                pass
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (OSError, http.client.HTTPException):  # refused, reset, or cut short (IncompleteRead)
        status = 0
    return status, time.perf_counter() - started


def _record(tallies: dict[str, Tally], lock: threading.Lock, kind: str, status: int, seconds: float) -> None:
    with lock:
        tally = tallies.setdefault(kind, Tally())
        tally.latencies.append(seconds)
        tally.errors += status == 0 or status >= 500
        tally.limited += status == 429


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _processes(master: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                children.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return [master, *sorted(children)]


def _memory(master: int) -> dict[int, int]:
    return {pid: _rss_kib(pid) for pid in _processes(master)}


def _start_app(var_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "GHR_VAR_DIR": str(var_dir), "GHR_API_RATE_LIMIT": "100000000/60"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "ghr.project.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
               "--log-level", "warning", "--control-socket", str(var_dir / "soak-gunicorn.ctl")]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    _wait_until_up(url + "/")
    return process, url


def soak(var_dir: Path, minutes: float, rate: float, clients: int = 8) -> str:
    process, url = _start_app(var_dir)
    tallies: dict[str, Tally] = {}
    lock = threading.Lock()
    paths = _paths(_names(var_dir), random.Random(17))
    ticket = itertools.count()
    started = time.monotonic()
    deadline = started + minutes * 60
    samples = [(0.0, _memory(process.pid))]

    def client() -> None:
        while True:
            with lock:
                number = next(ticket)
                kind, path = next(paths)
            due = started + number / rate  # a steady rate, whatever the answers' speed
            if due >= deadline:
                return
            time.sleep(max(0.0, due - time.monotonic()))
            _record(tallies, lock, kind, *_get(url + path))

    def bulk() -> None:
        while time.monotonic() + 1 < deadline:
            _record(tallies, lock, "bulk", *_get(url + "/download/genes.jsonl"))
            time.sleep(max(0.0, BULK_EVERY_SECONDS - (time.monotonic() - started) % BULK_EVERY_SECONDS))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    threads.append(threading.Thread(target=bulk, daemon=True))
    try:
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads[:-1]):
            time.sleep(1)
            elapsed = time.monotonic() - started
            if elapsed - samples[-1][0] >= SAMPLE_EVERY_SECONDS:
                samples.append((elapsed, _memory(process.pid)))
        threads[-1].join(timeout=120)
        if time.monotonic() - started - samples[-1][0] > 5:
            samples.append((time.monotonic() - started, _memory(process.pid)))
    finally:
        process.terminate()
        process.wait(30)
    return _report(tallies, samples, minutes, rate)


def _report(tallies: dict[str, Tally], samples: list, minutes: float, rate: float) -> str:
    lines = [f"## Soak: {minutes:g} min at {rate:g} requests/s (plus one bulk download a minute), gunicorn -w 2", "",
             "| kind | requests | errors | 429 | p50 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for kind, tally in sorted(tallies.items()):
        lines.append(f"| {kind} | {len(tally.latencies)} | {tally.errors} | {tally.limited} | "
                     f"{tally.percentile(0.5):.0f} | {tally.percentile(0.99):.0f} |")  # fmt: skip
    pids = sorted({pid for _, memory in samples for pid in memory})
    lines += ["", "Resident memory (MiB) of the master (first) and each worker, by minute (- : not running):", "",
              "| minute | " + " | ".join(f"pid {pid}" for pid in pids) + " |",
              "|---|" + "---:|" * len(pids)]  # fmt: skip
    for elapsed, memory in samples:
        cells = " | ".join(f"{memory[pid] / 1024:.0f}" if pid in memory else "-" for pid in pids)
        lines.append(f"| {elapsed / 60:.1f} | {cells} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second, steady")
    parser.add_argument("--var-dir", type=Path, default=Path(os.environ.get("GHR_VAR_DIR", ROOT / "var")))
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    report = soak(args.var_dir.resolve(), args.minutes, args.rate)
    print(report)
    if args.out:
        args.out.write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
