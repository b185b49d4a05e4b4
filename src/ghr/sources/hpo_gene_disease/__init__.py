"""HPO's gene-to-disease associations with their type (Mendelian, polygenic, unknown): a file only at HPO."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="hpo_gene_disease",
    name="HPO gene to disease associations",
    publisher="Human Phenotype Ontology (The Jackson Laboratory and partners)",
    licence="HPO licence: free to use with attribution (https://hpo.jax.org/license)",
    url="https://purl.obolibrary.org/obo/hp/hpoa/genes_to_disease.txt",
    # Not in any registry package: an operator downloads it into the upstream folder of the cache
    # (`ghr fetch --upstream` places publishers' files there); without it the link rules use the other sources.
    package="",
    files={"associations": "genes_to_disease.txt"},
    upstream={"associations": "https://purl.obolibrary.org/obo/hp/hpoa/genes_to_disease.txt"},
    version="HPO's current file, as downloaded (the release records when)",
    required=False,
)
