"""/api/v1: genes, conditions, chromosomes and glossary terms as typed JSON records."""

from __future__ import annotations

from ghr.api import batch, families, identifiers, narrative, queries, records
from ghr.api.http import ApiError, api_view, json_response
from ghr.api.paging import Page
from ghr.api.texts import PreloadedTexts, TextLookup, editorial_module, texts_release
from ghr.kb.models import BuildInfo, Chromosome, Condition, CytoBand, Gene, GeneGroup, SourceRelease

INHERITANCE_CODES = {"ad", "ar", "xd", "xr", "x", "m", "y", "ac", "n", "u"}


def _flag(request, name: str) -> bool | None:
    if name not in request.GET:
        return None
    text = request.GET[name]
    if text in {"true", "false"}:
        return text == "true"
    raise ApiError(400, "bad_parameter", f"{name} must be true or false, not {text!r}.")


def _inheritance(request) -> str:
    code = request.GET.get("inheritance")
    if code is None:
        return ""
    if code not in INHERITANCE_CODES:
        raise ApiError(400, "bad_parameter", f"inheritance must be one of {', '.join(sorted(INHERITANCE_CODES))}.")
    return code


def _text_param(request, name: str, longest: int = 40) -> str:
    value = request.GET.get(name, "")
    if len(value) > longest:
        raise ApiError(400, "bad_parameter", f"{name} is longer than {longest} characters.")
    return value.strip()


def _matches_nothing(*values: str) -> bool:
    # Control characters name nothing (and PostgreSQL refuses NUL in a query): such a filter simply finds nothing.
    return any(value and not identifiers.is_usable(value) for value in values)


def _filtered_genes(request):
    genes = Gene.objects.all()
    chromosome = _text_param(request, "chromosome")
    if chromosome:
        genes = genes.filter(chromosome__iexact=chromosome)
    band = _text_param(request, "band")
    if band:
        genes = genes.filter(cytogenetic_location__istartswith=band)
    code = _inheritance(request)
    if code:
        genes = genes.filter(condition_links__condition__inheritance__code=code).distinct()
    has_condition = _flag(request, "has_condition")
    if has_condition is not None:
        linked = Gene.objects.filter(condition_links__isnull=False).values("id")
        genes = genes.filter(id__in=linked) if has_condition else genes.exclude(id__in=linked)
    if _matches_nothing(chromosome, band):
        return genes.none()
    return genes.order_by("symbol")


@api_view()
def gene_list(request):
    page = Page.of(request)
    genes = _filtered_genes(request)
    items = [records.gene_brief(g) for g in page.slice(genes.only(*BRIEF_GENE_FIELDS))]
    return json_response(page.envelope(request, items, genes.count()))


BRIEF_GENE_FIELDS = ("id", "symbol", "name", "hgnc_id", "chromosome", "cytogenetic_location")


def _one(found: list, kind: str, ident: str):
    if not found:
        raise ApiError(404, "not_found", f"No {kind} has the identifier {ident!r}.")
    if len(found) > 1:
        names = ", ".join(sorted(str(f) for f in found))
        raise ApiError(409, "ambiguous", f"{ident!r} names more than one {kind}: {names}. Use /api/v1/lookup.")
    return found[0]


@api_view()
def gene_detail(request, ident: str):
    gene = _one(identifiers.find_genes(ident), "gene", ident)
    gene = queries.genes_by_ids([gene.id])[0]
    return json_response(records.gene_record(gene, TextLookup()))


@api_view(methods=("POST",))
def gene_batch(request):
    ids = batch.read_ids(request)
    resolved = batch.resolve_genes(ids)
    lookup = PreloadedTexts(("gene-function",))  # one query for every text rather than one per record
    wanted = {i for found in resolved.values() for i in found}
    built = batch.records_by_id(queries.genes_by_ids, wanted, lambda g: records.gene_record(g, lookup))
    return json_response(batch.answer(ids, resolved, built))


def _filtered_conditions(request):
    conditions = Condition.objects.all()
    code = _inheritance(request)
    if code:
        conditions = conditions.filter(inheritance__code=code).distinct()
    gene = _text_param(request, "gene")
    if gene:
        conditions = conditions.filter(gene_links__gene__symbol__iexact=gene).distinct()
    has_gene = _flag(request, "has_gene")
    if has_gene is not None:
        conditions = conditions.filter(gene_links__isnull=not has_gene).distinct()
    if _matches_nothing(gene):
        return conditions.none()
    return conditions.order_by("name", "slug")


@api_view()
def condition_list(request):
    page = Page.of(request)
    conditions = _filtered_conditions(request)
    rows = page.slice(conditions.only("id", "slug", "name", "mondo_id"))
    return json_response(page.envelope(request, [records.condition_brief(c) for c in rows], conditions.count()))


