"""Gene Ontology terms with their definitions, from Bioconductor's GO.db."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="go_terms",
    name="Gene Ontology terms (Bioconductor GO.db)",
    publisher="Gene Ontology Consortium, packaged by Bioconductor (GO.db 3.16.0)",
    licence="CC BY 4.0 (Gene Ontology); GO.db package Artistic-2.0",
    url="http://current.geneontology.org/ontology/go-basic.obo",
    package="r-bioc-go.db",
    files={"go": "usr/lib/R/site-library/GO.db/extdata/GO.sqlite"},
    version="GO 2022-07-01",
    release_date="2022-07-01",
    required=False,
)
