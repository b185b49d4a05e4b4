"""One old-service document by kind and name, as (root element name, dictionary), or None when unknown."""

from __future__ import annotations

from ghr.api import compat, identifiers, queries
from ghr.api.texts import TextLookup

KINDS = ("gene", "condition", "chromosome")


def find(kind: str, name: str) -> tuple[str, dict] | None:
    lookup = TextLookup()
    if kind == "gene":
        gene = identifiers.gene_by_symbol(name)
        gene = queries.genes_by_ids([gene.id])[0] if gene else None
        return (compat.root_name("gene"), compat.gene_summary(gene, lookup)) if gene else None
    if kind == "condition":
        condition = identifiers.condition_by_slug(name)
        condition = queries.conditions_by_ids([condition.id])[0] if condition else None
        return (compat.root_name("condition"), compat.condition_summary(condition, lookup)) if condition else None
    if kind == "chromosome":
        usable = identifiers.is_usable(name)
        chromosome = queries.chromosomes().filter(name__iexact=name).first() if usable else None
        if chromosome is None:
            return None
        return compat.root_name("chromosome", chromosome.name), compat.chromosome_summary(chromosome)
    return None
