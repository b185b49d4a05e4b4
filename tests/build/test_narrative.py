"""The plain texts the build writes for genes and conditions, from facts shaped like the sources' own."""

from ghr.build.narrative.conditions import ConditionFacts, condition_text
from ghr.build.narrative.genes import GeneFacts, gene_text
from ghr.build.narrative.readability import grade, syllables

# A few real GO edges (GO 2022-07-01): chloride channel activity is a channel activity; the apical plasma
# membrane is part of the plasma membrane; chloride transmembrane transport is ion transport.
GO_PARENTS = {"GO:0005254": ("GO:0005216",), "GO:0016324": ("GO:0005886",), "GO:1902476": ("GO:0006811",),
              "GO:0005216": ("GO:0005215",)}  # fmt: skip
HPO_PARENTS = {"HP:0002110": ("HP:0002086",), "HP:0002024": ("HP:0025031",), "HP:0001249": ("HP:0000707",)}


def sentences(written) -> str:
    return " ".join(written.sentences)


def test_a_channel_gene_in_plain_words():
    cftr = GeneFacts(
        "CFTR",
        "CF transmembrane conductance regulator",
        "protein_coding",
        ["GO:0005254", "GO:0016324", "GO:1902476"],
        (("Pancreas", 65.8), ("Colon_Transverse", 28.8)),
    )
    text = sentences(gene_text(cftr, GO_PARENTS, {}))
    assert text.startswith(
        "The CFTR gene provides instructions for making a protein called CF transmembrane "
        "conductance regulator. This protein is a channel. Channels are pores"
    )
    assert "moving charged particles (ions) into and out of cells" in text
    assert "The protein works in the membrane that surrounds the cell." in text
    assert text.endswith("The gene is most active in the pancreas and large intestine.")
    assert "GO:" not in text and "activity" not in text


def test_genes_that_make_no_protein_say_so_honestly():
    pseudogene = sentences(gene_text(GeneFacts("WASH7P", "WASP family homolog 7, pseudogene", "pseudogene"), {}, {}))
    assert pseudogene.startswith("WASH7P is a pseudogene:")
    rna = sentences(gene_text(GeneFacts("MT-TL1", "mitochondrially encoded tRNA leucine 1", "RNA, transfer"), {}, {}))
    assert "does not provide instructions for making a protein" in rna
    unknown = sentences(gene_text(GeneFacts("A1BG", "alpha-1-B glycoprotein", "protein_coding"), {}, {}))
    assert unknown.endswith("What this protein does in the body is not yet well understood.")


def test_a_condition_in_plain_words_with_its_signs_cause_and_inheritance():
    facts = ConditionFacts(
        "Cystic fibrosis",
        features=[("HP:0002110", "Bronchiectasis", ("Permanent enlargement of the airways",), "HP:0040281"),
                  ("HP:0002024", "Malabsorption", ("Poor absorption of food",), "HP:0040282"),
                  ("HP:0001249", "Intellectual disability", (), "HP:0040285")],
        onset="Neonatal, infancy", frequency="About 1 to 9 in 100,000 people in Europe have this condition.",
        genes=["CFTR"], inheritance=["ar"],
    )  # fmt: skip
    text = sentences(condition_text(facts, HPO_PARENTS, {}))
    assert text.startswith("Cystic fibrosis is a condition. It mainly affects the lungs")
    assert "Signs can include permanent enlargement of the airways and poor absorption of food." in text
    assert "intellectual disability" not in text.lower()  # recorded as excluded (0%)
    assert "Signs usually begin in newborns or in infancy." in text
    assert "It is caused by changes in the CFTR gene." in text
    assert text.endswith("Both copies of the gene in each cell have changes.")


def test_a_feature_in_several_body_systems_names_them_in_a_fixed_order():
    # One feature under six body systems: they are counted alike, and the site's order of systems decides.
    systems = ("HP:0000598", "HP:0000478", "HP:0000119", "HP:0025031", "HP:0002086", "HP:0000707")
    facts = ConditionFacts("Example syndrome", features=[("HP:0000001", "A feature of many parts", (), "")])
    text = sentences(condition_text(facts, {"HP:0000001": systems}, {}))
    assert "It mainly affects the nervous system and the lungs." in text


def test_a_feature_recorded_as_absent_names_no_body_system():
    facts = ConditionFacts("Example syndrome", features=[
        ("HP:0001249", "Intellectual disability", (), "HP:0040285"),  # excluded: people with it do not have this
        ("HP:0002110", "Bronchiectasis", ("Permanent enlargement of the airways",), "HP:0040281")])  # fmt: skip
    text = sentences(condition_text(facts, HPO_PARENTS, {}))
    assert "It mainly affects the lungs. Signs can include permanent enlargement of the airways." in text


def test_little_known_is_said_plainly_and_never_an_ontology():
    text = sentences(condition_text(ConditionFacts("Kuru"), {}, {}))
    assert text == "Kuru is a condition. Little is known about it in the sources this site uses."
    assert "Mondo" not in text


def test_reading_grade():
    assert syllables("syllable") == 3 and syllables("make") == 1
    assert grade("The cat sat on the mat. It was happy.") < 2
    assert grade("Autosomal recessive inheritance necessitates biallelic pathogenic variation.") > 15


def test_a_gene_regulator_is_named_without_repeating_protein():
    parents = {"GO:0001228": ("GO:0003700",)}  # DNA-binding transcription activator activity
    text = sentences(gene_text(GeneFacts("ZNF717", "zinc finger protein 717", "protein_coding", ["GO:0001228"]),
                               parents, {}))  # fmt: skip
    assert "This protein controls the activity of other genes." in text


def test_a_gene_family_the_lexicon_knows_is_named_in_plain_words():
    facts = GeneFacts("COL1A1", "collagen type I alpha 1 chain", "protein_coding",
                      groups=("Collagens", "Fibrillar collagens"))  # fmt: skip
    written = gene_text(facts, {}, {})
    assert (
        "It is one of the collagens, proteins that give strength and structure to skin, bones, tendons and "
        "other tissues." in sentences(written)
    )
    assert written.facts["family"] == "Collagens" and "hgnc" in written.sources
    hbb = GeneFacts("HBB", "hemoglobin subunit beta", "protein_coding", ["GO:0004601"], groups=("Hemoglobin subunits",))
    assert "It is one of the hemoglobin genes" in sentences(gene_text(hbb, {"GO:0004601": ("GO:0003824",)}, {}))
    assert "enzyme" not in sentences(gene_text(hbb, {"GO:0004601": ("GO:0003824",)}, {}))
    domain_only = GeneFacts("WDR1", "WD repeat domain 1", "protein_coding", groups=("WD repeat domain containing",))
    assert "It is one of" not in sentences(gene_text(domain_only, {}, {}))


def test_a_microrna_says_what_microRNAs_do():
    # Its GO terms describe the RNA; it is never called a protein.
    facts = GeneFacts("MIR21", "microRNA 21", "ncrna_micro_rna", ["GO:0003723"], groups=("MicroRNAs",))
    text = sentences(gene_text(facts, {}, {}))
    assert text.endswith("It is one of the microRNAs, tiny RNA molecules that turn down the activity of other genes.")
    assert "protein" not in text.replace("a protein.", "")
