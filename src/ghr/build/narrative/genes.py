"""What a gene normally does, in 2-4 plain sentences made from its annotations (GO), its type and GTEx tissues.

Every sentence says only what a source says: the kind of product from the gene's molecular-function terms walked
up to ``lexicon.PRODUCT_KINDS``, what it takes part in from its process terms walked up to ``lexicon.PROCESSES``,
where in the cell from its component terms, and where in the body from GTEx's highest median expression.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ghr.build.narrative.families import family_words
from ghr.build.narrative.lexicon import GENERAL_PROCESSES, PLACES, PROCESSES, PRODUCT_KINDS, TISSUES

MAX_PROCESSES = 2
MAX_TISSUES = 3
EXPERIMENTAL = frozenset({"EXP", "IDA", "IPI", "IMP", "IGI", "IEP", "HTP", "HDA", "HMP", "HGI", "HEP", "TAS"})
ACTIVE_TPM = 5.0
"""Median expression (transcripts per million) below which a gene is not called "active" in a tissue."""


@dataclass
class GeneFacts:
    """What the gene text may use."""

    symbol: str
    name: str
    locus_type: str
    go_terms: list[str] = field(default_factory=list)
    """The gene's GO annotations (IDs)."""
    tissues: tuple[tuple[str, float], ...] = ()
    """GTEx tissue names with median TPM, highest first."""
    evidence: dict[str, str] = field(default_factory=dict)
    """GO ID -> its evidence code ('IDA', 'IEA'...)."""
    groups: tuple[str, ...] = ()
    """HGNC's names of the gene groups (families) it belongs to."""


@dataclass(frozen=True)
class Written:
    """A generated text: its sentences and the facts it used (for the knowledge base and ``ghr explain``)."""

    sentences: tuple[str, ...]
    facts: dict
    sources: tuple[str, ...]


def ancestors(term: str, parents: Mapping[str, tuple[str, ...]], cache: dict[str, frozenset[str]]) -> frozenset[str]:
    """The term and every term above it."""
    if term in cache:
        return cache[term]
    cache[term] = frozenset({term})  # guards against a cycle while the walk is under way
    found = {term}
    for parent in parents.get(term, ()):
        found |= ancestors(parent, parents, cache)
    cache[term] = frozenset(found)
    return cache[term]


def _reached(terms: Iterable[str], table, parents, cache, *, first_only: bool = False) -> Counter:
    """How many of the gene's terms reach each lexicon entry (by position in the table). With ``first_only`` a term
    counts for the first entry it reaches only, so a channel is not also counted as a transporter."""
    counts: Counter = Counter()
    for term in terms:
        above = ancestors(term, parents, cache)
        for position, entry in enumerate(table):
            if entry[0] in above:
                counts[position] += 1
                if first_only:
                    break
    return counts


def join_words(items: list[str], conjunction: str = "and", *, serial_comma: bool = False) -> str:
    """'a, b and c'; 'a, b, and c' with ``serial_comma``; 'a or b' with ``conjunction="or"``."""
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + ("," if serial_comma else "") + f" {conjunction} " + items[-1]


def _tissues(tissues: tuple[tuple[str, float], ...]) -> list[str]:
    plain: list[str] = []
    for name, median in tissues:
        words = next((w for start, w in TISSUES if name.startswith(start)), "")
        if words and median >= ACTIVE_TPM and words not in plain:
            plain.append(words)
    return plain[:MAX_TISSUES]


def _best(counts: Counter) -> int:
    return min(counts, key=lambda position: (-counts[position], position))


def _kind_sentences(gene: GeneFacts, kinds: Counter) -> list[str]:
    first = f"The {gene.symbol} gene provides instructions for making a protein called {gene.name}."
    if not kinds:
        return [first]
    # The kind most of its activity terms reach; on a tie, the first in the table (a channel before an enzyme).
    kind, explanation = PRODUCT_KINDS[_best(kinds)][1:]
    # "a channel" -> "This protein is a channel."; "a protein that controls ..." -> "This protein controls ...".
    what = kind.removeprefix("a protein that ") if kind.startswith("a protein that ") else f"is {kind}"
    return [first, f"This protein {what}.", explanation]


