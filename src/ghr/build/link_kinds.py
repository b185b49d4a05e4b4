"""What kind of link joins a gene to a condition, decided once in the build from the sources' evidence.

A gene can *cause* a condition (germline variants in it are enough), raise the *risk* of it (susceptibility),
*modify* it (change its severity or course), be changed only in tumour cells (*somatic*), or be linked by weak
or candidate evidence only (*uncertain*). The sources rarely say which in so many words, so each rule below reads
what they do carry. The rules are tried in order; the first that applies decides, and its reasons are stored with
the link so ``ghr explain`` can show why.

0. A condition caused by a change in the number of chromosomes (trisomy 21, monosomy X, 47,XXY) is not caused by
   any one gene: a gene linked to it (GATA1 and Down syndrome, through a blood disorder some babies with Down
   syndrome have) is at most uncertain.

1. The publisher's own association type, where a file carries one (Orphanet's gene associations, HPO's
   genes_to_disease): it is the curators' judgement, so it comes first. A type this code does not know is counted
   and reported, never guessed.
2. Naming conventions of the linking record. OMIM writes susceptibilities in braces ("{Alzheimer disease,
   susceptibility to}"), non-diseases in brackets and provisional links with "?"; modifiers and somatic forms say
   so in the name ("..., modifier of", "..., somatic").
3. Somatic: every ClinVar variant for the pair was seen only in tumour cells.
4. Cancers of an organ ("Breast neoplasm", "Colorectal cancer"), as opposed to named hereditary syndromes: germline
   variants raise the risk of such a cancer rather than cause it.
5. Causes: UniProt's curators list the gene's involvement in the disease, or ClinVar has reviewed pathogenic
   germline variants of the gene for it (two or more when ClinVar is the only source of the link, and at least 2%
   as many as the condition's main gene has: F9's 10 variants submitted for hemophilia A, against F8's
   hundreds, are submission slips, not a second cause). Variants of a gene that makes no protein do not count.
6. A link that only gene lists carry (OMIM or Orphanet through HPO), on a condition where other genes meet rule 5,
   is uncertain: Orphanet's lists mix causal, modifier and candidate genes, and the genes with variant-level
   evidence are the established causes. Where no gene of the condition meets rule 5, the genes linked by as many
   databases as the best-linked gene are taken as causes and the others are uncertain (Huntington disease: HTT is
   in both OMIM and Orphanet, SLC2A3 in Orphanet's list only). ClinVar variants that the cache lists under two
   genes at once (HFE and its neighbour H2BC4) count for neither.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

CAUSES, RISK, MODIFIES, SOMATIC, UNCERTAIN = "causes", "risk", "modifies", "somatic", "uncertain"
KIND_ORDER = (CAUSES, RISK, MODIFIES, SOMATIC, UNCERTAIN)

# Publishers' association types (Orphanet product 6 "DisorderGeneAssociationType", HPO genes_to_disease
# "association_type"), lower-cased.
ASSOCIATION_KINDS = {
    "disease-causing germline mutation(s) in": CAUSES,
    "disease-causing germline mutation(s) (loss of function) in": CAUSES,
    "disease-causing germline mutation(s) (gain of function) in": CAUSES,
    "disease-causing somatic mutation(s) in": SOMATIC,
    "modifying germline mutation in": MODIFIES,
    "major susceptibility factor in": RISK,
    "role in the phenotype of": UNCERTAIN,
    "candidate gene tested in": UNCERTAIN,
    "part of a fusion gene in": SOMATIC,
    "biomarker tested in": UNCERTAIN,
    "mendelian": CAUSES,
    "polygenic": RISK,
    "unknown": UNCERTAIN,
}
CANCER_WORDS = re.compile(
    r"\b(cancer|carcinoma|neoplasm|tumou?r|leuka?emia|lymphoma|melanoma|sarcoma|glioma|adenocarcinoma)s?\b", re.I
)
SYNDROME_WORDS = re.compile(r"\b(syndrome|familial|hereditary|inherited|predisposition|polyposis)\b", re.I)
CLINVAR_ALONE_MINIMUM = 2
FEW_VARIANTS_PERCENT = 2
ANEUPLOIDY = re.compile(
    r"\b(trisomy|monosomy|tetrasomy|pentasomy|triploidy|down syndrome|turner syndrome|klinefelter|"
    r"triple x|xxy|xyy|xxyy|47,x|45,x)\b", re.I
)  # fmt: skip


@dataclass
class PairEvidence:
    """Everything the sources say about one gene and one condition."""

    records: list[tuple[str, str, str]] = field(default_factory=list)
    """(source key, evidence, name of the linking record) for every source row."""
    associations: list[str] = field(default_factory=list)
    """Publishers' association types, as written."""
    germline: int = 0
    """ClinVar's reviewed pathogenic germline variants."""
    somatic_only: int = 0
    """ClinVar's reviewed pathogenic variants seen only in tumour cells."""
    shared: int = 0
    """ClinVar germline variants also listed under a neighbouring gene: no evidence for either gene alone."""
    coding: bool = True
    """Does the gene make a protein? ClinVar variants in a gene that makes none (an antisense RNA overlapping a
    protein-coding gene) do not show it causes anything."""

    @property
    def sources(self) -> set[str]:
        return {source for source, _, _ in self.records}

    @property
    def sources_by_database(self) -> set[str]:
        """The databases whose records link the pair (OMIM and Orphanet both come through HPO)."""
        return {text.split(":", 1)[0] if source == "hpo" else source for source, text, _ in self.records}

    @property
    def strong(self) -> bool:
        """Does the pair meet rule 5 (UniProt involvement or ClinVar germline variants)?"""
        if "uniprot_diseases" in self.sources:
            return True
        alone = self.sources <= {"clinvar_variants"}
        return self.coding and self.germline >= (CLINVAR_ALONE_MINIMUM if alone else 1)

    @property
    def weight(self) -> int:
        """Strength of the evidence, to put the best established links first."""
        return 1000 * ("uniprot_diseases" in self.sources) + min(self.germline, 999) + 10 * len(self.sources)


