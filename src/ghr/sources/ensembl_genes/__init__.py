"""Ensembl 110 gene spans, symbols and synonyms on GRCh38, from the gene caches Ideogram.js ships."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="ensembl_genes",
    name="Ensembl gene annotation (Ideogram.js gene cache)",
    publisher="Ensembl (EMBL-EBI), condensed by the Ideogram.js project",
    # Ensembl places no restrictions on its data; the ideogram package, caches included, is CC0-1.0.
    licence="CC0 1.0 (ideogram package); Ensembl data without restriction",
    url="https://ftp.ensembl.org/pub/release-110/gff3/homo_sapiens/Homo_sapiens.GRCh38.110.gff3.gz",
    package="ideogram",
    files={
        "genes": "package/dist/data/cache/genes/homo-sapiens-genes.tsv.gz",
        "synonyms": "package/dist/data/cache/synonyms/homo-sapiens-synonyms.tsv.gz",
        # Only this cache gives a strand; the genes cache has none.
        "gene_structures": "package/dist/data/cache/gene-structures/homo-sapiens-gene-structures.tsv.gz",
    },
    version="Ensembl 110 (ideogram 1.53.0)",
    release_date="2023-07",
    required=True,
)
