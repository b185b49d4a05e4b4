"""GRCh38 chromosome lengths and Giemsa bands (UCSC hg38 cytoBand), as bioframe ships them."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="cytobands",
    name="GRCh38 chromosomes and cytogenetic bands (UCSC hg38)",
    publisher="UCSC Genome Browser (bands from NCBI), packaged by bioframe (Open2C)",
    # UCSC offers its annotation tables for free use; bioframe, which carries them unchanged, is MIT-licensed.
    licence="UCSC Genome Browser data, freely usable; bioframe package MIT",
    url="https://hgdownload.soe.ucsc.edu/goldenPath/hg38/database/cytoBand.txt.gz",
    package="bioframe",
    files={"cytobands": "bioframe/io/data/hg38.cytoband.tsv", "seqinfo": "bioframe/io/data/hg38.seqinfo.tsv"},
    # UCSC's own table (gzipped, no header line); chromosome lengths stay those of the pinned package.
    upstream={"cytobands": "https://hgdownload.soe.ucsc.edu/goldenPath/hg38/database/cytoBand.txt.gz"},
    version="hg38 (GRCh38), bioframe 0.8.0",
    release_date="2013-12",
    required=True,
)
