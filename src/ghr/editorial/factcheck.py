"""The facts check: every gene and condition text compared with the knowledge base (``ghr texts check``).

Writers make mistakes a reader cannot see: a gene named as a cause that no source links to the condition, an
inheritance pattern that the sources do not give, a band that is not the gene's, a PubMed ID that belongs to
another gene's literature, a glossary link that sends "protoporphyrinogen" to the definition of protoporphyrin, a
frequency ten times away from Orphanet's class for the condition.
Each rule below finds one such disagreement and says it in words. A text may keep a finding on purpose by
repeating its words in ``acknowledged:`` with a reason (the sources can be wrong too; matched on the text's claim,
see ``claim``); any other finding fails CI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ghr.editorial.attachment import place
from ghr.editorial.citations import pmids
from ghr.editorial.models import Kind
from ghr.editorial.staleness import CONDITION_KINDS

INHERITANCE_WORDS = {
    "autosomal dominant": {"ad"},
    "autosomal recessive": {"ar"},
    "x-linked dominant": {"xd", "x"},
    "x-linked recessive": {"xr", "x"},
    "x-linked": {"xd", "xr", "x"},
    "mitochondrial inheritance": {"m"},
    "mitochondrial pattern": {"m"},
    "y-linked": {"y"},
    "codominant": {"ac"},
}
# Endings that turn one molecule's name into another's: the precursor (protoporphyrinogen) or the enzyme (...ase).
OTHER_MOLECULE_ENDINGS = ("ogen", "ogens", "ase", "ases")
GENE_IN_TEXT = re.compile(r"\*([A-Z][A-Z0-9-]{1,14}[0-9A-Z])\*|\b([A-Z][A-Z0-9-]{1,14}[0-9A-Z]) gene\b")
BAND_IN_TEXT = re.compile(r"\b(?:[1-9]|1[0-9]|2[0-2]|X|Y)[pq][0-9]{1,2}(?:\.[0-9]{1,3})?\b")
CHROMOSOME_IN_TEXT = re.compile(r"\bchromosome ([1-9]|1[0-9]|2[0-2]|X|Y)\b")
GLOSSARY_LINK = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
MIN_REFERENCES, MAX_REFERENCES = 2, 5
DESCENDANT_DEPTH = 3


@dataclass(frozen=True)
class Finding:
    """One disagreement between a text and the knowledge base."""

    where: str
    """The content file (or "kind key") the text came from."""
    rule: str
    """Which check found it: gene, inheritance, location, pmid, glossary or references."""
    message: str
    """What is wrong, in words; a text acknowledges the finding by repeating these words."""

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.message}"


@dataclass(frozen=True)
class CheckedText:
    where: str
    kind: str
    key: str
    content: dict


def _normal(words: str) -> str:
    return " ".join(words.lower().split())


# How a finding gives the knowledge base's side. An acknowledgment is matched on the text's claim before it
# ("names the gene DMD", "says 'autosomal recessive'"), so it stays valid when a rebuild renames the page or
# changes the list the knowledge base gives back, as long as the text makes the same claim.
_KB_REPLIES = (", which the knowledge base does not link to ", ", but the knowledge base gives ",
               ", far from the sources' figure ")  # fmt: skip


def claim(finding: str) -> str:
    """The part of a finding that says what the text claims, in normal form."""
    for reply in _KB_REPLIES:
        if reply in finding:
            return _normal(finding.split(reply, 1)[0])
    return _normal(finding)


def _condition_family(slug: str) -> list[int]:
    """The condition's id and its subtypes' ids (a general page's genes sit on its types)."""
    from ghr.kb.models import Condition, ConditionParent

    found = Condition.objects.using("kb").filter(slug=slug).values_list("id", flat=True).first()
    if found is None:
        return []
    ids, frontier = [found], [found]
    for _ in range(DESCENDANT_DEPTH):
        frontier = list(
            ConditionParent.objects.using("kb").filter(parent_id__in=frontier).values_list("child_id", flat=True)
        )
        frontier = [i for i in frontier if i not in ids]
        ids += frontier
    return ids


def _condition_facts(slug: str) -> tuple[set[str], set[str]]:
    """(gene symbols linked to the condition or its types, inheritance codes of them)."""
    from ghr.kb.models import ConditionInheritance, GeneCondition

    family = _condition_family(slug)
    genes = set(
        GeneCondition.objects.using("kb").filter(condition_id__in=family).values_list("gene__symbol", flat=True)
    )
    codes = set(ConditionInheritance.objects.using("kb").filter(condition_id__in=family).values_list("code", flat=True))
    return genes, codes


def _check_genes(text: CheckedText, slug: str, linked: set[str], known: set[str]) -> Iterable[str]:
    named = {a or b for a, b in GENE_IN_TEXT.findall(text.content["body"])}
    for symbol in sorted(named & known - linked):
        yield f"names the gene {symbol}, which the knowledge base does not link to {slug}"


def _check_inheritance(text: CheckedText, slug: str, codes: set[str]) -> Iterable[str]:
    body = _normal(text.content["body"])
    codes = codes - {"u"}
    if not codes:
        return
    for words, meaning in INHERITANCE_WORDS.items():
        # "X-linked" alone, not as the start of "X-linked dominant/recessive" (those have their own entries).
        after = r"(?! dominant| recessive)" if words == "x-linked" else ""
        if re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-]){after}", body) and not meaning & codes:
            given = ", ".join(sorted(codes))
            yield f"says '{words}', but the knowledge base gives {given} for {slug}"


