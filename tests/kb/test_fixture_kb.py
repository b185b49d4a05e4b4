from ghr.kb.models import Chromosome, Condition, Gene


def test_alas2_is_linked_to_both_of_its_conditions(kb):
    alas2 = Gene.objects.get(symbol="ALAS2")
    slugs = sorted(alas2.condition_links.values_list("condition__slug", flat=True))
    assert slugs == ["x-linked-erythropoietic-protoporphyria", "x-linked-sideroblastic-anemia"]
    assert Condition.objects.get(slug="x-linked-sideroblastic-anemia").inheritance.first().code == "xr"


def test_chromosome_gene_counts_are_derived_from_locations(kb):
    assert Chromosome.objects.get(name="X").gene_count == 1
    assert Chromosome.objects.get(name="Y").gene_count == 0
