"""Read Orphadata's en_product6.xml: each disorder, its genes and the type of each association.

<Disorder id="17601"><OrphaCode>586</OrphaCode><Name lang="en">Cystic fibrosis</Name>
  <DisorderGeneAssociationList count="..."><DisorderGeneAssociation>
    <SourceOfValidation>9921909[PMID]</SourceOfValidation>
    <Gene id="..."><Name lang="en">CF transmembrane conductance regulator</Name><Symbol>CFTR</Symbol>
      <ExternalReferenceList><ExternalReference><Source>HGNC</Source><Reference>1884</Reference>...
    </Gene>
    <DisorderGeneAssociationType><Name lang="en">Disease-causing germline mutation(s) in</Name>...
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

PMID = re.compile(r"(\d+)\[PMID\]")


@dataclass(frozen=True, slots=True)
class DisorderGene:
    orpha_code: str
    symbol: str
    hgnc: str
    """'HGNC:1884', or '' when Orphanet gives no HGNC reference."""
    association_type: str
    """Orphanet's words, e.g. 'Disease-causing germline mutation(s) in', 'Modifying germline mutation in'."""
    pmids: tuple[int, ...]


def _gene(association: ET.Element, code: str, stats: ParseStats) -> DisorderGene | None:
    gene = association.find("Gene")
    kind = association.findtext("DisorderGeneAssociationType/Name", "").strip()
    if gene is None or not kind:
        stats.reject("association without a gene or a type")
        return None
    hgnc = next((ref.findtext("Reference", "") for ref in gene.iter("ExternalReference")
                 if ref.findtext("Source") == "HGNC"), "")  # fmt: skip
    pmids = tuple(int(p) for p in PMID.findall(association.findtext("SourceOfValidation", "")))
    return DisorderGene(code, gene.findtext("Symbol", "").strip(), f"HGNC:{hgnc}" if hgnc else "", kind, pmids)


def parse_genes(path: Path, stats: ParseStats | None = None) -> Iterator[DisorderGene]:
    stats = stats if stats is not None else ParseStats()
    try:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag != "Disorder":
                continue
            code = element.findtext("OrphaCode", "").strip()
            for association in element.iter("DisorderGeneAssociation"):
                stats.read += 1
                found = _gene(association, code, stats)
                if found and code:
                    yield found
            element.clear()
    except ET.ParseError as error:
        raise SourceFileError(path, "Orphadata XML", str(error)) from error
