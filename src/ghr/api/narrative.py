"""The texts of a gene, condition or chromosome document: the editors' where they exist, else the texts the build
wrote (ghr.build.narrative: a gene's function; a condition's description, frequency, causes and inheritance), each
naming the release it comes from through ``Text.source``. Nothing here composes prose from facts.
"""

from __future__ import annotations

from ghr.api.texts import Text, TextLookup, from_published, paragraph
from ghr.kb.models import ConditionInheritance

CHROMOSOME_OPENINGS = {
    "X": "Females normally have two X chromosomes in each cell, and males have one X and one Y chromosome.",
    "Y": "Males normally have one Y chromosome in each cell, paired with an X chromosome; females have none.",
    "MT": "Mitochondrial DNA is a small, circular chromosome found inside mitochondria, passed on by mothers.",
}
CONDITION_ROLES = ("description", "frequency", "causes", "inheritance")


def protein_name(gene) -> str:
    if gene.protein_name:
        return gene.protein_name
    for other in gene.other_names.all():
        if other.kind == "protein_name":
            return other.name
    return ""


def stored_text(subject, role: str) -> Text | None:
    """The text the build wrote for a gene or condition in this role (ghr.build.narrative), as every reader shows
    it. Reads ``subject.narratives``, which the queries prefetch (``ghr.api.queries``)."""
    for narrative in subject.narratives.all():
        if narrative.role == role:
            return Text(role=role, html=narrative.html, source=narrative.sources[0] if narrative.sources else "")
    return None


def gene_function(gene, lookup: TextLookup) -> Text:
    published = lookup.get("gene-function", gene.symbol)
    if published:
        return from_published("function", published)
    stored = stored_text(gene, "function")
    if stored is not None:
        return stored
    official = f"The official name of the {gene.symbol} gene is \u201c{gene.name}.\u201d"
    return Text(role="function", html=paragraph(official), source=gene.source.key)


def condition_texts(condition, lookup: TextLookup) -> list[Text]:
    """The condition's texts in GHR's order: the editors' where published, else those the build wrote."""
    texts = []
    for role in CONDITION_ROLES:
        published = lookup.get(f"condition-{role}", condition.slug)
        text = from_published(role, published) if published else stored_text(condition, role)
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
