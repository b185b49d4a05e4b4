"""HGNC's own complete set: the current approved human gene nomenclature, with previous symbols and names.

Not in any package: users download ``hgnc_complete_set.txt`` from HGNC and point the build at it. When present
it is fresher than the GNU Health snapshot and adds previous symbols/names and HGNC's PubMed references.
"""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="hgnc",
    name="HGNC complete set",
    publisher="HUGO Gene Nomenclature Committee (HGNC)",
    licence="CC0 1.0",
    url="https://storage.googleapis.com/public-download-files/hgnc/tsv/tsv/hgnc_complete_set.txt",
    package="",
    files={"complete_set": "hgnc_complete_set.txt"},
    # HGNC publishes a new complete set every few days; the build records the date of the file it was given.
    version="",
    release_date="",
    required=False,
)
