"""Merge rules on real cases written as small records (no files, no database)."""

from collections import Counter

from ghr.build.conditions import condition_index, deinvert, merge_conditions, slugify
from ghr.sources.records import ConditionId, ConditionRecord


def cid(text):
    db, key = text.split(":", 1)
    return ConditionId(db, key)


def mondo(key, label, *xrefs, parents=()):
    return ("mondo", ConditionRecord(cid(f"MONDO:{key}"), label, xrefs=tuple(map(cid, xrefs)),
                                     mondo_id=f"MONDO:{key}", parents=parents))  # fmt: skip


def hpo(text, name, *inheritance):
    return ("hpo", ConditionRecord(cid(text), name, inheritance=inheritance))


XLSA_MONDO = mondo("0020721", "X-linked sideroblastic anemia 1", "Orphanet:75563", "OMIM:300751", "GARD:0009456",
                   "ICD-10:D64.0", parents=("MONDO:0017754",))  # fmt: skip
XLEPP_MONDO = mondo("0010420", "X-linked erythropoietic protoporphyria", "OMIM:300752", "Orphanet:443197")
EPP1_MONDO = mondo("0008319", "protoporphyria, erythropoietic, 1", "OMIM:177000", "GARD:0004527")
PARENT_MONDO = mondo("0017754", "inborn disorder of porphyrin metabolism", "Orphanet:309813")
XLSA = [
    XLSA_MONDO,
    hpo("OMIM:300751", "Anemia, sideroblastic, X-linked", ("xr", "HP:0001419")),
    hpo("Orphanet:75563", "X-linked sideroblastic anemia"),
    ("orphadata", ConditionRecord(cid("Orphanet:75563"), "X-linked sideroblastic anemia",
                                  prevalence="200 cases worldwide", inheritance=(("xr", "X-linked recessive"),))),
    ("gard", ConditionRecord(cid("GARD:0009456"), "X-linked sideroblastic anemia", acronyms=("XLSA",),
                             consumer_names=("X-linked sideroblastic anemia",))),
    ("uniprot_diseases", ConditionRecord(cid("UniProt:DI-00120"), "Anemia, sideroblastic, 1",
                                         description="A form of sideroblastic anemia.",
                                         xrefs=(cid("OMIM:300751"), cid("MedGen:C0221018")))),
]  # fmt: skip
XLEPP = [
    XLEPP_MONDO,
    hpo("OMIM:300752", "Protoporphyria, erythropoietic, X-linked", ("xd", "HP:0001423")),
    ("uniprot_diseases", ConditionRecord(cid("UniProt:DI-00485"), "Erythropoietic protoporphyria, X-linked dominant",
                                         xrefs=(cid("OMIM:300752"),))),
]  # fmt: skip
EPP1 = [EPP1_MONDO, hpo("OMIM:177000", "Protoporphyria, erythropoietic, 1", ("ar", "HP:0000007"))]


def by_member(conditions, text):
    (found,) = [c for c in conditions if cid(text) in c.members]
    return found


def test_xlsa_records_merge_into_one_condition():
    (condition,) = merge_conditions(XLSA)
    assert condition.slug == "x-linked-sideroblastic-anemia"
    assert condition.name == "X-linked sideroblastic anemia" and condition.name_record == cid("GARD:0009456")
    assert condition.mondo_id == "MONDO:0020721"
    assert set(condition.members) == set(map(cid, ["MONDO:0020721", "OMIM:300751", "Orphanet:75563",
                                                   "GARD:0009456", "UniProt:DI-00120"]))  # fmt: skip
    assert {(i.code, i.source) for i in condition.inheritance} == {("xr", "hpo"), ("xr", "orphadata")}
    facts = {(f.kind, f.source) for f in condition.facts}
    assert facts == {("prevalence", "orphadata"), ("description", "uniprot_diseases")}
    assert ("XLSA", "acronym", "gard") in {(n.name, n.kind, n.source) for n in condition.names}
    assert ("Anemia, sideroblastic, X-linked", "source_name") in {(n.name, n.kind) for n in condition.names}
    assert {(x.id, x.source) for x in condition.xrefs} >= {(cid("ICD-10:D64.0"), "mondo"),
                                                          (cid("MedGen:C0221018"), "uniprot_diseases")}  # fmt: skip
    assert condition.parents == ["MONDO:0017754"]
    assert sorted(condition.sources) == ["gard", "hpo", "mondo", "orphadata", "uniprot_diseases"]


def test_index_resolves_members_and_xrefs():
    conditions = merge_conditions(XLSA)
    index = condition_index(conditions)
    for text in ["OMIM:300751", "Orphanet:75563", "GARD:0009456", "UniProt:DI-00120", "MONDO:0020721"]:
        assert index[cid(text)] == "x-linked-sideroblastic-anemia"