@dataclass(frozen=True)
class Decision:
    kind: str
    rule: str
    """Which numbered rule of this module decided, in words."""
    reasons: tuple[str, ...]
    """The evidence, one line per source row."""


def _name_kind(name: str) -> str | None:
    text = name.strip().lower()
    if "modifier" in text:
        return MODIFIES
    if text.startswith("{") or "susceptibility" in text or "protection against" in text:
        return RISK
    if "somatic" in text:
        return SOMATIC
    if text.startswith(("?", "[")):
        return UNCERTAIN
    return None


def _by_association(evidence: PairEvidence, unknown: Counter) -> str | None:
    kinds = []
    for association in evidence.associations:
        kind = ASSOCIATION_KINDS.get(association.strip().lower())
        if kind is None:
            unknown[association] += 1
        else:
            kinds.append(kind)
    # Two publishers may type one pair differently; the first kind in KIND_ORDER (causes before risk...) wins.
    return min(kinds, key=KIND_ORDER.index) if kinds else None


def _reasons(evidence: PairEvidence) -> tuple[str, ...]:
    lines = [f"{source}: {text}" + (f" ({name})" if name and name not in text else "")
             for source, text, name in evidence.records]  # fmt: skip
    return tuple(sorted(set(lines)))


@dataclass(frozen=True)
class _Case:
    evidence: PairEvidence
    condition_name: str
    condition_has_strong: bool
    unknown: Counter
    best_database_count: int = 0
    """How many databases link the condition's best-linked gene."""
    best_germline: int = 0
    """The most ClinVar germline variants any gene has for the condition."""


def _rule_association(case: _Case) -> tuple[str, str] | None:
    kind = _by_association(case.evidence, case.unknown)
    return (kind, "1: the publisher's association type") if kind else None


def _rule_name(case: _Case) -> tuple[str, str] | None:
    marked = {_name_kind(name) for _, _, name in case.evidence.records} - {None}
    return (min(marked, key=KIND_ORDER.index), "2: the linking record's name") if marked else None


def _rule_somatic(case: _Case) -> tuple[str, str] | None:
    pair = case.evidence
    if pair.somatic_only and not pair.germline and pair.sources <= {"clinvar_variants"}:
        return SOMATIC, "3: ClinVar variants seen only in tumour cells"
    return None


def _rule_cancer(case: _Case) -> tuple[str, str] | None:
    if CANCER_WORDS.search(case.condition_name) and not SYNDROME_WORDS.search(case.condition_name):
        return RISK, "4: germline variants and a cancer of an organ"
    return None


def _rule_chromosomal(case: _Case) -> tuple[str, str] | None:
    if ANEUPLOIDY.search(case.condition_name):
        return UNCERTAIN, "0: a change in the number of chromosomes, not in one gene, causes the condition"
    return None


def _rule_few_variants(case: _Case) -> tuple[str, str] | None:
    pair = case.evidence
    only_clinvar = pair.sources <= {"clinvar_variants"}
    if only_clinvar and pair.germline and pair.germline * 100 < case.best_germline * FEW_VARIANTS_PERCENT:
        return UNCERTAIN, f"5: under {FEW_VARIANTS_PERCENT}% of the ClinVar variants of the condition's main gene"
    return None


def _rule_evidence(case: _Case) -> tuple[str, str]:
    if case.evidence.strong:
        return CAUSES, "5: UniProt involvement or ClinVar germline variants"
    if case.condition_has_strong:
        return UNCERTAIN, "6: one gene list only, where other genes have variant-level evidence"
    if len(case.evidence.sources_by_database) < case.best_database_count:
        return UNCERTAIN, "6: fewer databases link it than the condition's best-linked gene"
    return CAUSES, "6: the only genes the sources link to the condition"


RULES = (_rule_chromosomal, _rule_association, _rule_name, _rule_somatic, _rule_cancer, _rule_few_variants,
         _rule_evidence)  # fmt: skip
STRONG_RULES = ("1:", "2:", "5: UniProt")
"""Rules whose causes a general condition gathers from its types (rule 6's gene lists are too weak to lift)."""


@dataclass(frozen=True)
class ConditionContext:
    """What the rules need to know about the condition and its other genes."""

    name: str
    has_strong: bool = False
    """Does another gene of the condition meet rule 5?"""
    best_database_count: int = 0
    """How many databases link the condition's best-linked gene."""
    best_germline: int = 0
    """The most ClinVar germline variants any gene has for the condition."""


def decide(evidence: PairEvidence, condition: ConditionContext, unknown: Counter) -> Decision:
    """The kind of one gene-condition link; ``unknown`` counts association types no rule knows."""
    case = _Case(evidence, condition.name, condition.has_strong, unknown, condition.best_database_count,
                 condition.best_germline)  # fmt: skip
    for rule in RULES:
        decided = rule(case)
        if decided:
            return Decision(decided[0], decided[1], _reasons(evidence))
    raise AssertionError("the last rule always decides")
