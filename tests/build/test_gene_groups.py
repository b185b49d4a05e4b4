"""Gene groups in the build: members, counts, page addresses and the plain sentence each family page shows."""

from ghr.build.collect import Collected, SourceTally
from ghr.build.gene_groups import group_sentence, group_slugs, plan_gene_groups
from ghr.build.genes import GeneIndex
from ghr.build.rows import Plan
from ghr.kb import models as kb
from ghr.sources.records import GeneGroupRecord, GeneRecord, GeneRef

# HGNC's complete set: HBB and HBD are in group 940 "Hemoglobin subunits"; A1BG in 594.
GENES = [("HBB", "HGNC:4827"), ("HBD", "HGNC:4829"), ("A1BG", "HGNC:5")]
MEMBERSHIPS = [("HGNC:4827", 940, "Hemoglobin subunits"), ("HGNC:4829", 940, "Hemoglobin subunits"),
               ("HGNC:4827", 940, "Hemoglobin subunits"),  # the same membership twice is kept once
               ("HGNC:5", 594, "Immunoglobulin like domain containing"),
               ("HGNC:99999", 594, "Immunoglobulin like domain containing")]  # fmt: skip


def _planned() -> tuple[list[dict], list[dict], Collected]:
    index = GeneIndex()
    for row_id, (symbol, hgnc_id) in enumerate(GENES, start=1):
        index.add(row_id, GeneRecord(symbol, f"{symbol} gene", hgnc_id))
    collected = Collected(tallies={"hgnc": SourceTally()})
    collected.records["GeneGroupRecord"] = [
        ("hgnc", GeneGroupRecord(GeneRef("hgnc", hgnc_id), group_id, name)) for hgnc_id, group_id, name in MEMBERSHIPS
    ]
    plan = Plan()
    plan_gene_groups(collected, plan, {"hgnc": 7}, index)
    return list(plan.dicts(kb.GeneGroup)), list(plan.dicts(kb.GeneGroupMember)), collected


def test_groups_with_members_counts_addresses_and_sentences():
    groups, members, collected = _planned()
    by_id = {group["hgnc_group_id"]: group for group in groups}
    hemoglobins = by_id[940]
    assert hemoglobins["slug"] == "hemoglobin-subunits"
    assert hemoglobins["gene_count"] == 2
    assert hemoglobins["description"] == (
        "Each of these 2 genes is one of the hemoglobin genes, which make the protein that carries oxygen in red "
        "blood cells."
    )
    assert by_id[594]["gene_count"] == 1
    assert by_id[594]["slug"] is None  # one gene is not a family to browse: no page
    assert sorted((row["group_id"], row["gene_id"]) for row in members) == [
        (hemoglobins["id"], 1), (hemoglobins["id"], 2), (by_id[594]["id"], 3)]  # fmt: skip
    assert collected.tallies["hgnc"].rejected == {"gene group member that is not a known gene": 1}


def test_a_group_the_lexicon_does_not_know_gets_an_honest_general_sentence():
    sentence = group_sentence("WD repeat domain containing", 12)
    assert sentence.startswith("The HUGO Gene Nomenclature Committee (HGNC), which names human genes, puts these 12")
    assert "something in common" in sentence


def test_addresses_are_unique_and_stable():
    slugs = group_slugs({5: "Zinc fingers", 9: "Zinc-fingers", 12: "!!!", 3: "Zinc fingers C2H2-type"})
    assert slugs == {3: "zinc-fingers-c2h2-type", 5: "zinc-fingers", 9: "zinc-fingers-9", 12: "group-12"}
    assert len(set(slugs.values())) == len(slugs)


def test_big_numbers_are_written_with_commas():
    assert group_sentence("MicroRNAs", 1465).startswith("Each of these 1,465 genes is one of the microRNAs")
