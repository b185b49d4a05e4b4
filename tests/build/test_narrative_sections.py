"""The texts the build writes for a condition's sections and for each gene-condition link
(ghr.build.narrative.sections): what a reader will see on the page and in every document."""

from ghr.build.narrative.sections import (
    causes_text,
    common_words,
    frequency_text,
    in_sentence,
    inheritance_sentence,
    inheritance_text,
    link_text,
)


def words(written) -> str:
    return " ".join(written.sentences)


def test_inheritance_sentence_reports_patterns_in_plain_words():
    assert inheritance_sentence(["xr"]) == "This condition is inherited in an X-linked recessive pattern."
    assert inheritance_sentence(["ad", "u"]) == "This condition is inherited in an autosomal dominant pattern."
    assert inheritance_sentence(["ar", "m", "xd"]) == (
        "The sources record more than one inheritance pattern: an autosomal recessive pattern, a mitochondrial "
        "pattern and an X-linked dominant pattern."
    )
    assert inheritance_sentence(["ad", "n"]).endswith("Some cases are recorded as not inherited.")
    assert inheritance_sentence(["u"]) == "How this condition is inherited is not known."
    assert inheritance_sentence([]) == ""


def test_causal_genes_come_first_and_other_kinds_are_said_for_what_they_are():
    written = causes_text("cystic fibrosis", [("modifies", ["TGFB1"]), ("causes", ["CFTR"])], "", ("uniprot",))
    assert words(written) == (
        "Changes in the CFTR gene cause cystic fibrosis. Changes in the TGFB1 gene can change how severe cystic "
        "fibrosis is or how it develops."
    )
    assert written.sources == ("uniprot",)


def test_many_genes_are_named_up_to_a_limit_and_counted_after_it():
    symbols = [f"G{n}" for n in range(1, 12)]
    text = words(causes_text("example syndrome", [("causes", symbols)], "", ()))
    assert text == ("Changes in any one of several genes can cause example syndrome: G1, G2, G3, G4, G5, G6, G7, G8 "
                    "and 3 others.")  # fmt: skip
    assert words(causes_text("X-linked example", [("uncertain", symbols)], "", ())) == (
        "The G1, G2, G3, G4, G5, G6, G7, G8 and 3 other genes have also been reported in people with X-linked "
        "example, but the evidence that they cause the condition is weaker."
    )


def test_names_keep_capitals_that_are_not_ordinary_words():
    common = common_words(["Acute intermittent porphyria", "Severe acute illness", "Trisomy 21", "Down syndrome",
                           "Neonatal Marfan syndrome", "Marfan syndrome", "Leukemia in Down syndrome",
                           "Leukemia without down syndrome", "leukemia in marfan syndrome"])  # fmt: skip
    assert in_sentence("Acute intermittent porphyria", common) == "acute intermittent porphyria"
    assert in_sentence("Down syndrome", common) == "Down syndrome"
    assert in_sentence("Marfan syndrome", common) == "Marfan syndrome"
    assert in_sentence("X-linked sideroblastic anemia", common) == "X-linked sideroblastic anemia"
    assert in_sentence("CHARGE syndrome", common) == "CHARGE syndrome"


def test_a_chromosome_change_is_the_cause_when_there_is_one():
    text = words(causes_text("Down syndrome", [], "Down syndrome is caused by an extra copy of chromosome 21.", ()))
    assert text == "Down syndrome is caused by an extra copy of chromosome 21."
    assert causes_text("Kuru", [], "", ()) is None


def test_inheritance_text_in_plain_words_and_honest_about_disagreement():
    assert words(inheritance_text(["ar"], ("hpo",))) == (
        "This condition is inherited in an autosomal recessive pattern. Both copies of the gene in each cell have "
        "changes."
    )
    assert words(inheritance_text(["ad", "ar"], ())) == (
        "How this condition is inherited depends on its cause. It can be autosomal dominant or autosomal recessive."
    )
    assert words(inheritance_text(["n"], ())) == "It is usually not inherited."
    assert words(inheritance_text(["u"], ())) == "How this condition is inherited is not known."
    assert inheritance_text([], ()) is None


def test_frequency_says_each_sentence_once():
    sentence = "About 1 to 9 in 100,000 newborns in Europe have this condition."
    assert frequency_text([sentence, sentence], ("orphadata",)).sentences == (sentence,)
    assert frequency_text([], ()) is None


def test_a_link_text_names_its_source_records_and_inheritance_only_where_the_gene_causes_it():
    causes = link_text("ALAS2", "X-linked sideroblastic anemia", "causes", ["OMIM:300751"], codes=["xr"],
                       sources=("uniprot_diseases",))  # fmt: skip
    assert words(causes) == (
        "Changes in the ALAS2 gene cause X-linked sideroblastic anemia. This condition is inherited in an X-linked "
        "recessive pattern."
    )
    modifier = link_text("TGFB1", "cystic fibrosis", "modifies", [], codes=["ar"], sources=())
    assert words(modifier) == "Changes in the TGFB1 gene can change how severe cystic fibrosis is or how it develops."
    assert causes.facts["evidence"] == ["OMIM:300751"]
    assert modifier.facts["inheritance"] == []
