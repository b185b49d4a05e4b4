"""MedlinePlus Genetics addresses computed from condition names, checked against addresses NLM publishes."""

import pytest

from ghr.build.conditions import MergedCondition
from ghr.build.nlm_slugs import assign_nlm_slugs, nlm_slug
from ghr.sources.records import ConditionId

# (name on MedlinePlus Genetics, the address NLM gives it), as published; see docs/nlm-compatibility.md.
NLM_ADDRESSES = [
    ("22q11.2 deletion syndrome", "22q112-deletion-syndrome"),
    ("16p11.2 duplication", "16p112-duplication"),
    ("19p13.13 deletion syndrome", "19p1313-deletion-syndrome"),
    ("1q21.1 microduplication", "1q211-microduplication"),
    ("7q11.23 duplication syndrome", "7q1123-duplication-syndrome"),
    ("15q11-q13 duplication syndrome", "15q11-q13-duplication-syndrome"),
    ("17 alpha-hydroxylase/17,20-lyase deficiency", "17-alpha-hydroxylase-17-20-lyase-deficiency"),
    ("46,XX testicular difference of sex development", "46xx-testicular-difference-of-sex-development"),
    ("48,XXXY syndrome", "48xxxy-syndrome"),
    ("3-M syndrome", "3-m-syndrome"),
    ("Aicardi-Goutières syndrome", "aicardi-goutieres-syndrome"),
    ("Alström syndrome", "alstrom-syndrome"),
    ("Imerslund-Gräsbeck syndrome", "imerslund-grasbeck-syndrome"),
    ("Anophthalmia/Microphthalmia", "anophthalmia-microphthalmia"),
    ("Arginine:glycine amidinotransferase deficiency", "arginineglycine-amidinotransferase-deficiency"),
    ("Congenital cataracts, facial dysmorphism, and neuropathy",
     "congenital-cataracts-facial-dysmorphism-and-neuropathy"),
    ("Distal hereditary motor neuropathy, type II", "distal-hereditary-motor-neuropathy-type-ii"),
    ("Long-chain 3-hydroxyacyl-CoA dehydrogenase deficiency", "long-chain-3-hydroxyacyl-coa-dehydrogenase-deficiency"),
    ("CATSPER1-related nonsyndromic male infertility", "catsper1-related-nonsyndromic-male-infertility"),
    ("IMAGe syndrome", "image-syndrome"),
    ("Glycogen storage disease type IX", "glycogen-storage-disease-type-ix"),
    ("Jervell and Lange-Nielsen syndrome", "jervell-and-lange-nielsen-syndrome"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "address"), NLM_ADDRESSES)
def test_addresses_are_computed_as_nlm_computes_them(name, address):
    assert nlm_slug(name) == address


def _condition(slug: str, name: str) -> MergedCondition:
    return MergedCondition(
        slug=slug, name=name, name_record=ConditionId("MONDO", "0000001"), name_source="mondo", mondo_id=""
    )


def test_each_address_goes_to_one_condition_its_own_first():
    conditions = [
        _condition("charge-syndrome-2", "CHARGE syndrome"),
        _condition("charge-syndrome", "CHARGE syndrome"),
        _condition("22q11-2-deletion-syndrome", "22q11.2 deletion syndrome"),
        _condition("untitled", "..."),
    ]
    assigned = assign_nlm_slugs(conditions)
    assert assigned == {"charge-syndrome": "charge-syndrome", "22q11-2-deletion-syndrome": "22q112-deletion-syndrome"}
