"""The bulk files' contents: every summary in one XML document (NLM's ghr-summaries.xml), NLM's TopicIndex.xml,
JSON Lines of records, and an index of every page.

Each generator reads the knowledge base in chunks (``.iterator(chunk_size)`` with prefetches per chunk) and yields
bytes in blocks, so memory stays flat however large the knowledge base grows. ``ghr.api.bulkstore`` writes them
to files once per release; requests never run these. ``write_bulk_xml`` writes the summaries alone (benchmarks).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from ghr.api import compat, pages, queries, records, xmldoc
from ghr.api.nlm import SUMMARIES_NAMESPACE, XHTML
from ghr.api.texts import PreloadedTexts, TextLookup, editorial_module, texts_release
from ghr.kb.models import BuildInfo, Condition, Gene

CHUNK = 500
BLOCK_BYTES = 1 << 16
TEXT_KINDS = (
    "gene-function",
    "condition-description",
    "condition-frequency",
    "condition-causes",
    "condition-inheritance",
)


def build_id() -> str:
    return BuildInfo.objects.order_by("-finished_at").values_list("build_id", flat=True).first() or ""


def blocks(pieces: Iterable[bytes], size: int = BLOCK_BYTES) -> Iterator[bytes]:
    """Join small pieces into blocks of about ``size`` bytes (fewer, larger writes)."""
    buffer: list[bytes] = []
    held = 0
    for piece in pieces:
        buffer.append(piece)
        held += len(piece)
        if held >= size:
            yield b"".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield b"".join(buffer)


_DECLARATIONS = (f' xmlns="{SUMMARIES_NAMESPACE}"'.encode(), f' xmlns:html="{XHTML}"'.encode())


def _element_bytes(root: str, document: dict) -> bytes:
    # Each summary is serialised alone, so it declares the default namespace and the html prefix itself;
    # <summaries> declares them once for all, so the repeats on the summary's own start tag are dropped.
    text = etree.tostring(xmldoc.to_element(root, document), encoding="UTF-8")
    for declaration in _DECLARATIONS:
        text = text.replace(declaration, b"", 1)
    return text + b"\n"


def _summary_pieces(lookup: TextLookup) -> Iterator[bytes]:
    for gene in queries.genes_in_bulk(CHUNK):
        yield _element_bytes("gene-summary", compat.gene_summary(gene, lookup))
    for condition in queries.conditions_in_bulk(CHUNK):
        yield _element_bytes("health-condition-summary", compat.condition_summary(condition, lookup))
    for chromosome in queries.chromosomes():
        yield _element_bytes(compat.root_name("chromosome", chromosome.name), compat.chromosome_summary(chromosome))


def summaries_xml() -> Iterator[bytes]:
    """The whole ghr-summaries.xml, in blocks."""
    opening = etree.Element(f"{{{SUMMARIES_NAMESPACE}}}summaries", nsmap=xmldoc.NSMAP)
    opening.set("release", build_id())
    opening.set("texts-release", texts_release())
    head = etree.tostring(opening, encoding="unicode").removesuffix("/>").rstrip() + ">\n"
    pieces = [b'<?xml version="1.0" encoding="UTF-8"?>\n', head.encode()]
    lookup = PreloadedTexts(TEXT_KINDS)
    return blocks(_chain(pieces, _summary_pieces(lookup), [b"</summaries>\n"]))


def _chain(*parts: Iterable[bytes]) -> Iterator[bytes]:
    for part in parts:
        yield from part


def write_stream(path: Path, chunks: Iterable[bytes]) -> int:
    """Write ``chunks`` to ``path`` (through a temporary file, renamed at the end); returns bytes written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    written = 0
    with partial.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
            written += len(chunk)
    partial.replace(path)
    return written


def write_bulk_xml(path: Path) -> int:
    """Write ghr-summaries.xml to ``path``; the static export calls this. Returns the size in bytes."""
    return write_stream(path, summaries_xml())


def _jsonl(rows: Iterable[dict]) -> Iterator[bytes]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def genes_jsonl() -> Iterator[bytes]:
    lookup = PreloadedTexts(("gene-function",))
    return blocks(_jsonl(records.gene_record(g, lookup) for g in queries.genes_in_bulk(CHUNK)))


def conditions_jsonl() -> Iterator[bytes]:
    lookup = PreloadedTexts(TEXT_KINDS[1:])
    rows = (records.condition_record(c, lookup) for c in queries.conditions_in_bulk(CHUNK))
    return blocks(_jsonl(rows))


