"""Orphadata epidemiology (product 9): prevalence, age of onset and type of inheritance of rare diseases."""

from ghr.sources.records import SourceSpec

_RES = "rarecrowds/utils/resources/"

SOURCE = SourceSpec(
    key="orphadata",
    name="Orphadata epidemiology",
    publisher="Orphanet (INSERM)",
    licence="CC BY 4.0",
    url="https://www.orphadata.com/epidemiology/",
    package="rarecrowds",
    files={
        "prevalence": _RES + "orphadata_prod9_epidemiological_prevalence.xml",
        "natural_history": _RES + "orphadata_prod9_epidemiological_ages.xml",
    },
    upstream={
        "prevalence": "https://www.orphadata.com/data/xml/en_product9_prev.xml",
        "natural_history": "https://www.orphadata.com/data/xml/en_product9_ages.xml",
    },
    version="JDBOR 2021-03-01",
    release_date="2021-03-01",
    required=False,
)
