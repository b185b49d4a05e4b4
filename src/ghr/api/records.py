"""Records of the modern API (/api/v1): snake_case, typed, every fact naming the release it comes from.

Each record carries a ``sources`` map from release key to release (name, version, licence...); every fact in the
record names its release by key in a ``source`` field. Texts written by editors have the source 'editorial'.
"""

from __future__ import annotations

from ghr.api import narrative, pages
from ghr.api.texts import Text, TextLookup
from ghr.kb.models import ConditionInheritance

INHERITANCE_NAMES = dict(ConditionInheritance.Code.choices)
EDITORIAL_SOURCE = {
    "key": "editorial",
    "name": "ghr editors",
    "version": "",
    "licence": "CC BY 4.0",
    "url": "",
}


class Sources:
    """Collects the releases a record cites, in first-cited order."""

    def __init__(self):
        self.used: dict[str, dict] = {}

    def cite(self, release) -> str:
        if release.key not in self.used:
            self.used[release.key] = release_record(release)
        return release.key

    def cite_key(self, key: str) -> str:
        if key == "editorial":
            self.used.setdefault("editorial", dict(EDITORIAL_SOURCE))
        return key

    def as_dict(self) -> dict[str, dict]:
        return dict(self.used)


def release_record(release) -> dict:
    return {
        "key": release.key,
        "name": release.name,
        "version": release.version,
        "licence": release.licence,
        "url": release.url,
    }


def text_record(text: Text, sources: Sources, releases: dict) -> dict:
    if text.source in releases:
        sources.cite(releases[text.source])
    else:
        sources.cite_key(text.source)
    return {
        "role": text.role,
        "html": text.html,
        "source": text.source,
        "reviewed": text.reviewed.isoformat() if text.reviewed else None,
        "published": text.published.isoformat() if text.published else None,
        "references": list(text.references),
        "citations": list(text.citations),
    }


def _location(gene, sources: Sources) -> dict | None:
    span = next(iter(gene.locations.all()), None)
    if span is None:
        return None
    return {
        "assembly": span.assembly,
        "chromosome": span.chromosome,
        "start": span.start,
        "end": span.end,
        "strand": span.strand,
        "release": span.release,
        "transcript": span.transcript or None,
        "band_from_coordinates": span.band_from_coordinates or None,
        "band_agrees": span.band_agrees,
        "source": sources.cite(span.source),
    }


def _gene_conditions(gene, sources: Sources) -> list[dict]:
    return [
        {
            "slug": link.condition.slug,
            "name": link.condition.name,
            "url": pages.absolute(pages.condition_path(link.condition.slug)),
            "evidence": link.evidence,
            "source": sources.cite(link.source),
        }
        for link in gene.condition_links.all()
    ]


def _releases_of(gene_or_condition_parts) -> dict:
    found = {}
    for row in gene_or_condition_parts:
        found[row.source.key] = row.source
    return found


def gene_record(gene, lookup: TextLookup) -> dict:
    sources = Sources()
    core = sources.cite(gene.source)
    releases = {gene.source.key: gene.source, **_releases_of(gene.function_terms.all())}
    return {
        "kind": "gene",
        "symbol": gene.symbol,
        "name": gene.name,
        "url": pages.absolute(pages.gene_path(gene.symbol)),
        "identifiers": {
            "hgnc_id": gene.hgnc_id,
            "ncbi_gene_id": gene.ncbi_gene_id,
            "ensembl_id": gene.ensembl_id or None,
            "refseq_accession": gene.refseq_accession or None,
            "uniprot_ids": list(gene.uniprot_ids or []),
            "omim_ids": [str(m) for m in gene.omim_ids or []],
            "source": core,
        },
        "locus_type": gene.locus_type or None,
        "chromosome": gene.chromosome or None,
        "cytogenetic_location": gene.cytogenetic_location or None,
        "protein_name": narrative.protein_name(gene) or None,
        "core_source": core,
        "location": _location(gene, sources),
        "other_names": [
            {"name": n.name, "kind": n.kind, "source": sources.cite(n.source)} for n in gene.other_names.all()
        ],
        "conditions": _gene_conditions(gene, sources),
        "function_terms": [
            {
                "go_id": t.term.go_id,
                "name": t.term.name,
                "ontology": t.term.ontology,
                "evidence": t.evidence,
                "source": sources.cite(t.source),
            }
            for t in gene.function_terms.all()
        ],  # fmt: skip
        "references": [{"pmid": r.pmid, "source": sources.cite(r.source)} for r in gene.references.all()],
        "families": [
            {
                "hgnc_group_id": f.hgnc_group_id,
                "slug": f.slug,
                "name": f.name,
                "url": pages.absolute(pages.gene_family_path(f.slug)),
                "api_url": f"/api/v1/gene-families/{f.slug}",
                "source": core,
            }
            for f in gene.group_memberships.all()
        ],  # fmt: skip
        "texts": [text_record(narrative.gene_function(gene, lookup), sources, releases)],
        "sources": sources.as_dict(),
    }


