"""ClinVar's reviewed pathogenic variants, summarised per gene and disease (the Ideogram.js variant cache)."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="clinvar_variants",
    name="ClinVar pathogenic variants (Ideogram.js variant cache)",
    publisher="NCBI ClinVar, condensed by the Ideogram.js project",
    # ClinVar data is in the public domain; the ideogram package, caches included, is CC0-1.0.
    licence="ClinVar: public domain (NCBI); ideogram package: CC0 1.0",
    url="https://ftp.ncbi.nlm.nih.gov/pub/clinvar/vcf_GRCh38/clinvar_20241215.vcf.gz",
    package="ideogram",
    files={
        "variants": "package/dist/data/cache/variants/homo-sapiens-variants.tsv.gz",
        "index": "package/dist/data/cache/variants/homo-sapiens-variants.tsv.li.gz",
    },
    version="ClinVar 2024-12-15 (ideogram 1.53.0)",
    release_date="2024-12-15",
    required=False,
)
