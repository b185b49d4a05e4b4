"""The rows of the search index, read from the knowledge base in a few bulk queries.

Every page that can be found is an *entry* (a gene, a condition or a gene family); every way of naming it is a
*name* row (symbol, previous symbol, alias, synonym, acronym, identifier such as OMIM:300751). Features (HPO terms and
their everyday synonyms) are indexed once per term and linked to the conditions that have them. The vocabulary
(every indexed word, for typo correction) is counted by the backend from its own full-text tables.

Reads go through plain SQL cursors on the models' tables: the full build has about 400,000 rows to read, and
model instances or per-row field converters would cost several seconds.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connections

from ghr.kb import models as kb
from ghr.search.everyday import condition_phrases
from ghr.search.text import ASCII_SPACES, normalize, order_free_key, stems

# Identifier prefixes people type, by the database name ConditionXref stores.
XREF_PREFIXES = {"Orphanet": ("ORPHA", "Orphanet"), "MedGen": ("MedGen",), "UMLS": ("UMLS",)}


@dataclass
class IndexRows:
    entries: list[list] = field(default_factory=list)
    """[id, kind, key, label, boost, features]"""
    names: list[tuple] = field(default_factory=list)
    """(id, entry_id, field, name, norm, order_free, stems)"""
    feature_terms: list[tuple] = field(default_factory=list)
    """(id, term_id, name, norm, stems)"""
    feature_links: list[tuple] = field(default_factory=list)
    """(term_id, entry_id, how characteristic: 0 very rare .. 5 always; 2 when HPO gives no frequency)"""
    gene_links: list[tuple] = field(default_factory=list)
    """(condition entry_id, gene entry_id, kind: 0 causes, 1 raises the risk, 2 changed in tumour cells, rank)"""
    unmatched_everyday: list[str] = field(default_factory=list)
    """Names in the team's everyday list (ghr.search.everyday) that no condition of this build has."""

    def add_identifier(self, entry_id: int, identifier: str, field_name: str = "identifier") -> None:
        """Identifiers and bands are ASCII codes (OMIM:300751, ENSG00000158578, 7q31.2): matched whole or by
        prefix, never word by word, so they skip the word forms."""
        norm = " ".join(identifier.lower().translate(ASCII_SPACES).split()) if identifier.isascii() else ""
        if norm:
            self.names.append((len(self.names) + 1, entry_id, field_name, identifier, norm, "", ""))

    def add_name(self, entry_id: int, field_name: str, name: str) -> None:
        norm = normalize(name)
        if not norm:
            return
        row_id = len(self.names) + 1
        words = stems(norm)
        self.names.append((row_id, entry_id, field_name, name, norm, order_free_key(norm, words), " ".join(words)))


def _rows(using: str, model, columns: str, where: str = "") -> Iterator[tuple]:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {model._meta.db_table} {where}")
        while batch := cursor.fetchmany(10000):
            yield from batch


def _json_list(value) -> list:
    # SQLite hands JSON columns back as text, PostgreSQL as Python lists.
    if isinstance(value, str):
        return json.loads(value) if value not in ("", "[]") else []
    return value or []


def _linked(using: str, column: str) -> set[int]:
    return {row[0] for row in _rows(using, kb.GeneCondition, f"DISTINCT {column}")}


def _gene_identifiers(hgnc_id, ncbi_id, ensembl_id, uniprot_ids, omim_ids) -> Iterator[str]:
    if hgnc_id:
        yield hgnc_id
    if ncbi_id:
        yield f"NCBIGene:{ncbi_id}"
    if ensembl_id:
        yield ensembl_id
    yield from _json_list(uniprot_ids)
    yield from (f"OMIM:{omim}" for omim in _json_list(omim_ids))


CHROMOSOME_AT_START = re.compile(r"^(?:\d{1,2}|X|Y)")


def _bands(location: str) -> Iterator[str]:
    """'7q31.2' -> 7q31.2; '7q31.1-q31.2' -> 7q31.1 and 7q31.2: a gene spanning two bands is found by either;
    'Xp22.3 and Yp11.3' -> both."""
    for place in location.split(" and "):
        first, _, second = place.strip().partition("-")
        yield first
        chromosome = CHROMOSOME_AT_START.match(first)
        if second:
            yield second if CHROMOSOME_AT_START.match(second) or not chromosome else chromosome.group(0) + second


