"""The texts of a gene, condition or chromosome document: the editors' where they exist, else the texts the build
wrote (ghr.build.narrative: a gene's function, a condition's description), else short fact lines (prevalence,
genes, inheritance), each naming the release it comes from through ``Text.source``.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist

from ghr.api.texts import Text, TextLookup, from_published, paragraph
from ghr.kb.models import ConditionFact, ConditionInheritance

CHROMOSOME_OPENINGS = {
    "X": "Females normally have two X chromosomes in each cell, and males have one X and one Y chromosome.",
    "Y": "Males normally have one Y chromosome in each cell, paired with an X chromosome; females have none.",
    "MT": "Mitochondrial DNA is a small, circular chromosome found inside mitochondria, passed on by mothers.",
}
CONDITION_ROLES = ("description", "frequency", "causes", "inheritance")


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def protein_name(gene) -> str:
    if gene.protein_name:
        return gene.protein_name
    for other in gene.other_names.all():
        if other.kind == "protein_name":
            return other.name
    return ""


def stored_text(subject, role: str) -> Text | None:
    """The text the build wrote for a gene or condition (ghr.build.narrative), as every reader shows it."""
    try:
        narrative = subject.narrative
    except ObjectDoesNotExist:
        return None
    return Text(role=role, html=narrative.html, source=narrative.sources[0] if narrative.sources else "")


def gene_function(gene, lookup: TextLookup) -> Text:
    published = lookup.get("gene-function", gene.symbol)
    if published:
        return from_published("function", published)
    stored = stored_text(gene, "function")
    if stored is not None:
        return stored
    official = f"The official name of the {gene.symbol} gene is \u201c{gene.name}.\u201d"
    return Text(role="function", html=paragraph(official), source=gene.source.key)


def _facts(condition, kind: str) -> list:
    return [fact for fact in condition.facts.all() if fact.kind == kind]


def _generated_description(condition) -> Text | None:
    return stored_text(condition, "description")


def _generated_frequency(condition) -> Text | None:
    facts = _facts(condition, ConditionFact.Kind.PREVALENCE)
    if not facts:
        return None
    sentences = [f"Reported prevalence: {f.value}." for f in facts]
    return Text("frequency", paragraph(*sentences), facts[0].source.key)


def _generated_causes(condition) -> Text | None:
    links = list(condition.gene_links.all())
    symbols = sorted({link.gene.symbol for link in links})
    if not symbols:
        return None
    noun = "gene are" if len(symbols) == 1 else "genes are"
    sentence = f"Changes in the {_join(symbols)} {noun} associated with {in_sentence(condition.name)}."
    return Text("causes", paragraph(sentence), links[0].source.key)


def _generated_inheritance(condition) -> Text | None:
    patterns = inheritance_patterns(condition)
    if not patterns:
        return None
    labels = _join([in_sentence(label) for code, label, _ in patterns if code not in {"n", "u"}])
    codes = {code for code, _, _ in patterns}
    if labels:
        article = "an" if labels[0] in "aeiouAEIOUX" else "a"
        sentence = f"This condition is inherited in {article} {labels} pattern."
    elif codes == {"n"}:
        sentence = "This condition is not inherited."
    else:
        sentence = "How this condition is inherited is not known."
    return Text("inheritance", paragraph(sentence), patterns[0][2])


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: 'Acute intermittent porphyria' -> 'acute intermittent porphyria',
    but 'X-linked ...' and acronyms keep their capitals."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1].islower():
        return name[0].lower() + name[1:]
    return name


_GENERATORS = {
    "description": _generated_description,
    "frequency": _generated_frequency,
    "causes": _generated_causes,
    "inheritance": _generated_inheritance,
}


def condition_texts(condition, lookup: TextLookup) -> list[Text]:
    texts = []
    for role in CONDITION_ROLES:
        published = lookup.get(f"condition-{role}", condition.slug)
        text = from_published(role, published) if published else _GENERATORS[role](condition)
        if text is not None:
            texts.append(text)
    return texts


def inheritance_patterns(condition) -> list[tuple[str, str, str]]:
    """(code, memo, source key) once per code, in the order GHR listed codes."""
    labels = dict(ConditionInheritance.Code.choices)
    seen: dict[str, str] = {}
    for row in condition.inheritance.all():
        seen.setdefault(row.code, row.source.key)
    order = list(labels)
    return [(code, labels[code], seen[code]) for code in sorted(seen, key=order.index)]


def chromosome_description(chromosome) -> Text:
    first = CHROMOSOME_OPENINGS.get(
        chromosome.name, f"Humans normally have two copies of chromosome {chromosome.name} in each cell."
    )
    size = f"On the GRCh38 assembly it spans {chromosome.length_bp:,} DNA building blocks (base pairs)."
    noun = "gene" if chromosome.gene_count == 1 else "genes"
    count = f"The knowledge base places {chromosome.gene_count:,} {noun} on it."
    return Text("description", paragraph(first, size, count), chromosome.source.key)
