"""Parsers for HPO's own release files: hp.obo, phenotype.hpoa and genes_to_phenotype.txt.

Each parser is a streaming generator. A file that is not what it should be (wrong header, wrong number of
fields, cut off, empty) raises ``SourceFileError`` naming the check; single odd rows are skipped and counted
in the optional ``odd`` counter under a short reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ghr.sources.records import SourceFileError

HPO_ID = re.compile(r"HP:\d{7}")
DISEASE_ID = re.compile(r"(OMIM|ORPHA|DECIPHER):\d+")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"(.*)')


@contextmanager
def _utf8_text(path: Path) -> Iterator[TextIO]:
    """Open a text file; bytes that are not UTF-8 fail as a file error naming the file, not a bare traceback."""
    with open(path, encoding="utf-8") as handle:
        try:
            yield handle
        except UnicodeDecodeError as error:
            raise SourceFileError(path, "UTF-8 text", str(error)) from error


@dataclass(frozen=True, slots=True)
class HpoTerm:
    """One [Term] stanza of hp.obo."""

    id: str
    """'HP:0001419'."""
    name: str
    """'X-linked recessive inheritance'."""
    definition: str = ""
    """The quoted text of the ``def:`` line, without its references."""
    synonyms: tuple[str, ...] = ()
    """Every synonym that is not a layperson one, in file order."""
    layperson_synonyms: tuple[str, ...] = ()
    """Synonyms typed ``layperson``: everyday words for the feature."""
    obsolete: bool = False
    """True when the term carries ``is_obsolete: true``."""
    parents: tuple[str, ...] = ()
    """HPO IDs of its ``is_a`` parents."""


@dataclass(frozen=True, slots=True)
class HpoaRow:
    """One annotation line of phenotype.hpoa."""

    database_id: str
    """'OMIM:300751', 'ORPHA:75563' or 'DECIPHER:1'."""
    disease_name: str
    """As HPO gives it; OMIM names are inverted: 'Anemia, sideroblastic, X-linked'."""
    qualifier: str
    """'NOT' when the disease does not have the feature, else ''."""
    hpo_id: str
    """The annotated term, 'HP:0001419'."""
    reference: str
    """Evidence source(s): 'PMID:1570328', 'OMIM:300751', 'ORPHA:75563'; several are ';'-separated."""
    evidence: str
    """'PCS', 'TAS' or 'IEA'."""
    onset: str
    """HPO onset term or ''."""
    frequency: str
    """'HP:0040281', '3/5', '50%' or ''."""
    sex: str
    """'MALE', 'FEMALE' or ''."""
    modifier: str
    """HPO modifier terms, ';'-separated."""
    aspect: str
    """'P' phenotypic abnormality, 'I' inheritance, 'C' onset and course, 'M' modifier, 'H' history."""
    biocuration: str
    """Curators and dates."""


@dataclass(frozen=True, slots=True)
class GenePhenotypeRow:
    """One line of genes_to_phenotype.txt: a gene, a feature and the disease that links them."""

    ncbi_gene_id: str
    """'212'."""
    gene_symbol: str
    """'ALAS2'."""
    hpo_id: str
    """'HP:0001903'."""
    hpo_name: str
    """'Anemia'."""
    frequency: str
    """'HP:0040281', '1/2' or '-'."""
    disease_id: str
    """'OMIM:300751' or 'ORPHA:75563'."""


HPOA_COLUMNS = (
    "database_id",
    "disease_name",
    "qualifier",
    "hpo_id",
    "reference",
    "evidence",
    "onset",
    "frequency",
    "sex",
    "modifier",
    "aspect",
    "biocuration",
)
GENES_TO_PHENOTYPE_COLUMNS = ("ncbi_gene_id", "gene_symbol", "hpo_id", "hpo_name", "frequency", "disease_id")


def _count(odd: Counter | None, reason: str) -> None:
    if odd is not None:
        odd[reason] += 1


def _quoted(value: str) -> tuple[str, str]:
    """'"text \\" more" EXACT layperson []' -> ('text " more', ' EXACT layperson []')."""
    match = _QUOTED.match(value)
    if not match:
        return "", value
    return match.group(1).replace('\\"', '"').replace("\\\\", "\\"), match.group(2)


class _Stanza:
    """The tags of one [Term] stanza gathered while reading."""

    __slots__ = ("definition", "id", "lay", "name", "obsolete", "parents", "synonyms")

    def __init__(self) -> None:
        self.id = self.name = self.definition = ""
        self.synonyms: list[str] = []
        self.lay: list[str] = []
        self.parents: list[str] = []
        self.obsolete = False

    def add(self, tag: str, value: str) -> None:
        if tag == "id":
            self.id = value
        elif tag == "name":
            self.name = value
        elif tag == "def":
            self.definition = _quoted(value)[0]
        elif tag == "synonym":
            text, rest = _quoted(value)
            (self.lay if " layperson" in rest.split("[", 1)[0] else self.synonyms).append(text)
        elif tag == "is_obsolete":
            self.obsolete = value == "true"
        elif tag == "is_a":
            self.parents.append(value.split("!", 1)[0].strip())

    def term(self) -> HpoTerm:
        return HpoTerm(self.id, self.name, self.definition, tuple(self.synonyms), tuple(self.lay), self.obsolete,
                       tuple(self.parents))  # fmt: skip


# Sample input:
# [Term]
# id: HP:0000002
# name: Abnormality of body height
# def: "Deviation from the norm of height ..." [https://orcid.org/0000-0002-0736-9199]
# synonym: "Abnormality of body height" EXACT layperson []
def parse_obo(path: Path, odd: Counter | None = None) -> Iterator[HpoTerm]:
    """Yield every [Term] of an OBO 1.2 file (obsolete ones too, flagged)."""
    with _utf8_text(path) as handle:
        first = handle.readline()
        if not first.startswith("format-version:"):
            raise SourceFileError(path, "OBO header", f"first line is {first[:40]!r}")
        stanza: _Stanza | None = None
        count = 0
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                if stanza is not None:
                    count += _finish(path, stanza, odd, last=False)
                    yield from _emit(stanza)
                stanza = _Stanza() if line == "[Term]" else None
            elif stanza is not None and ": " in line:
                tag, value = line.split(": ", 1)
                stanza.add(tag, value)
        if stanza is not None:
            count += _finish(path, stanza, odd, last=True)
            yield from _emit(stanza)
    if count == 0:
        raise SourceFileError(path, "zero records", "no [Term] stanza")


def _finish(path: Path, stanza: _Stanza, odd: Counter | None, last: bool) -> int:
    if HPO_ID.fullmatch(stanza.id) and stanza.name:
        return 1
    if last:
        raise SourceFileError(path, "truncated term", f"last stanza {stanza.id!r} has no id or name")
    _count(odd, "term without id or name")
    stanza.id = ""
    return 0


def _emit(stanza: _Stanza) -> Iterator[HpoTerm]:
    if stanza.id:
        yield stanza.term()


def _header(path: Path, handle, expected: tuple[str, ...], comments: bool) -> None:
    for line in handle:
        if comments and line.startswith("#"):
            continue
        columns = tuple(line.rstrip("\n").split("\t"))
        if columns != expected:
            missing = [c for c in expected if c not in columns]
            raise SourceFileError(path, "header columns", f"missing {missing}" if missing else "order differs")
        return
    raise SourceFileError(path, "header columns", "file has no header line")


def _rows(path: Path, handle, width: int) -> Iterator[list[str]]:
    for number, line in enumerate(handle, start=2):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != width:
            raise SourceFileError(path, "field count", f"line {number}: {len(fields)} fields, expected {width}")
        yield fields


# Sample input (fields joined by tabs, shown as \t; after '#' lines and the column header):
# OMIM:300751\tAnemia, sideroblastic, X-linked\t\tHP:0001419\tPMID:1570328\tPCS\t\t\t\t\tI\tHPO:sk[2012]
def parse_hpoa(path: Path, odd: Counter | None = None) -> Iterator[HpoaRow]:
    """Yield the annotation rows of phenotype.hpoa; rows with a bad disease or term ID are skipped."""
    count = 0
    with _utf8_text(path) as handle:
        _header(path, handle, HPOA_COLUMNS, comments=True)
        for fields in _rows(path, handle, len(HPOA_COLUMNS)):
            row = HpoaRow(*fields)
            if not DISEASE_ID.fullmatch(row.database_id):
                _count(odd, "bad database_id")
            elif not HPO_ID.fullmatch(row.hpo_id):
                _count(odd, "bad hpo_id")
            else:
                count += 1
                yield row
    if count == 0:
        raise SourceFileError(path, "zero records", "no annotation rows")


# Sample input (tabs shown as \t; after the column header):
# 212\tALAS2\tHP:0001903\tAnemia\t-\tOMIM:300751
def parse_genes_to_phenotype(path: Path, odd: Counter | None = None) -> Iterator[GenePhenotypeRow]:
    """Yield the rows of genes_to_phenotype.txt; rows with a bad gene or disease ID are skipped."""
    count = 0
    with _utf8_text(path) as handle:
        _header(path, handle, GENES_TO_PHENOTYPE_COLUMNS, comments=False)
        for fields in _rows(path, handle, len(GENES_TO_PHENOTYPE_COLUMNS)):
            row = GenePhenotypeRow(*fields)
            if not row.ncbi_gene_id.isdigit() or not row.gene_symbol:
                _count(odd, "bad gene")
            elif not DISEASE_ID.fullmatch(row.disease_id):
                _count(odd, "bad disease_id")
            else:
                count += 1
                yield row
    if count == 0:
        raise SourceFileError(path, "zero records", "no gene rows")