def test_xlsa_and_xlepp_do_not_merge():
    conditions = merge_conditions(XLSA + XLEPP)
    assert len(conditions) == 2
    xlepp = by_member(conditions, "OMIM:300752")
    assert cid("OMIM:300751") not in xlepp.members
    assert xlepp.slug == "x-linked-erythropoietic-protoporphyria"
    assert xlepp.name == "X-linked erythropoietic protoporphyria"  # MONDO label before inverted names


def test_epp1_and_xlepp_do_not_merge_despite_similar_names():
    conditions = merge_conditions(XLEPP + EPP1)
    assert len(conditions) == 2
    epp1 = by_member(conditions, "OMIM:177000")
    assert cid("OMIM:300752") not in epp1.members
    assert epp1.name == "Erythropoietic protoporphyria 1" and epp1.slug == "erythropoietic-protoporphyria-1"
    assert {(i.code, i.evidence) for i in epp1.inheritance} == {("ar", "HP:0000007")}


def test_parent_and_child_stay_separate():
    records = XLSA + [PARENT_MONDO, ("orphadata", ConditionRecord(cid("Orphanet:309813"), "Porphyrin disorder"))]
    conditions = merge_conditions(records)
    assert len(conditions) == 2
    child = by_member(conditions, "OMIM:300751")
    parent = by_member(conditions, "Orphanet:309813")
    assert child.parents == [parent.mondo_id] and child.slug != parent.slug


def test_ambiguous_record_is_not_chained():
    # A record whose id two MONDO terms both cite joins neither: the two clusters stay apart.
    a = mondo("0000101", "disease a", "OMIM:100001", "OMIM:999999")
    b = mondo("0000102", "disease b", "OMIM:100002", "OMIM:999999")
    records = [a, b, hpo("OMIM:100001", "Disease A"), hpo("OMIM:100002", "Disease B"),
               hpo("OMIM:999999", "Disease A or B")]  # fmt: skip
    stats = Counter()
    conditions = merge_conditions(records, stats)
    assert stats["ambiguous"] == 1 and len(conditions) == 3
    assert [c.members for c in conditions if cid("OMIM:999999") in c.members] == [[cid("OMIM:999999")]]
    assert by_member(conditions, "OMIM:100001").mondo_id == "MONDO:0000101"
    assert cid("OMIM:100002") not in by_member(conditions, "OMIM:100001").members
    assert cid("OMIM:999999") not in condition_index(conditions) or condition_index(conditions)[
        cid("OMIM:999999")] == by_member(conditions, "OMIM:999999").slug  # fmt: skip


def test_mondo_only_terms_get_no_page():
    conditions = merge_conditions([PARENT_MONDO, *XLSA])
    assert [c.mondo_id for c in conditions] == ["MONDO:0020721"]


def test_unmapped_records_stay_alone_but_uniprot_joins_its_omim_record():
    records = [hpo("OMIM:600001", "Deafness, autosomal dominant 99"),
               ("uniprot_diseases", ConditionRecord(cid("UniProt:DI-09999"), "Deafness, autosomal dominant, 99",
                                                    xrefs=(cid("OMIM:600001"),))),
               hpo("DECIPHER:1", "Wolf-Hirschhorn Syndrome")]  # fmt: skip
    conditions = merge_conditions(records)
    assert len(conditions) == 2
    deafness = by_member(conditions, "OMIM:600001")
    assert cid("UniProt:DI-09999") in deafness.members and deafness.mondo_id == ""
    assert deafness.name == "Autosomal dominant deafness 99"  # UniProt before OMIM, turned round


def test_gard_with_stale_mondo_xref_moves_to_the_cluster_with_its_exact_name():
    # MONDO 2021 cites GARD:0010915 for XLEPP, but GARD 10915 is X-linked lymphoproliferative disease.
    stale = mondo("0010420", "X-linked erythropoietic protoporphyria", "OMIM:300752", "GARD:0010915")
    xlp = mondo("0010632", "X-linked lymphoproliferative disease", "Orphanet:2442")
    records = [stale, xlp, hpo("OMIM:300752", "Protoporphyria, erythropoietic, X-linked"),
               ("orphadata", ConditionRecord(cid("Orphanet:2442"), "X-linked lymphoproliferative disease")),
               ("gard", ConditionRecord(cid("GARD:0010915"), "X-linked lymphoproliferative disease")),
               ("gard", ConditionRecord(cid("GARD:0017755"), "X-linked erythropoietic protoporphyria"))]  # fmt: skip
    stats = Counter()
    conditions = merge_conditions(records, stats)
    assert len(conditions) == 2
    xlepp = by_member(conditions, "OMIM:300752")
    assert cid("GARD:0017755") in xlepp.members and cid("GARD:0010915") not in xlepp.members
    assert cid("GARD:0010915") in by_member(conditions, "Orphanet:2442").members
    assert stats["gard_moved_by_name"] == 1 and stats["gard_joined_by_name"] == 1


