"""Plain-language texts the build writes: reading grade (Flesch-Kincaid) of every gene and condition text, the share
with fewer than two sentences, the most ontology terms in one sentence, and an uncached gene page's data time.

Reads the knowledge base configured in the environment (the full build in var/), in a child process.

    python -m bench narrative
    python -m bench.bench_narrative child  # the measurement alone, printed as JSON
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENES = ("ALAS2", "CFTR", "BRCA1", "HBB", "FBN1", "DMD", "TP53", "HTT", "SMN1", "PAH")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)] if ordered else 0.0


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


def _grades(rows) -> dict:
    from ghr.build.narrative.lexicon import PLACES, PROCESSES, PRODUCT_KINDS

    phrases = [p for _, p in PROCESSES] + [p for _, p in PLACES] + [k for _, k, _ in PRODUCT_KINDS]
    by_kind: dict[str, list[float]] = {}
    short = {}
    most_terms = 0
    for kind, text, level in rows:
        by_kind.setdefault(kind, []).append(level)
        short[kind] = short.get(kind, 0) + (_sentences(text) < 2)
        for sentence in re.split(r"(?<=[.!?])\s", text):
            most_terms = max(most_terms, sum(1 for phrase in phrases if phrase in sentence))
    return {kind: {"count": len(levels), "median": _percentile(levels, 0.5), "p90": _percentile(levels, 0.9),
                   "short": short[kind]} for kind, levels in by_kind.items()} | {"most_terms": most_terms}  # fmt: skip


def child() -> dict:
    import django

    django.setup()
    from ghr.kb.models import Gene, Narrative
    from ghr.web.pages.gene import gene_page
    from ghr.web.pages.texts import PageTexts

    rows = Narrative.objects.filter(role__in=("function", "description")).values_list("role", "text", "grade")
    rows = [("gene" if role == "function" else "condition", text, grade) for role, text, grade in rows.iterator()]
    found = _grades(rows)
    genes = list(Gene.objects.filter(symbol__in=GENES))
    gene_page(genes[0], PageTexts())  # warm up connections and templates
    started = time.perf_counter()
    for gene in genes * 5:
        gene_page(gene, PageTexts())
    found["page_ms"] = (time.perf_counter() - started) * 1000 / (len(genes) * 5)
    return found


def run(report) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "ghr.project.settings")}
    output = subprocess.run([sys.executable, "-m", "bench.bench_narrative", "child"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    found = json.loads(output.strip().splitlines()[-1])
    for kind in ("gene", "condition"):
        figures = found[kind]
        report.add("plain language", f"{kind} texts: reading grade median / 90th percentile",
                   f"{figures['median']:.1f} / {figures['p90']:.1f}",
                   f"Flesch-Kincaid over all {figures['count']:,} texts; aim <= 8 / <= 11")  # fmt: skip
        report.add("plain language", f"{kind} texts with fewer than two sentences", f"{figures['short']:,}", "aim 0")
    report.add("plain language", "most lexicon phrases in one sentence", str(found["most_terms"]), "aim <= 5")
    report.add("plain language", "gene page data, uncached, narrative read from the store",
               f"{found['page_ms']:.1f} ms per page", f"mean over {len(GENES)} genes x 5")  # fmt: skip


if __name__ == "__main__" and sys.argv[1:] == ["child"]:
    print(json.dumps(child()))
