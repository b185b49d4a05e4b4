"""The build's rules for what kind of link joins a gene to a condition, and which inheritance a page states.

Each case is shaped like the real records of the sources (HPO's OMIM/ORPHA pairs, UniProt's disease involvement,
ClinVar's per-disease variant counts) for the genes the issue names.
"""

from collections import Counter

from ghr.build.inheritance import choose
from ghr.build.link_kinds import ConditionContext, PairEvidence, decide
from ghr.build.link_rows import LinkDecision, gathered_links, general_groups, merge_gathered


def pair(*records, germline=0, somatic=0, shared=0, associations=()):
    return PairEvidence(records=list(records), associations=list(associations), germline=germline,
                        somatic_only=somatic, shared=shared)  # fmt: skip


CFTR = pair(("hpo", "OMIM:219700", "Cystic fibrosis"), ("uniprot_diseases", "UniProt:DI-01466", "Cystic fibrosis"),
            ("clinvar_variants", "ClinVar: 645 reviewed pathogenic variants", ""), germline=645)  # fmt: skip
TGFB1 = pair(("hpo", "OMIM:219700", "Cystic fibrosis"), ("hpo", "ORPHA:586", "Cystic fibrosis"))


def kind(evidence, name="Cystic fibrosis", has_strong=True, best=2, *, unknown=None, most=0):
    context = ConditionContext(name, has_strong, best, most)
    return decide(evidence, context, unknown if unknown is not None else Counter()).kind


def test_the_gene_with_variant_level_evidence_causes_and_gene_list_extras_are_uncertain():
    assert kind(CFTR) == "causes"
    assert kind(TGFB1) == "uncertain"
    decision = decide(TGFB1, ConditionContext("Cystic fibrosis", True, 2), Counter())
    assert decision.rule.startswith("6:") and "hpo: ORPHA:586 (Cystic fibrosis)" in decision.reasons


def test_without_strong_evidence_the_gene_most_databases_link_causes():
    htt = pair(("hpo", "OMIM:143100", "Huntington disease"), ("hpo", "ORPHA:399", "Huntington disease"))
    slc2a3 = pair(("hpo", "ORPHA:399", "Huntington disease"))
    assert kind(htt, "Huntington disease", has_strong=False, best=2) == "causes"
    assert kind(slc2a3, "Huntington disease", has_strong=False, best=2) == "uncertain"


def test_naming_conventions_mark_risk_modifiers_and_somatic_forms():
    assert kind(pair(("hpo", "OMIM:104300", "{Alzheimer disease, susceptibility to}"))) == "risk"
    assert kind(pair(("hpo", "OMIM:219700", "Cystic fibrosis, modifier of"))) == "modifies"
    assert kind(pair(("hpo", "OMIM:114500", "Colorectal cancer, somatic"))) == "somatic"
    assert kind(pair(("hpo", "OMIM:600000", "?Provisional disease"))) == "uncertain"


def test_clinvar_somatic_only_variants_and_organ_cancers():
    assert kind(pair(("clinvar_variants", "ClinVar: 3", ""), somatic=3), "Glioma syndrome") == "somatic"
    tp53 = pair(("clinvar_variants", "ClinVar: 89", ""), germline=89)
    assert kind(tp53, "Breast neoplasm") == "risk"
    assert kind(tp53, "Li-Fraumeni syndrome") == "causes"


def test_variants_shared_with_a_neighbouring_gene_prove_neither():
    h2bc4 = pair(("clinvar_variants", "ClinVar: 7", ""), shared=7)
    assert kind(h2bc4, "Hemochromatosis", has_strong=True) == "uncertain"


