"""Conditions caused by a change in the number or structure of a chromosome, read from their names."""

import pytest

from ghr.build.chromosomal import band_span, chromosome_change


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Down syndrome", "Trisomy 21"], ("21", "", "trisomy")),
        (["Williams syndrome", "Deletion 7q11.23"], ("7", "q11.23", "deletion")),
        (["22q11.2 deletion syndrome"], ("22", "q11.2", "deletion")),
        (["Smith-Magenis syndrome", "17p11.2 microdeletion syndrome"], ("17", "p11.2", "deletion")),
        (["Wolf-Hirschhorn syndrome", "4p- syndrome"], ("4", "p", "deletion")),
        (["8p23.1 duplication syndrome"], ("8", "p23.1", "duplication")),
        (["XXY syndrome", "47,XXY"], ("X", "", "trisomy")),
    ],
)
def test_the_change_is_read_from_a_name(names, expected):
    found = chromosome_change("", names)
    assert (found.chromosome, found.region, found.change) == expected


def test_plain_words_name_the_chromosome_and_region():
    assert chromosome_change("", ["Trisomy 21"]).words == (
        "It is caused by an extra copy of chromosome 21 in each cell (trisomy 21)."
    )
    assert chromosome_change("", ["Deletion 7q11.23"]).words == (
        "It is caused by a missing piece (deletion) of chromosome 7 in the region 7q11.23."
    )


def test_named_syndromes_without_such_a_name_come_from_the_table():
    turner = chromosome_change("MONDO:0019499", ["Turner syndrome"])
    assert (turner.chromosome, turner.change) == ("X", "monosomy") and "45,X" in turner.words
    assert chromosome_change("MONDO:0008300", ["Prader-Willi syndrome"]).region == "q11-q13"


def test_single_gene_conditions_are_not_chromosomal():
    assert chromosome_change("", ["Mitochondrial DNA deletion syndrome", "Cystic fibrosis"]) is None
    assert chromosome_change("", ["Smith-Lemli-Opitz syndrome"]) is None


def test_band_span_covers_the_region():
    bands = [("q11.1", 0, 10), ("q11.21", 10, 20), ("q11.22", 20, 30), ("q11.23", 30, 40), ("q12", 40, 50)]
    assert band_span("22", "q11.2", bands) == (10, 40)
    assert band_span("22", "q11-q12", bands) == (0, 50)
    assert band_span("22", "", bands) is None
    assert band_span("22", "p13", bands) is None


def test_mosaic_changes_say_some_cells_and_mixed_karyotypes_are_not_guessed():
    mosaic = chromosome_change("", ["Mosaic monosomy X syndrome"])
    assert mosaic.words == (
        "It is caused by a missing copy of chromosome X (monosomy X), in some of the body's cells only (mosaicism)."
    )
    assert chromosome_change("", ["45,X/46,XY mixed gonadal dysgenesis"]) is None
