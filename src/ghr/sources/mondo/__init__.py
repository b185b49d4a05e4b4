"""MONDO disease ontology: the identifiers that tie one disease's records in OMIM, Orphanet and GARD together."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="mondo",
    name="Mondo Disease Ontology",
    publisher="Monarch Initiative; pickled by the rarecrowds package",
    licence="CC BY 4.0",
    url="https://mondo.monarchinitiative.org/",
    package="rarecrowds",
    files={"ontology": "rarecrowds/utils/resources/mondo.obo.pkl"},
    # The pickle carries no version string (its graph attributes are empty); the file dates from April 2021.
    version="about 2021-04 (rarecrowds 0.0.5)",
    release_date="2021-04",
    required=True,
)
