"""Orphadata product 9 parsers and loader on small JDBOR XML files."""

from collections import Counter

import pytest

from ghr.sources.orphadata import SOURCE, load, parse
from ghr.sources.records import ConditionId, SourceFileError

HEAD = """<?xml version="1.0" encoding="ISO-8859-1"?>
<JDBOR date="2021-03-01 04:42:05" version="1.3.7" copyright="Orphanet (c) 2021">
  <Availability><Licence><ShortIdentifier>CC-BY-4.0</ShortIdentifier></Licence></Availability>
"""


def prevalence(kind, qualification, klass, value, place, *, status="Validated"):
    klass_xml = f'<PrevalenceClass id="1"><Name lang="en">{klass}</Name></PrevalenceClass>' if klass else (
        "<PrevalenceClass/>")  # fmt: skip
    return f"""<Prevalence id="1"><Source>ORPHANET</Source>
      <PrevalenceType id="1"><Name lang="en">{kind}</Name></PrevalenceType>
      <PrevalenceQualification id="1"><Name lang="en">{qualification}</Name></PrevalenceQualification>
      {klass_xml}<ValMoy>{value}</ValMoy>
      <PrevalenceGeographic id="1"><Name lang="en">{place}</Name></PrevalenceGeographic>
      <PrevalenceValidationStatus id="1"><Name lang="en">{status}</Name></PrevalenceValidationStatus>
    </Prevalence>"""


def disorder(code, name, inner):
    return f"""<Disorder id="9"><OrphaCode>{code}</OrphaCode>
    <Name lang="en">{name}</Name>
    <DisorderType id="21394"><Name lang="en">Disease</Name></DisorderType>{inner}</Disorder>"""


PREVALENCE = HEAD + '<DisorderList count="3">' + disorder(
    "75563", "X-linked sideroblastic anemia",
    '<PrevalenceList count="2">' + prevalence("Cases/families", "Case", "", "200.0", "Worldwide")
    + prevalence("Point prevalence", "Class only", "Unknown", "0.0", "Worldwide") + "</PrevalenceList>",
) + disorder(
    "79276", "Acute intermittent porphyria",
    '<PrevalenceList count="3">' + prevalence("Point prevalence", "Class only", "1-9 / 100 000", "0", "France")
    + prevalence("Point prevalence", "Class only", "1-9 / 1 000 000", "0", "Europe")
    + prevalence("Annual incidence", "Class only", "&lt;1 / 1 000 000", "0", "Worldwide", status="Not yet validated")
    + "</PrevalenceList>",
) + disorder("443197", "X-linked erythropoietic protoporphyria",
             '<PrevalenceList count="1">'
             + prevalence("Point prevalence", "Class only", "&lt;1 / 1 000 000", "0", "Worldwide")
             + "</PrevalenceList>") + "</DisorderList></JDBOR>"  # fmt: skip

AGES = HEAD + '<DisorderList count="3">' + disorder(
    "75563", "X-linked sideroblastic anemia",
    '<AverageAgeOfOnsetList count="1"><AverageAgeOfOnset id="1"><Name lang="en">All ages</Name>'
    '</AverageAgeOfOnset></AverageAgeOfOnsetList><TypeOfInheritanceList count="1"><TypeOfInheritance id="1">'
    '<Name lang="en">X-linked recessive</Name></TypeOfInheritance></TypeOfInheritanceList>',
) + disorder(
    "101330", "Porphyria cutanea tarda",
    '<AverageAgeOfOnsetList count="2"><AverageAgeOfOnset id="1"><Name lang="en">Adult</Name></AverageAgeOfOnset>'
    '<AverageAgeOfOnset id="2"><Name lang="en">Adolescent</Name></AverageAgeOfOnset></AverageAgeOfOnsetList>'
    '<TypeOfInheritanceList count="3"><TypeOfInheritance id="1"><Name lang="en">Autosomal dominant</Name>'
    '</TypeOfInheritance><TypeOfInheritance id="2"><Name lang="en">Multigenic/multifactorial</Name>'
    '</TypeOfInheritance><TypeOfInheritance id="3"><Name lang="en">No data available</Name>'
    "</TypeOfInheritance></TypeOfInheritanceList>",
) + disorder("", "no code", "") + "</DisorderList></JDBOR>"  # fmt: skip


@pytest.fixture
def files(tmp_path):
    paths = {"prevalence": tmp_path / "prevalence.xml", "natural_history": tmp_path / "ages.xml"}
    paths["prevalence"].write_text(PREVALENCE, encoding="latin-1")
    paths["natural_history"].write_text(AGES, encoding="latin-1")
    return paths


def test_spec():
    assert SOURCE.package == "rarecrowds" and SOURCE.version == "JDBOR 2021-03-01"


def test_parse_prevalence(files):
    disorders = list(parse.parse_prevalence(files["prevalence"]))
    assert [d.orpha_code for d in disorders] == ["75563", "79276", "443197"]
    case = disorders[0].prevalences[0]
    assert (case.type, case.qualification, case.mean_value, case.geographic) == (
        "Cases/families", "Case", 200.0, "Worldwide")  # fmt: skip


def test_parse_natural_history_counts_disorder_without_code(files):
    odd = Counter()
    disorders = list(parse.parse_natural_history(files["natural_history"], odd))
    assert [d.orpha_code for d in disorders] == ["75563", "101330"]
    assert disorders[1].onsets == ("Adult", "Adolescent") and odd["disorder without OrphaCode or name"] == 1


def test_records_merge_both_files(files):
    records = {r.id: r for r in load.records(files)}
    assert set(records) == {ConditionId("Orphanet", k) for k in ("75563", "79276", "443197", "101330")}
    xlsa = records[ConditionId("Orphanet", "75563")]
    assert xlsa.prevalence == "200 cases worldwide"  # the unknown point prevalence is skipped
    assert xlsa.onset == "All ages" and xlsa.inheritance == (("xr", "X-linked recessive"),)
    aip = records[ConditionId("Orphanet", "79276")]
    assert aip.prevalence == "1-9 / 1 000 000 (Europe, point prevalence)"  # Europe before France; unvalidated out
    assert records[ConditionId("Orphanet", "443197")].prevalence == "<1 / 1 000 000 (worldwide, point prevalence)"
    pct = records[ConditionId("Orphanet", "101330")]
    assert pct.onset == "Adolescent, adult"
    assert pct.inheritance == (("ad", "Autosomal dominant"), ("mf", "Multigenic/multifactorial"))


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (PREVALENCE[: len(PREVALENCE) - 200], "well-formed XML"),
        (PREVALENCE.replace('count="3"', 'count="4"', 1), "disorder count"),
        (PREVALENCE.replace("JDBOR", "Other"), "root element"),
        (HEAD + "</JDBOR>", "DisorderList"),
        (HEAD + '<DisorderList count="0"></DisorderList></JDBOR>', "disorder count"),
    ],
)
def test_bad_files_raise(tmp_path, text, check):
    path = tmp_path / "prevalence.xml"
    path.write_text(text, encoding="latin-1")
    with pytest.raises(SourceFileError) as error:
        list(parse.parse_prevalence(path))
    assert error.value.check == check
