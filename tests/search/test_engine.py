"""Ranking and matching rules of ghr.search, through its Python API, on the fixture knowledge base."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from ghr.editorial.models import Text
from ghr.editorial.workflow import withdraw
from ghr.kb import models as kb_models
from ghr.search.engine import search
from ghr.search.indexer import build_index


def urls(query, **options):
    return [result.url for result in search(query, **options)]


def test_exact_symbol_beats_every_other_match(kb):
    assert urls("HMBS")[0] == "/gene/HMBS"
    assert search("HMBS")[0].matched == ""


def test_matched_says_which_other_name_was_found(kb):
    assert search("ALAS-E")[0].matched == "other symbol: ALAS-E"
    assert search("OMIM:300751")[0].matched == "identifier: OMIM:300751"
    assert search("Anemia, sideroblastic, X-linked")[0].matched == "other name: Anemia, sideroblastic, X-linked"


def test_case_punctuation_and_accents_do_not_matter(kb):
    for query in ("x-LINKED sideroblastic ANEMIA", "X linked, sideroblastic anemia.", "X-línked sideroblástic anémia"):
        assert urls(query)[0] == "/condition/x-linked-sideroblastic-anemia"


def test_the_two_protoporphyrias_are_never_confused(kb):
    assert urls("Erythropoietic protoporphyria")[:2] == [
        "/condition/erythropoietic-protoporphyria",
        "/condition/x-linked-erythropoietic-protoporphyria",
    ]
    assert urls("X-linked erythropoietic protoporphyria")[0] == "/condition/x-linked-erythropoietic-protoporphyria"


def test_typos_are_tolerated_only_in_words_of_five_letters_or_more(kb):
    assert urls("ferrochelatse")[0] == "/gene/FECH"  # one letter missing
    assert urls("ferochelatse")[0] == "/gene/FECH"  # two edits allowed in a long word
    assert urls("frochelatse") == []  # three are not
    assert urls("fexh") == []  # four letters: no guessing
    assert urls("anemai sideroblastic")[0] == "/condition/x-linked-sideroblastic-anemia"


def test_a_word_two_edits_away_is_not_a_match_for_a_short_word(kb):
    assert urls("anexmai") == []


def test_prefix_completes_what_is_being_typed(kb):
    assert urls("ferroch")[0] == "/gene/FECH"
    assert urls("acute interm")[0] == "/condition/acute-intermittent-porphyria"


def test_everyday_words_find_conditions_through_their_features(kb):
    results = search("sensitivity to sunlight")
    assert [r.url for r in results] == [
        "/condition/erythropoietic-protoporphyria",
        "/condition/x-linked-erythropoietic-protoporphyria",
    ]
    assert results[0].matched == "feature: Sensitivity to sunlight"


def test_conditions_matching_more_query_words_in_features_rank_higher(kb):
    # AIP's "Tummy ache" holds two of the three words; XLSA's red blood cell features hold one.
    both = search("tummy ache blood")
    assert [r.url for r in both][:1] == ["/condition/acute-intermittent-porphyria"]
    assert both[0].matched == "feature: Tummy ache"
    # A condition must match at least half of the words: one of three is not enough.
    assert "/condition/x-linked-sideroblastic-anemia" not in [r.url for r in both]
    assert {"/condition/x-linked-sideroblastic-anemia", "/condition/acute-intermittent-porphyria"} <= set(
        urls("blood pain")
    )


def test_numbers_and_tiny_words_do_not_match_features(kb):
    assert urls("1 x") == []


def test_kind_filter(kb):
    assert urls("XLSA", kinds=("gene",)) == ["/gene/ALAS2"]
    assert urls("XLSA", kinds=("condition",)) == ["/condition/x-linked-sideroblastic-anemia"]


def test_suggest_returns_at_most_ten(kb):
    assert len(search("a", suggest=True)) <= 10


def test_glossary_and_handbook_texts_are_blended_in(kb, published_texts):
    anemia = search("anemia")
    assert anemia[0].url == "/glossary/anemia"
    assert anemia[0].kind == "glossary"
    assert search("anemic")[0].matched == "other name: anemic"
    assert search("anaemia")[0].url == "/glossary/anemia"  # British spelling folded
    assert urls("what is a cell")[0] == "/handbook/cells-and-dna/what-is-a-cell"
    assert "/condition/x-linked-sideroblastic-anemia" in urls("anemia")


def test_withdrawn_texts_disappear_from_results(kb, published_texts):
    assert "/glossary/anemia" in urls("anemia")
    admin = get_user_model().objects.create_superuser("search-admin", password="x" * 20)
    withdraw(Text.objects.get(kind="glossary", key="anemia"), admin, "test")
    assert "/glossary/anemia" not in urls("anemia")


def _add_gene(symbol, alias, source):
    gene = kb_models.Gene.objects.create(symbol=symbol, name=f"test gene {symbol}", source=source)
    kb_models.GeneName.objects.create(gene=gene, name=alias, kind="alias_symbol", source=source)
    return gene


@pytest.mark.django_db(databases=["default", "kb"], transaction=False)
def test_linked_genes_rank_above_unlinked_ones_of_equal_match_after_a_rebuild(kb):
    source = kb_models.SourceRelease.objects.get(key="gnuhealth_genes")
    _add_gene("AAA1", "SHAREDALIAS", source)  # alphabetically first, linked to nothing
    linked = _add_gene("ZZZ1", "SHAREDALIAS", source)
    kb_models.GeneCondition.objects.create(
        gene=linked, condition=kb_models.Condition.objects.get(slug="acute-intermittent-porphyria"), source=source
    )
    assert urls("SHAREDALIAS") == []  # not indexed yet
    build_index("kb")
    assert urls("SHAREDALIAS") == ["/gene/ZZZ1", "/gene/AAA1"]
    assert urls("ALAS2")[0] == "/gene/ALAS2"


def test_index_holds_every_gene_and_condition_of_the_knowledge_base(kb):
    with connections["kb"].cursor() as cursor:
        cursor.execute("SELECT kind, COUNT(*) FROM search_entry GROUP BY kind ORDER BY kind")
        assert cursor.fetchall() == [("condition", 5), ("gene", 4)]
