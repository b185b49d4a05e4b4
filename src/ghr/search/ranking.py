"""How results are ordered, in one place.

Each way a page can match the query falls in a *tier*; a page's rank is its best match. Tiers, best first:

0. the query is the page's exact approved symbol or an identifier (ALAS2, OMIM:300751, HGNC:397); then, for a
   request for genes ("breast cancer gene"), the genes linked to the conditions named, causal ones first; and the
   genes at a GRCh38 position (ghr.search.meanings);
1. the exact preferred name of a gene or condition ("X-linked sideroblastic anemia", "ferrochelatase");
2. the exact other name of a condition (synonym, acronym, everyday name) or a gene's previous symbol (ASB); an
   identifier typed without its prefix ("219700", "E84"), as the same digits may be another code;
3. the exact alias symbol or other name of a gene (ALAS-E, "porphobilinogen deaminase");
4. the same words as a name in another order ("Anemia, sideroblastic, X-linked");
5. a name that starts with the query (what people type into the suggest box: "sideroblastic an");
6. a name containing every query word; the genes in a band the query names (7q31.2, 5q);
7. the same as 1-6 once misspelt words are corrected ("sideroblastik anemia"): words of 5-8 letters may have one
   slip (a swap of two letters counts as one), longer words two, shorter words none (ghr.search.fuzzy);
8. partial matches, ranked together by how many query words they hold, most first: names holding most of the
   query words, looked for when nothing above matched ("ALAS2 gene", "what is cystic fibrosis", "cystic fibrosis
   transmembrane conductance regulator" for the gene HGNC now calls "CF transmembrane conductance regulator");
   then conditions whose features (HPO terms and their everyday synonyms) hold the words ("sensitivity to
   sunlight"), by how characteristic the feature is of the condition (HPO frequency) and how few features the
   condition has; last, glossary and handbook texts that mention every word in their body.

"Exact" ignores case, accents and punctuation (ghr.search.text.normalize). Within a tier, closer matches come
first (fewer extra words, the more important kind of name), then genes linked to conditions and conditions linked
to genes, then the label in alphabetical order so that results never shuffle between requests.
"""

from __future__ import annotations

(
    SYMBOL_OR_ID,
    PREFERRED_NAME,
    OTHER_NAME,
    GENE_ALIAS,
    ANY_ORDER,
    PREFIX,
    ALL_WORDS,
    CORRECTED,
    PARTIAL,
) = range(9)

# Within PARTIAL, what holds the words: a name, a condition's feature, a glossary or handbook text.
IN_NAME, IN_FEATURE, IN_TEXT = range(3)

# How much a kind of name says about the page, for ordering matches of the same tier (lower is more).
FIELD_WEIGHT = {
    "symbol": 0,
    "identifier": 0,
    "name": 1,
    # After a condition's acronym: "HD" is Huntington disease before HTT's former symbol.
    "previous_symbol": 3,
    "acronym": 2,
    "synonym": 2,
    "consumer": 2,
    "everyday": 2,
    "band": 2,
    "title": 1,
    "source_name": 3,
    "alias_symbol": 3,
    "withdrawn_symbol": 3,
    "previous_name": 4,
    "alias_name": 4,
    "protein_name": 4,
    "body": 5,
}

# What a result says it matched, when it is not the label itself.
FIELD_LABEL = {
    "symbol": "symbol",
    "identifier": "identifier",
    "name": "name",
    "previous_symbol": "previous symbol",
    "alias_symbol": "other symbol",
    "withdrawn_symbol": "withdrawn symbol",
    "previous_name": "previous name",
    "alias_name": "other name",
    "protein_name": "protein",
    "synonym": "other name",
    "acronym": "abbreviation",
    "consumer": "other name",
    "everyday": "everyday name",
    "band": "location",
    "source_name": "other name",
    "title": "title",
    "body": "text",
}


def family_rank(tier: int, closeness: tuple) -> tuple[int, tuple]:
    """A gene family's name matches at best as a name holding every query word (tier 6, no extra words): the genes
    and conditions the query names come first ("fibrillin" is FBN1's protein before it is the family Fibrillins),
    and the family still comes before names that merely hold the words among other ones."""
    if tier < ALL_WORDS:
        return ALL_WORDS, (0, FIELD_WEIGHT["name"])
    return tier, closeness


def exact_tier(kind: str, field: str) -> int:
    if field == "band":
        # A place, not a name: "1p36" wants "1p36 deletion syndrome" before the genes there.
        return ALL_WORDS
    if field in ("symbol", "identifier"):
        return SYMBOL_OR_ID
    if field in ("name", "title"):
        return PREFERRED_NAME
    if kind == "condition" or field == "previous_symbol":
        return OTHER_NAME
    return GENE_ALIAS


SYMBOL_FIELDS = frozenset({"symbol", "previous_symbol", "alias_symbol", "withdrawn_symbol", "acronym", "identifier"})


def extra_words(name_norm: str, query_word_count: int) -> int:
    """Words of the name the query did not ask for: "sideroblastic anemia" fits "Sideroblastic anemia" better
    than "X-linked sideroblastic anemia". Type numbers and letters ("1", "b") do not count: "Erythropoietic
    protoporphyria 1" is as good a fit for "erythropoietic protoporphyria" as a name can be."""
    meaningful = [word for word in name_norm.split() if len(word) > 1 and not word.isdigit()]
    return max(len(meaningful) - query_word_count, 0)


def sort_key(tier: int, closeness: tuple[int, ...], boost: int, label: str, key: str) -> tuple:
    """The one ordering of all results: tier, then the tier's closeness figures (lower is closer; every match
    of one tier gives as many), then linked pages, then the label."""
    return (tier, *closeness, -boost, label.casefold(), key)
