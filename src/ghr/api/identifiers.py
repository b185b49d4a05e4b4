"""Finding genes and conditions by any identifier people use for them.

Genes: approved symbol (any case), HGNC:397, NCBI Gene 212 (or NCBIGene:212), Ensembl ENSG00000158578 (with or
without a version), OMIM:301300, UniProt:P22557. Conditions: page slug (any case), MONDO:0020721, OMIM:300751,
Orphanet:75563 (or ORPHA:), GARD:9456, UMLS:C0221018, ICD-10:D64.0, SNOMEDCT:62677000 and the other cross-reference
databases of the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from ghr.kb.models import Condition, ConditionXref, Gene

MAX_IDENTIFIER_LENGTH = 200

# Prefixes people write, mapped to the ConditionXref.db they mean.
CONDITION_PREFIXES = {
    "OMIM": "OMIM", "MIM": "OMIM", "ORPHANET": "Orphanet", "ORPHA": "Orphanet", "GARD": "GARD", "MONDO": "MONDO",
    "UMLS": "UMLS", "CUI": "UMLS", "ICD-10": "ICD-10", "ICD10": "ICD-10", "ICD-10-CM": "ICD-10", "ICD10CM": "ICD-10",
    "SNOMEDCT": "SNOMEDCT", "SNOMED": "SNOMEDCT", "SCTID": "SNOMEDCT", "MESH": "MeSH", "DOID": "DOID",
    "MEDGEN": "MedGen", "UNIPROT": "UniProt",
}  # fmt: skip

_ENSEMBL = re.compile(r"^ENSG\d{11}(\.\d+)?$", re.IGNORECASE)
_UNIPROT = re.compile(r"^[OPQ][0-9][A-Z0-9]{3}[0-9]$|^[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2}$")


_UNUSABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def is_usable(text: str) -> bool:
    """Could this text name anything? Control characters and lone surrogates never do, and PostgreSQL refuses
    NUL in a query, so such text is answered as a miss without asking the database."""
    return bool(text) and len(text) <= MAX_IDENTIFIER_LENGTH and not _UNUSABLE.search(text)


def is_number(text: str) -> bool:
    """A gene number that fits the column: ASCII digits only ('²' and '١' are digits to Python, not to us)."""
    return text.isascii() and text.isdigit() and len(text) < 10


@dataclass(frozen=True)
class Identifier:
    prefix: str
    """Upper-case prefix before the first colon, '' when there is none."""
    value: str


def parse(text: str) -> Identifier:
    text = text.strip()
    prefix, sep, value = text.partition(":")
    if sep and prefix and value:
        return Identifier(prefix.strip().upper(), value.strip())
    return Identifier("", text)


def _by_name(queryset: QuerySet, field: str, value: str, usual: str) -> list:
    """Rows whose ``field`` equals ``value`` in any case. The exact and usual spellings (upper-case symbols,
    lower-case slugs) are tried first because they use the unique index; a case-insensitive match scans."""
    for spelling in dict.fromkeys((value, usual)):
        found = list(queryset.filter(**{field: spelling}))
        if found:
            return found
    return list(queryset.filter(**{f"{field}__iexact": value}))


def _json_list_has(queryset: QuerySet, field: str, value: str) -> list:
    # JSON "contains" is not available on SQLite: narrow with a text match, then check exactly in Python.
    candidates = queryset.filter(**{f"{field}__icontains": value})
    return [row for row in candidates if value in (getattr(row, field) or [])]


_NCBI_PREFIXES = {"NCBIGENE", "NCBI", "ENTREZ", "GENEID", "NCBI_GENE"}


def _genes_by_prefix(queryset: QuerySet, ident: Identifier) -> list:
    value = ident.value
    if ident.prefix in _NCBI_PREFIXES:
        return list(queryset.filter(ncbi_gene_id=int(value))) if is_number(value) else []
    if ident.prefix in {"OMIM", "MIM"}:
        return _json_list_has(queryset, "omim_ids", value)
    if ident.prefix == "UNIPROT":
        return _json_list_has(queryset, "uniprot_ids", value.upper())
    exact = {
        "HGNC": {"hgnc_id": f"HGNC:{value}"},
        "ENSEMBL": {"ensembl_id__iexact": value.split(".")[0]},
        "SYMBOL": {"symbol__iexact": value},
    }.get(ident.prefix)
    return list(queryset.filter(**exact)) if exact else []


def find_genes(text: str, queryset: QuerySet | None = None) -> list[Gene]:
    """Genes the identifier names exactly (usually one; none when unknown)."""
    queryset = Gene.objects.all() if queryset is None else queryset
    if not is_usable(text):
        return []
    ident = parse(text)
    if ident.prefix:
        return _genes_by_prefix(queryset, ident)
    value = ident.value
    if value.isascii() and value.isdigit():
        return list(queryset.filter(ncbi_gene_id=int(value))) if is_number(value) else []
    if _ENSEMBL.match(value):
        return list(queryset.filter(ensembl_id__iexact=value.split(".")[0]))
    found = _by_name(queryset, "symbol", value, value.upper())
    if not found and _UNIPROT.match(value.upper()):
        found = _json_list_has(queryset, "uniprot_ids", value.upper())
    return found


def _conditions_by_xref(queryset: QuerySet, db: str, key: str) -> list:
    keys = {key}
    if db in {"MONDO", "GARD"}:
        # MONDO and GARD numbers are written with and without leading zeros.
        keys |= {key.lstrip("0"), key.zfill(7)}
    if db in {"UMLS", "MeSH", "ICD-10"}:
        keys.add(key.upper())
    ids = ConditionXref.objects.filter(db=db, key__in=keys).values_list("condition_id", flat=True)
    found = list(queryset.filter(id__in=list(ids)))
    if not found and db == "MONDO":
        found = list(queryset.filter(mondo_id__in=[f"MONDO:{k}" for k in keys]))
    return found


def find_conditions(text: str, queryset: QuerySet | None = None) -> list[Condition]:
    queryset = Condition.objects.all() if queryset is None else queryset
    if not is_usable(text):
        return []
    ident = parse(text)
    db = CONDITION_PREFIXES.get(ident.prefix)
    if db:
        return _conditions_by_xref(queryset, db, ident.value)
    if ident.prefix:
        return []
    return _by_name(queryset, "slug", ident.value, ident.value.lower())


def gene_by_symbol(symbol: str, queryset: QuerySet | None = None) -> Gene | None:
    queryset = Gene.objects.all() if queryset is None else queryset
    found = _by_name(queryset, "symbol", symbol, symbol.upper()) if is_usable(symbol) else []
    return found[0] if found else None


def condition_by_slug(slug: str, queryset: QuerySet | None = None) -> Condition | None:
    """By ghr's slug, else by the address MedlinePlus Genetics gives the condition (22q112-deletion-syndrome)."""
    queryset = Condition.objects.all() if queryset is None else queryset
    if not is_usable(slug):
        return None
    found = _by_name(queryset, "slug", slug, slug.lower()) or _by_name(queryset, "nlm_slug", slug, slug.lower())
    return found[0] if found else None
