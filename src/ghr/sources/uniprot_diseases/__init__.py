"""UniProt's human disease vocabulary and its variant-disease links, as GNU Health ships them."""

from ghr.sources.records import SourceSpec

_DATA = "trytond/modules/health_genetics_uniprot/data/"

SOURCE = SourceSpec(
    key="uniprot_diseases",
    name="UniProt diseases",
    publisher="UniProt Consortium (packaged by GNU Solidario for GNU Health)",
    licence="UniProt data: CC BY 4.0; GNU Health packaging: GPL-3.0-or-later",
    url="https://www.uniprot.org/diseases",
    package="gnuhealth-genetics-uniprot",
    files={
        "diseases": _DATA + "protein_diseases.xml",
        "variants": _DATA + "gene_variants.xml",
        "variant_phenotypes": _DATA + "variant_phenotypes.xml",
    },
    # The files carry no UniProt release number.
    version="GNU Health 5.0.4 (UniProt snapshot, release not stated)",
    release_date="",
    required=False,
)
