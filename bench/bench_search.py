"""Search benchmarks: index build time, suggest and search latency in process, and under loopback load beside the
framework's own ceiling measured in the same run (a bare Django view returning fixed JSON, bench/bare_django.py).

On the full build when one is serving; otherwise on a synthetic knowledge base of full-build size (44,000 genes,
150,000 gene names, 15,000 conditions with 60,000 names, 120,000 condition features), built in a temporary folder
(SQLite) and in a temporary schema of the local PostgreSQL, and labelled as such in the report.

    python -m bench search             # via the harness (bench/report.md)
    python -m bench.bench_search child # one measurement in this process's settings, printed as JSON
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = "postgresql://root@127.0.0.1:5432/test"
SCALE = {"genes": 44000, "gene_names": 150000, "conditions": 15000, "condition_names": 60000, "terms": 12000,
         "features": 120000}  # fmt: skip
LOAD_SECONDS = 8
LOAD_CONCURRENCY = 32
SITE_APP = "ghr.project.wsgi:application"
BARE_APP = "bench.bare_django:application"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghr.project.settings")
    import django

    django.setup()


# Synthetic data ------------------------------------------------------------------------------------------------

SYLLABLES = (
    "ba be bi bo bu ca co cy da de di do fa fe fi ga ge gi ha he hy la le li lo lu ma me mi mo na ne ni no "
    "pa pe pi po ra re ri ro sa se si so ta te ti to tu va ve vi xa ze zo phe thro chro cyt pro por ery"
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    parts = SYLLABLES.split()
    words = {"".join(rng.choice(parts) for _ in range(rng.randint(2, 5))) for _ in range(size * 2)}
    return sorted(words)[:size]


def _phrase(rng: random.Random, words: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def _symbol(rng: random.Random, taken: set[str]) -> str:
    while True:
        symbol = "".join(rng.choice("ABCDEFGHIKLMNPRSTVWXYZ") for _ in range(rng.randint(3, 5))) + str(
            rng.randint(1, 20)
        )
        if symbol not in taken:
            taken.add(symbol)
            return symbol


def write_synthetic_kb(using: str = "kb") -> dict[str, int]:
    """Rows of full-build size through bulk_create, plus the real fixture slice so real queries have answers."""
    from tests import kb_fixture

    from ghr.kb import models as kb

    kb_fixture.populate(using)
    rng = random.Random(20261123)
    words = _vocabulary(rng, 6000)
    source = kb.SourceRelease.objects.using(using).get(key="gnuhealth_genes")
    taken = set(kb.Gene.objects.using(using).values_list("symbol", flat=True))
    genes = [kb.Gene(symbol=_symbol(rng, taken), name=_phrase(rng, words, 2, 6), hgnc_id=f"HGNC:{90000 + i}",
                     locus_type="protein_coding", source=source) for i in range(SCALE["genes"])]  # fmt: skip
    kb.Gene.objects.using(using).bulk_create(genes, batch_size=5000)
    gene_ids = list(kb.Gene.objects.using(using).values_list("id", flat=True))
    names = {(rng.choice(gene_ids), _symbol(rng, taken) if i % 2 else _phrase(rng, words, 1, 5)) for i in
             range(SCALE["gene_names"])}  # fmt: skip
    kb.GeneName.objects.using(using).bulk_create(
        [kb.GeneName(gene_id=g, name=n, kind="alias_symbol" if n.isupper() else "alias_name", source=source)
         for g, n in names], batch_size=5000)  # fmt: skip
    conditions = [kb.Condition(slug=f"synthetic-condition-{i}", name=_phrase(rng, words, 2, 5), name_source=source)
                  for i in range(SCALE["conditions"])]  # fmt: skip
    kb.Condition.objects.using(using).bulk_create(conditions, batch_size=5000)
    condition_ids = list(kb.Condition.objects.using(using).values_list("id", flat=True))
    kb.ConditionName.objects.using(using).bulk_create(
        [kb.ConditionName(condition_id=rng.choice(condition_ids), name=f"{_phrase(rng, words, 1, 5)} {i}",
                          kind="synonym", source=source) for i in range(SCALE["condition_names"])],
        batch_size=5000)  # fmt: skip
    kb.ConditionXref.objects.using(using).bulk_create(
        [kb.ConditionXref(condition_id=c, db="Orphanet", key=str(700000 + c), source=source) for c in condition_ids],
        batch_size=5000, ignore_conflicts=True)  # fmt: skip
    kb.PhenotypeTerm.objects.using(using).bulk_create(
        [kb.PhenotypeTerm(hpo_id=f"HP:9{i:06d}", name=_phrase(rng, words, 1, 4),
                          layperson_synonyms=[_phrase(rng, words, 2, 4)] if i % 3 == 0 else [], source=source)
         for i in range(SCALE["terms"])], batch_size=5000)  # fmt: skip
    term_ids = list(kb.PhenotypeTerm.objects.using(using).values_list("id", flat=True))
    links = {(rng.choice(condition_ids), rng.choice(term_ids)) for _ in range(SCALE["features"])}
    kb.ConditionFeature.objects.using(using).bulk_create(
        [kb.ConditionFeature(condition_id=c, term_id=t, source=source) for c, t in links], batch_size=5000
    )
    kb.GeneCondition.objects.using(using).bulk_create(
        [kb.GeneCondition(gene_id=rng.choice(gene_ids), condition_id=c, source=source, evidence=f"s{c}")
         for c in condition_ids[::2]], batch_size=5000)  # fmt: skip
    return {"genes": len(gene_ids), "conditions": len(condition_ids), "gene_names": len(names)}


# Measurements --------------------------------------------------------------------------------------------------


def query_mix(using: str = "kb") -> list[str]:
    """Real relevance queries, the first letters of each (as typed into the suggest box), and names of the KB."""
    from tests.search.relevance_cases import FIXTURE_CASES, FULL_CASES

    from ghr.kb import models as kb

    rng = random.Random(7)
    real = [query for query, _, _ in FULL_CASES + FIXTURE_CASES]
    typed = [query[:n] for query in real for n in (2, 4, 7) if len(query) > n]
    symbols = list(kb.Gene.objects.using(using).values_list("symbol", flat=True)[:20000])
    names = list(kb.Condition.objects.using(using).values_list("name", flat=True)[:20000])
    sampled = rng.sample(symbols, min(100, len(symbols))) + [
        name[:12] for name in rng.sample(names, min(100, len(names)))
    ]
    return real + typed + sampled


def time_queries(queries: list[str], suggest: bool, using: str = "kb") -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per query. CPU time is what a query costs on an idle machine: the machine
    these figures come from is shared, and wall time there includes waiting for other people's processes."""
    from ghr.search.engine import search

    for query in queries[:20]:  # warm caches and connections
        search(query, suggest=suggest, using=using)
    wall, cpu = [], []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        search(query, suggest=suggest, using=using)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def measure_in_process(synthetic: bool) -> dict:
    _setup_django()
    from django.core.management import call_command

    from ghr.search.indexer import build_index

    figures: dict = {}
    if synthetic:
        from ghr.project.databases import ensure_schemas

        ensure_schemas(reset=True)
        call_command("migrate", database="default", verbosity=0)
        call_command("migrate", database="kb", verbosity=0)
        started = time.perf_counter()
        figures["rows"] = write_synthetic_kb("kb")
        figures["write_seconds"] = time.perf_counter() - started
    started = time.perf_counter()
    build_index("kb")
    figures["index_seconds"] = time.perf_counter() - started
    queries = query_mix()
    figures["queries"] = len(queries)
    for name, suggest in (("suggest", True), ("search", False)):
        wall, cpu = time_queries(queries, suggest)
        figures[name] = {"p50": statistics.median(wall), "p99": percentile(wall, 0.99), "max": max(wall),
                         "cpu_p50": statistics.median(cpu), "cpu_p99": percentile(cpu, 0.99)}  # fmt: skip
    figures["load_average"] = os.getloadavg()[0]
    return figures


