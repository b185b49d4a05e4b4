"""HL7 Context-Aware Knowledge Retrieval ("infobutton"): health-record codes to ghr pages, as MedlinePlus Connect.

A record system sends a coded problem or gene (code system OID + code); ghr answers with an Atom feed of the
matching condition or gene pages, or its JSON form. A code nothing matches gives an empty feed with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import html as lxml_html

from ghr.api import identifiers, narrative, pages, queries
from ghr.api.texts import TextLookup
from ghr.kb.models import BuildInfo


@dataclass(frozen=True)
class CodeSystem:
    name: str
    xref_db: str = ""
    """ConditionXref.db of condition codes in this system ('' for gene systems)."""
    gene_prefix: str = ""
    """Identifier prefix (ghr.api.identifiers) of gene codes in this system."""


CODE_SYSTEMS = {
    "2.16.840.1.113883.6.90": CodeSystem("ICD-10-CM", xref_db="ICD-10"),
    "2.16.840.1.113883.6.3": CodeSystem("ICD-10", xref_db="ICD-10"),
    "2.16.840.1.113883.6.96": CodeSystem("SNOMED CT", xref_db="SNOMEDCT"),
    "2.16.840.1.113883.6.174": CodeSystem("OMIM", xref_db="OMIM", gene_prefix="OMIM"),
    "2.16.840.1.113883.6.86": CodeSystem("UMLS", xref_db="UMLS"),
    "2.16.840.1.113883.6.177": CodeSystem("MeSH", xref_db="MeSH"),
    "2.16.840.1.113883.6.281": CodeSystem("HGNC", gene_prefix="HGNC"),
}
# Systems without a registered OID in common use are accepted by name.
CODE_SYSTEM_NAMES = {
    "ORPHANET": CodeSystem("Orphanet", xref_db="Orphanet"),
    "ORPHA": CodeSystem("Orphanet", xref_db="Orphanet"),
    "MONDO": CodeSystem("MONDO", xref_db="MONDO"),
    "GARD": CodeSystem("GARD", xref_db="GARD"),
    "NCBIGENE": CodeSystem("NCBI Gene", gene_prefix="NCBIGENE"),
    "NCBI GENE": CodeSystem("NCBI Gene", gene_prefix="NCBIGENE"),
    "ENTREZ": CodeSystem("NCBI Gene", gene_prefix="NCBIGENE"),
    "HGNC": CodeSystem("HGNC", gene_prefix="HGNC"),
    "ICD-10-CM": CodeSystem("ICD-10-CM", xref_db="ICD-10"),
    "SNOMEDCT": CodeSystem("SNOMED CT", xref_db="SNOMEDCT"),
    "OMIM": CodeSystem("OMIM", xref_db="OMIM", gene_prefix="OMIM"),
    "UMLS": CodeSystem("UMLS", xref_db="UMLS"),
}


def code_system(text: str) -> CodeSystem | None:
    text = text.strip()
    return CODE_SYSTEMS.get(text) or CODE_SYSTEM_NAMES.get(text.upper())


FEED_TITLE = "Genetics Home Reference (ghr) Connect"


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    updated: datetime


@dataclass
class Feed:
    title: str
    """The service's name, as MedlinePlus Connect's feed title is its own."""
    updated: datetime
    """When the knowledge base was built."""
    subtitle: str = ""
    """What was looked up, in words: 'ghr results for ICD-10-CM D64.0'."""
    entries: list[Entry] = field(default_factory=list)
    reason: str = ""
    """Why the feed is empty, in words ('' when it has entries)."""
    matched_code: str = ""
    """The code (or the parent ICD-10 code) that matched."""


def icd10_candidates(code: str) -> list[str]:
    """E80.20 -> [E80.20, E80.2, E80]: the code, then each parent, as ICD-10-CM's hierarchy goes."""
    code = code.strip().upper()
    if "." not in code and len(code) > 3:
        code = f"{code[:3]}.{code[3:]}"
    candidates = [code]
    while len(code) > 3:
        code = code[:-1].rstrip(".")
        candidates.append(code)
    return candidates


def _plain_summary(markup: str, longest: int = 400) -> str:
    if not markup.strip():
        return ""
    text = " ".join(lxml_html.fromstring(f"<div>{markup}</div>").text_content().split())
    if len(text) <= longest:
        return text
    cut = text[:longest]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > 100 else cut.rsplit(" ", 1)[0] + "\u2026"


def _updated(texts, fallback: datetime) -> datetime:
    dates = [t.published for t in texts if t.published]
    return datetime.combine(max(dates), datetime.min.time(), UTC) if dates else fallback


def condition_entry(condition, lookup: TextLookup, fallback: datetime) -> Entry:
    texts = narrative.condition_texts(condition, lookup)
    description = next((t for t in texts if t.role == "description"), texts[0] if texts else None)
    summary = _plain_summary(description.html) if description else ""
    url = pages.absolute(pages.condition_path(condition.slug))
    return Entry(condition.name, url, summary or condition.name, _updated(texts, fallback))


def gene_entry(gene, lookup: TextLookup, fallback: datetime) -> Entry:
    text = narrative.gene_function(gene, lookup)
    url = pages.absolute(pages.gene_path(gene.symbol))
    title = f"{gene.symbol} gene ({gene.name})"
    return Entry(title, url, _plain_summary(text.html) or gene.name, _updated([text], fallback))


def _conditions_for(system: CodeSystem, code: str) -> tuple[list, str]:
    candidates = icd10_candidates(code) if system.xref_db == "ICD-10" else [code.strip()]
    for candidate in candidates:
        found = identifiers.find_conditions(f"{system.xref_db}:{candidate}")
        if found:
            return queries.conditions_by_ids([c.id for c in found]), candidate
    return [], ""


def _genes_for(system: CodeSystem, code: str) -> list:
    value = code.strip()
    if system.gene_prefix == "HGNC":
        value = value.upper().removeprefix("HGNC:")
    found = identifiers.find_genes(f"{system.gene_prefix}:{value}")
    return queries.genes_by_ids([g.id for g in found])


def _build_time() -> datetime:
    info = BuildInfo.objects.order_by("-finished_at").values_list("finished_at", flat=True).first()
    return info or datetime.now(UTC)


def knowledge_feed(system_text: str, code: str, display: str = "", language: str = "en") -> Feed:
    system = code_system(system_text)
    updated = _build_time()
    label = system.name if system else system_text
    subtitle = f"ghr results for {label} {code}" + (f" ({display})" if display else "")
    feed = Feed(title=FEED_TITLE, updated=updated, subtitle=subtitle)
    if language and language.lower().split("-")[0] != "en":
        feed.reason = f"ghr pages are written in English only; no pages in language {language!r}."
        return feed
    if system is None:
        feed.reason = f"Unknown code system {system_text!r}: ghr matches ICD-10-CM, SNOMED CT, OMIM, UMLS, MeSH, " \
                      "Orphanet, MONDO, GARD, HGNC and NCBI Gene codes."  # fmt: skip
        return feed
    lookup = TextLookup()
    conditions, matched = _conditions_for(system, code) if system.xref_db else ([], "")
    genes = _genes_for(system, code) if system.gene_prefix and not conditions else []
    feed.entries = [condition_entry(c, lookup, updated) for c in conditions]
    feed.entries += [gene_entry(g, lookup, updated) for g in genes]
    feed.matched_code = matched or (code if genes else "")
    if not feed.entries:
        feed.reason = f"No ghr page matches {system.name} code {code!r}."
    return feed
