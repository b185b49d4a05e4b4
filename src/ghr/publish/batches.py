"""The export's fast path: the documents of many genes or conditions rendered at once, without the request cycle.

Each gene and condition has four documents (its page, the printer-friendly page, .json and .xml). Asked for one
request at a time they cost a dozen queries each; here the data of a whole batch is read with one query per
relation, by the same functions the views call with a batch of one (ghr.web.pages.gene.gene_pages,
ghr.web.pages.condition.condition_pages, ghr.api.queries), and rendered with the views' own templates, contexts
and serialisers. Which view a path belongs to is asked of the URLconf, so routing cannot disagree either.

A path the batch cannot answer as the view would (an other-case symbol, an old slug, anything unknown) is left to
the app: ``render`` reports it as not handled and the export asks the app for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.handlers.wsgi import WSGIRequest
from django.template.loader import get_template
from django.urls import Resolver404, resolve

from ghr.api import compat, queries
from ghr.api.texts import PreloadedTexts
from ghr.api.views import compat as compat_views
from ghr.kb.models import Condition, Gene
from ghr.web.pages.condition import condition_pages
from ghr.web.pages.gene import gene_pages
from ghr.web.pages.texts import PreloadedPageTexts
from ghr.web.views import conditions as condition_views
from ghr.web.views import genes as gene_views

GENE_TEXT_KINDS = ("gene-function", "gene-condition", "glossary")
CONDITION_TEXT_KINDS = ("condition-description", "condition-frequency", "condition-causes", "condition-inheritance",
                        "glossary")  # fmt: skip
HTML_CONTENT_TYPE = "text/html; charset=utf-8"
DOCUMENT_FORMATS = frozenset({"json", "xml"})


@dataclass(frozen=True)
class Member:
    """One path of a batch: which family it belongs to, the gene symbol or condition slug, and which document."""

    family: str
    key: str
    variant: str
    """'' for the page, '/print', or 'json' / 'xml' for the old service's documents."""


@dataclass
class Rendered:
    """A document as the app would answer it with 200 OK."""

    path: str
    content_type: str
    body: bytes


def member_of(path: str) -> Member | None:
    """The batch member a path is, or None when only the app can answer it."""
    try:
        match = resolve(unquote(path))
    except Resolver404:
        return None
    if match.func in _PAGE_VIEWS:
        family, variant = _PAGE_VIEWS[match.func]
        return Member(family, next(iter(match.kwargs.values())), variant)
    if match.func is compat_views.document and match.kwargs.get("kind") in FAMILIES:
        return Member(match.kwargs["kind"], match.kwargs["name"], match.kwargs["fmt"])
    return None


_PAGE_VIEWS = {
    gene_views.gene: ("gene", ""),
    gene_views.gene_print: ("gene", "/print"),
    condition_views.condition: ("condition", ""),
    condition_views.condition_print: ("condition", "/print"),
}


@dataclass
class Batch:
    """Paths of one family, by key; filled by ``add`` and rendered by ``BatchRenderer.render``."""

    family: str
    paths: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """key -> [(path, variant)]."""

    def add(self, path: str, member: Member) -> None:
        self.paths.setdefault(member.key, []).append((path, member.variant))


class BatchRenderer:
    """Renders batches in one process; keeps the published texts it preloads for the life of the export."""

    def __init__(self, request_for: Callable[[str], WSGIRequest]):
        self.request_for = request_for
        self._texts: dict[str, tuple[PreloadedPageTexts, PreloadedTexts]] = {}

    def render(self, batch: Batch) -> tuple[list[Rendered], list[str]]:
        """(what was rendered, the paths left for the app)."""
        family = FAMILIES[batch.family]
        found = family.load(list(batch.paths))
        left = [path for key, wanted in batch.paths.items() if key not in found for path, _ in wanted]
        subjects = [found[key] for key in batch.paths if key in found]
        variants = {variant for wanted in batch.paths.values() for _, variant in wanted}
        page_texts, document_texts = self._texts_of(batch.family, family.text_kinds)
        # Only what the batch asks for: a page's data and a document's rows are read separately.
        pages: dict[int, object] = {}
        documents: dict[int, object] = {}
        if variants & set(family.templates):
            pages = dict(zip((s.pk for s in subjects), family.pages(subjects, page_texts), strict=True))
        if variants & DOCUMENT_FORMATS:
            documents = {d.pk: d for d in family.documents([s.pk for s in subjects])}
        rendered = []
        for subject in subjects:
            for path, variant in batch.paths[family.key(subject)]:
                if variant in DOCUMENT_FORMATS:
                    document = family.summary(documents[subject.pk], document_texts)
                    body, content_type = compat_views.document_body(family.root, document, variant)
                    rendered.append(Rendered(path, content_type, body))
                else:
                    context = family.context(pages[subject.pk], variant)
                    html = get_template(family.templates[variant]).render(context, self.request_for(path))
                    rendered.append(Rendered(path, HTML_CONTENT_TYPE, html.encode()))
        return rendered, left

    def _texts_of(self, family: str, kinds: tuple[str, ...]) -> tuple[PreloadedPageTexts, PreloadedTexts]:
        if family not in self._texts:
            self._texts[family] = (PreloadedPageTexts(kinds), PreloadedTexts(kinds))
        return self._texts[family]


@dataclass(frozen=True)
class Family:
    """How one kind of subject is loaded, turned into page data and documents, and rendered."""

    root: str
    text_kinds: tuple[str, ...]
    load: Callable[[list[str]], dict]
    key: Callable[[object], str]
    pages: Callable[[list, PreloadedPageTexts], list]
    documents: Callable[[list[int]], list]
    summary: Callable[[object, PreloadedTexts], dict]
    context: Callable[[object, str], dict]
    templates: dict[str, str]


def _genes(symbols: list[str]) -> dict[str, Gene]:
    return {gene.symbol: gene for gene in Gene.objects.select_related("source").filter(symbol__in=symbols)}


def _conditions(slugs: list[str]) -> dict[str, Condition]:
    return {c.slug: c for c in Condition.objects.select_related("name_source").filter(slug__in=slugs)}


FAMILIES = {
    "gene": Family(
        root=compat.root_name("gene"), text_kinds=GENE_TEXT_KINDS, load=_genes, key=lambda gene: gene.symbol,
        pages=gene_pages, documents=queries.genes_by_ids, summary=compat.gene_summary,
        context=gene_views.page_context, templates=gene_views.TEMPLATES,
    ),
    "condition": Family(
        root=compat.root_name("condition"), text_kinds=CONDITION_TEXT_KINDS, load=_conditions,
        key=lambda condition: condition.slug, pages=condition_pages, documents=queries.conditions_by_ids,
        summary=compat.condition_summary, context=condition_views.page_context, templates=condition_views.TEMPLATES,
    ),
}  # fmt: skip


def split(paths: Iterable[str]) -> tuple[dict[str, Batch], list[str]]:
    """Paths sorted into one batch per family, and the paths only the app can answer."""
    batches = {family: Batch(family) for family in FAMILIES}
    others: list[str] = []
    for path in paths:
        member = member_of(path)
        if member is None:
            others.append(path)
        else:
            batches[member.family].add(path, member)
    return batches, others


def batch_chunks(batch: Batch, keys_per_chunk: int) -> Iterator[list[str]]:
    """The batch's paths, every document of a key in the same chunk (they share one read of its data)."""
    keys = sorted(batch.paths)
    for start in range(0, len(keys), keys_per_chunk):
        yield [path for key in keys[start : start + keys_per_chunk] for path, _ in batch.paths[key]]