# Load ------------------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer")


def _hammer(base: str, paths: list[str], stop: float, timings: list[float], errors: list[int]) -> None:
    rng = random.Random(threading.get_ident())
    while time.time() < stop:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                response.read()
        except OSError:
            errors.append(1)
            continue
        timings.append((time.perf_counter() - started) * 1000)


def _wrk_script(folder: Path, paths: list[str]) -> Path:
    """A wrk script asking for the paths in random order, as many people typing different things would."""
    script = folder / "paths.lua"
    quoted = ",".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nrequest = function() return wrk.format('GET', paths[math.random(#paths)]) end\n"
    )
    return script


def _wrk(base: str, paths: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="ghr-bench-wrk-") as folder:
        command = ["wrk", f"-c{LOAD_CONCURRENCY}", "-t2", f"-d{LOAD_SECONDS}s", "--latency", "--timeout", "30s",
                   "-s", str(_wrk_script(Path(folder), paths)), base]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    from bench.bench_api import _milliseconds

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": _milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1)),
            "p99": _milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1)),
            "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0),
            "client": "wrk"}  # fmt: skip


def _python_client(base: str, paths: list[str]) -> dict:
    timings: list[float] = []
    errors: list[int] = []
    stop = time.time() + LOAD_SECONDS
    threads = [threading.Thread(target=_hammer, args=(base, paths, stop, timings, errors))
               for _ in range(LOAD_CONCURRENCY)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"rps": len(timings) / LOAD_SECONDS, "p50": statistics.median(timings),
            "p99": percentile(timings, 0.99), "errors": len(errors), "client": "Python threads"}  # fmt: skip