def _add_genes(rows: IndexRows, using: str) -> dict[int, int]:
    linked = _linked(using, "gene_id")
    columns = (
        "id, symbol, name, protein_name, locus_type, cytogenetic_location, hgnc_id, ncbi_gene_id, ensembl_id, "
        "uniprot_ids, omim_ids"
    )
    entry_of = {}
    for gene_id, symbol, name, protein_name, locus_type, location, *identifiers in _rows(using, kb.Gene, columns):
        entry_id = len(rows.entries) + 1
        entry_of[gene_id] = entry_id
        boost = 2 if gene_id in linked else (1 if locus_type == "protein_coding" else 0)
        rows.entries.append([entry_id, "gene", symbol, symbol, boost, 0])
        rows.add_name(entry_id, "symbol", symbol)
        rows.add_name(entry_id, "name", name)
        if protein_name:
            rows.add_name(entry_id, "protein_name", protein_name)
        for identifier in _gene_identifiers(*identifiers):
            rows.add_identifier(entry_id, identifier)
        for band in dict.fromkeys(_bands(location)) if location else ():
            rows.add_identifier(entry_id, band, "band")
    for gene_id, kind, name in _rows(using, kb.GeneName, "gene_id, kind, name"):
        rows.add_name(entry_of[gene_id], kind, name)
        # HGNC's older names add a family after a comma ("cystic fibrosis transmembrane conductance regulator,
        # ATP-binding cassette (sub-family C, member 7)"); people type the part before it.
        head = name.split(", ", 1)[0]
        if kind in ("previous_name", "alias_name") and head != name and len(head.split()) >= 2:
            rows.add_name(entry_of[gene_id], kind, head)
    return entry_of


def _xref_names(db: str, key: str) -> Iterator[str]:
    for prefix in XREF_PREFIXES.get(db, (db,)):
        yield f"{prefix}:{key}"


def _add_conditions(rows: IndexRows, using: str) -> dict[int, int]:
    linked = _linked(using, "condition_id")
    entry_of = {}
    for condition_id, slug, name in _rows(using, kb.Condition, "id, slug, name"):
        entry_id = len(rows.entries) + 1
        entry_of[condition_id] = entry_id
        rows.entries.append([entry_id, "condition", slug, name, 1 if condition_id in linked else 0, 0])
        rows.add_name(entry_id, "name", name)
    # The same name from several sources is indexed once.
    for condition_id, kind, name in _rows(using, kb.ConditionName, "DISTINCT condition_id, kind, name"):
        rows.add_name(entry_of[condition_id], kind, name)
    for condition_id, db, key in _rows(using, kb.ConditionXref, "condition_id, db, key"):
        for identifier in _xref_names(db, key):
            rows.add_identifier(entry_of[condition_id], identifier)
    return entry_of


def _add_families(rows: IndexRows, using: str) -> None:
    """Gene families with a page (HGNC groups of two genes or more: the build gives only those an address), found
    by their name."""
    for name, slug in _rows(using, kb.GeneGroup, "name, slug", "WHERE slug IS NOT NULL"):
        entry_id = len(rows.entries) + 1
        rows.entries.append([entry_id, "gene-family", slug, name, 0, 0])
        rows.add_name(entry_id, "name", name)


def _add_features(rows: IndexRows, using: str, condition_entries: dict[int, int]) -> None:
    feature_table = kb.ConditionFeature._meta.db_table
    used_terms = f"WHERE id IN (SELECT term_id FROM {feature_table})"
    for term_id, name, lay in _rows(using, kb.PhenotypeTerm, "id, name, layperson_synonyms", used_terms):
        for text in dict.fromkeys([name, *_json_list(lay)]):
            norm = normalize(text)
            if norm:
                rows.feature_terms.append((len(rows.feature_terms) + 1, term_id, text, norm, " ".join(stems(norm))))
    links = _rows(using, kb.ConditionFeature, "term_id, condition_id, frequency")
    for term_id, condition_id, frequency in links:
        score = frequency_score(frequency)
        if score is not None:
            rows.feature_links.append((term_id, condition_entries[condition_id], score))
    # How many features each condition has: one feature among five says more about a condition than among 200.
    per_entry = Counter(link[1] for link in rows.feature_links)
    for entry in rows.entries:
        if entry[1] == "condition":
            entry[5] = per_entry[entry[0]]


