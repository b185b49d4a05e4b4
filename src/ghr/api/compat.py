"""Documents in the shapes of NLM's MedlinePlus Genetics (formerly GHR) files, quirks included.

Clients written for NLM's files read these unchanged: each list item wraps one single-key object, dates are
'YYYY-MM' (reviewed) and 'YYYY-MM-DD' (published), and each summary has an ``id`` attribute in XML ('@id' here).
Page links are ``ghr-page`` everywhere except at the top of a condition's own JSON document, where NLM writes
``ghr_page`` (``json_form``). The same dictionaries become XML through ``ghr.api.xmldoc``.
"""

from __future__ import annotations

from ghr.api import narrative, pages
from ghr.api.queries import unique_conditions, unique_genes
from ghr.api.texts import Text, TextLookup, latest

GENE_DB_ORDER = ("OMIM", "Entrez Gene", "HGNC", "Ensembl", "UniProt", "GeneCards")


def _reviewed(texts: list[Text]) -> str | None:
    day = latest(t.reviewed for t in texts)
    return day.strftime("%Y-%m") if day else None


def _published(texts: list[Text]) -> str | None:
    day = latest(t.published for t in texts)
    return day.isoformat() if day else None


def _text_list(texts: list[Text]) -> list[dict]:
    return [{"text": {"text-role": t.role, "html": t.html}} for t in texts]


def _references(pmids) -> list[dict]:
    return [{"reference": {"db": "PubMed", "key": str(pmid)}} for pmid in sorted(set(pmids))]


def gene_db_keys(gene) -> list[tuple[str, str]]:
    keys = [("OMIM", str(mim)) for mim in gene.omim_ids or []]
    if gene.ncbi_gene_id:
        keys.append(("Entrez Gene", str(gene.ncbi_gene_id)))
    if gene.hgnc_id:
        keys.append(("HGNC", gene.hgnc_id.removeprefix("HGNC:")))
    if gene.ensembl_id:
        keys.append(("Ensembl", gene.ensembl_id))
    keys += [("UniProt", accession) for accession in gene.uniprot_ids or []]
    keys.append(("GeneCards", gene.symbol))
    return keys


def case_blind(name: str) -> tuple[str, str]:
    """Sort key: alphabetical in any case, and names differing only in case always in the same order (a set's
    order changes from one process to the next, and documents must not)."""
    return name.lower(), name


def gene_synonyms(gene) -> list[str]:
    names = {other.name for other in gene.other_names.all() if other.name != gene.symbol}
    return sorted(names, key=case_blind)


def _location(gene) -> dict:
    location = {"chromosome": gene.chromosome or None, "cytogenetic-location": gene.cytogenetic_location or None}
    span = next(iter(gene.locations.all()), None)
    if span is not None:
        location["molecular-location"] = {
            "assembly": span.assembly,
            "chromosome": span.chromosome,
            "start": span.start,
            "end": span.end,
            "strand": span.strand,
            "release": span.release,
        }
    return location


def summary_id(kind: str, record) -> str:
    """The ``id`` of a summary: stable from build to build and unique in the file (NLM's are internal numbers;
    ghr's are the identifiers the pages are built on)."""
    if kind == "gene":
        return record.hgnc_id or f"ghr-gene:{record.symbol}"
    if kind == "condition":
        return record.mondo_id or f"ghr-condition:{record.slug}"
    return f"ghr-chromosome:{record.name}"


def json_form(root: str, document: dict) -> dict:
    """The document as NLM's per-page JSON has it: no attributes, and ``ghr_page`` at the top of a condition."""
    underscore = root == "health-condition-summary"
    return {
        ("ghr_page" if underscore and key == "ghr-page" else key): value
        for key, value in document.items()
        if not key.startswith("@")
    }


def _related_chromosomes(condition) -> list[dict]:
    change = getattr(condition, "chromosome_change", None)
    if change is None:
        return []
    name = "mitochondrial DNA" if change.chromosome == "MT" else f"chromosome {change.chromosome}"
    page = pages.absolute(pages.medlineplus_path("chromosome", change.chromosome))
    return [{"related-chromosome": {"name": name, "ghr-page": page}}]


def gene_summary(gene, lookup: TextLookup) -> dict:
    texts = [narrative.gene_function(gene, lookup)]
    document = {
        "@id": summary_id("gene", gene),
        "gene-symbol": gene.symbol,
        "name": gene.name,
        "ghr-page": pages.absolute(pages.medlineplus_path("gene", gene.symbol)),
        "reviewed": _reviewed(texts),
        "published": _published(texts),
        "text-list": _text_list(texts),
        "related-health-condition-list": [
            {
                "related-health-condition": {
                    "name": c.name,
                    "ghr-page": pages.absolute(pages.condition_medlineplus_path(c)),
                }
            }
            for c in unique_conditions(gene)
        ],
        "synonym-list": [{"synonym": name} for name in gene_synonyms(gene)],
        "db-key-list": [{"db-key": {"db": db, "key": key}} for db, key in gene_db_keys(gene)],
        "reference-list": _references(r.pmid for r in gene.references.all()),
    }
    document.update(_location(gene))
    return document


def condition_synonyms(condition) -> list[str]:
    names = {other.name for other in condition.other_names.all() if other.name.lower() != condition.name.lower()}
    return sorted(names, key=case_blind)


def condition_summary(condition, lookup: TextLookup) -> dict:
    texts = narrative.condition_texts(condition, lookup)
    return {
        "@id": summary_id("condition", condition),
        "name": condition.name,
        "ghr-page": pages.absolute(pages.condition_medlineplus_path(condition)),
        "reviewed": _reviewed(texts),
        "published": _published(texts),
        "text-list": _text_list(texts),
        "inheritance-pattern-list": [
            {"inheritance-pattern": {"code": code, "memo": memo}}
            for code, memo, _ in narrative.inheritance_patterns(condition)
        ],
        "related-chromosome-list": _related_chromosomes(condition),
        "related-gene-list": [
            {
                "related-gene": {
                    "gene-symbol": g.symbol,
                    "ghr-page": pages.absolute(pages.medlineplus_path("gene", g.symbol)),
                }
            }
            for g in unique_genes(condition)
        ],
        "synonym-list": [{"synonym": name} for name in condition_synonyms(condition)],
        "db-key-list": [{"db-key": {"db": x.db, "key": x.key}} for x in condition.xrefs.all()],
        "reference-list": _references(r.pmid for r in condition.references.all()),
    }


def chromosome_summary(chromosome) -> dict:
    label = "mitochondrial DNA" if chromosome.name == "MT" else f"chromosome {chromosome.name}"
    return {
        "@id": summary_id("chromosome", chromosome),
        "name": label,
        "ghr-page": pages.absolute(pages.medlineplus_path("chromosome", chromosome.name)),
        "text-list": _text_list([narrative.chromosome_description(chromosome)]),
        "length-bp": chromosome.length_bp,
        "gene-count": chromosome.gene_count,
    }


def root_name(kind: str, name: str = "") -> str:
    if kind == "chromosome":
        return "mtdna-summary" if name == "MT" else "chromosome-summary"
    return {"gene": "gene-summary", "condition": "health-condition-summary"}[kind]