@api_view()
def condition_detail(request, ident: str):
    condition = _one(identifiers.find_conditions(ident), "condition", ident)
    condition = queries.conditions_by_ids([condition.id])[0]
    return json_response(records.condition_record(condition, TextLookup()))


@api_view(methods=("POST",))
def condition_batch(request):
    ids = batch.read_ids(request)
    resolved = batch.resolve_conditions(ids)
    lookup = PreloadedTexts(tuple(f"condition-{role}" for role in narrative.CONDITION_ROLES))
    wanted = {i for found in resolved.values() for i in found}
    built = batch.records_by_id(queries.conditions_by_ids, wanted, lambda c: records.condition_record(c, lookup))
    return json_response(batch.answer(ids, resolved, built))


@api_view()
def chromosome_list(request):
    items = [records.chromosome_record(c) for c in queries.chromosomes()]
    return json_response({"items": items, "total": len(items)})


@api_view()
def chromosome_detail(request, name: str):
    chromosome = queries.chromosomes().filter(name__iexact=name).first() if identifiers.is_usable(name) else None
    if chromosome is None:
        raise ApiError(404, "not_found", f"No chromosome is named {name!r}; use 1-22, X, Y or MT.")
    bands = list(CytoBand.objects.filter(chromosome=chromosome).select_related("source").order_by("start"))
    return json_response(records.chromosome_record(chromosome, bands))


def _families():
    # Only groups of two genes or more have an address (ghr.build.gene_groups); they are the families.
    return GeneGroup.objects.filter(slug__isnull=False).order_by("name", "hgnc_group_id")


@api_view()
def gene_family_list(request):
    page = Page.of(request)
    found = _families()
    return json_response(page.envelope(request, [families.family_brief(g) for g in page.slice(found)], found.count()))


@api_view()
def gene_family_detail(request, ident: str):
    found = _families().select_related("source")
    by_number = ident.isascii() and ident.isdigit() and len(ident) < 10
    group = found.filter(hgnc_group_id=int(ident)).first() if by_number else found.filter(slug=ident).first()
    if group is None:
        raise ApiError(404, "not_found", f"No gene family (of two genes or more) has the identifier {ident!r}.")
    return json_response(families.family_record(group))


def _glossary_texts() -> list:
    public = editorial_module()
    return sorted(public.published_texts("glossary"), key=lambda t: t.title.lower()) if public else []


@api_view()
def glossary_list(request):
    page = Page.of(request)
    texts = _glossary_texts()
    items = [records.glossary_record(t) for t in page.slice(texts)]
    return json_response(page.envelope(request, items, len(texts)))


@api_view()
def glossary_detail(request, slug: str):
    public = editorial_module()
    text = public.published_text("glossary", slug.lower()) if public and identifiers.is_usable(slug) else None
    if text is None:
        raise ApiError(404, "not_found", f"No glossary term {slug!r}.")
    return json_response(records.glossary_record(text))


def _alias_matches(text: str) -> list[dict]:
    from ghr.kb.models import GeneName

    names = GeneName.objects.filter(name__iexact=text, kind__in=GeneName.SYMBOL_KINDS).select_related("gene")
    return [{**records.gene_brief(n.gene), "matched_by": n.kind} for n in names]


@api_view()
def lookup(request):
    raw = request.GET.get("id", "")
    if not raw:
        raise ApiError(400, "missing_parameter", "Give the identifier to look up as ?id=, e.g. ?id=HGNC:397.")
    if len(raw) > identifiers.MAX_IDENTIFIER_LENGTH:
        raise ApiError(400, "bad_parameter", f"Identifiers are at most {identifiers.MAX_IDENTIFIER_LENGTH} characters.")
    ident = raw.strip()
    if not identifiers.is_usable(ident):  # blank, or control characters: names nothing
        return json_response({"id": raw, "matches": []})
    matches = [{**records.gene_brief(g), "matched_by": "identifier"} for g in identifiers.find_genes(ident)]
    matches += [{**records.condition_brief(c), "matched_by": "identifier"} for c in identifiers.find_conditions(ident)]
    if not matches and ":" not in ident:
        matches = _alias_matches(ident)
    return json_response({"id": ident, "matches": matches})


@api_view()
def release(request):
    fields = ("build_id", "finished_at", "ghr_version", "counts")
    info = BuildInfo.objects.order_by("-finished_at").values(*fields).first() or dict.fromkeys(fields)
    return json_response(
        {
            "build_id": info["build_id"],
            "finished_at": info["finished_at"].isoformat() if info["finished_at"] else None,
            "ghr_version": info["ghr_version"],
            "counts": info["counts"] or {},
            "texts_release": texts_release() or None,
            "chromosomes": Chromosome.objects.count(),
            "sources": [records.release_record(r) for r in SourceRelease.objects.order_by("key")],
        }
    )
