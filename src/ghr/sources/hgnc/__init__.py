"""HGNC's own complete set: the approved human gene nomenclature, with previous symbols, gene groups and the
MANE Select, OMIM and Orphanet cross-references.

Pinned: the complete set of about June 2025 that the pheval package carries unchanged. An operator can fetch
HGNC's current file (`ghr fetch --upstream hgnc`); the build then prefers it to the pinned one.
"""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="hgnc",
    name="HGNC complete set",
    publisher="HUGO Gene Nomenclature Committee (HGNC)",
    licence="CC0 1.0",
    url="https://storage.googleapis.com/public-download-files/hgnc/tsv/tsv/hgnc_complete_set.txt",
    package="pheval",
    files={"complete_set": "pheval/resources/hgnc_complete_set.txt"},
    upstream={
        "complete_set": "https://storage.googleapis.com/public-download-files/hgnc/tsv/tsv/hgnc_complete_set.txt"
    },
    # pheval's resources/metadata.json dates its download 2025-06-09; the latest date_modified in it is 2025-06-03.
    version="2025-06-09 download (pheval 0.7.14)",
    release_date="2025-06",
    required=False,
)
