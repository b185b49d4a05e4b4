"""The OpenAPI 3.1 description of /api/v1, published at /api/openapi.json and rendered at /api/docs.

It is the contract the tests hold the API to: every response of every operation is validated against it.
"""

from __future__ import annotations

from typing import Any

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
SOURCE_KEY = {"type": "string", "description": "Key of the release in the record's `sources` map."}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict[str, Any], optional: tuple[str, ...] = (), description: str = "") -> dict:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
    }
    if description:
        schema["description"] = description
    return schema


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def page_of(item: str) -> dict:
    return obj(
        {
            "items": array(ref(item)),
            "page": INTEGER,
            "per_page": INTEGER,
            "total": INTEGER,
            "pages": INTEGER,
            "next": NULLABLE_STRING,
            "previous": NULLABLE_STRING,
        },
        description="One page of a list; `next` and `previous` are the paths of the neighbouring pages.",
    )


def _sourced(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict:
    return obj({**properties, "source": SOURCE_KEY}, optional)


SCHEMAS: dict[str, Any] = {
    "Error": obj({"error": obj({"code": STRING, "message": STRING})}),
    "Release": obj({"key": STRING, "name": STRING, "version": STRING, "licence": STRING, "url": STRING}),
    "Sources": {
        "type": "object",
        "additionalProperties": ref("Release"),
        "description": "Every release the record cites, by key.",
    },  # fmt: skip
    "Text": obj(
        {
            "role": STRING,
            "html": {"type": "string", "description": "An HTML fragment."},
            "source": {"type": "string", "description": "'editorial' for editors' texts, else a release key."},
            "reviewed": {"type": ["string", "null"], "format": "date"},
            "published": {"type": ["string", "null"], "format": "date"},
            "references": array({"type": "integer", "description": "PubMed ID"}),
            "citations": array(
                {
                    "type": "object",
                    "description": "A source of an editor's text, written out in full; pmid and nbk only where known.",
                    "required": ["authors", "year", "title", "journal"],
                    "properties": {
                        "authors": STRING,
                        "year": INTEGER,
                        "title": STRING,
                        "journal": STRING,
                        "pmid": INTEGER,
                        "nbk": STRING,
                        "doi": STRING,
                    },
                }
            ),
        }
    ),
    "OtherName": _sourced({"name": STRING, "kind": STRING}),
    "Reference": _sourced({"pmid": INTEGER}),
    "GeneBrief": obj(
        {
            "kind": {"const": "gene"},
            "symbol": STRING,
            "name": STRING,
            "hgnc_id": NULLABLE_STRING,
            "chromosome": NULLABLE_STRING,
            "cytogenetic_location": NULLABLE_STRING,
            "url": STRING,
            "api_url": STRING,
            "matched_by": STRING,
        },
        optional=("matched_by",),
    ),
    "GeneLocation": _sourced(
        {
            "assembly": STRING,
            "chromosome": STRING,
            "start": INTEGER,
            "end": INTEGER,
            "strand": {"enum": ["+", "-"]},
            "release": STRING,
            "transcript": NULLABLE_STRING,
            "band_from_coordinates": NULLABLE_STRING,
            "band_agrees": {"type": ["boolean", "null"]},
        }
    ),  # fmt: skip
    "Gene": obj(
        {
            "kind": {"const": "gene"},
            "symbol": STRING,
            "name": STRING,
            "url": STRING,
            "identifiers": _sourced(
                {
                    "hgnc_id": NULLABLE_STRING,
                    "ncbi_gene_id": NULLABLE_INTEGER,
                    "ensembl_id": NULLABLE_STRING,
                    "refseq_accession": NULLABLE_STRING,
                    "uniprot_ids": array(STRING),
                    "omim_ids": array(STRING),
                }
            ),  # fmt: skip
            "locus_type": NULLABLE_STRING,
            "chromosome": NULLABLE_STRING,
            "cytogenetic_location": NULLABLE_STRING,
            "protein_name": NULLABLE_STRING,
            "core_source": SOURCE_KEY,
            "location": {"oneOf": [ref("GeneLocation"), {"type": "null"}]},
            "other_names": array(ref("OtherName")),
            "conditions": array(_sourced({"slug": STRING, "name": STRING, "url": STRING, "evidence": STRING})),
            "function_terms": array(
                _sourced(
                    {"go_id": STRING, "name": STRING, "ontology": {"enum": ["BP", "MF", "CC"]}, "evidence": STRING}
                )
            ),
            "references": array(ref("Reference")),
            "families": array(
                _sourced({"hgnc_group_id": INTEGER, "slug": STRING, "name": STRING, "url": STRING, "api_url": STRING})
            ),
            "texts": array(ref("Text")),
            "sources": ref("Sources"),
        }
    ),
    "ConditionBrief": obj(
        {
            "kind": {"const": "condition"},
            "slug": STRING,
            "name": STRING,
            "mondo_id": NULLABLE_STRING,
            "url": STRING,
            "api_url": STRING,
            "matched_by": STRING,
        },
        optional=("matched_by",),
    ),
    "RelatedCondition": _sourced({"slug": STRING, "name": STRING, "url": STRING}),
    "Condition": obj(
        {
            "kind": {"const": "condition"},
            "slug": STRING,
            "name": STRING,
            "name_source": SOURCE_KEY,
            "url": STRING,
            "mondo_id": NULLABLE_STRING,
            "other_names": array(ref("OtherName")),
            "xrefs": array(_sourced({"db": STRING, "key": STRING})),
            "inheritance": array(_sourced({"code": STRING, "name": STRING, "evidence": STRING})),
            "facts": array(_sourced({"kind": STRING, "value": STRING})),
            "genes": array(_sourced({"symbol": STRING, "name": STRING, "url": STRING, "evidence": STRING})),
            "parents": array(ref("RelatedCondition")),
            "children": array(ref("RelatedCondition")),
            "references": array(ref("Reference")),
            "texts": array(ref("Text")),
            "sources": ref("Sources"),
        }
    ),
    "Band": _sourced({"name": STRING, "start": INTEGER, "end": INTEGER, "stain": STRING}),
    "Chromosome": obj(
        {
            "kind": {"const": "chromosome"},
            "name": STRING,
            "url": STRING,
            "api_url": STRING,
            "length_bp": INTEGER,
            "gene_count": INTEGER,
            "source": SOURCE_KEY,
            "bands": array(ref("Band")),
            "sources": ref("Sources"),
        },
        optional=("bands",),
    ),
    "ChromosomeList": obj({"items": array(ref("Chromosome")), "total": INTEGER}),
    "GlossaryTerm": obj(
        {
            "kind": {"const": "glossary"},
            "slug": STRING,
            "term": STRING,
            "html": STRING,
            "synonyms": array(STRING),
            "url": STRING,
            "api_url": STRING,
            "reviewed": {"type": ["string", "null"], "format": "date"},
            "published": {"type": ["string", "null"], "format": "date"},
            "source": STRING,
            "sources": ref("Sources"),
        }
    ),
    "GenePage": page_of("GeneBrief"),
    "ConditionPage": page_of("ConditionBrief"),
    "GlossaryPage": page_of("GlossaryTerm"),
    "GeneFamilyBrief": obj(
        {
            "kind": {"const": "gene_family"},
            "hgnc_group_id": INTEGER,
            "slug": STRING,
            "name": STRING,
            "gene_count": INTEGER,
            "url": STRING,
            "api_url": STRING,
        },
        description="One of HGNC's gene groups with at least two genes.",
    ),
    "GeneFamilyPage": page_of("GeneFamilyBrief"),
    "GeneFamilyCondition": obj({"slug": STRING, "name": STRING, "link": STRING, "api_url": STRING}),
    "GeneFamilyGene": obj(
        {
            "symbol": STRING,
            "name": STRING,
            "url": STRING,
            "api_url": STRING,
            "conditions": array(ref("GeneFamilyCondition")),
        }
    ),  # fmt: skip
    "GeneFamily": obj(
        {
            "kind": {"const": "gene_family"},
            "hgnc_group_id": INTEGER,
            "slug": STRING,
            "name": STRING,
            "gene_count": INTEGER,
            "url": STRING,
            "api_url": STRING,
            "description": {"type": "string", "description": "What the family is, in a plain sentence (by the build)."},
            "source": SOURCE_KEY,
            "genes": array(ref("GeneFamilyGene")),
            "sources": ref("Sources"),
        }
    ),
    "BatchRequest": obj(
        {"ids": {"type": "array", "items": {"type": "string", "maxLength": 200}, "minItems": 1, "maxItems": 1000}}
    ),
    "GeneBatch": obj(
        {
            "requested": INTEGER,
            "found": INTEGER,
            "missing": array(STRING),
            "results": array(obj({"id": STRING, "found": {"type": "boolean"}, "records": array(ref("Gene"))})),
        }
    ),
    "ConditionBatch": obj(
        {
            "requested": INTEGER,
            "found": INTEGER,
            "missing": array(STRING),
            "results": array(obj({"id": STRING, "found": {"type": "boolean"}, "records": array(ref("Condition"))})),
        }
    ),
    "Lookup": obj(
        {"id": STRING, "matches": array({"oneOf": [ref("GeneBrief"), ref("ConditionBrief")]})},
        description="Every gene and condition the identifier names.",
    ),
    "ReleaseInfo": obj(
        {
            "build_id": NULLABLE_STRING,
            "finished_at": NULLABLE_STRING,
            "ghr_version": NULLABLE_STRING,
            "counts": {"type": "object"},
            "texts_release": NULLABLE_STRING,
            "chromosomes": INTEGER,
            "sources": array(ref("Release")),
        }
    ),
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}


def _ok(schema: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


COMMON_ERRORS = {"429": _error("Too many requests from this address; see Retry-After.")}
NOT_MODIFIED = {"304": {"description": "Not modified since the ETag or date given."}}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or STRING}


def _path(name: str, description: str, example: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": STRING,
            "example": example}  # fmt: skip


PAGING = [
    _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 100_000_000}),
    _query("per_page", "Items per page, 1-500 (default 50).", {"type": "integer", "minimum": 1, "maximum": 500}),
]
INHERITANCE = _query(
    "inheritance",
    "Inheritance pattern code: ad, ar, xd, xr, x, m, y, ac, n or u.",
    {"enum": ["ad", "ar", "xd", "xr", "x", "m", "y", "ac", "n", "u"]},
)
BOOLEAN = {"enum": ["true", "false"]}
SHORT = {"type": "string", "maxLength": 40}
IDENTIFIER = {"type": "string", "minLength": 1, "maxLength": 200}


