"""References written out in full: what a reviewer needs to find and check a source.

A text's ``references`` list holds, in the order shown, either a bare PubMed ID (older texts) or a mapping:

    - authors: Smith AB, Jones C
      year: 2021
      title: "A review of something"
      journal: Genet Med 23(1):1-10
      pmid: 12345678        # only where the writer confirmed it
      nbk: NBK1234          # GeneReviews chapters, only where confirmed
      checked: which stored page confirmed the citation

Identifiers are optional on purpose: a citation without a number is better than a guessed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
BOOKSHELF_URL = "https://www.ncbi.nlm.nih.gov/books/{nbk}/"
REQUIRED = ("authors", "year", "title", "journal")
KNOWN = frozenset({*REQUIRED, "pmid", "nbk", "checked", "doi"})
MAX_FIELD = 1000


class CitationError(ValueError):
    """A reference that cannot be read, with the reason in words."""


@dataclass(frozen=True)
class Citation:
    """One source a text relies on."""

    authors: str = ""
    """As PubMed lists them, e.g. "Smith AB, Jones C" or "Smith AB, et al."; empty for a bare PubMed ID."""
    year: int | None = None
    """Year of publication (or of the latest GeneReviews update)."""
    title: str = ""
    """The article's or chapter's title."""
    journal: str = ""
    """Journal with volume, issue and pages, or the book (e.g. GeneReviews)."""
    pmid: int | None = None
    """PubMed ID, given only where confirmed."""
    nbk: str = ""
    """NCBI Bookshelf ID of a GeneReviews chapter, e.g. "NBK1250", given only where confirmed."""
    doi: str = ""
    """DOI, where given."""
    checked: str = ""
    """How the citation was confirmed; for editors and reviewers, not shown to the public."""

    @property
    def is_bare(self) -> bool:
        return not self.title

    @property
    def url(self) -> str:
        if self.pmid:
            return PUBMED_URL.format(pmid=self.pmid)
        if self.nbk:
            return BOOKSHELF_URL.format(nbk=self.nbk)
        return ""

    def _head(self) -> str:
        parts = (self.authors, self.title, self.journal, str(self.year or ""))
        return ". ".join(part.rstrip(".") for part in parts if part)

    def as_text(self) -> str:
        """One line in a usual citation style: Authors. Title. Journal. Year. PMID: n."""
        if self.is_bare:
            return f"PubMed: {self.pmid}"
        line = self._head() + "."
        if self.pmid:
            line += f" PMID: {self.pmid}."
        if self.nbk:
            line += f" {self.nbk}."
        return line

    def as_html(self, external_rel: str = "external") -> Markup:
        if self.is_bare:
            return Markup('<a href="{}" rel="{}">PubMed: {}</a>').format(self.url, external_rel, self.pmid)
        head = escape(self._head())
        links = [
            Markup('<a href="{}" rel="{}">{}</a>').format(url, external_rel, label)
            for url, label in (
                (PUBMED_URL.format(pmid=self.pmid) if self.pmid else "", f"PubMed: {self.pmid}"),
                (BOOKSHELF_URL.format(nbk=self.nbk) if self.nbk else "", f"NCBI Bookshelf: {self.nbk}"),
            )
            if url
        ]
        return head + Markup(".") + (Markup(" ") + Markup("; ").join(links) if links else Markup(""))

    def as_dict(self) -> dict:
        """The mapping stored in a revision and written to a content file (bare IDs stay numbers)."""
        if self.is_bare:
            return {"pmid": self.pmid}
        data = {"authors": self.authors, "year": self.year, "title": self.title, "journal": self.journal}
        data.update({name: getattr(self, name) for name in ("pmid", "nbk", "doi", "checked") if getattr(self, name)})
        return data


def _text(value, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise CitationError(f"{name} must be words")
    text = " ".join(str(value).split())
    if len(text) > MAX_FIELD:
        raise CitationError(f"{name} is longer than {MAX_FIELD} characters")
    return text


def _pmid(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not re.fullmatch(r"[1-9][0-9]{0,8}", str(value).strip()):
        raise CitationError(f"pmid {value!r} is not a PubMed ID (a whole number)")
    return int(str(value).strip())


def _nbk(value) -> str:
    text = _text(value, "nbk").upper()
    if text and not re.fullmatch(r"NBK[0-9]{1,7}", text):
        raise CitationError(f"nbk {value!r} is not an NCBI Bookshelf ID such as NBK1250")
    return text


def _year(value) -> int:
    if isinstance(value, bool) or not re.fullmatch(r"(19|20)[0-9]{2}", str(value or "").strip()):
        raise CitationError(f"year {value!r} is not a year")
    return int(str(value).strip())


def parse_citation(value) -> Citation:
    """A Citation from a bare PubMed ID or a mapping; CitationError says what is wrong."""
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        pmid = _pmid(value)
        if pmid is None:
            raise CitationError("an empty reference")
        return Citation(pmid=pmid)
    if not isinstance(value, dict):
        raise CitationError("a reference must be a PubMed ID or a mapping with authors, year, title and journal")
    unknown = sorted(str(name) for name in value if name not in KNOWN)
    if unknown:
        raise CitationError(f"unknown reference field(s): {', '.join(unknown)}")
    if set(value) <= {"pmid"}:
        return parse_citation(value.get("pmid"))
    missing = [name for name in REQUIRED if not value.get(name)]
    if missing:
        raise CitationError(f"reference without {', '.join(missing)}")
    return Citation(
        authors=_text(value["authors"], "authors"), year=_year(value["year"]), title=_text(value["title"], "title"),
        journal=_text(value["journal"], "journal"), pmid=_pmid(value.get("pmid")), nbk=_nbk(value.get("nbk")),
        doi=_text(value.get("doi"), "doi"), checked=_text(value.get("checked"), "checked"),
    )  # fmt: skip


def parse_citations(values) -> list[Citation]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise CitationError("references must be a list")
    citations = []
    for place, value in enumerate(values, start=1):
        try:
            citations.append(parse_citation(value))
        except CitationError as error:
            raise CitationError(f"reference {place}: {error}") from None
    return citations


def stored(values) -> list:
    """References as a revision stores them: bare IDs as numbers, full citations as mappings."""
    return [c.pmid if c.is_bare else c.as_dict() for c in parse_citations(values)]


def pmids(values) -> list[int]:
    """Every PubMed ID among stored references, in order (for readers that only know IDs)."""
    return [c.pmid for c in parse_citations(values) if c.pmid]
