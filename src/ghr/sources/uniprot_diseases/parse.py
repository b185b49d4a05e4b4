"""Parsers for the Tryton XML files of the GNU Health UniProt module.

Each file is ``<tryton><data><record model=... id=...><field name=...>`` records, read with ``iterparse`` and
cleared as we go. A file cut off, not XML, with the wrong root or model, or with no records raises
``SourceFileError``; records missing a required field are skipped and counted in ``odd``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError

DISEASE_MODEL = "gnuhealth.protein.disease"
VARIANT_MODEL = "gnuhealth.gene.variant"
VARIANT_PHENOTYPE_MODEL = "gnuhealth.gene.variant.phenotype"
_DISEASE_ID = re.compile(r"DI-\d{5}")
_GENE_SEARCH = re.compile(r"\[\('name', '=', '([^']+)'\)\]")


@dataclass(frozen=True, slots=True)
class UniprotDisease:
    """One entry of UniProt's disease vocabulary."""

    accession: str
    """'DI-00120'."""
    name: str
    """'Anemia, sideroblastic, 1' (UniProt often inverts like OMIM)."""
    acronym: str
    """'SIDBA1', or ''."""
    mim: str
    """The OMIM number of ``mim_reference``, '300751', or ''."""
    xrefs: tuple[str, ...]
    """As written: 'MIM:300751', 'MedGen:C0221018', 'MeSH:D000747'."""
    keywords: tuple[str, ...]
    """UniProt keywords, e.g. ('Neurodegeneration',)."""
    description: str
    """UniProt's one-paragraph definition of the disease."""


@dataclass(frozen=True, slots=True)
class UniprotVariant:
    """One protein variant and the gene it lies in."""

    variant: str
    """'VAR_000005'."""
    gene_symbol: str
    """'HSD3B1', from the record's gene search."""
    protein: str
    """UniProt accession, 'P14060'."""


@dataclass(frozen=True, slots=True)
class UniprotVariantPhenotype:
    """A variant observed in a disease."""

    variant: str
    """'VAR_000006'."""
    disease: str
    """'DI-00042'."""


def _records(path: Path, model: str) -> Iterator[ET.Element]:
    """Yield each complete <record> element of ``model``; checks root, model and completeness."""
    count = 0
    try:
        context = ET.iterparse(path, events=("start", "end"))
        _, root = next(context)
        if root.tag != "tryton":
            raise SourceFileError(path, "root element", f"<{root.tag}>, expected <tryton>")
        for event, element in context:
            if event != "end" or element.tag != "record":
                continue
            if element.get("model") != model:
                raise SourceFileError(path, "record model", f"{element.get('model')!r}, expected {model!r}")
            count += 1
            yield element
            element.clear()
    except ET.ParseError as error:
        raise SourceFileError(path, "well-formed XML", str(error)) from error
    except StopIteration:
        raise SourceFileError(path, "well-formed XML", "empty file") from None
    if count == 0:
        raise SourceFileError(path, "zero records", f"no {model} record")


def _fields(record: ET.Element) -> dict[str, ET.Element]:
    return {field.get("name", ""): field for field in record.iter("field")}


def _text(fields: dict[str, ET.Element], name: str) -> str:
    field = fields.get(name)
    return (field.text or "").strip() if field is not None else ""


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


# Sample input:
# <record model="gnuhealth.protein.disease" id="DI-00120">
#   <field name="name">DI-00120</field>
#   <field name="disease_name">Anemia, sideroblastic, 1</field>
#   <field name="acronym">SIDBA1</field>
#   <field name="mim_reference">MIM:300751</field>
#   <field name="xrefs">MIM:300751,MedGen:C0221018,MeSH:D000747,MeSH:D000756</field>
#   <field name="keywords"></field>
#   <field name="description">A form of sideroblastic anemia that ...</field>
#   <field name="active">True</field>
# </record>
def parse_diseases(path: Path, odd: Counter | None = None) -> Iterator[UniprotDisease]:
    for record in _records(path, DISEASE_MODEL):
        fields = _fields(record)
        accession, name = _text(fields, "name"), _text(fields, "disease_name")
        if not _DISEASE_ID.fullmatch(accession) or not name:
            if odd is not None:
                odd["disease without accession or name"] += 1
            continue
        yield UniprotDisease(
            accession=accession,
            name=name,
            acronym=_text(fields, "acronym"),
            mim=_text(fields, "mim_reference").removeprefix("MIM:"),
            xrefs=_split(_text(fields, "xrefs")),
            keywords=_split(_text(fields, "keywords")),
            description=" ".join(_text(fields, "description").split()),
        )


# Sample input:
# <record model="gnuhealth.gene.variant" id="VAR_000005">
#   <field name="gene" search="[('name', '=', 'HSD3B1')]"/>
#   <field name="protein">P14060</field>
#   <field name="variant">VAR_000005</field>
#   <field name="aa_change">p.Thr367Asn</field>
#   ...
# </record>
def parse_variants(path: Path, odd: Counter | None = None) -> Iterator[UniprotVariant]:
    for record in _records(path, VARIANT_MODEL):
        fields = _fields(record)
        gene = fields.get("gene")
        match = _GENE_SEARCH.fullmatch(gene.get("search", "")) if gene is not None else None
        variant = record.get("id", "")
        if match is None or not variant:
            if odd is not None:
                odd["variant without gene"] += 1
            continue
        yield UniprotVariant(variant, match.group(1), _text(fields, "protein"))


# Sample input:
# <record model="gnuhealth.gene.variant.phenotype" id="VARPHEN1">
#   <field name="name">VARPHEN1</field>
#   <field name="variant" ref="VAR_000006"/>
#   <field name="phenotype" ref="DI-00042"/>
# </record>
def parse_variant_phenotypes(path: Path, odd: Counter | None = None) -> Iterator[UniprotVariantPhenotype]:
    for record in _records(path, VARIANT_PHENOTYPE_MODEL):
        fields = _fields(record)
        variant = fields["variant"].get("ref", "") if "variant" in fields else ""
        disease = fields["phenotype"].get("ref", "") if "phenotype" in fields else ""
        if not variant or not _DISEASE_ID.fullmatch(disease):
            if odd is not None:
                odd["link without variant or disease"] += 1
            continue
        yield UniprotVariantPhenotype(variant, disease)
