"""GARD parser and loader on a small JSON file in the gard package's format."""

import json
from collections import Counter

import pytest

from ghr.sources.gard import SOURCE, load, parse
from ghr.sources.records import ConditionId, SourceFileError

DISEASES = [
    {"id": 9456, "name": "X-linked sideroblastic anemia", "encodedName": "x-linked-sideroblastic-anemia",
     "synonyms": ["XLSA"], "diseaseCategories": ["Inborn Errors of Metabolism", "Genetics", "Hematology"]},
    {"id": 17755, "name": "X-linked erythropoietic protoporphyria",
     "encodedName": "x-linked-erythropoietic-protoporphyria",
     "synonyms": ["X-linked dominant erythropoietic protoporphyria", "XLDPP", "XLPP"]},
    {"id": "bad", "name": "no number"},
    {"id": 5, "name": ""},
]  # fmt: skip


def write(tmp_path, data):
    path = tmp_path / "diseases.trimmed.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_spec():
    assert SOURCE.key == "gard" and SOURCE.files == {"diseases": "gard/diseases.trimmed.json"}


def test_parse_counts_odd_entries(tmp_path):
    odd = Counter()
    diseases = list(parse.parse_diseases(write(tmp_path, DISEASES), odd))
    assert [d.id for d in diseases] == [9456, 17755]
    assert odd["entry without id or name"] == 2
    assert diseases[0].categories == ("Inborn Errors of Metabolism", "Genetics", "Hematology")


def test_records_use_mondo_key_form_and_split_acronyms(tmp_path):
    records = list(load.records({"diseases": write(tmp_path, DISEASES)}))
    xlsa, xlepp = records
    assert xlsa.id == ConditionId("GARD", "0009456")
    assert xlsa.consumer_names == ("X-linked sideroblastic anemia",) and xlsa.acronyms == ("XLSA",)
    assert xlepp.acronyms == ("XLDPP", "XLPP")
    assert xlepp.synonyms == ("X-linked dominant erythropoietic protoporphyria",)


def test_gard_key_forms():
    assert load.gard_key(9456) == load.gard_key("9456") == load.gard_key("0009456") == "0009456"


@pytest.mark.parametrize(
    ("text", "check"),
    [('[{"id": 1, "name": "x"', "valid JSON"), ('{"id": 1}', "JSON array"), ("[]", "zero records")],
)
def test_bad_files_raise(tmp_path, text, check):
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_diseases(write(tmp_path, text)))
    assert error.value.check == check
