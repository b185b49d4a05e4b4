"""NCBI Entrez Gene's PubMed links and GO annotations for human genes, from Bioconductor's org.Hs.eg.db."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="ncbi_orgdb",
    name="NCBI Gene references and GO annotations (Bioconductor org.Hs.eg.db)",
    publisher="NCBI Entrez Gene, packaged by Bioconductor (org.Hs.eg.db 3.16.0)",
    # Entrez Gene data is US government work; the Bioconductor annotation package is Artistic-2.0.
    licence="Public domain (NCBI Entrez Gene data); org.Hs.eg.db package Artistic-2.0",
    url="https://ftp.ncbi.nlm.nih.gov/gene/DATA/",
    package="r-bioc-org.hs.eg.db",
    files={"orgdb": "usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite"},
    version="Entrez Gene 2022-09-12 (GO annotations via Entrez Gene, GO 2022-07-01)",
    release_date="2022-09-12",
    required=False,
)
