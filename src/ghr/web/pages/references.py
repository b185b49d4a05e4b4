"""A page's references, grouped by who chose them and what they support.

Editors' citations come first, written out in full. From the knowledge base a page lists only the articles its
sources give for the page's own facts: HGNC's articles for a gene's symbol and name, the Human Phenotype
Ontology's for a condition's signs, symptoms and inheritance, and any a generated text was made from. NCBI Gene links
tens of thousands of articles to popular genes, and the knowledge base keeps the newest of them for the API; a page
points to NCBI's full list with one link instead of printing them as bare numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup

from ghr.web.pages.links import Link, pubmed

# What the articles a source gives support, by the source's key (kb.SourceRelease.key, its folder in sources/).
SOURCE_HEADINGS = {
    "hgnc": "Articles HGNC cites for the gene's symbol and name",
    "gnuhealth_genes": "Articles HGNC cites for the gene's symbol and name",
    "hpo": "Articles the Human Phenotype Ontology cites for the signs, symptoms and inheritance",
}
EDITORS = "Chosen by the editors for the texts on this page"
GENERATED = "Articles the automatically assembled texts were made from"


@dataclass
class ReferenceGroup:
    heading: str
    items: list[Markup]


@dataclass
class References:
    groups: list[ReferenceGroup] = field(default_factory=list)
    more: Link | None = None
    """Where a reader finds every article a database links to the page's subject (NCBI Gene's list in PubMed)."""

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)

    def __len__(self) -> int:
        return self.count


def pubmed_item(pmid: int) -> Markup:
    return Markup('<a href="{}">PubMed {}</a>').format(pubmed(pmid), pmid)


def editors_group(citations: Iterable, pmids: Iterable[int]) -> ReferenceGroup | None:
    """The editors' sources in full, then any PubMed ID an editor's text cites without a full citation."""
    citations = list(citations)
    items = [citation.as_html() for citation in citations]
    cited = {citation.pmid for citation in citations if citation.pmid}
    items += [pubmed_item(pmid) for pmid in dict.fromkeys(pmids) if pmid not in cited]
    return ReferenceGroup(EDITORS, items) if items else None


def source_groups(by_source: dict[str, Iterable[int]], shown: set[int]) -> list[ReferenceGroup]:
    """One group per kind of support the sources give articles for (by source key); an article already listed is
    not repeated."""
    by_heading: dict[str, set[int]] = {}
    for source, heading in SOURCE_HEADINGS.items():
        by_heading.setdefault(heading, set()).update(by_source.get(source, ()))
    groups = []
    for heading, found in by_heading.items():
        pmids = [pmid for pmid in sorted(found) if pmid not in shown]
        shown.update(pmids)
        if pmids:
            groups.append(ReferenceGroup(heading, [pubmed_item(pmid) for pmid in pmids]))
    return groups


def page_references(blocks: Iterable, citations: list, by_source: dict[str, Iterable[int]],
                    more: Link | None = None) -> References:  # fmt: skip
    """The reference list of a gene or condition page from its text blocks (ghr.web.pages.gene.TextBlock; None
    for a section without text), their editors' citations (block_citations) and the articles its sources give (see
    the module's docstring)."""
    written = [block for block in blocks if block]
    editor_pmids = [pmid for block in written if not block.generated for pmid in block.references]
    groups = []
    editors = editors_group(citations, editor_pmids)
    if editors:
        groups.append(editors)
    shown = {c.pmid for c in citations if c.pmid} | set(editor_pmids)
    generated_pmids = {pmid for block in written if block.generated for pmid in block.references}
    generated = [pmid for pmid in sorted(generated_pmids) if pmid not in shown]
    if generated:
        groups.append(ReferenceGroup(GENERATED, [pubmed_item(pmid) for pmid in generated]))
        shown.update(generated)
    groups += source_groups(by_source, shown)
    return References(groups, more)


def text_references(text) -> References:
    """The references of one editor's text (a handbook topic or glossary entry)."""
    editors = editors_group(text.citations, text.references)
    return References([editors] if editors else [])


def ncbi_articles_link(symbol: str, ncbi_gene_id: int | None) -> Link | None:
    if not ncbi_gene_id:
        return None
    url = f"https://pubmed.ncbi.nlm.nih.gov/?linkname=gene_pubmed&from_uid={int(ncbi_gene_id)}"
    return Link(f"Every article NCBI Gene links to the {symbol} gene, in PubMed", url)
