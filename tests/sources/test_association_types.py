"""The publishers' files that say what kind of link joins a gene to a disease: HPO's genes_to_disease.txt and
Orphadata's product 6, read in their own formats; damaged files are refused with the reason."""

import pytest

from ghr.sources.hpo_gene_disease import load as hpo_load
from ghr.sources.orphadata_genes import load as orpha_load
from ghr.sources.records import SourceFileError
from ghr.sources.stats import ParseStats
from tests.build.sample_data import write_hpo_gene_disease, write_orphadata_genes


def test_hpo_associations_carry_their_type(tmp_path):
    write_hpo_gene_disease(tmp_path)
    records = list(hpo_load.records({"associations": tmp_path / "genes_to_disease.txt"}))
    first = records[0]
    assert (first.gene.namespace, first.gene.value, str(first.condition)) == ("ncbi", "212", "OMIM:300751")
    assert first.association == "MENDELIAN"


def test_hpo_rows_it_cannot_read_are_counted_and_a_wrong_header_refused(tmp_path):
    path = tmp_path / "genes_to_disease.txt"
    path.write_text("ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource\nbad row\n"
                    "NCBIGene:1\tA1BG\tUNKNOWN\tMONDO:0000001\tx\n")  # fmt: skip
    stats = ParseStats()
    assert list(hpo_load.records({"associations": path}, stats)) == []
    assert stats.reasons == {"malformed association row": 1, "disease of an unknown database": 1}
    path.write_text("gene\tdisease\n")
    with pytest.raises(SourceFileError, match="header"):
        list(hpo_load.records({"associations": path}))


def test_orphanet_associations_carry_their_type_gene_and_pmids(tmp_path):
    write_orphadata_genes(tmp_path)
    (record,) = orpha_load.records({"genes": tmp_path / "en_product6.xml"})
    assert (record.gene.value, str(record.condition), record.pmids) == ("HGNC:397", "Orphanet:75563", (8829630,))
    assert record.association == "Disease-causing germline mutation(s) in"


def test_a_truncated_orphadata_file_is_refused(tmp_path):
    write_orphadata_genes(tmp_path)
    path = tmp_path / "en_product6.xml"
    path.write_text(path.read_text()[:300])
    with pytest.raises(SourceFileError, match="Orphadata XML"):
        list(orpha_load.records({"genes": path}))