def _check_location(text: CheckedText, symbol: str, band: str, chromosome: str) -> Iterable[str]:
    body = text.content["body"]
    for mentioned in sorted(set(BAND_IN_TEXT.findall(body))):
        if band and not (band.startswith(mentioned) or mentioned.startswith(band)):
            yield f"gives the band {mentioned}, but {symbol} is at {band}"
    chromosomes = {c.strip() for c in re.split(r" and |,", chromosome or "") if c.strip()}
    for mentioned in sorted(set(CHROMOSOME_IN_TEXT.findall(body))):
        if chromosomes and mentioned not in chromosomes:
            yield f"names chromosome {mentioned}, but {symbol} is on chromosome {chromosome}"


FIGURE = re.compile(
    r"\b(?P<count>[0-9]+(?:\.[0-9]+)?) (?:in|per|out of) (?:every )?(?P<per>[0-9][0-9,]*)(?P<million> million)?"
    r"(?P<after>[^.;]{0,40})"
)
POPULATION = re.compile(r"\b(people|persons|individuals|newborns|births|babies|infants|males|females|men|women|"
                        r"boys|girls|children|population)\b")  # fmt: skip
PREVALENCE_CLASS = re.compile(r"^([<>])?\s*([0-9]+)(?:\s*-\s*([0-9]+))?\s*/\s*([0-9 ]+)")
TOLERANCE = 10
"""How far (as a factor) a text's figure may lie from the sources' range before it is flagged."""


def _stated_rates(body: str) -> list[tuple[str, float]]:
    """Figures a frequency text gives for the condition itself (not for carriers): ('1 in 3,500', rate)."""
    rates = []
    for sentence in re.split(r"(?<=[.!?])\s", body):
        if re.search(r"carr(y|ier|ies)", sentence.lower()):
            continue
        for match in FIGURE.finditer(sentence):
            after = match["after"].lower()
            # "1 in 3,500 newborns", not "1 in 10 people with the condition" (a share of those affected).
            if not POPULATION.search(after) or re.search(r"\bwith\b", after.split(POPULATION.search(after)[0])[1]):
                continue
            per = int(match["per"].replace(",", "")) * (1_000_000 if match["million"] else 1)
            figure = match.group(0)[: len(match.group(0)) - len(match["after"])]
            rates.append((figure, float(match["count"]) / max(per, 1)))
    return rates


def _source_ranges(slug: str) -> list[tuple[float, float, str]]:
    from ghr.kb.models import ConditionFact

    ranges = []
    values = ConditionFact.objects.using("kb").filter(condition__slug=slug, kind="prevalence")
    for value in values.values_list("value", flat=True):
        found = PREVALENCE_CLASS.match(value)
        if not found:
            continue
        bound, low, high, per = found.groups()
        per_value = int(per.replace(" ", ""))
        low_rate, high_rate = int(low) / per_value, int(high or low) / per_value
        ranges.append((0.0 if bound == "<" else low_rate, 1.0 if bound == ">" else high_rate, value))
    return ranges


def _check_frequency(text: CheckedText, slug: str) -> Iterable[str]:
    ranges = _source_ranges(slug)
    if not ranges:
        return
    for words, rate in _stated_rates(text.content["body"]):
        if not any(low / TOLERANCE <= rate <= high * TOLERANCE for low, high, _ in ranges):
            sourced = "; ".join(value for _, _, value in ranges)
            yield f"gives '{words}', far from the sources' figure ({sourced}) for {slug}"


def _check_pmids(text: CheckedText, symbol: str) -> Iterable[str]:
    from ghr.kb.models import GeneReference

    cited = pmids(text.content["references"])
    owners: dict[int, set[str]] = {}
    rows = GeneReference.objects.using("kb").filter(pmid__in=cited).values_list("pmid", "gene__symbol")
    for pmid, owner in rows:
        owners.setdefault(pmid, set()).add(owner)
    for pmid in cited:
        genes = owners.get(pmid, set())
        if genes and symbol not in genes:
            shown = ", ".join(sorted(genes)[:5])
            yield f"cites PubMed {pmid}, which the knowledge base links to {shown}, not {symbol}"