def test_the_publishers_association_type_comes_first_and_unknown_types_are_counted():
    unknown = Counter()
    modifier = pair(("orphadata", "ORPHA:586", "Cystic fibrosis"), associations=["Modifying germline mutation in"])
    assert kind(modifier, unknown=unknown) == "modifies"
    odd = pair(("orphadata", "ORPHA:586", "Cystic fibrosis"), associations=["Something new"])
    assert kind(odd, has_strong=True, unknown=unknown) == "uncertain"
    assert unknown == Counter({"Something new": 1})


def test_a_general_condition_gathers_the_causes_of_its_named_types():
    names = {1: "Gaucher disease", 2: "Gaucher disease type 1", 3: "Gaucher disease type 2", 4: "Lysosomal disease",
             5: "Perinatal lethal Gaucher disease"}  # fmt: skip
    children = {1: [2, 3, 4], 3: [5]}
    groups = general_groups(names, children)
    assert groups == {1: [2, 3, 5]}  # the type not carrying the name (4) is not one of its types
    gba1 = LinkDecision(10, 2, "causes", 1999, "", "5: UniProt involvement or ClinVar germline variants", ("u",))
    weak = LinkDecision(10, 1, "uncertain", 10, "", "6", ("hpo",))
    merged = merge_gathered([gba1, weak], gathered_links([gba1, weak], groups, {2: "gaucher-disease-type-1"}))
    assert [(d.condition_id, d.kind, d.via) for d in merged] == [
        (2, "causes", ""),
        (1, "causes", "gaucher-disease-type-1"),
    ]


def test_inheritance_impossible_for_the_genes_place_is_set_aside_for_review():
    choice = choose([("ad", "hpo"), ("xr", "orphadata")], {"X"})
    assert choice.hidden == {"ad"}
    assert "lie on chromosome X" in choice.message and "The page states X-linked recessive." in choice.message


def test_x_linked_dominant_and_recessive_become_one_pattern():
    choice = choose([("xd", "hpo"), ("xr", "orphadata")], set())
    assert choice.hidden == {"xd"}  # a tie: Orphanet first
    assert choose([("xd", "hpo"), ("xd", "orphadata"), ("xr", "hpo")], set()).hidden == {"xr"}


def test_not_inherited_and_unknown_only_when_no_pattern_is_known():
    assert choose([("ar", "hpo"), ("n", "orphadata")], {"7"}).hidden == {"n"}
    assert choose([("n", "orphadata")], set()).hidden == set()
    assert choose([("ad", "hpo"), ("ar", "orphadata")], {"1", "2"}).message == ""  # two genes: both stand


def test_a_change_in_chromosome_number_is_caused_by_no_gene():
    gata1 = pair(("clinvar_variants", "ClinVar: 2", ""), germline=2)
    assert kind(gata1, "Down syndrome", has_strong=False, best=1) == "uncertain"


def test_few_variants_beside_the_main_genes_many_are_uncertain():
    f9 = pair(("clinvar_variants", "ClinVar: 10", ""), germline=10)
    assert kind(f9, "Hemophilia A", most=1500) == "uncertain"
    assert kind(f9, "Hemophilia B", most=10) == "causes"


def test_variants_of_a_gene_that_makes_no_protein_prove_nothing():
    antisense = pair(("clinvar_variants", "ClinVar: 220", ""), germline=220)
    antisense.coding = False
    assert kind(antisense, "Dravet syndrome", has_strong=True) == "uncertain"


def test_a_general_pages_weak_direct_cause_gives_way_to_its_types_established_ones():
    groups = {1: [2]}
    weak = LinkDecision(20, 1, "causes", 11, "", "6: the only genes the sources link to the condition", ("clinvar",))
    strong = LinkDecision(10, 2, "causes", 1999, "", "5: UniProt involvement or ClinVar germline variants", ("u",))
    merged = merge_gathered([weak, strong], gathered_links([weak, strong], groups, {2: "parkinson-disease-6"}))
    kinds = {(d.gene_id, d.condition_id): d.kind for d in merged}
    assert kinds == {(20, 1): "uncertain", (10, 2): "causes", (10, 1): "causes"}