# HPO frequency terms: obligate, very frequent, frequent, occasional, very rare, excluded.
HPO_FREQUENCY = {
    "HP:0040280": 5,
    "HP:0040281": 4,
    "HP:0040282": 3,
    "HP:0040283": 1,
    "HP:0040284": 0,
    "HP:0040285": None,
}


def frequency_score(frequency: str) -> int | None:
    """How characteristic a feature is of a condition, from HPO's frequency ('HP:0040281', '3/5' or '40%'):
    5 for always down to 0 for very rare; 2 when unknown; None when the feature is excluded (never seen)."""
    if not frequency:
        return 2
    if frequency in HPO_FREQUENCY:
        return HPO_FREQUENCY[frequency]
    try:
        if "/" in frequency:
            seen, total = (int(part) for part in frequency.split("/", 1))
            share = seen / total
        else:
            share = float(frequency.rstrip("%")) / 100
    except (ValueError, ZeroDivisionError):
        return 2
    if share <= 0:
        return None
    return 5 if share >= 1 else 4 if share >= 0.8 else 3 if share >= 0.3 else 1 if share >= 0.05 else 0


EVERYDAY_FIELDS = frozenset({"name", "synonym", "consumer", "source_name"})
MOST_CONDITIONS_PER_NAME = 3
"""An other name shared by more conditions than this ("Atrial septal defect" for each type) is too vague to give
an everyday phrase to: the phrase goes to none of them and is reported as unmatched."""


class _ConditionsByName:
    """Condition entries by normalized name: the preferred name first, other names when no preferred one fits."""

    def __init__(self, rows: IndexRows, condition_entries: set[int]):
        self.preferred: dict[str, list[int]] = defaultdict(list)
        self.other: dict[str, list[int]] = defaultdict(list)
        for _, entry_id, field_name, _, norm, _, _ in rows.names:
            if entry_id in condition_entries and field_name in EVERYDAY_FIELDS:
                named = self.preferred if field_name == "name" else self.other
                if entry_id not in named[norm]:
                    named[norm].append(entry_id)

    def named(self, name: str) -> list[int]:
        norm = normalize(name)
        if norm in self.preferred:
            return self.preferred[norm]
        others = self.other.get(norm, [])
        return others if len(others) <= MOST_CONDITIONS_PER_NAME else []


def _add_everyday_names(rows: IndexRows, using: str, condition_entries: dict[int, int]) -> None:
    """The team's everyday phrases, and HPO's layperson synonyms of a term named like a condition ("Water on the
    brain" for Hydrocephalus), as other names of the conditions; the term's HPO ID as one of their identifiers."""
    conditions = _ConditionsByName(rows, set(condition_entries.values()))
    for phrase, names in condition_phrases().items():
        entries: dict[int, None] = {}
        for name in names:
            found = conditions.named(name)
            if not found:
                rows.unmatched_everyday.append(name)
            entries.update(dict.fromkeys(found))
        for entry_id in entries:
            rows.add_name(entry_id, "everyday", phrase)
    for hpo_id, name, lay in _rows(using, kb.PhenotypeTerm, "hpo_id, name, layperson_synonyms"):
        for entry_id in conditions.named(name):
            rows.add_identifier(entry_id, hpo_id)
            for text in _json_list(lay):
                rows.add_name(entry_id, "everyday", text)


# The links that answer "which gene causes ...": the kinds of ghr.kb.models.GeneConditionLink, best first.
GENE_LINK_KINDS = {"causes": 0, "risk": 1, "somatic": 2}


def _add_gene_links(rows: IndexRows, using: str, gene_entries: dict[int, int], condition_entries: dict[int, int]):
    kinds = ", ".join(f"'{kind}'" for kind in GENE_LINK_KINDS)
    links = _rows(using, kb.GeneConditionLink, "condition_id, gene_id, kind, rank", f"WHERE kind IN ({kinds})")
    for condition_id, gene_id, kind, rank in links:
        rows.gene_links.append((condition_entries[condition_id], gene_entries[gene_id], GENE_LINK_KINDS[kind], rank))


def collect(using: str) -> IndexRows:
    rows = IndexRows()
    gene_entries = _add_genes(rows, using)
    condition_entries = _add_conditions(rows, using)
    _add_everyday_names(rows, using, condition_entries)
    _add_features(rows, using, condition_entries)
    _add_gene_links(rows, using, gene_entries, condition_entries)
    _add_families(rows, using)
    return rows
