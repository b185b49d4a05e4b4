"""Benchmarks behind `make bench`: each module measures one part and adds rows to one Markdown report."""
