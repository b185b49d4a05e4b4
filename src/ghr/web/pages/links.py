"""Outbound links built from identifiers (never typed in by hand), for gene and condition pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, quote_plus


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    note: str = ""


def pubmed(pmid: int) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{int(pmid)}/"


def gene_links(gene) -> list[Link]:
    """Links for professionals and researchers, one per identifier the gene has."""
    links: list[Link] = []
    if gene.ncbi_gene_id:
        links.append(Link("NCBI Gene", f"https://www.ncbi.nlm.nih.gov/gene/{gene.ncbi_gene_id}",
                          f"Gene ID {gene.ncbi_gene_id}"))  # fmt: skip
    if gene.hgnc_id:
        links.append(Link("HGNC", f"https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/{gene.hgnc_id}",
                          gene.hgnc_id))  # fmt: skip
    if gene.ensembl_id:
        links.append(Link("Ensembl", f"https://www.ensembl.org/Homo_sapiens/Gene/Summary?g={quote(gene.ensembl_id)}",
                          gene.ensembl_id))  # fmt: skip
    for mim in gene.omim_ids or []:
        links.append(Link("OMIM", f"https://omim.org/entry/{quote(str(mim))}", f"MIM {mim}"))
    for accession in gene.uniprot_ids or []:
        links.append(Link("UniProt", f"https://www.uniprot.org/uniprotkb/{quote(accession)}/entry", accession))
    links.append(Link("ClinVar", f"https://www.ncbi.nlm.nih.gov/clinvar/?term={quote_plus(gene.symbol + '[gene]')}",
                      f"variants in {gene.symbol}"))  # fmt: skip
    links.append(Link("PubMed", f"https://pubmed.ncbi.nlm.nih.gov/?term={quote_plus(gene.symbol + '[gene]')}",
                      f"recent articles about {gene.symbol}"))  # fmt: skip
    return links


_XREF_URLS = {
    "OMIM": ("OMIM", "https://omim.org/entry/{key}"),
    "Orphanet": ("Orphanet", "https://www.orpha.net/en/disease/detail/{key}"),
    "GARD": ("GARD (Genetic and Rare Diseases Information Center)", "https://rarediseases.info.nih.gov/diseases/{key}/index"),
    "MONDO": ("Mondo Disease Ontology", "https://monarchinitiative.org/MONDO:{key}"),
    "ICD-10": ("ICD-10", "https://icd.who.int/browse10/2019/en#/{key}"),
    "SNOMEDCT": ("SNOMED CT", "https://browser.ihtsdotools.org/?perspective=full&conceptId1={key}"),
    "UMLS": ("UMLS", "https://uts.nlm.nih.gov/uts/umls/concept/{key}"),
    "MeSH": ("MeSH", "https://meshb.nlm.nih.gov/record/ui?ui={key}"),
    "UniProt": ("UniProt disease", "https://www.uniprot.org/diseases/{key}"),
    "DOID": ("Disease Ontology", "https://disease-ontology.org/?id=DOID:{key}"),
    "MedGen": ("MedGen", "https://www.ncbi.nlm.nih.gov/medgen/{key}"),
}  # fmt: skip

XREF_ORDER = ["OMIM", "Orphanet", "GARD", "MONDO", "ICD-10", "SNOMEDCT", "UMLS", "MeSH", "UniProt", "DOID", "MedGen"]


@dataclass(frozen=True)
class XrefLink:
    db: str
    label: str
    key: str
    url: str

    @property
    def display(self) -> str:
        """As people write it: 'MONDO:0020721', 'ORPHA:75563', others as stored."""
        prefix = {"MONDO": "MONDO:", "Orphanet": "ORPHA:", "DOID": "DOID:"}.get(self.db, "")
        return prefix + self.key


def xref_link(db: str, key: str) -> XrefLink:
    label, template = _XREF_URLS.get(db, (db, ""))
    return XrefLink(db=db, label=label, key=key, url=template.format(key=quote(key, safe="")) if template else "")


def condition_help_links(name: str, xrefs: list[XrefLink]) -> list[Link]:
    """Where patients and families can find help: GARD, Orphanet, MedlinePlus, trials, GeneReviews."""
    links: list[Link] = []
    by_db = {x.db: x for x in xrefs}
    if "GARD" in by_db:
        links.append(Link("Genetic and Rare Diseases Information Center (GARD)", by_db["GARD"].url,
                          "questions and answers, and patient organisations"))  # fmt: skip
    if "Orphanet" in by_db:
        links.append(Link("Orphanet", by_db["Orphanet"].url, "expert centres and patient organisations in Europe"))
    term = quote_plus(name)
    links.append(Link("MedlinePlus", f"https://medlineplus.gov/search/?query={term}", "health information"))
    links.append(Link("ClinicalTrials.gov", f"https://clinicaltrials.gov/search?cond={term}",
                      "research studies looking for participants"))  # fmt: skip
    links.append(Link("GeneReviews", f"https://www.ncbi.nlm.nih.gov/books/NBK1116/?term={term}",
                      "expert-written summaries for health professionals"))  # fmt: skip
    return links
