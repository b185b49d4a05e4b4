"""GNU Health gene XML: small files in the Tryton format, written by the tests."""

import pytest

from ghr.sources.gnuhealth_genes import SOURCE
from ghr.sources.gnuhealth_genes.load import chromosome_from_location, records
from ghr.sources.gnuhealth_genes.parse import ParseStats, parse_genes
from ghr.sources.records import GeneNameRecord, GeneRecord, GeneRef, SourceFileError

ALAS2 = (
    """<record model="gnuhealth.gene" id="ALAS2">
\t<field name="hgnc_id">HGNC:397</field>
\t<field name="name">ALAS2</field>
\t<field name="long_name">5'-aminolevulinate synthase 2</field>
\t<field name="gene_type">protein_coding</field>
\t<field name="chromosome">X</field>
\t<field name="location">Xp11.21</field>
\t<field name="aliases">ALAS-E</field>
\t<field name="name_aliases">sideroblastic/hypochromic anemia|"""
    """erythroid-specific delta-aminolevulinate synthase</field>
\t<field name="gene_id">212</field>
\t<field name="ensembl_id">ENSG00000158578</field>
\t<field name="refseq_accession">NM_000032</field>
\t<field name="protein_name">P22557</field>
\t<field name="omim_id">301300</field>
</record>
"""
)

RENAMED = """<record model="gnuhealth.gene" id="SOGA1">
\t<field name="hgnc_id">HGNC:16111</field>
\t<field name="name">MTCL2</field>
\t<field name="long_name">microtubule crosslinking factor 2</field>
\t<field name="gene_type">protein_coding</field>
\t<field name="chromosome">20</field>
\t<field name="location">20q11.23</field>
\t<field name="aliases"></field>
\t<field name="name_aliases"></field>
\t<field name="gene_id">140710</field>
\t<field name="ensembl_id">ENSG00000149639</field>
\t<field name="refseq_accession">NM_080627|NM_199181</field>
\t<field name="protein_name">O94964|Q5TFQ8</field>
\t<field name="omim_id"></field>
</record>
"""


def tryton(*records: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8" ?>\n<tryton>\n<data grouped="1">\n'
        + "".join(records)
        + "</data>\n</tryton>\n"
    )


@pytest.fixture
def write(tmp_path):
    def write(text: str):
        path = tmp_path / "human_genes_grch38.xml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_alas2_gives_gene_and_names(write):
    path = write(tryton(ALAS2))
    out = list(records({"genes": path}))
    ref = GeneRef("hgnc", "HGNC:397")
    assert out == [
        GeneRecord(
            symbol="ALAS2",
            name="5'-aminolevulinate synthase 2",
            hgnc_id="HGNC:397",
            locus_type="protein_coding",
            chromosome="X",
            band="Xp11.21",
            ncbi_gene_id=212,
            ensembl_id="ENSG00000158578",
            refseq_accession="NM_000032",
            uniprot_ids=("P22557",),
            omim_ids=("301300",),
        ),
        GeneNameRecord(ref, "ALAS-E", "alias_symbol"),
        GeneNameRecord(ref, "sideroblastic/hypochromic anemia", "alias_name"),
        GeneNameRecord(ref, "erythroid-specific delta-aminolevulinate synthase", "alias_name"),
    ]


def test_multi_valued_fields_empty_fields_and_old_record_id(write):
    path = write(tryton(ALAS2, RENAMED))
    out = [r for r in records({"genes": path}) if r.__class__ is GeneRecord or r.gene.value == "HGNC:16111"]
    mtcl2 = out[1]
    assert mtcl2.uniprot_ids == ("O94964", "Q5TFQ8")
    assert mtcl2.refseq_accession == "NM_080627"
    assert mtcl2.omim_ids == ()
    assert out[2:] == [GeneNameRecord(GeneRef("hgnc", "HGNC:16111"), "SOGA1", "previous_symbol")]


def test_bad_row_is_counted_not_fatal(write):
    bad = ALAS2.replace("HGNC:397", "397").replace('id="ALAS2"', 'id="X1"')
    stats = ParseStats()
    genes = list(parse_genes(write(tryton(ALAS2, bad)), stats))
    assert [g.symbol for g in genes] == ["ALAS2"]
    assert (stats.read, stats.rejected) == (2, 1)


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (tryton(ALAS2)[:-200], "well-formed XML"),
        (tryton(ALAS2).replace("</field>", "</feld>", 1), "well-formed XML"),
        (tryton(ALAS2).replace("tryton>", "odoo>"), "root element is <tryton>"),
        (
            tryton(ALAS2.replace('"hgnc_id"', '"hgnc"')),
            "gene records have hgnc_id, name and long_name fields",
        ),
        (tryton(), "at least one gnuhealth.gene record"),
        ("", "well-formed XML"),
    ],
    ids=["truncated", "corrupt", "wrong-root", "renamed-field", "empty", "zero-bytes"],
)
def test_broken_files_raise_naming_file_and_check(write, text, check):
    path = write(text)
    with pytest.raises(SourceFileError) as caught:
        list(records({"genes": path}))
    assert caught.value.check == check
    assert caught.value.path == str(path)


@pytest.mark.parametrize(
    ("location", "chromosome"),
    [
        ("Xp11.21", "X"),
        ("Xq28 and Yq12", "X and Y"),
        ("mitochondria", "MT"),
        ("12", "12"),
        ("1q43-q44", "1"),
        ("22 unplaced", "22"),
        ("reserved", ""),
        ("not on reference assembly", ""),
        ("", ""),
    ],
)
def test_chromosome_from_location(location, chromosome):
    assert chromosome_from_location(location) == chromosome


def test_source_spec_names_the_package_file():
    assert SOURCE.package == "gnuhealth-genetics"
    assert SOURCE.files["genes"].endswith("human_genes_grch38.xml")