def _other_molecule(written: str, title: str) -> bool:
    """Does ``written`` name a different molecule built on the title's word (protoporphyrinogen for protoporphyrin)?"""
    heads = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) >= 5]
    for word in re.findall(r"[a-z0-9]+", written.lower()):
        for head in heads:
            if word.startswith(head) and word[len(head) :] in OTHER_MOLECULE_ENDINGS:
                return True
    return False


def _check_glossary(text: CheckedText, glossary: dict[str, str]) -> Iterable[str]:
    for slug, shown in GLOSSARY_LINK.findall(text.content["body"]):
        title = glossary.get(slug)
        if title is None:
            yield f"links to the glossary term '{slug}', which does not exist"
        elif shown and _other_molecule(shown, title):
            yield f"links '{shown}' to the glossary definition of {title}, a different molecule"
    if text.kind == Kind.GLOSSARY:
        for synonym in text.content["synonyms"]:
            if _other_molecule(synonym, text.content["title"]):
                yield f"lists '{synonym}' as another name of {text.content['title']}, but it is a different molecule"


def _check_references(text: CheckedText) -> Iterable[str]:
    count = len(text.content["references"])
    if not MIN_REFERENCES <= count <= MAX_REFERENCES:
        yield f"cites {count} sources; a gene or condition text cites {MIN_REFERENCES} to {MAX_REFERENCES}"


def _gene_rules(text: CheckedText, symbol: str) -> Iterable[str]:
    from ghr.kb.models import Gene

    gene = Gene.objects.using("kb").filter(symbol=symbol).values("cytogenetic_location", "chromosome").first()
    if gene is None:
        yield f"is about the gene {symbol}, which is not in the knowledge base"
        return
    yield from _check_location(text, symbol, gene["cytogenetic_location"], gene["chromosome"])
    yield from _check_pmids(text, symbol)


def _messages(text: CheckedText, known: set[str], glossary: dict[str, str]) -> Iterable[tuple[str, str]]:
    placement = place(text.kind, text.key, text.content["mondo_id"], text.content["hgnc_id"])
    yield from (("glossary", m) for m in _check_glossary(text, glossary))
    if text.kind in (Kind.GLOSSARY, Kind.HANDBOOK):
        return
    yield from (("references", m) for m in _check_references(text))
    if not placement.found:
        yield "page", "its identifiers and key find no page in the knowledge base"
        return
    if text.kind in CONDITION_KINDS or text.kind == Kind.GENE_CONDITION:
        slug = placement.key.split("/")[-1]
        linked, codes = _condition_facts(slug)
        if text.kind in CONDITION_KINDS:
            yield from (("gene", m) for m in _check_genes(text, slug, linked, known))
        if text.kind == Kind.CONDITION_INHERITANCE:
            yield from (("inheritance", m) for m in _check_inheritance(text, slug, codes))
        if text.kind == Kind.CONDITION_FREQUENCY:
            yield from (("frequency", m) for m in _check_frequency(text, slug))
    if text.kind in (Kind.GENE_FUNCTION, Kind.GENE_CONDITION):
        yield from (("location", m) if "band" in m or "chromosome" in m else ("pmid", m)
                    for m in _gene_rules(text, placement.key.split("/")[0]))  # fmt: skip


def check_texts(texts: list[CheckedText]) -> tuple[list[Finding], list[Finding]]:
    """(findings not acknowledged, findings the texts acknowledge) for every text."""
    from ghr.kb.models import Gene

    known = set(Gene.objects.using("kb").values_list("symbol", flat=True))
    glossary = {t.key: t.content["title"] for t in texts if t.kind == Kind.GLOSSARY}
    open_findings, kept = [], []
    for text in texts:
        acknowledged = {claim(a["finding"]) for a in text.content.get("acknowledged", [])}
        for rule, message in _messages(text, known, glossary):
            finding = Finding(text.where, rule, message)
            (kept if claim(message) in acknowledged else open_findings).append(finding)
    return open_findings, kept


def texts_in_folder(folder: Path) -> tuple[list[CheckedText], list[str]]:
    """The texts of a content folder, and the files that cannot be read (with why)."""
    from ghr.editorial.transfer import ContentError, content_files, parse_file

    texts, errors = [], []
    for path in content_files(folder):
        name = str(path.relative_to(folder))
        try:
            kind, key, content = parse_file(path)
        except ContentError as error:
            errors.append(f"{name}: {error}")
            continue
        texts.append(CheckedText(name, kind, key, content))
    return texts, errors