def coding_gene(gene: GeneFacts, parents: Mapping[str, tuple[str, ...]], cache: dict) -> Written:
    # Experimentally supported annotations say most about what the product is known to do; the others are used
    # only for a gene that has none.
    terms = [t for t, evidence in gene.evidence.items() if evidence in EXPERIMENTAL] or gene.go_terms
    kinds = _reached(terms, PRODUCT_KINDS, parents, cache, first_only=True)
    processes = _reached(terms, PROCESSES, parents, cache)
    places = _reached(terms, PLACES, parents, cache, first_only=True)
    # A family the lexicon knows says what the product is more surely than the kind its GO terms reach (HBB's
    # peroxidase annotation would make hemoglobin "an enzyme"), so it takes the kind's place.
    family = family_words(gene.groups)
    sentences = _kind_sentences(gene, Counter() if family else kinds)
    if family:
        sentences.append(f"It is one of {family[1]}.")
    # Specific processes (earlier in the table) before the broad ones every gene reaches.
    specific = [p for p in sorted(processes) if PROCESSES[p][0] not in GENERAL_PROCESSES]
    chosen = (specific or sorted(processes))[:MAX_PROCESSES]
    if chosen:
        sentences.append(f"It takes part in {join_words([PROCESSES[p][1] for p in chosen])}.")
    elif not gene.go_terms:
        sentences.append("What this protein does in the body is not yet well understood.")
    active = _tissues(gene.tissues)
    if places:
        sentences.append(f"The protein works {PLACES[_best(places)][1]}.")
    if active:
        sentences.append(f"The gene is most active in the {join_words(active)}.")
    if len(sentences) < 2:
        sentences.append("Its exact role in the body is not yet well understood.")
    facts = {
        "product": PRODUCT_KINDS[_best(kinds)][0] if kinds else "",
        "processes": [PROCESSES[p][0] for p in chosen],
        "place": PLACES[_best(places)][0] if places else "",
        "tissues": [name for name, _ in gene.tissues[:MAX_TISSUES]],
        "go_terms": len(gene.go_terms),
        "family": family[0] if family else "",
    }
    sources = ("go_terms", "ncbi_orgdb") + (("gtex_tissues",) if active else ()) + (("hgnc",) if family else ())
    return Written(tuple(sentences[:6]), facts, sources)


def other_gene(gene: GeneFacts) -> Written:
    """Genes that make no protein: what that kind of gene is, honestly."""
    kind = gene.locus_type.lower()
    family = family_words(gene.groups)
    if "pseudogene" in kind:
        sentences = (
            f"{gene.symbol} is a pseudogene: a stretch of DNA that looks like a gene but is not known to make a "
            "working protein.",
            "Pseudogenes are usually copies of working genes that changed over time.",
        )
    elif "rna" in kind and family:
        sentences = (
            f"The {gene.symbol} gene ({gene.name}) does not provide instructions for making a protein.",
            "Instead, it is used to make a molecule of RNA, a chemical cousin of DNA.",
            f"It is one of {family[1]}.",
        )
    elif "rna" in kind:
        sentences = (
            f"The {gene.symbol} gene ({gene.name}) does not provide instructions for making a protein.",
            "Instead, it is used to make a molecule of RNA, a chemical cousin of DNA. Many such RNA molecules help "
            "control the activity of other genes; what this one does may not be fully known.",
        )
    else:
        sentences = (
            f"{gene.symbol} ({gene.name}) is a named stretch of DNA that is not known to make a protein.",
            "Its role in the body is not yet understood.",
        )
    facts = {"locus_type": gene.locus_type, "family": family[0] if family and "rna" in kind else ""}
    return Written(sentences, facts, ("hgnc",))


def gene_text(gene: GeneFacts, parents: Mapping[str, tuple[str, ...]], cache: dict) -> Written:
    # An RNA gene's GO terms describe its RNA, not a protein: it keeps the RNA gene's text.
    makes_no_protein = gene.locus_type.startswith(("pseudogene", "ncrna"))
    if gene.locus_type == "protein_coding" or (gene.go_terms and not makes_no_protein):
        return coding_gene(gene, parents, cache)
    return other_gene(gene)