def gene_brief(gene) -> dict:
    """The short form used in lists: enough to choose, with a link to the full record."""
    return {
        "kind": "gene",
        "symbol": gene.symbol,
        "name": gene.name,
        "hgnc_id": gene.hgnc_id,
        "chromosome": gene.chromosome or None,
        "cytogenetic_location": gene.cytogenetic_location or None,
        "url": pages.absolute(pages.gene_path(gene.symbol)),
        "api_url": f"/api/v1/genes/{gene.symbol}",
    }


def _condition_genes(condition, sources: Sources) -> list[dict]:
    return [
        {
            "symbol": link.gene.symbol,
            "name": link.gene.name,
            "url": pages.absolute(pages.gene_path(link.gene.symbol)),
            "evidence": link.evidence,
            "source": sources.cite(link.source),
        }
        for link in condition.gene_links.all()
    ]


def _related(links, attribute: str, sources: Sources) -> list[dict]:
    related = []
    for link in links:
        other = getattr(link, attribute)
        related.append(
            {"slug": other.slug, "name": other.name, "url": pages.absolute(pages.condition_path(other.slug)),
             "source": sources.cite(link.source)}
        )  # fmt: skip
    return related


def condition_record(condition, lookup: TextLookup) -> dict:
    sources = Sources()
    parts = [*condition.facts.all(), *condition.inheritance.all(), *condition.gene_links.all()]
    releases = _releases_of(parts)
    return {
        "kind": "condition",
        "slug": condition.slug,
        "name": condition.name,
        "name_source": sources.cite(condition.name_source),
        "url": pages.absolute(pages.condition_path(condition.slug)),
        "mondo_id": condition.mondo_id or None,
        "other_names": [
            {"name": n.name, "kind": n.kind, "source": sources.cite(n.source)} for n in condition.other_names.all()
        ],
        "xrefs": [{"db": x.db, "key": x.key, "source": sources.cite(x.source)} for x in condition.xrefs.all()],
        "inheritance": [
            {
                "code": i.code,
                "name": INHERITANCE_NAMES.get(i.code, i.code),
                "evidence": i.evidence,
                "source": sources.cite(i.source),
            }
            for i in condition.inheritance.all()
        ],
        "facts": [{"kind": f.kind, "value": f.value, "source": sources.cite(f.source)} for f in condition.facts.all()],
        "genes": _condition_genes(condition, sources),
        "parents": _related(condition.parent_links.all(), "parent", sources),
        "children": _related(condition.child_links.all(), "child", sources),
        "references": [{"pmid": r.pmid, "source": sources.cite(r.source)} for r in condition.references.all()],
        "texts": [text_record(t, sources, releases) for t in narrative.condition_texts(condition, lookup)],
        "sources": sources.as_dict(),
    }


def condition_brief(condition) -> dict:
    return {
        "kind": "condition",
        "slug": condition.slug,
        "name": condition.name,
        "mondo_id": condition.mondo_id or None,
        "url": pages.absolute(pages.condition_path(condition.slug)),
        "api_url": f"/api/v1/conditions/{condition.slug}",
    }


def chromosome_record(chromosome, bands: list | None = None) -> dict:
    sources = Sources()
    key = sources.cite(chromosome.source)
    record = {
        "kind": "chromosome",
        "name": chromosome.name,
        "url": pages.absolute(pages.chromosome_path(chromosome.name)),
        "api_url": f"/api/v1/chromosomes/{chromosome.name}",
        "length_bp": chromosome.length_bp,
        "gene_count": chromosome.gene_count,
        "source": key,
    }
    if bands is not None:
        record["bands"] = [
            {"name": b.name, "start": b.start, "end": b.end, "stain": b.stain, "source": sources.cite(b.source)}
            for b in bands
        ]
    record["sources"] = sources.as_dict()
    return record


def glossary_record(text) -> dict:
    return {
        "kind": "glossary",
        "slug": text.key,
        "term": text.title,
        "html": text.html,
        "synonyms": list(text.synonyms or ()),
        "url": pages.absolute(pages.glossary_path(text.key)),
        "api_url": f"/api/v1/glossary/{text.key}",
        "reviewed": text.reviewed.isoformat() if text.reviewed else None,
        "published": text.published.isoformat() if text.published else None,
        "source": "editorial",
        "sources": {"editorial": dict(EDITORIAL_SOURCE)},
    }
