"""Cytogenetic bands read out in plain words."""

import pytest

from ghr.web.pages.location import band_sentence, chromosome_phrase


@pytest.mark.parametrize(
    ("band", "sentence"),
    [
        ("Xp11.21", "The G gene is located on the short (p) arm of the X chromosome at position 11.21."),
        ("18q21.31", "The G gene is located on the long (q) arm of chromosome 18 at position 21.31."),
        ("11q23.2-q23.3",
         "The G gene is located on the long (q) arm of chromosome 11, between positions 23.2 and 23.3."),
        ("1p36.33-p36.32",
         "The G gene is located on the short (p) arm of chromosome 1, between positions 36.33 and 36.32."),
        ("9p11.2-q13", "The G gene spans the centromere of chromosome 9, from position 11.2 on the short (p) arm to "
                       "position 13 on the long (q) arm."),
        ("Xp22.33 and Yp11.2", ""),  # genes in both sex chromosomes' shared regions: the band is shown as given
        ("mitochondria", ""),
        ("", ""),
    ],
)  # fmt: skip
def test_band_sentence(band, sentence):
    assert band_sentence("G", band) == sentence


def test_chromosome_phrase():
    assert chromosome_phrase("X") == "the X chromosome"
    assert chromosome_phrase("7") == "chromosome 7"
    assert chromosome_phrase("MT") == "the mitochondrial DNA"
