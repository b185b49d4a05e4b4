"""Looking up many identifiers at once, in a handful of queries rather than one per identifier."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db.models.functions import Lower

from ghr.api import identifiers
from ghr.api.http import ApiError
from ghr.kb.models import Condition, Gene

MAX_BATCH = 1000


def read_ids(request) -> list[str]:
    """The identifiers of a batch body: {"ids": [...]} (or a bare list), 1 to 1,000 strings."""
    try:
        raw = request.body
    except RequestDataTooBig:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = f"The body is over {limit:,} bytes; send at most {MAX_BATCH} identifiers."
        raise ApiError(413, "body_too_large", message) from None
    try:
        body = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(400, "bad_json", f"The body is not JSON: {error}.") from error
    except RecursionError:
        raise ApiError(400, "bad_json", "The body is JSON nested too deeply.") from None
    ids = body.get("ids") if isinstance(body, dict) else body
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ApiError(400, "bad_body", 'Send {"ids": ["ALAS2", "HGNC:3647", ...]}: a list of identifier strings.')
    if not ids:
        raise ApiError(400, "bad_body", "The list of identifiers is empty.")
    too_long = [i for i in ids if len(i) > identifiers.MAX_IDENTIFIER_LENGTH]
    if too_long:
        raise ApiError(400, "bad_body", f"Identifiers are at most {identifiers.MAX_IDENTIFIER_LENGTH} characters long.")
    if len(ids) > MAX_BATCH:
        raise ApiError(400, "too_many_identifiers", f"At most {MAX_BATCH} identifiers per batch; got {len(ids)}.")
    return ids


def _add(group: dict[str, list[str]], key: str, text: str) -> None:
    texts = group.setdefault(key, [])
    if text not in texts:  # the same identifier sent twice is answered twice but looked up once
        texts.append(text)


def _gene_keys(ids: list[str]) -> dict[str, dict[str, list[str]]]:
    """Identifiers grouped by the column that answers them in one query."""
    groups: dict[str, dict[str, list[str]]] = {"symbol": {}, "hgnc": {}, "ncbi": {}, "ensembl": {}, "other": {}}
    for text in ids:
        ident = identifiers.parse(text)
        value = ident.value
        if not identifiers.is_usable(text):
            continue
        if ident.prefix == "HGNC":
            _add(groups["hgnc"], f"HGNC:{value}", text)
        elif (not ident.prefix or ident.prefix in {"NCBIGENE", "NCBI", "ENTREZ", "GENEID"}) and value.isdigit():
            _add(groups["ncbi"], str(int(value)) if identifiers.is_number(value) else "-1", text)
        elif not ident.prefix and value.upper().startswith("ENSG"):
            _add(groups["ensembl"], value.split(".")[0].upper(), text)
        elif not ident.prefix or ident.prefix == "SYMBOL":
            _add(groups["symbol"], value.lower(), text)
        else:
            _add(groups["other"], text, text)
    return groups


def resolve_genes(ids: list[str]) -> dict[str, list[int]]:
    """Identifier -> ids of the genes it names."""
    found: dict[str, list[int]] = {text: [] for text in ids}
    groups = _gene_keys(ids)
    lookups = [
        ("symbol", Gene.objects.annotate(key=Lower("symbol")).filter(key__in=list(groups["symbol"]))),
        ("hgnc", Gene.objects.filter(hgnc_id__in=list(groups["hgnc"]))),
        ("ncbi", Gene.objects.filter(ncbi_gene_id__in=[int(k) for k in groups["ncbi"] if k != "-1"])),
        ("ensembl", Gene.objects.filter(ensembl_id__in=list(groups["ensembl"]))),
    ]
    columns = {"symbol": "key", "hgnc": "hgnc_id", "ncbi": "ncbi_gene_id", "ensembl": "ensembl_id"}
    for group, queryset in lookups:
        for gene_id, key in queryset.values_list("id", columns[group]):
            for text in groups[group].get(str(key) if group != "symbol" else key, []):
                if gene_id not in found[text]:
                    found[text].append(gene_id)
    for text in groups["other"]:
        found[text] = [gene.id for gene in identifiers.find_genes(text)]
    return found


def resolve_conditions(ids: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {text: [] for text in ids}
    slugs: dict[str, list[str]] = {}
    for text in ids:
        ident = identifiers.parse(text)
        if not identifiers.is_usable(text):
            continue
        if ident.prefix:
            found[text] = [c.id for c in identifiers.find_conditions(text)]
        else:
            slugs.setdefault(text.strip().lower(), []).append(text)
    rows = Condition.objects.annotate(key=Lower("slug")).filter(key__in=list(slugs)).values_list("id", "key")
    for condition_id, key in rows:
        for text in slugs.get(key, []):
            if condition_id not in found[text]:
                found[text].append(condition_id)
    return found


def records_by_id(load, wanted: set[int], build) -> dict[int, dict]:
    """Records of the wanted ids, read in slices that stay under every database's parameter limit."""
    rows: dict[int, dict] = {}
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        for row in load(ordered[start : start + 500]):
            rows[row.id] = build(row)
    return rows


def answer(ids: list[str], resolved: dict[str, list[int]], records: dict[int, dict]) -> dict:
    results = []
    missing = []
    for text in ids:
        matches = [records[i] for i in resolved.get(text, []) if i in records]
        results.append({"id": text, "found": bool(matches), "records": matches})
        if not matches:
            missing.append(text)
    return {"requested": len(ids), "found": len(ids) - len(missing), "missing": missing, "results": results}
