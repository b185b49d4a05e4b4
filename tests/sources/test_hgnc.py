"""HGNC complete set: small files in HGNC's tab-separated format, written by the tests."""

import pytest

from ghr.sources.hgnc import SOURCE
from ghr.sources.hgnc.load import gene_type_code, publisher_release, records
from ghr.sources.hgnc.parse import ParseStats, parse_complete_set
from ghr.sources.records import (
    GeneGroupRecord,
    GeneNameRecord,
    GeneRecord,
    GeneRef,
    GeneReferenceRecord,
    SourceFileError,
)

HEADER = [
    "hgnc_id",
    "symbol",
    "name",
    "locus_group",
    "locus_type",
    "status",
    "location",
    "location_sortable",
    "alias_symbol",
    "alias_name",
    "prev_symbol",
    "prev_name",
    "gene_group",
    "gene_group_id",
    "date_approved_reserved",
    "date_symbol_changed",
    "date_name_changed",
    "date_modified",
    "entrez_id",
    "ensembl_gene_id",
    "vega_id",
    "ucsc_id",
    "ena",
    "refseq_accession",
    "ccds_id",
    "uniprot_ids",
    "pubmed_id",
    "mgd_id",
    "rgd_id",
    "lsdb",
    "cosmic",
    "omim_id",
    "mirbase",
    "homeodb",
    "snornabase",
    "bioparadigms_slc",
    "orphanet",
    "pseudogene.org",
    "horde_id",
    "merops",
    "imgt",
    "iuphar",
    "kznf_gene_catalog",
    "mamit-trnadb",
    "cd",
    "lncrnadb",
    "enzyme_id",
    "intermediate_filament_db",
    "rna_central_ids",
    "lncipedia",
    "gtrnadb",
    "agr",
    "mane_select",
    "gencc",
]

ALAS2 = {
    "hgnc_id": "HGNC:397",
    "symbol": "ALAS2",
    "name": "5'-aminolevulinate synthase 2",
    "locus_group": "protein-coding gene",
    "locus_type": "gene with protein product",
    "status": "Approved",
    "location": "Xp11.21",
    "location_sortable": "Xp11.21",
    "alias_symbol": "ALAS-E",
    "alias_name": '"sideroblastic/hypochromic anemia|erythroid-specific delta-aminolevulinate synthase"',
    "prev_symbol": '"ASB|ANH1"',
    "prev_name": '"aminolevulinate, delta-, synthase 2"',
    "entrez_id": "212",
    "ensembl_gene_id": "ENSG00000158578",
    "refseq_accession": "NM_000032",
    "uniprot_ids": "P22557",
    "pubmed_id": '"1570328|1577484"',
    "omim_id": "301300",
    "orphanet": "119573",
    "mane_select": '"ENST00000650242.1|NM_000032.5"',
}

# A gene in two of HGNC's gene groups (the second group is made up, to show the '|'-separated layout).
A1BG = {
    "hgnc_id": "HGNC:5",
    "symbol": "A1BG",
    "name": "alpha-1-B glycoprotein",
    "locus_group": "protein-coding gene",
    "locus_type": "gene with protein product",
    "status": "Approved",
    "location": "19q13.43",
    "gene_group": '"Immunoglobulin like domain containing|Example group"',
    "gene_group_id": '"594|9999"',
    "entrez_id": "1",
}

WITHDRAWN = {
    "hgnc_id": "HGNC:1",
    "symbol": "A12M1~withdrawn",
    "name": "entry withdrawn",
    "status": "Entry Withdrawn",
}


def row(values: dict[str, str], header=HEADER) -> str:
    return "\t".join(values.get(column, "") for column in header) + "\n"


def complete_set(*rows: dict[str, str], header=HEADER) -> str:
    return "\t".join(header) + "\n" + "".join(row(values, header) for values in rows)


@pytest.fixture
def write(tmp_path):
    def write(text: str):
        path = tmp_path / "hgnc_complete_set.txt"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_alas2_row_gives_gene_names_and_references(write):
    stats = ParseStats()
    out = list(records({"complete_set": write(complete_set(ALAS2, WITHDRAWN))}, stats))
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
            orphanet_id="119573",
            mane_select=("ENST00000650242.1", "NM_000032.5"),
        ),
        GeneNameRecord(ref, "ASB", "previous_symbol"),
        GeneNameRecord(ref, "ANH1", "previous_symbol"),
        GeneNameRecord(ref, "ALAS-E", "alias_symbol"),
        GeneNameRecord(ref, "aminolevulinate, delta-, synthase 2", "previous_name"),
        GeneNameRecord(ref, "sideroblastic/hypochromic anemia", "alias_name"),
        GeneNameRecord(ref, "erythroid-specific delta-aminolevulinate synthase", "alias_name"),
        GeneReferenceRecord(ref, 1570328),
        GeneReferenceRecord(ref, 1577484),
    ]
    assert stats.read == 2
    assert stats.notes == ["1 rows whose status is not 'Approved' were left out"]


