"""Orphadata product 6: the genes of each rare disease with Orphanet's association type. A file only at Orphanet."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="orphadata_genes",
    name="Orphadata genes associated with rare diseases (product 6)",
    publisher="Orphanet (INSERM)",
    licence="CC BY 4.0",
    url="https://www.orphadata.com/data/xml/en_product6.xml",
    # Not in any registry package: an operator downloads it into the upstream folder of the cache; without it the
    # link rules use the other sources.
    package="",
    files={"genes": "en_product6.xml"},
    upstream={"genes": "https://www.orphadata.com/data/xml/en_product6.xml"},
    version="Orphanet's current file, as downloaded (the release records when)",
    required=False,
)
