"""Builds the search index inside a knowledge base (owned by the search package; filled in by its authors)."""


def build_index(using: str) -> None:
    """Index every gene, condition and phenotype of the knowledge base at ``using``."""