def _get(summary: str, schema: str, parameters: list | None = None, errors: dict | None = None) -> dict:
    responses = {"200": _ok(schema, summary), **NOT_MODIFIED, **(errors or {}), **COMMON_ERRORS}
    return {"get": {"summary": summary, "parameters": parameters or [], "responses": responses}}


def _batch(kind: str, schema: str) -> dict:
    return {
        "post": {
            "summary": f"Look up to 1,000 {kind} identifiers at once; misses are reported per identifier.",
            "requestBody": {"required": True, "content": {"application/json": {"schema": ref("BatchRequest")}}},
            "responses": {
                "200": _ok(schema, "One result per identifier, in the order sent."),
                "400": _error("The body is not a list of 1 to 1,000 identifier strings."),
                **COMMON_ERRORS,
            },
        }
    }


BAD = {"400": _error("A parameter is not valid.")}
MISSING = {"404": _error("Nothing has that identifier.")}
AMBIGUOUS = {"409": _error("The identifier names more than one record.")}


def _paths() -> dict:
    gene_id = _path("ident", "Symbol (any case), HGNC:397, NCBI Gene 212, ENSG…, OMIM:…, UniProt:…", "ALAS2")
    condition_id = _path("ident", "Slug, MONDO:…, OMIM:…, Orphanet:…, GARD:…, UMLS:…, ICD-10:…", "MONDO:0020721")
    return {
        "/api/v1/genes": _get(
            "Genes, by symbol, with filters.",
            "GenePage",
            [
                *PAGING,
                _query("chromosome", "Chromosome as HGNC gives it, e.g. X."),
                _query("band", "Start of the cytogenetic location, e.g. Xp11."),
                INHERITANCE,
                _query("has_condition", "Only genes linked (true) or not linked (false) to a condition.", BOOLEAN),
            ],
            BAD,
        ),  # fmt: skip
        "/api/v1/genes/batch": _batch("gene", "GeneBatch"),
        "/api/v1/genes/{ident}": _get("One gene by any identifier.", "Gene", [gene_id], {**MISSING, **AMBIGUOUS}),
        "/api/v1/conditions": _get(
            "Conditions, by name, with filters.",
            "ConditionPage",
            [
                *PAGING,
                INHERITANCE,
                _query("gene", "Only conditions linked to this gene symbol.", SHORT),
                _query("has_gene", "Only conditions with (true) or without (false) a linked gene.", BOOLEAN),
            ],
            BAD,
        ),  # fmt: skip
        "/api/v1/conditions/batch": _batch("condition", "ConditionBatch"),
        "/api/v1/conditions/{ident}": _get(
            "One condition by any identifier.", "Condition", [condition_id], {**MISSING, **AMBIGUOUS}
        ),
        "/api/v1/chromosomes": _get("Every chromosome, with its length and gene count.", "ChromosomeList"),
        "/api/v1/chromosomes/{name}": _get(
            "One chromosome with its bands.", "Chromosome", [_path("name", "1-22, X, Y or MT.", "X")], MISSING
        ),
        "/api/v1/gene-families": _get(
            "Gene families (HGNC gene groups of two genes or more), by name.", "GeneFamilyPage", PAGING, BAD
        ),
        "/api/v1/gene-families/{ident}": _get(
            "One gene family, by HGNC group number or address, with its genes and their conditions.",
            "GeneFamily",
            [_path("ident", "HGNC's group number or the family's slug.", "hemoglobin-subunits")],
            MISSING,
        ),  # fmt: skip
        "/api/v1/glossary": _get("Glossary terms, alphabetically.", "GlossaryPage", PAGING, BAD),
        "/api/v1/glossary/{slug}": _get(
            "One glossary term.", "GlossaryTerm", [_path("slug", "The term's slug.", "heme")], MISSING
        ),
        "/api/v1/lookup": _get(
            "Every gene and condition an identifier names.",
            "Lookup",
            [{**_query("id", "Any identifier, e.g. HGNC:397 or OMIM:300751.", IDENTIFIER), "required": True}],
            BAD,
        ),  # fmt: skip
        "/api/v1/release": _get("The knowledge base release and the source releases it was built from.", "ReleaseInfo"),
    }


def spec(server_url: str = "") -> dict:
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "ghr data API",
            "version": "1.0.0",
            "summary": "Genes, genetic conditions, chromosomes and glossary terms of Genetics Home Reference.",
            "description": (
                "Every fact names the release it comes from: each record has a `sources` map, and each fact a "
                '`source` key into it. Errors are JSON `{"error": {"code", "message"}}`. Reads are open to '
                "every origin (CORS); responses carry ETag and Last-Modified and answer 304 to conditional "
                "requests; each client address has a request budget, and going over it gives 429 with Retry-After."
            ),
            "license": {"name": "Data: see each release's licence; texts CC BY 4.0"},
        },
        "paths": _paths(),
        "components": {"schemas": SCHEMAS},
    }
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