def test_release_is_the_latest_date_modified(write):
    path = write(complete_set(dict(ALAS2, date_modified="2023-03-15"), dict(A1BG, date_modified="2025-06-03")))
    assert publisher_release({"complete_set": path}) == "2025-06-03"


def test_gene_groups_are_read_pairwise(write):
    out = list(records({"complete_set": write(complete_set(A1BG))}))
    ref = GeneRef("hgnc", "HGNC:5")
    assert [record for record in out if isinstance(record, GeneGroupRecord)] == [
        GeneGroupRecord(ref, 594, "Immunoglobulin like domain containing"),
        GeneGroupRecord(ref, 9999, "Example group"),
    ]


def test_gene_group_ids_that_do_not_match_the_names_reject_the_row(write):
    stats = ParseStats()
    bad = dict(A1BG, gene_group_id="594")
    assert list(parse_complete_set(write(complete_set(bad)), stats)) == []
    assert dict(stats.reasons) == {"gene_group_id not numeric or not one per gene_group": 1}


def test_column_order_is_read_from_the_header(write):
    header = list(reversed(HEADER))
    genes = list(parse_complete_set(write(complete_set(ALAS2, header=header))))
    assert genes[0].previous_symbols == ("ASB", "ANH1")


def test_unusable_row_is_counted(write):
    stats = ParseStats()
    bad = dict(ALAS2, entrez_id="two hundred")
    genes = list(parse_complete_set(write(complete_set(ALAS2, bad)), stats))
    assert len(genes) == 1
    assert (stats.read, stats.rejected, dict(stats.reasons)) == (2, 1, {"non-numeric entrez_id": 1})


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (complete_set(ALAS2, ALAS2)[:-300], "complete last line"),
        (complete_set(ALAS2, ALAS2)[:-300] + "\n", "fields per row"),
        (complete_set(ALAS2).replace("\tApproved", "", 1), "fields per row"),
        (complete_set(ALAS2, header=[c for c in HEADER if c != "prev_symbol"]), "header columns"),
        (complete_set(ALAS2).replace("\t", ","), "header columns"),
        (complete_set(), "at least one gene row"),
        ("", "header row"),
    ],
    ids=["truncated", "cut-row", "row-missing-a-field", "column-missing", "comma-separated", "no-rows", "empty"],
)
def test_broken_files_raise_naming_file_and_check(write, text, check):
    path = write(text)
    with pytest.raises(SourceFileError) as caught:
        list(records({"complete_set": path}))
    assert caught.value.check == check
    assert caught.value.path == str(path)


def test_not_utf8_raises(write, tmp_path):
    path = tmp_path / "hgnc_complete_set.txt"
    path.write_bytes(complete_set(ALAS2).encode("utf-8") + b"\xff\xfe\x00garbage\n")
    with pytest.raises(SourceFileError, match="UTF-8"):
        list(records({"complete_set": path}))


@pytest.mark.parametrize(
    ("group", "kind", "code"),
    [
        ("protein-coding gene", "gene with protein product", "protein_coding"),
        ("non-coding RNA", "RNA, long non-coding", "ncrna_long_non_coding_rna"),
        ("non-coding RNA", "RNA, Y", "ncrna_y_rna"),
        ("pseudogene", "pseudogene", "pseudogene_pseudogene"),
        ("pseudogene", "T cell receptor pseudogene", "pseudogene_tcell_receptor"),
        ("pseudogene", "immunoglobulin pseudogene", "pseudogene_immunoglobulin"),
        ("other", "T cell receptor gene", "other_tcell_receptor_gene"),
        ("other", "complex locus constituent", "other_complex_locus_constituent"),
    ],
)
def test_gene_type_codes_match_gnu_health(group, kind, code):
    assert gene_type_code(group, kind) == code


def test_source_is_pinned_and_optional():
    # Pinned from the pheval package; the build falls back to GNU Health's snapshot without it.
    assert (SOURCE.package, SOURCE.files) == ("pheval", {"complete_set": "pheval/resources/hgnc_complete_set.txt"})
    assert SOURCE.required is False
