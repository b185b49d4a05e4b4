"""Ideogram.js gene caches: small gzip files in their format, written by the tests."""

import gzip

import pytest

from ghr.sources.ensembl_genes import SOURCE
from ghr.sources.ensembl_genes.load import records
from ghr.sources.ensembl_genes.parse import ParseStats, parse_genes
from ghr.sources.records import GeneLocationRecord, GeneNameRecord, GeneRef, SourceFileError

GENES = (
    "## Ideogram.js gene cache for Homo sapiens\n"
    "## Derived from https://ftp.ensembl.org/pub/release-110/gff3/homo_sapiens/Homo_sapiens.GRCh38.110.gff3.gz\n"
    "## tissues: Adipose_Subcutaneous,FF6600;Whole_Blood,FF00BB\n"
    "## prefix: ENSG\n"
    "# chr\tstart\tlength\tslim_id\tsymbol\tdescription\ttop_tissues\ttop_tissues_in_gene\n"
    "X\t55009055\t21922\t158578\tALAS2\t5'-aminolevulinate synthase 2\t48\t21,48,2\n"
    "17\t7661779\t25759\t141510\tTP53\ttumor protein p53\t\t10,11,14\n"
    "KI270727.1\t1000\t500\t275000\tFAKE1\ton an unplaced contig\t\t\n"
)
SYNONYMS = "## Ideogram.js gene synonym cache for Homo sapiens\n# symbol\tsynonyms\nALAS2\tALAS-E\tASB\nNOPE1\tNP1\n"
STRUCTURES = (
    "## Ideogram.js gene structure cache for Homo sapiens\n"
    "## subpart keys: 0 = 5'-UTR, 1 = exon, 2 = 3'-UTR\n"
    "# transcript_name\tbiotype_compressed\t\tstrand\tfeatures\n"
    "ALAS2-201\t34\t0\t-\t2;0;90\t1;0;254\n"
    "ALAS2-202\t0\t0\t-\t2;0;124\n"
    "TP53-201\t0\t0\t-\t2;0;10\n"
    "FAKE1-201\t0\t0\t+\t1;0;500\n"
)


@pytest.fixture
def files(tmp_path):
    def files(genes=GENES, synonyms=SYNONYMS, structures=STRUCTURES, *, cut=0):
        paths = {}
        for name, text in {"genes": genes, "synonyms": synonyms, "gene_structures": structures}.items():
            data = gzip.compress(text.encode("utf-8"))
            paths[name] = tmp_path / f"homo-sapiens-{name}.tsv.gz"
            paths[name].write_bytes(data[: len(data) - cut] if name == "genes" else data)
        return paths

    return files


def test_alas2_location_is_one_based_and_matches_mane(files):
    stats = ParseStats()
    out = list(records(files(), stats))
    alas2 = GeneRef("ensembl", "ENSG00000158578")
    assert out == [
        GeneLocationRecord(alas2, "GRCh38", "X", 55009055, 55030977, "-", "Ensembl 110"),
        GeneLocationRecord(GeneRef("ensembl", "ENSG00000141510"), "GRCh38", "17", 7661779, 7687538, "-", "Ensembl 110"),
        GeneNameRecord(alas2, "ALAS-E", "alias_symbol"),
        GeneNameRecord(alas2, "ASB", "alias_symbol"),
        GeneNameRecord(GeneRef("symbol", "NOPE1"), "NP1", "alias_symbol"),
    ]
    assert stats.notes == ["1 genes on unplaced contigs left out"]


def test_gene_without_strand_is_left_out_and_said(files):
    stats = ParseStats()
    structures = STRUCTURES.replace("TP53-201", "TP63-201")
    out = list(records(files(structures=structures), stats))
    assert [r.gene.value for r in out if isinstance(r, GeneLocationRecord)] == ["ENSG00000158578"]
    assert "1 genes with no strand in the gene-structure cache left out" in stats.notes


def test_bad_number_is_counted(files):
    stats = ParseStats()
    genes = list(parse_genes(files(genes=GENES.replace("\t21922\t", "\tlong\t"))["genes"], stats))
    assert [g.symbol for g in genes] == ["TP53", "FAKE1"]
    assert stats.rejected == 1


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"genes": GENES + GENES.splitlines(keepends=True)[-2] * 200, "cut": 12}, "complete gzip stream"),
        ({"genes": GENES.replace("# chr\tstart", "# chrom\tstart")}, "header line"),
        ({"genes": GENES.replace("\t48\t21,48,2", "")}, "fields per row"),
        ({"genes": GENES.split("X\t", maxsplit=1)[0]}, "at least one gene row"),
        ({"synonyms": "# symbol\tsynonyms\n"}, "at least one synonym row"),
        ({"structures": STRUCTURES.replace("\tstrand", "\tdirection")}, "header line"),
        ({"genes": ""}, "header line"),
    ],
    ids=["truncated", "renamed-column", "short-row", "no-genes", "no-synonyms", "structures-header", "empty"],
)
def test_broken_files_raise_naming_the_check(files, kwargs, check):
    with pytest.raises(SourceFileError) as caught:
        list(records(files(**kwargs)))
    assert caught.value.check == check
    assert caught.value.path.endswith(".tsv.gz")


def test_not_gzip_raises(tmp_path, files):
    paths = files()
    paths["genes"].write_text(GENES)
    with pytest.raises(SourceFileError, match="complete gzip stream"):
        list(records(paths))


def test_source_names_the_package_files():
    assert SOURCE.package == "ideogram"
    assert set(SOURCE.files) == {"genes", "synonyms", "gene_structures"}
