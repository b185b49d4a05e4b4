"""Acceptance checks on the full build of the pinned data (`make test` runs them with GHR_TEST_KB set)."""

import pytest

from ghr.build.status import full_build_available
from ghr.build.validate import Minimums
from ghr.kb import models as kb


@pytest.fixture(autouse=True)
def _full_build():
    if not full_build_available():
        pytest.skip("no full build: `make test` builds one from the pinned data and runs these with GHR_TEST_KB")


pytestmark = pytest.mark.full


def test_the_build_reaches_the_minimum_counts():
    info = kb.BuildInfo.objects.get()
    floor = Minimums()
    assert info.counts["genes"] >= floor.genes
    assert info.counts["located_genes"] >= floor.located_genes
    assert info.counts["conditions"] >= floor.conditions
    assert info.counts["genes_with_conditions"] >= floor.genes_with_conditions


def test_alas2_has_its_nomenclature_band_and_mane_location():
    gene = kb.Gene.objects.get(symbol="ALAS2")
    assert (gene.hgnc_id, gene.name, gene.cytogenetic_location) == (
        "HGNC:397",
        "5'-aminolevulinate synthase 2",
        "Xp11.21",
    )
    location = gene.locations.get()
    assert (location.assembly, location.chromosome, location.start, location.end, location.strand) == (
        "GRCh38", "X", 55_009_055, 55_030_977, "-",
    )  # fmt: skip
    assert "MANE" in location.release and "1.5" in location.release
    assert location.band_from_coordinates == "p11.21" and location.band_agrees is True
    names = set(gene.other_names.values_list("name", flat=True))
    assert {"ALAS-E", "ASB"} <= names


def test_alas2_conditions_carry_their_inheritance_and_link_back():
    gene = kb.Gene.objects.get(symbol="ALAS2")
    expected = {"x-linked-sideroblastic-anemia": "xr", "x-linked-erythropoietic-protoporphyria": "xd"}
    linked = set(gene.condition_links.values_list("condition__slug", flat=True))
    assert set(expected) <= linked
    for slug, code in expected.items():
        condition = kb.Condition.objects.get(slug=slug)
        assert code in set(condition.inheritance.values_list("code", flat=True))
        assert condition.gene_links.filter(gene__symbol="ALAS2").exists()


def test_one_condition_gathers_its_records_and_look_alikes_stay_apart():
    xlsa = kb.Condition.objects.get(slug="x-linked-sideroblastic-anemia")
    xrefs = set(xlsa.xrefs.values_list("db", "key"))
    assert {("OMIM", "300751"), ("Orphanet", "75563"), ("GARD", "0009456"), ("UniProt", "DI-00120")} <= xrefs
    assert xlsa.mondo_id == "MONDO:0020721"
    owners = {
        key: set(kb.ConditionXref.objects.filter(db="OMIM", key=key).values_list("condition__slug", flat=True))
        for key in ("300751", "300752", "177000")
    }
    assert owners["300751"].isdisjoint(owners["300752"])
    assert owners["177000"].isdisjoint(owners["300752"])


def test_every_source_release_names_its_licence_and_file_hashes():
    for release in kb.SourceRelease.objects.all():
        assert release.licence and release.version, release.key
        assert release.files and all(len(entry["sha256"]) == 64 for entry in release.files), release.key
