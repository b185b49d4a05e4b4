"""UCSC hg38 bands and bioframe seqinfo: small files in their format, written by the tests."""

import pytest

from ghr.sources.cytobands import SOURCE
from ghr.sources.cytobands.bands import band_for_span
from ghr.sources.cytobands.load import records
from ghr.sources.records import BandRecord, ChromosomeRecord, SourceFileError

SEQINFO_HEADER = "name\tlength\trole\tmolecule\tunit\taliases\n"
SEQINFO_ROWS = "".join(
    f"chr{name}\t{length}\tassembled\tchr{name}\tprimary\t{name}\n"
    for name, length in [*((str(n), 50_000_000 + n) for n in range(1, 23)), ("X", 156040895), ("Y", 57227415)]
)
CHRM = "chrM\t16569\tassembled\tchrM\tnon-nuclear\tMT,J01415.2,NC_012920.1\n"
CONTIG = "chr1_KI270706v1_random\t175055\tunlocalized\tchr1\tprimary\tHSCHR1_CTG1_UNLOCALIZED\n"
SEQINFO = SEQINFO_HEADER + SEQINFO_ROWS + CHRM + CONTIG

CYTOBANDS = (
    "chrom\tstart\tend\tband\tstain\n"
    "chrX\t50100000\t54800000\tp11.22\tgpos25\n"
    "chrX\t54800000\t58100000\tp11.21\tgneg\n"
    "chrX\t58100000\t61000000\tp11.1\tacen\n"
    "chrX\t61000000\t63800000\tq11.1\tacen\n"
    "chr1_KI270706v1_random\t0\t175055\t\tgneg\n"
)


@pytest.fixture
def files(tmp_path):
    def files(cytobands=CYTOBANDS, seqinfo=SEQINFO):
        paths = {"cytobands": tmp_path / "hg38.cytoband.tsv", "seqinfo": tmp_path / "hg38.seqinfo.tsv"}
        paths["cytobands"].write_text(cytobands)
        paths["seqinfo"].write_text(seqinfo)
        return paths

    return files


def test_chromosomes_and_bands(files):
    out = list(records(files()))
    chromosomes = [r for r in out if isinstance(r, ChromosomeRecord)]
    assert [c.name for c in chromosomes] == [*(str(n) for n in range(1, 23)), "X", "Y", "MT"]
    assert chromosomes[-1] == ChromosomeRecord("MT", 16569)
    assert chromosomes[-3] == ChromosomeRecord("X", 156040895)
    bands = [r for r in out if isinstance(r, BandRecord)]
    assert bands[1] == BandRecord("X", "p11.21", 54800000, 58100000, "gneg")
    assert len(bands) == 4


def test_ucsc_file_without_header_is_accepted(files):
    bands = [r for r in records(files(cytobands=CYTOBANDS.split("\n", 1)[1])) if isinstance(r, BandRecord)]
    assert len(bands) == 4


def test_alas2_span_lies_in_xp11_21(files):
    bands = [r for r in records(files()) if isinstance(r, BandRecord)]
    assert band_for_span(bands, 55_009_055, 55_030_977) == "p11.21"


def test_span_over_several_bands_is_a_range_in_hgnc_style():
    q = [BandRecord("1", "q21.1", 100, 200, "gneg"), BandRecord("1", "q21.2", 200, 300, "gpos50"),
         BandRecord("1", "q21.3", 300, 400, "gneg")]  # fmt: skip
    assert band_for_span(list(reversed(q)), 150, 350) == "q21.1-q21.3"
    # 1-based 200 is 0-based 199, the last base of q21.1; 201 is the first base of q21.2.
    assert band_for_span(q, 200, 200) == "q21.1"
    assert band_for_span(q, 201, 201) == "q21.2"
    assert band_for_span(q, 401, 500) == ""
    assert band_for_span([], 1, 10) == ""


@pytest.mark.parametrize(
    ("kwargs", "name", "check"),
    [
        ({"seqinfo": SEQINFO_HEADER + SEQINFO_ROWS}, "seqinfo", "all chromosomes 1-22, X, Y and M"),
        ({"seqinfo": "chrom\tsize\n" + SEQINFO_ROWS}, "seqinfo", "header columns"),
        ({"seqinfo": SEQINFO[:-40]}, "seqinfo", "fields per row"),
        ({"seqinfo": SEQINFO_HEADER}, "seqinfo", "at least one sequence row"),
        ({"cytobands": CYTOBANDS[:-30]}, "cytobands", "fields per row"),
        ({"cytobands": CYTOBANDS.replace("54800000\tp11.22", "5480000O\tp11.22")}, "cytobands", "band start and end"),
        ({"cytobands": "chrom\tstart\tend\tband\tstain\n"}, "cytobands", "at least one band row"),
        ({"cytobands": CYTOBANDS.replace("63800000", "163800000")}, "cytobands", "bands lie within their chromosome"),
    ],
    ids=["no-chrM", "wrong-header", "truncated-seqinfo", "no-sequences", "truncated-bands", "corrupt-number",
         "no-bands", "other-assembly"],
)  # fmt: skip
def test_broken_files_raise_naming_file_and_check(files, kwargs, name, check):
    paths = files(**kwargs)
    with pytest.raises(SourceFileError) as caught:
        list(records(paths))
    assert caught.value.check == check
    assert caught.value.path == str(paths[name])


def test_source_names_the_package_files():
    assert SOURCE.package == "bioframe"
    assert SOURCE.files["cytobands"] == "bioframe/io/data/hg38.cytoband.tsv"
