"""Read GNU Health's ``human_genes_grch38.xml``: Tryton XML, one ``<record model="gnuhealth.gene">`` per gene.

Facts learnt from the 5.0.4 file (44,008 records):
- every record has the same 13 ``<field name=...>`` children; an empty value is an empty element;
- multi-valued fields (aliases, name_aliases, refseq_accession, protein_name, omim_id) are '|'-separated:
  commas and semicolons occur *inside* single names ("dihydrodiol dehydrogenase 1; 20-alpha ...");
- ``protein_name`` holds UniProt accessions, not protein names;
- the record ``id`` is the symbol the gene had when GNU Health first added it (Tryton XML ids never change),
  so in 80 records it is a previous symbol (id "SOGA1", name "MTCL2");
- a few values carry stray whitespace (a trailing no-break space), one an HTML character reference ("&#946;").
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats

ROOT_TAG = "tryton"
GENE_MODEL = "gnuhealth.gene"
REQUIRED_FIELDS = frozenset({"hgnc_id", "name", "long_name"})
"""Fields without which a record is not a gene; the first record must have them all (the format check)."""
HGNC_ID = re.compile(r"HGNC:\d+")


@dataclass(frozen=True, slots=True)
class TrytonGene:
    """One ``gnuhealth.gene`` record."""

    record_id: str
    """The XML id: the gene's symbol when GNU Health first added it, e.g. 'ALAS2' (or an older symbol)."""
    hgnc_id: str
    """'HGNC:397'."""
    symbol: str
    """Approved symbol (field ``name``), e.g. 'ALAS2'."""
    long_name: str
    """Approved name, e.g. "5'-aminolevulinate synthase 2"."""
    gene_type: str
    """HGNC locus group and type in GNU Health's spelling: 'protein_coding', 'ncrna_long_non_coding_rna'..."""
    chromosome: str
    """'X', '1', 'mitochondria', 'reserved', 'unplaced', 'not on reference assembly' or ''."""
    location: str
    """HGNC location, e.g. 'Xp11.21', 'Xq28 and Yq12', '14q32.33 not on reference assembly'."""
    aliases: tuple[str, ...]
    """Alias symbols, e.g. ('ALAS-E',)."""
    name_aliases: tuple[str, ...]
    """Alias names, e.g. ('sideroblastic/hypochromic anemia', 'erythroid-specific ...')."""
    ncbi_gene_id: int | None
    """NCBI Gene ID (field ``gene_id``), e.g. 212."""
    ensembl_id: str
    """'ENSG00000158578' or ''."""
    refseq_accessions: tuple[str, ...]
    """e.g. ('NM_000032',)."""
    uniprot_ids: tuple[str, ...]
    """UniProt accessions (field ``protein_name``), e.g. ('P22557',)."""
    omim_ids: tuple[str, ...]
    """OMIM gene entries, e.g. ('301300',)."""


def _text(value: str | None) -> str:
    text = (value or "").strip()
    # One name carries an HTML character reference ("transforming growth factor-&#946; receptor type V").
    return html.unescape(text) if "&#" in text else text


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in (piece.strip() for piece in value.split("|")) if part)


def _gene_from_fields(record_id: str, values: dict[str, str]) -> TrytonGene:
    gene_id = values.get("gene_id", "")
    return TrytonGene(
        record_id=record_id,
        hgnc_id=values["hgnc_id"],
        symbol=values["name"],
        long_name=values["long_name"],
        gene_type=values.get("gene_type", ""),
        chromosome=values.get("chromosome", ""),
        location=values.get("location", ""),
        aliases=_split(values.get("aliases", "")),
        name_aliases=_split(values.get("name_aliases", "")),
        ncbi_gene_id=int(gene_id) if gene_id else None,
        ensembl_id=values.get("ensembl_id", ""),
        refseq_accessions=_split(values.get("refseq_accession", "")),
        uniprot_ids=_split(values.get("protein_name", "")),
        omim_ids=_split(values.get("omim_id", "")),
    )


def _rejection(values: dict[str, str]) -> str:
    """Why a record cannot be used, or '' if it can."""
    if not values.keys() >= REQUIRED_FIELDS:
        return "missing hgnc_id, name or long_name field"
    if not HGNC_ID.fullmatch(values["hgnc_id"]) or not values["name"]:
        return "malformed hgnc_id or empty symbol"
    if values.get("gene_id") and not values["gene_id"].isdigit():
        return "non-numeric gene_id"
    return ""


def _check_root(path: Path, root: ET.Element) -> None:
    if root.tag != ROOT_TAG:
        raise SourceFileError(path, "root element is <tryton>", f"found <{root.tag}>")


# Sample record:
# <record model="gnuhealth.gene" id="ALAS2">
#     <field name="hgnc_id">HGNC:397</field>
#     <field name="name">ALAS2</field>
#     <field name="long_name">5'-aminolevulinate synthase 2</field>
#     <field name="gene_type">protein_coding</field>
#     <field name="chromosome">X</field>
#     <field name="location">Xp11.21</field>
#     <field name="aliases">ALAS-E</field>
#     <field name="name_aliases">sideroblastic/hypochromic anemia|erythroid-specific delta-...</field>
#     <field name="gene_id">212</field>
#     <field name="ensembl_id">ENSG00000158578</field>
#     <field name="refseq_accession">NM_000032</field>
#     <field name="protein_name">P22557</field>
#     <field name="omim_id">301300</field>
# </record>
def parse_genes(path: Path, stats: ParseStats | None = None) -> Iterator[TrytonGene]:
    """Stream the genes of a GNU Health gene XML file.

    Raises SourceFileError if the XML is not well-formed (a cut-off file is not), is not Tryton data, if the
    first gene record lacks hgnc_id/name/long_name (renamed fields) or if there is no gene at all.
    """
    stats = stats if stats is not None else ParseStats()
    try:
        yield from _iterate_genes(path, stats)
    except ET.ParseError as error:
        raise SourceFileError(path, "well-formed XML", str(error)) from error
    if stats.read == 0:
        raise SourceFileError(path, "at least one gnuhealth.gene record")


def _iterate_genes(path: Path, stats: ParseStats) -> Iterator[TrytonGene]:
    events = ET.iterparse(path, events=("start", "end"))
    _, root = next(events)
    _check_root(path, root)
    container = root
    for event, element in events:
        if event == "start" and element.tag == "data":
            container = element
        if event != "end" or element.tag != "record":
            continue
        if element.get("model") == GENE_MODEL:
            gene = _read_record(path, element, stats)
            if gene is not None:
                yield gene
        container.clear()  # Drop finished records so memory stays flat over 44,000 genes.


def _read_record(path: Path, element: ET.Element, stats: ParseStats) -> TrytonGene | None:
    stats.read += 1
    values = {child.get("name", ""): _text(child.text) for child in element if child.tag == "field"}
    reason = _rejection(values)
    if reason and stats.read == 1:
        raise SourceFileError(path, "gene records have hgnc_id, name and long_name fields", reason)
    if reason:
        stats.reject(reason)
        return None
    return _gene_from_fields(element.get("id", ""), values)
