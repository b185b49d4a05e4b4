"""Orphanet's prevalence classes become plain sentences with their population and measure."""

import pytest

from ghr.build.frequency_words import in_words, measure_rank


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1-9 / 100 000 (Europe, prevalence at birth)",
         "About 1 to 9 in 100,000 newborns in Europe have this condition."),
        ("<1 / 1 000 000 (worldwide, point prevalence)",
         "Fewer than 1 in 1,000,000 people worldwide have this condition."),
        ("1-5 / 10 000 (United States, annual incidence)",
         "About 1 to 5 in 10,000 people in the United States develop this condition each year."),
        ("200 cases/families worldwide",
         "This condition is very rare: about 200 affected people or families have been reported worldwide."),
    ],
)  # fmt: skip
def test_prevalence_classes_in_words(value, words):
    assert in_words(value) == words


def test_values_it_cannot_read_are_not_guessed():
    assert in_words("Unknown") is None
    assert in_words("1-9 / 100 000 (Europe, something new)") is None


def test_birth_prevalence_comes_first():
    values = ["1-9 / 100 000 (Europe, annual incidence)", "1-5 / 10 000 (Europe, prevalence at birth)"]
    assert sorted(values, key=measure_rank)[0].endswith("prevalence at birth)")
