"""UniProt disease parsers and loader on small Tryton XML files."""

from collections import Counter

import pytest

from ghr.sources.records import ConditionId, GeneConditionRecord, GeneRef, SourceFileError
from ghr.sources.uniprot_diseases import SOURCE, load, parse

HEAD = '<?xml version="1.0" encoding="utf-8" ?>\n<!-- GPL -->\n<tryton>\n<data grouped="1">\n'
TAIL = "</data>\n</tryton>\n"
DISEASES = (
    HEAD
    + """<record model="gnuhealth.protein.disease" id="DI-00120">
\t<field name="name">DI-00120</field>
\t<field name="disease_name">Anemia, sideroblastic, 1</field>
\t<field name="acronym">SIDBA1</field>
\t<field name="mim_reference">MIM:300751</field>
\t<field name="xrefs">MIM:300751,MedGen:C0221018,MeSH:D000747,MeSH:D000756</field>
\t<field name="keywords"></field>
\t<field name="description">A form of sideroblastic anemia that shows a variable hematologic response
 to pyridoxine.</field>
\t<field name="active">True</field>
</record>
<record model="gnuhealth.protein.disease" id="DI-00485">
\t<field name="name">DI-00485</field>
\t<field name="disease_name">Erythropoietic protoporphyria, X-linked dominant</field>
\t<field name="acronym">XLDPT</field>
\t<field name="mim_reference">MIM:300752</field>
\t<field name="xrefs">MIM:300752,MedGen:C2677889</field>
\t<field name="keywords"></field>
\t<field name="description">A form of porphyria.</field>
\t<field name="active">True</field>
</record>
<record model="gnuhealth.protein.disease" id="broken">
\t<field name="name">nothing</field>
</record>
"""
    + TAIL
)
VARIANTS = (
    HEAD
    + """<record model="gnuhealth.gene.variant" id="VAR_000100">
\t<field name="gene" search="[('name', '=', 'ALAS2')]"/>
\t<field name="protein">P22557</field>
\t<field name="variant">VAR_000100</field>
</record>
<record model="gnuhealth.gene.variant" id="VAR_000101">
\t<field name="gene" search="[('name', '=', 'ALAS2')]"/>
\t<field name="protein">P22557</field>
\t<field name="variant">VAR_000101</field>
</record>
"""
    + TAIL
)
LINKS = (
    HEAD
    + """<record model="gnuhealth.gene.variant.phenotype" id="VARPHEN1">
\t<field name="name">VARPHEN1</field>
\t<field name="variant" ref="VAR_000100"/>
\t<field name="phenotype" ref="DI-00120"/>
</record>
<record model="gnuhealth.gene.variant.phenotype" id="VARPHEN2">
\t<field name="name">VARPHEN2</field>
\t<field name="variant" ref="VAR_000101"/>
\t<field name="phenotype" ref="DI-00120"/>
</record>
<record model="gnuhealth.gene.variant.phenotype" id="VARPHEN3">
\t<field name="name">VARPHEN3</field>
\t<field name="variant" ref="VAR_999999"/>
\t<field name="phenotype" ref="DI-00485"/>
</record>
"""
    + TAIL
)


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, text in {"diseases": DISEASES, "variants": VARIANTS, "variant_phenotypes": LINKS}.items():
        paths[name] = tmp_path / f"{name}.xml"
        paths[name].write_text(text)
    return paths


def test_spec():
    assert SOURCE.package == "gnuhealth-genetics-uniprot"
    assert SOURCE.files["diseases"].endswith("data/protein_diseases.xml")


def test_diseases_parsed_and_broken_record_counted(files):
    odd = Counter()
    diseases = list(parse.parse_diseases(files["diseases"], odd))
    assert [d.accession for d in diseases] == ["DI-00120", "DI-00485"]
    assert odd["disease without accession or name"] == 1
    assert diseases[0].mim == "300751" and diseases[0].acronym == "SIDBA1"
    assert diseases[0].description.endswith("response to pyridoxine.")


def test_condition_records_with_xrefs_and_description(files):
    records = list(load.conditions(files["diseases"]))
    first = records[0]
    assert first.id == ConditionId("UniProt", "DI-00120")
    assert first.name == "Anemia, sideroblastic, 1" and first.acronyms == ("SIDBA1",)
    assert first.xrefs == (
        ConditionId("OMIM", "300751"),
        ConditionId("MedGen", "C0221018"),
        ConditionId("MeSH", "D000747"),
        ConditionId("MeSH", "D000756"),
    )
    assert first.description.startswith("A form of sideroblastic anemia")


def test_gene_links_joined_through_variants(files):
    odd = Counter()
    links = list(load.gene_links(files["variants"], files["variant_phenotypes"], odd))
    assert links == [GeneConditionRecord(GeneRef("symbol", "ALAS2"), ConditionId("UniProt", "DI-00120"),
                                         "UniProt:DI-00120")]  # fmt: skip
    assert odd["link to unknown variant"] == 1


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (DISEASES[: len(DISEASES) // 2], "well-formed XML"),
        ("<html><body/></html>", "root element"),
        (HEAD + TAIL, "zero records"),
        (VARIANTS, "record model"),
        ("", "well-formed XML"),
    ],
)
def test_bad_files_raise(tmp_path, text, check):
    path = tmp_path / "protein_diseases.xml"
    path.write_text(text)
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_diseases(path))
    assert error.value.check == check
