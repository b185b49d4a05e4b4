"""NLM's names for MedlinePlus Genetics documents: the namespace of ghr-summaries.xml and where its schema lives.

The namespace is the one NLM's current file declares as its default namespace (earlier files declared
https://ghr.nlm.nih.gov/download/ghr-summaries-20170124.xsd). A namespace is a name, not an address: clients that
select elements by it (namespace-aware XPath, QName lookups) find ghr's elements under the same name. ghr's own
schema for the format, written from NLM's documents (docs/nlm-compatibility.md), is served beside the file.
"""

from __future__ import annotations

from pathlib import Path

SUMMARIES_NAMESPACE = "https://medlineplus.gov/download/ghr-summaries-20250602.xsd"
SCHEMA_FILE = Path(__file__).with_name("schemas") / "ghr-summaries-20250602.xsd"
SCHEMA_PATH = "/download/ghr-summaries-20250602.xsd"
XHTML = "http://www.w3.org/1999/xhtml"
