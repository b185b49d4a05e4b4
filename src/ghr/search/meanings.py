"""What a query means before its words are matched against names: a code, a place on the genome, a question.

- Codes ("OMIM:219700", "E84", "HP:0001631") and bands ("7q31.2") are looked up among the index's identifiers
  (ghr.search.codes says which forms mean what); an HPO term that names no condition is searched by its name.
- A GRCh38 position ("chr7:117,500,000") lists the genes there, from the knowledge base's gene locations.
- A question or a request for genes ("what causes cystic fibrosis", "breast cancer gene") is searched without
  the words around it (ghr.search.everyday); genes are then listed by their links to the conditions found.
"""

from __future__ import annotations

from dataclasses import dataclass

from ghr.search import ranking
from ghr.search.backends import SearchBackend
from ghr.search.codes import Position, band_query, code_query, position_query
from ghr.search.engine import Query
from ghr.search.everyday import interpret
from ghr.search.text import order_free_key

CODE_LIMIT = 200
NEAREST_GENES = 5
NEAR_WINDOW = 1_000_000
"""How far either side of a position with no gene on it nearby genes are looked for."""
LONGEST_GENE = 2_500_000
"""Longer than any human gene (DMD is 2.2 Mb): a gene overlapping a position starts at most this far before it."""


@dataclass
class Meaning:
    query: Query | None = None
    """The query to search instead of the one typed (a question's subject, an HPO term's name), or None."""
    showing: str = ""
    """What the results page says was searched instead, when it was."""
    wants_genes: bool = False
    complete: bool = False
    """Codes or a position found the pages: matching the query's words as names is not needed."""
    code_pages: tuple = ()
    """(kind, key) of the pages a code named."""

    def direct(self, found):
        """The one page a code names, when it is also the best result."""
        if len(self.code_pages) != 1:
            return None
        ordered = found.ordered()
        return ordered[0] if ordered and (ordered[0].kind, ordered[0].key) == self.code_pages[0] else None


def _offer_codes(backend: SearchBackend, found, exact: list[str], prefixes: list[str], tier: int) -> set:
    pages = set()
    for hit in backend.code_names(exact, prefixes, CODE_LIMIT):
        whole = hit.norm in exact
        found.offer_hit(hit, tier if whole else ranking.PREFIX, (0 if whole else 1, len(hit.norm)))
        pages.add((hit.kind, hit.key))
    return pages


def _hpo_term_name(using: str, hpo_id: str) -> str:
    from ghr.kb.models import PhenotypeTerm

    return PhenotypeTerm.objects.using(using).filter(hpo_id=hpo_id).values_list("name", flat=True).first() or ""


def _code_meaning(backend: SearchBackend, query: Query, using: str, found) -> Meaning | None:
    code = code_query(query.norm)
    if code is None:
        return None
    exact, prefixes = list(code.exact), list(code.prefixes)
    prefixed = " " in exact[0] if exact else False
    # A code typed with its prefix is certain; a bare one ("p53" has the shape of an ICD-10 code) ranks with names.
    pages = _offer_codes(backend, found, exact, prefixes, ranking.SYMBOL_OR_ID if prefixed else ranking.OTHER_NAME)
    if pages:
        return Meaning(complete=prefixed, code_pages=tuple(sorted(pages)))
    name = _hpo_term_name(using, code.hpo_id) if code.hpo_id else ""
    if name:
        return Meaning(query=Query.parse(name), showing=f"{name} ({code.hpo_id})")
    return None


def _position_genes(using: str, position: Position) -> list[tuple[int, str, int, int]]:
    """(distance, symbol, start, end) of the genes at or near a position, nearest first."""
    from ghr.kb.models import GeneLocation

    spans = (
        GeneLocation.objects.using(using)
        .filter(assembly="GRCh38", chromosome=position.chromosome)
        .filter(start__gte=position.start - LONGEST_GENE - NEAR_WINDOW, start__lte=position.end + NEAR_WINDOW)
        .values_list("gene__symbol", "start", "end")
    )
    genes: dict[str, tuple[int, str, int, int]] = {}
    for symbol, start, end in spans:
        distance = max(start - position.end, position.start - end, 0)
        if distance <= NEAR_WINDOW and (symbol not in genes or distance < genes[symbol][0]):
            genes[symbol] = (distance, symbol, start, end)
    ordered = sorted(genes.values())
    overlapping = [gene for gene in ordered if gene[0] == 0]
    return overlapping[:CODE_LIMIT] if overlapping else ordered[:NEAREST_GENES]


def _offer_position(using: str, position: Position, found) -> bool:
    genes = _position_genes(using, position)
    for distance, symbol, start, end in genes:
        where = "at" if distance == 0 else f"{distance:,} bases from"
        matched = f"location: {where} chr{position.chromosome}:{start:,}-{end:,} (GRCh38)"
        rank = ranking.sort_key(ranking.SYMBOL_OR_ID, (1, distance, start), 0, symbol, symbol)
        found.offer("gene", symbol, symbol, matched, rank)
    return bool(genes)


def what_is_meant(backend: SearchBackend, query: Query, using: str, found, as_typed: bool) -> Meaning:
    """Offers the pages a code, band or position names to ``found``; says what to search for the rest."""
    position = position_query(query.text)
    if position is not None and _offer_position(using, position, found):
        return Meaning(complete=True)
    band = band_query(query.text)
    if band:
        # Not complete: "1p36" is also the start of condition names ("1p36 deletion syndrome"), listed after.
        # "7q31" takes in 7q31.1 and 7q31.33 (stored "7q31 1"), not 7q310; an arm ("5q") takes in all its bands.
        within = band if band[-1] in "pq" else band + " "
        _offer_codes(backend, found, [band], [within], ranking.GENE_ALIAS)
    meaning = _code_meaning(backend, query, using, found)
    if meaning is not None or as_typed:
        return meaning or Meaning()
    meant = interpret(query.norm)
    if meant.norm == query.norm or backend.exact_names(query.norm, order_free_key(query.norm)):
        # A page whose whole name is the query wins over a reading of it ("Is..."; "Gene" in a name).
        return Meaning()
    return Meaning(query=Query.parse(meant.norm), showing=meant.norm, wants_genes=meant.wants_genes)


MOST_LINKED_CONDITIONS = 3
MOST_GENES = 20
LINK_WORDS = ("gene for", "risk gene for", "changed in tumour cells of")


def add_genes_for_conditions(backend: SearchBackend, found) -> None:
    """For "breast cancer gene": the genes linked to the conditions the query names best, causal genes first,
    ahead of every other result."""
    conditions = [result for result in found.ordered() if result.kind == "condition" and result.entry]
    if not conditions:
        return
    good_enough = max(conditions[0].rank[0], ranking.ANY_ORDER)
    chosen = [result for result in conditions if result.rank[0] <= good_enough][:MOST_LINKED_CONDITIONS]
    place = {result.entry: index for index, result in enumerate(chosen)}
    label = {result.entry: result.label for result in chosen}
    links = sorted(backend.genes_for(list(place)), key=lambda link: (link[2], link[3], place[link[0]]))
    offered: set[str] = set()
    for condition_entry, _, kind, link_rank, key, gene_label, boost in links:
        if key in offered or len(offered) >= MOST_GENES:
            continue
        offered.add(key)
        closeness = (1, kind, link_rank, place[condition_entry])
        rank = ranking.sort_key(ranking.SYMBOL_OR_ID, closeness, boost, gene_label, key)
        found.offer("gene", key, gene_label, f"{LINK_WORDS[kind]}: {label[condition_entry]}", rank)