def test_gard_record_joins_the_cluster_whose_mondo_synonym_is_its_name():
    # MONDO now calls it "hereditary hemochromatosis"; DOID, which MONDO equals it to, says "hemochromatosis".
    hh = ("mondo", ConditionRecord(cid("MONDO:0006507"), "hereditary hemochromatosis", synonyms=("hemochromatosis",),
                                   mondo_id="MONDO:0006507"))  # fmt: skip
    type1 = mondo("0021001", "hemochromatosis type 1", "OMIM:235200", parents=("MONDO:0006507",))
    records = [hh, type1, hpo("OMIM:235200", "Hemochromatosis, type 1"),
               ("gard", ConditionRecord(cid("GARD:0006613"), "Hemochromatosis"))]  # fmt: skip
    stats = Counter()
    conditions = merge_conditions(records, stats)
    general = by_member(conditions, "GARD:0006613")
    assert general.mondo_id == "MONDO:0006507" and stats["gard_joined_by_name"] == 1


def test_slug_collisions_broken_deterministically_and_overrides():
    records = [mondo("0000201", "Same name", "OMIM:1"), mondo("0000202", "same name", "OMIM:2"),
               hpo("OMIM:1", "x"), hpo("OMIM:2", "y"), hpo("OMIM:3", "Same name")]  # fmt: skip
    conditions = merge_conditions(records)
    slugs = {str(c.members[0]): c.slug for c in conditions}
    # No two pages share a title: the second takes another name of its own, the third is qualified by its record.
    assert slugs == {"MONDO:0000201": "same-name", "MONDO:0000202": "y", "OMIM:3": "same-name-omim-3"}
    assert sorted(c.name for c in conditions) == ["Same name", "Same name (OMIM 3)", "Y"]
    assert [c.slug for c in merge_conditions(list(reversed(records)))] == sorted(slugs.values())
    pinned = merge_conditions(EPP1, slug_overrides={cid("OMIM:177000"): "erythropoietic-protoporphyria"})
    assert pinned[0].slug == "erythropoietic-protoporphyria"


def test_bare_records_attributed_by_database():
    (condition,) = merge_conditions([r for _, r in XLSA])
    assert sorted(condition.sources) == ["gard", "hpo", "mondo", "orphadata", "uniprot_diseases"]


def test_name_helpers():
    assert deinvert("Anemia, sideroblastic, X-linked") == "X-linked sideroblastic anemia"
    assert deinvert("Protoporphyria, erythropoietic, 1") == "Erythropoietic protoporphyria 1"
    assert deinvert("Cataract, congenital") == "Congenital cataract"
    assert deinvert("Deafness, autosomal recessive 1A") == "Autosomal recessive deafness 1A"
    assert deinvert("Seizures, benign familial infantile, 3") == "Benign familial infantile seizures 3"
    assert deinvert("Amastia, bilateral, with ureteral triplication") == "Bilateral amastia with ureteral triplication"
    assert deinvert("Anemia, nonspherocytic hemolytic, due to G6PD deficiency") == (
        "Nonspherocytic hemolytic anemia due to G6PD deficiency"
    )
    # Lists of features and "susceptibility to" names stay as they are.
    assert deinvert("Deafness, congenital heart defects, and posterior embryotoxon") == (
        "Deafness, congenital heart defects, and posterior embryotoxon"
    )
    assert deinvert("Migraine, familial typical, susceptibility to, 2") == (
        "Migraine, familial typical, susceptibility to, 2"
    )
    assert deinvert("Acute intermittent porphyria") == "Acute intermittent porphyria"
    assert slugify("Björnstad syndrome (type 2)") == "bjornstad-syndrome-type-2"


def test_the_general_condition_keeps_the_shared_name_and_its_type_takes_its_own():
    records = [mondo("0007903", "Li-Fraumeni syndrome 1", "OMIM:151623", parents=("MONDO:0018875",)),
               mondo("0018875", "Li-Fraumeni syndrome", "Orphanet:524"),
               ("gard", ConditionRecord(cid("GARD:0006883"), "Li-Fraumeni syndrome", xrefs=(cid("OMIM:151623"),))),
               hpo("OMIM:151623", "Li-Fraumeni syndrome"), hpo("Orphanet:524", "Li-Fraumeni syndrome")]  # fmt: skip
    conditions = merge_conditions(records)
    names = {c.mondo_id: (c.name, c.slug) for c in conditions}
    assert names["MONDO:0018875"] == ("Li-Fraumeni syndrome", "li-fraumeni-syndrome")
    assert names["MONDO:0007903"] == ("Li-Fraumeni syndrome 1", "li-fraumeni-syndrome-1")
