"""Map UniProt's disease vocabulary to the shared records.

- protein_diseases.xml -> ``ConditionRecord`` db 'UniProt', key 'DI-00120': name, acronym,
  UniProt's description (kept: the only definition sentence among the packaged sources),
  xrefs MIM -> OMIM, MedGen, MeSH.
- gene_variants.xml + variant_phenotypes.xml -> ``GeneConditionRecord`` per (gene symbol, disease) pair that
  has at least one variant (gene ref namespace 'symbol', evidence 'UniProt:DI-00120').
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghr.sources.records import ConditionId, ConditionRecord, GeneConditionRecord, GeneRef, Record
from ghr.sources.uniprot_diseases import parse

XREF_DATABASES = {"MIM": "OMIM", "MedGen": "MedGen", "MeSH": "MeSH"}


def records(files: dict[str, Path], odd: Counter | None = None) -> Iterator[Record]:
    yield from conditions(files["diseases"], odd)
    if "variants" in files and "variant_phenotypes" in files:
        yield from gene_links(files["variants"], files["variant_phenotypes"], odd)


def xref_ids(disease: parse.UniprotDisease) -> tuple[ConditionId, ...]:
    ids: dict[ConditionId, None] = {}
    if disease.mim:
        ids[ConditionId("OMIM", disease.mim)] = None
    for xref in disease.xrefs:
        prefix, _, key = xref.partition(":")
        if prefix in XREF_DATABASES and key:
            ids[ConditionId(XREF_DATABASES[prefix], key)] = None
    return tuple(ids)


def conditions(path: Path, odd: Counter | None = None) -> Iterator[ConditionRecord]:
    for disease in parse.parse_diseases(path, odd):
        yield ConditionRecord(
            id=ConditionId("UniProt", disease.accession),
            name=disease.name,
            acronyms=(disease.acronym,) if disease.acronym else (),
            description=disease.description,
            xrefs=xref_ids(disease),
        )


def gene_links(variants: Path, links: Path, odd: Counter | None = None) -> Iterator[GeneConditionRecord]:
    gene_of = {variant.variant: variant.gene_symbol for variant in parse.parse_variants(variants, odd)}
    seen: set[tuple[str, str]] = set()
    for link in parse.parse_variant_phenotypes(links, odd):
        symbol = gene_of.get(link.variant)
        if symbol is None:
            if odd is not None:
                odd["link to unknown variant"] += 1
            continue
        if (symbol, link.disease) in seen:
            continue
        seen.add((symbol, link.disease))
        yield GeneConditionRecord(
            GeneRef("symbol", symbol), ConditionId("UniProt", link.disease), f"UniProt:{link.disease}"
        )
