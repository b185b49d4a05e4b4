"""Parsers for Orphadata product 9 XML (JDBOR): prevalence and natural history (onset, inheritance).

Streamed with ``iterparse``: each <Disorder> is read then cleared. The file must have a <JDBOR> root and a
<DisorderList count="N"> with exactly N disorders (a file cut off, or not XML, raises ``SourceFileError``);
a disorder without OrphaCode or name is skipped and counted in ``odd``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ghr.sources.records import SourceFileError


@dataclass(frozen=True, slots=True)
class Prevalence:
    """One prevalence figure of a disorder."""

    type: str
    """'Point prevalence', 'Prevalence at birth', 'Annual incidence', 'Lifetime Prevalence' or
    'Cases/families'."""
    qualification: str
    """'Value and class', 'Class only', 'Case' or 'Family'."""
    prevalence_class: str
    """'1-9 / 1 000 000', '<1 / 1 000 000', 'Unknown', or '' for case counts."""
    mean_value: float
    """ValMoy: the number of cases/families, or the mean prevalence per 100,000 (0.0 when none)."""
    geographic: str
    """'Worldwide', 'Europe', 'France'..."""
    validated: bool
    """True when the status is 'Validated'."""
    source: str
    """Orphanet's source string, e.g. '11389160[PMID]_[EXPERT]'."""


@dataclass(frozen=True, slots=True)
class PrevalenceDisorder:
    """A disorder of the prevalence file with its figures."""

    orpha_code: str
    """'75563'."""
    name: str
    """'X-linked sideroblastic anemia'."""
    disorder_type: str
    """'Disease', 'Clinical subtype', 'Malformation syndrome'..."""
    prevalences: tuple[Prevalence, ...]
    """In file order."""


@dataclass(frozen=True, slots=True)
class NaturalHistoryDisorder:
    """A disorder of the natural-history file: when it starts and how it is inherited."""

    orpha_code: str
    """'75563'."""
    name: str
    """'X-linked sideroblastic anemia'."""
    disorder_type: str
    """'Disease', 'Clinical subtype'..."""
    onsets: tuple[str, ...]
    """AverageAgeOfOnset names: 'Antenatal', 'Neonatal', 'Infancy', 'Childhood', 'Adolescent', 'Adult',
    'Elderly', 'All ages', 'No data available'."""
    inheritance: tuple[str, ...]
    """TypeOfInheritance names: 'Autosomal recessive', 'X-linked recessive', 'Not applicable'..."""
    ages_of_death: tuple[str, ...]
    """AverageAgeOfDeath names: 'normal life expectancy', 'infantile'..."""


def _name(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return (element.findtext("Name") or "").strip()


def _disorders(path: Path) -> Iterator[ET.Element]:
    """Yield each complete <Disorder> under <DisorderList>; checks root, completeness and the count."""
    depth, expected, seen = 0, None, 0
    try:
        for event, element in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                depth += 1
                expected = _check_start(path, element, depth, expected)
                continue
            depth -= 1
            if element.tag == "Disorder" and depth == 2:
                seen += 1
                yield element
                element.clear()
    except ET.ParseError as error:
        raise SourceFileError(path, "well-formed XML", str(error)) from error
    if expected is None:
        raise SourceFileError(path, "DisorderList", "no <DisorderList count=...>")
    if seen != expected or seen == 0:
        raise SourceFileError(path, "disorder count", f"{seen} disorders, DisorderList says {expected}")


def _check_start(path: Path, element: ET.Element, depth: int, expected: int | None) -> int | None:
    if depth == 1 and element.tag != "JDBOR":
        raise SourceFileError(path, "root element", f"<{element.tag}>, expected <JDBOR>")
    if depth == 2 and element.tag == "DisorderList":
        count = element.get("count", "")
        if not count.isdigit():
            raise SourceFileError(path, "DisorderList", f"count={count!r}")
        return int(count)
    return expected


def _ok(disorder: ET.Element, odd: Counter | None) -> tuple[str, str] | None:
    code = (disorder.findtext("OrphaCode") or "").strip()
    name = (disorder.findtext("Name") or "").strip()
    if code.isdigit() and name:
        return code, name
    if odd is not None:
        odd["disorder without OrphaCode or name"] += 1
    return None


def _prevalence(element: ET.Element) -> Prevalence:
    try:
        mean = float(element.findtext("ValMoy") or 0)
    except ValueError:
        mean = 0.0
    return Prevalence(
        type=_name(element.find("PrevalenceType")),
        qualification=_name(element.find("PrevalenceQualification")),
        prevalence_class=_name(element.find("PrevalenceClass")),
        mean_value=mean,
        geographic=_name(element.find("PrevalenceGeographic")),
        validated=_name(element.find("PrevalenceValidationStatus")) == "Validated",
        source=(element.findtext("Source") or "").strip(),
    )


# Sample input:
# <Disorder id="10543">
#   <OrphaCode>75563</OrphaCode>
#   <Name lang="en">X-linked sideroblastic anemia</Name>
#   <DisorderType id="21394"><Name lang="en">Disease</Name></DisorderType>
#   <PrevalenceList count="2">
#     <Prevalence id="6188">
#       <Source>ORPHANET</Source>
#       <PrevalenceType id="23697"><Name lang="en">Cases/families</Name></PrevalenceType>
#       <PrevalenceQualification id="23718"><Name lang="en">Case</Name></PrevalenceQualification>
#       <PrevalenceClass/>
#       <ValMoy>200.0</ValMoy>
#       <PrevalenceGeographic id="23844"><Name lang="en">Worldwide</Name></PrevalenceGeographic>
#       <PrevalenceValidationStatus id="25958"><Name lang="en">Validated</Name></PrevalenceValidationStatus>
#     </Prevalence> ...
def parse_prevalence(path: Path, odd: Counter | None = None) -> Iterator[PrevalenceDisorder]:
    for disorder in _disorders(path):
        ids = _ok(disorder, odd)
        if ids is None:
            continue
        yield PrevalenceDisorder(
            orpha_code=ids[0],
            name=ids[1],
            disorder_type=_name(disorder.find("DisorderType")),
            prevalences=tuple(_prevalence(p) for p in disorder.iter("Prevalence")),
        )


# Sample input:
# <Disorder id="17601">
#   <OrphaCode>166024</OrphaCode>
#   <Name lang="en">Multiple epiphyseal dysplasia, Al-Gazali type</Name>
#   <DisorderType id="21394"><Name lang="en">Disease</Name></DisorderType>
#   <AverageAgeOfOnsetList count="2">
#     <AverageAgeOfOnset id="23522"><Name lang="en">Infancy</Name></AverageAgeOfOnset> ...
#   <AverageAgeOfDeathList count="0"></AverageAgeOfDeathList>
#   <TypeOfInheritanceList count="1">
#     <TypeOfInheritance id="23417"><Name lang="en">Autosomal recessive</Name></TypeOfInheritance> ...
def parse_natural_history(path: Path, odd: Counter | None = None) -> Iterator[NaturalHistoryDisorder]:
    for disorder in _disorders(path):
        ids = _ok(disorder, odd)
        if ids is None:
            continue
        yield NaturalHistoryDisorder(
            orpha_code=ids[0],
            name=ids[1],
            disorder_type=_name(disorder.find("DisorderType")),
            onsets=tuple(_name(e) for e in disorder.iter("AverageAgeOfOnset")),
            inheritance=tuple(_name(e) for e in disorder.iter("TypeOfInheritance")),
            ages_of_death=tuple(_name(e) for e in disorder.iter("AverageAgeOfDeath")),
        )
