"""NIH GARD (Genetic and Rare Diseases Information Center): rare disease names in plain language."""

from ghr.sources.records import SourceSpec

SOURCE = SourceSpec(
    key="gard",
    name="GARD rare disease names",
    publisher="NIH Genetic and Rare Diseases Information Center (NCATS); packaged by the gard Python package",
    licence="GARD data: US government work, public domain; gard package: MIT",
    url="https://rarediseases.info.nih.gov/",
    package="gard",
    files={"diseases": "gard/diseases.trimmed.json"},
    # The file carries no date; the gard 0.0.3 package was published in March 2024.
    version="gard 0.0.3 (about 2024-03)",
    release_date="2024-03",
    required=False,
)
