"""HGNC gene nomenclature as GNU Health ships it: one Tryton XML record per approved human gene."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="gnuhealth_genes",
    name="HGNC gene nomenclature (GNU Health genetics module)",
    publisher="HUGO Gene Nomenclature Committee, packaged by GNU Solidario (GNU Health)",
    licence="HGNC data: CC0 1.0; GNU Health packaging: GPL-3.0-or-later",
    url="https://www.genenames.org/download/",
    package="gnuhealth-genetics",
    files={"genes": "trytond/modules/health_genetics/data/human_genes_grch38.xml"},
    # The file carries no release date; its highest HGNC ID (58326) dates the snapshot to about 2023.
    version="GNU Health 5.0.4 (HGNC snapshot about 2023)",
    release_date="2023",
    required=True,
    # HGNC's own complete set (pinned from June 2025) gives the same facts, newer, with previous symbols.
    superseded_by="hgnc",
)