def _editorial(kind: str) -> list:
    public = editorial_module()
    return list(public.published_texts(kind)) if public else []


def _gene_entries() -> Iterator[dict]:
    genes = Gene.objects.prefetch_related("other_names").order_by("symbol")
    for gene in genes.iterator(chunk_size=CHUNK):
        names = sorted({n.name for n in gene.other_names.all()} | {gene.name}, key=compat.case_blind)
        nlm = pages.medlineplus_path("gene", gene.symbol)
        yield _entry("gene", gene.symbol, f"{gene.symbol} gene", pages.gene_path(gene.symbol), names, nlm=nlm)


def _condition_entries() -> Iterator[dict]:
    conditions = Condition.objects.prefetch_related("other_names").order_by("name")
    for condition in conditions.iterator(chunk_size=CHUNK):
        names = compat.condition_synonyms(condition)
        path, nlm = pages.condition_path(condition.slug), pages.condition_medlineplus_path(condition)
        yield _entry("condition", condition.slug, condition.name, path, names, nlm=nlm)


def _chromosome_entries() -> Iterator[dict]:
    for chromosome in queries.chromosomes():
        title = "Mitochondrial DNA" if chromosome.name == "MT" else f"Chromosome {chromosome.name}"
        path, nlm = pages.chromosome_path(chromosome.name), pages.medlineplus_path("chromosome", chromosome.name)
        yield _entry("chromosome", chromosome.name, title, path, [], nlm=nlm)


def _text_entries() -> Iterator[dict]:
    for text in _editorial("glossary"):
        yield _entry("glossary", text.key, text.title, pages.glossary_path(text.key), list(text.synonyms or ()))
    for text in _editorial("handbook"):
        yield _entry("handbook", text.key, text.title, f"/handbook/{text.key}", [])


def page_entries() -> Iterator[dict]:
    """Every public page: kind, slug, title, url and the other names people know it by."""
    return _chain(_gene_entries(), _condition_entries(), _chromosome_entries(), _text_entries())


def _entry(kind: str, slug: str, title: str, path: str, other_names: list[str], *, nlm: str = "") -> dict:
    """One page; ``medlineplus_url`` is the address MedlinePlus Genetics gives it, which redirects here."""
    entry = {"kind": kind, "slug": slug, "title": title, "url": pages.absolute(path), "other_names": other_names}
    if nlm:
        entry["medlineplus_url"] = pages.absolute(nlm)
    return entry


def index_json() -> Iterator[bytes]:
    """A JSON document {"release": ..., "pages": [...]}, written as it is read."""

    def pieces() -> Iterator[bytes]:
        yield b'{"release":' + json.dumps(build_id()).encode() + b',"pages":[\n'
        for number, entry in enumerate(page_entries()):
            yield (b",\n" if number else b"") + json.dumps(entry, ensure_ascii=False).encode()
        yield b"\n]}\n"

    return blocks(pieces())


def _topic(entry: dict) -> bytes:
    topic = etree.Element("topic")
    etree.SubElement(topic, "title").text = entry["title"]
    etree.SubElement(topic, "url").text = entry.get("medlineplus_url", entry["url"])
    if entry["other_names"]:
        names = etree.SubElement(topic, "other_names")
        for name in entry["other_names"]:
            etree.SubElement(names, "other_name").text = name
    return etree.tostring(topic, encoding="UTF-8") + b"\n"


# NLM's TopicIndex.xml groups its pages in this order, each group a <topic id="..."> holding <topics>.
TOPIC_GROUPS = (("Conditions", _condition_entries), ("Genes", _gene_entries), ("Chromosomes", _chromosome_entries))


def _topic_group(group: str, entries) -> Iterator[bytes]:
    yield f'<topic id="{group}">\n<topics>\n'.encode()
    for entry in entries():
        yield _topic(entry)
    yield b"</topics>\n</topic>\n"


def topic_index_xml() -> Iterator[bytes]:
    """TopicIndex.xml as NLM writes it: no namespace, conditions, genes and chromosomes in three groups."""
    root = f"<genetics_home_reference_topic_list release={quoteattr(build_id())}>"
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n'
    groups = (_topic_group(group, entries) for group, entries in TOPIC_GROUPS)
    return blocks(_chain([head.encode()], *groups, [b"</genetics_home_reference_topic_list>\n"]))