def _redis_running() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _warm(base: str, paths: list[str], rounds: int) -> None:
    """Ask for every path ``rounds`` times, one after another, so that the cache holds every answer."""
    for _ in range(rounds):
        for path in paths:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()


def load_test(env: dict[str, str], paths: list[str], app: str = SITE_APP, workers: int = 4, warm: bool = False):
    """Requests/s and latency of ``paths`` served by gunicorn (``app``) on loopback, driven by wrk when it is
    installed (a Python client competes with the server for the same two cores), else by Python threads. ``warm``
    asks for every path first, so that the page cache holds every answer: once with a cache the workers share
    (Redis), else several times so that each worker has most of them."""
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env={**env, "PYTHONPATH": f"{ROOT}/src:{ROOT}"},
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + paths[0])
        if warm:
            _warm(base, paths, 1 if env.get("GHR_CACHE_URL") else workers * 2)
        figures = _wrk(base, paths) if shutil.which("wrk") else _python_client(base, paths)
        return {**figures, "workers": workers}
    finally:
        server.terminate()
        server.wait(timeout=20)


# The child process: one dataset, one backend -----------------------------------------------------------------


def child_main(argv: list[str]) -> int:
    synthetic = "synthetic" in argv
    figures = measure_in_process(synthetic)
    if not synthetic:
        from tests.search.relevance import evaluate
        from tests.search.relevance_cases import EVERYDAY_CASES, FULL_CASES

        scores = evaluate(FULL_CASES)
        figures["relevance"] = {"line": scores.line(), "misses": scores.misses}
        everyday = evaluate(EVERYDAY_CASES)
        figures["everyday"] = {"line": everyday.line(), "misses": everyday.misses}
    queries = query_mix()
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["GHR_API_RATE_LIMIT"] = "100000000/60"
    # The framework's ceiling in the same run, on the same machine at the same moment: figures are ratios to it.
    figures["load bare"] = load_test(env, ["/bare.json"], app=BARE_APP)
    for endpoint in ("/api/v1/suggest", "/api/v1/search"):
        paths = [f"{endpoint}?{urllib.parse.urlencode({'q': query})}" for query in queries]
        # Every answer computed (the page cache off), then the same queries again once the cache holds them.
        figures[f"load {endpoint}"] = load_test({**env, "GHR_PAGE_CACHE_SECONDS": "0"}, paths)
        shared = {"GHR_CACHE_URL": "redis://127.0.0.1:6379/0"} if _redis_running() else {}
        figures[f"load {endpoint} cached"] = {**load_test({**env, **shared}, paths, warm=True), **shared}
    print("RESULT " + json.dumps(figures), flush=True)
    return 0


