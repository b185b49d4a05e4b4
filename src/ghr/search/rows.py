"""The rows of the search index, read from the knowledge base in a few bulk queries.

Every page that can be found is an *entry* (a gene or a condition); every way of naming it is a *name* row
(symbol, previous symbol, alias, synonym, acronym, identifier such as OMIM:300751). Features (HPO terms and
their everyday synonyms) are indexed once per term and linked to the conditions that have them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ghr.kb import models as kb
from ghr.search.text import normalize, order_free_key, stems

# Identifier prefixes people type, by the database name ConditionXref stores.
XREF_PREFIXES = {"Orphanet": ("ORPHA", "Orphanet"), "MedGen": ("MedGen",), "UMLS": ("UMLS",)}


@dataclass
class IndexRows:
    entries: list[tuple] = field(default_factory=list)
    """(id, kind, key, label, boost, features)"""
    names: list[tuple] = field(default_factory=list)
    """(id, entry_id, field, name, norm, order_free, stems)"""
    feature_terms: list[tuple] = field(default_factory=list)
    """(id, term_id, name, norm, stems)"""
    feature_links: list[tuple] = field(default_factory=list)
    """(term_id, entry_id)"""
    vocabulary: list[tuple] = field(default_factory=list)
    """(word, frequency)"""

    def add_name(self, entry_id: int, field_name: str, name: str) -> None:
        norm = normalize(name)
        if norm:
            row_id = len(self.names) + 1
            self.names.append((row_id, entry_id, field_name, name, norm, order_free_key(norm), " ".join(stems(norm))))


def _gene_identifiers(gene: tuple) -> Iterator[str]:
    _, _, _, hgnc_id, ncbi_id, ensembl_id, uniprot_ids, omim_ids, *_ = gene
    if hgnc_id:
        yield hgnc_id
    if ncbi_id:
        yield f"NCBIGene:{ncbi_id}"
    if ensembl_id:
        yield ensembl_id
    yield from uniprot_ids or []
    yield from (f"OMIM:{omim}" for omim in omim_ids or [])


def _add_genes(rows: IndexRows, using: str) -> None:
    linked = set(kb.GeneCondition.objects.using(using).values_list("gene_id", flat=True).distinct())
    genes = kb.Gene.objects.using(using).values_list(
        "id", "symbol", "name", "hgnc_id", "ncbi_gene_id", "ensembl_id", "uniprot_ids", "omim_ids",
        "protein_name", "locus_type",
    )  # fmt: skip
    entry_of = {}
    for gene in genes.iterator(chunk_size=5000):
        gene_id, symbol, name, protein_name, locus_type = gene[0], gene[1], gene[2], gene[8], gene[9]
        entry_id = len(rows.entries) + 1
        entry_of[gene_id] = entry_id
        boost = 2 if gene_id in linked else (1 if locus_type == "protein_coding" else 0)
        rows.entries.append((entry_id, "gene", symbol, symbol, boost, 0))
        rows.add_name(entry_id, "symbol", symbol)
        rows.add_name(entry_id, "name", name)
        if protein_name:
            rows.add_name(entry_id, "protein_name", protein_name)
        for identifier in _gene_identifiers(gene):
            rows.add_name(entry_id, "identifier", identifier)
    other_names = kb.GeneName.objects.using(using).values_list("gene_id", "kind", "name")
    for gene_id, kind, name in other_names.iterator(chunk_size=10000):
        rows.add_name(entry_of[gene_id], kind, name)


def _xref_names(db: str, key: str) -> Iterator[str]:
    for prefix in XREF_PREFIXES.get(db, (db,)):
        yield f"{prefix}:{key}"


def _add_conditions(rows: IndexRows, using: str) -> dict[int, int]:
    linked = set(kb.GeneCondition.objects.using(using).values_list("condition_id", flat=True).distinct())
    entry_of = {}
    for condition_id, slug, name in kb.Condition.objects.using(using).values_list("id", "slug", "name"):
        entry_id = len(rows.entries) + 1
        entry_of[condition_id] = entry_id
        rows.entries.append([entry_id, "condition", slug, name, 1 if condition_id in linked else 0, 0])
        rows.add_name(entry_id, "name", name)
    seen = set()
    other_names = kb.ConditionName.objects.using(using).values_list("condition_id", "kind", "name")
    for condition_id, kind, name in other_names.iterator(chunk_size=10000):
        if (condition_id, kind, name) not in seen:  # the same name from several sources is indexed once
            seen.add((condition_id, kind, name))
            rows.add_name(entry_of[condition_id], kind, name)
    xrefs = kb.ConditionXref.objects.using(using).values_list("condition_id", "db", "key")
    for condition_id, db, key in xrefs.iterator(chunk_size=10000):
        for identifier in _xref_names(db, key):
            rows.add_name(entry_of[condition_id], "identifier", identifier)
    return entry_of


def _add_features(rows: IndexRows, using: str, condition_entries: dict[int, int]) -> None:
    terms = kb.PhenotypeTerm.objects.using(using).filter(conditionfeature__isnull=False).distinct()
    for term_id, name, lay in terms.values_list("id", "name", "layperson_synonyms").iterator(chunk_size=5000):
        for text in dict.fromkeys([name, *(lay or [])]):
            norm = normalize(text)
            if norm:
                rows.feature_terms.append((len(rows.feature_terms) + 1, term_id, text, norm, " ".join(stems(norm))))
    links = kb.ConditionFeature.objects.using(using).values_list("term_id", "condition_id")
    rows.feature_links = [(term_id, condition_entries[cid]) for term_id, cid in links.iterator(chunk_size=20000)]


def _count_vocabulary(rows: IndexRows) -> None:
    counts: Counter[str] = Counter()
    for name in rows.names:
        if name[2] != "identifier":
            counts.update(name[6].split())
    for term in rows.feature_terms:
        counts.update(term[4].split())
    rows.vocabulary = sorted(counts.items())


def collect(using: str) -> IndexRows:
    rows = IndexRows()
    _add_genes(rows, using)
    condition_entries = _add_conditions(rows, using)
    _add_features(rows, using, condition_entries)
    _count_vocabulary(rows)
    return rows
