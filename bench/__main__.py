"""Runs every benchmark module named on the command line (all by default) and writes bench/report.md."""

import importlib
import sys
from pathlib import Path

from bench.report import Report

MODULES = ["build", "narrative", "pages", "api", "downloads", "search", "editorial", "publish"]


def main(argv: list[str]) -> int:
    names = argv or MODULES
    report = Report()
    for name in names:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError as error:
            if error.name != f"bench.bench_{name}":
                raise
            print(f"bench: no module for {name!r} yet, skipped")
            continue
        print(f"== {name}", flush=True)
        module.run(report)
    out = Path(__file__).with_name("report.md")
    report.write(out)
    print(report.markdown())
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