def _run_child(env: dict[str, str], synthetic: bool) -> dict:
    args = [sys.executable, "-m", "bench.bench_search", "child"] + (["synthetic"] if synthetic else [])
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"search benchmark child failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def _report(report, label: str, figures: dict) -> None:
    section = f"search ({label})"
    if "rows" in figures:
        rows = figures["rows"]
        report.add(section, "synthetic knowledge base", f"{rows['genes']:,} genes, {rows['gene_names']:,} gene "
                   f"names, {rows['conditions']:,} conditions", "not real data: no full build is serving")  # fmt: skip
    if "relevance" in figures:
        report.add(section, "relevance (tests/search/relevance_cases.py)", figures["relevance"]["line"],
                   "; ".join(figures["relevance"]["misses"])[:600])  # fmt: skip
        report.add(section, "relevance, everyday queries (EVERYDAY_CASES)", figures["everyday"]["line"],
                   "; ".join(figures["everyday"]["misses"])[:600])  # fmt: skip
    report.add(section, "index build", f"{figures['index_seconds']:.2f} s", "ghr.search.indexer.build_index")
    for name in ("suggest", "search"):
        timing = figures[name]
        report.add(section, f"{name} in process p50 / p99", f"{timing['p50']:.2f} / {timing['p99']:.2f} ms",
                   f"{figures['queries']} queries, target p99 < 10 ms for suggest; CPU time p50 / p99 "
                   f"{timing['cpu_p50']:.2f} / {timing['cpu_p99']:.2f} ms; load average "
                   f"{figures['load_average']:.1f}")  # fmt: skip
    bare = figures["load bare"]
    loads = [("bare Django view, fixed JSON", bare)]
    for endpoint in ("/api/v1/suggest", "/api/v1/search"):
        cached = figures[f"load {endpoint} cached"]
        where = "Redis" if cached.get("GHR_CACHE_URL") else "each worker's memory"
        loads += [(f"{endpoint}, every answer computed", figures[f"load {endpoint}"]),
                  (f"{endpoint}, every answer from the page cache ({where})", cached)]  # fmt: skip
    for name, load in loads:
        report.add(section, f"{name} under load (c={LOAD_CONCURRENCY})",
                   f"{load['rps']:.0f} req/s ({load['rps'] / bare['rps']:.2f}x bare Django), p50 {load['p50']:.1f} "
                   f"ms, p99 {load['p99']:.1f} ms", f"gunicorn {load['workers']} workers on loopback, {LOAD_SECONDS} "
                   f"s, {load['client']}, {load['errors']} errors; target for suggest 0.7x bare")  # fmt: skip


def _serving_full_build() -> bool:
    _setup_django()
    try:
        from ghr.build.status import full_build_available
    except ImportError:
        return False
    return full_build_available()


def _measure_full_build(report, base_env: dict[str, str]) -> None:
    """The benchmark rebuilds the index it times: on SQLite it works on a copy of the serving files, so the site
    keeps serving undisturbed; on PostgreSQL in place, where readers keep seeing the old index until the commit."""
    from django.conf import settings

    config = settings.GHR
    if config["GHR_DATABASE_URL"]:
        _report(report, "full build, PostgreSQL", _run_child(base_env, synthetic=False))
        return
    with tempfile.TemporaryDirectory(prefix="ghr-bench-search-") as folder:
        for name in ("kb.sqlite3", "ghr.sqlite3", "secret_key"):
            if (config.var_dir / name).exists():
                shutil.copy2(config.var_dir / name, Path(folder) / name)
        _report(report, "full build, SQLite", _run_child({**base_env, "GHR_VAR_DIR": folder}, synthetic=False))


def run(report) -> None:
    base_env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    if _serving_full_build():
        _measure_full_build(report, base_env)
        return
    with tempfile.TemporaryDirectory(prefix="ghr-bench-search-") as folder:
        sqlite_env = {**base_env, "GHR_VAR_DIR": folder, "GHR_DATABASE_URL": ""}
        _report(report, "synthetic, SQLite", _run_child(sqlite_env, synthetic=True))
    postgres_env = {**base_env, "GHR_DATABASE_URL": POSTGRES_URL, "GHR_DB_SCHEMA": "ghr_bench_search"}
    _report(report, "synthetic, PostgreSQL", _run_child(postgres_env, synthetic=True))


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        sys.path[:0] = [str(ROOT), str(ROOT / "src")]
        sys.exit(child_main(sys.argv[2:]))
    from bench.report import Report

    run(Report())
