"""GTEx gene expression by tissue, summarised per gene (the Ideogram.js tissue cache)."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="gtex_tissues",
    name="GTEx expression by tissue (Ideogram.js tissue cache)",
    publisher="The GTEx Consortium, condensed by the Ideogram.js project",
    # GTEx summary data are open access; the ideogram package, caches included, is CC0-1.0.
    licence="GTEx open-access summary data; ideogram package: CC0 1.0",
    url="https://gtexportal.org/home/downloads/adult-gtex/bulk_tissue_expression",
    package="ideogram",
    files={"tissues": "package/dist/data/cache/tissues/homo-sapiens-tissues.tsv.gz"},
    # The cache does not say which GTEx release it summarises.
    version="GTEx (release not stated; ideogram 1.53.0)",
    release_date="",
    required=False,
)
