"""The editorial screens under /editorial/: dashboard, texts, editing, workflow steps, diffs, restore, preview.

Every view needs a logged-in account with an editorial role; every form posts with a CSRF token; every change
goes through ghr.editorial.workflow, which checks permissions and writes the audit log.
"""

from __future__ import annotations

import difflib
import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_POST
from jinja2 import TemplateNotFound

from ghr.editorial import public, workflow
from ghr.editorial.forms import NewTextForm, ReasonForm, RevisionForm, TextFilterForm
from ghr.editorial.models import AuditEvent, Kind, State, Text
from ghr.editorial.rendering import references_html
from ghr.editorial.staleness import review_due_texts
from ghr.editorial.transfer import as_markdown

STEP_LABELS = {
    "submit": "Submit for review",
    "approve": "Approve",
    "return_for_changes": "Return for changes",
    "publish": "Publish",
    "withdraw": "Withdraw from the site",
}


def editor_required(view):
    """Anonymous visitors go to the login page; accounts without an editorial role get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("ghr_editorial.view_text"):
            raise PermissionDenied("Your account has no editorial role.")
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@editor_required
def dashboard(request):
    counts = dict(Text.objects.values_list("state").annotate(n=Count("id")))
    texts = Text.objects.select_related("working_revision").order_by("-updated_at")
    context = {
        "states": [(state, counts.get(state.value, 0)) for state in State],
        "in_review": texts.filter(state=State.IN_REVIEW)[:50],
        "approved": texts.filter(state=State.APPROVED)[:50],
        "returned": texts.filter(state=State.DRAFT).exclude(return_reason="")[:50],
        "review_due": review_due_texts().order_by("kind", "key")[:200],
        "events": AuditEvent.objects.select_related("actor", "text")[:30],
        "facts_to_check": facts_to_check(),
    }
    return render(request, "editorial/dashboard.html", context)


FACTS_SHOWN = 200


def facts_to_check() -> list:
    """Conditions whose sources disagree, with the choice the build made (``ConditionReview``), for editors."""
    from django.db import DatabaseError

    from ghr.kb.models import ConditionReview

    try:
        rows = ConditionReview.objects.order_by("condition__name").values_list(
            "condition__slug", "condition__name", "topic", "message")  # fmt: skip
        return list(rows[:FACTS_SHOWN])
    except DatabaseError:  # a knowledge base from before the review list: nothing to show
        return []


@editor_required
def text_list(request):
    form = TextFilterForm(request.GET or None)
    texts = Text.objects.select_related("working_revision").order_by("kind", "key")
    if form.is_valid():
        data = form.cleaned_data
        texts = texts.filter(kind=data["kind"]) if data["kind"] else texts
        texts = texts.filter(state=data["state"]) if data["state"] else texts
        texts = texts.filter(key__icontains=data["q"]) if data["q"] else texts
        texts = texts.filter(review_due=True) if data["due"] else texts
    page = Paginator(texts, 100).get_page(request.GET.get("page"))
    return render(request, "editorial/text_list.html", {"form": form, "page": page})


CONDITION_STARTS = {
    "description": "{name}",
    "frequency": "How common is {name}?",
    "causes": "What genes are related to {name}?",
    "inheritance": "How is {name} inherited?",
}
"""Condition text kinds an editor can start from the build's text, with the title each starts with."""


def starting_point(kind: str | None, key: str | None) -> dict:
    """A new text can start from the text the build wrote for the same place (``?kind=gene-function&key=ALAS2``,
    ``?kind=condition-causes&key=cystic-fibrosis``, ``?kind=gene-condition&key=CFTR/cystic-fibrosis``): the editor
    rewrites it rather than starting from nothing."""
    from ghr.kb.models import Narrative

    if not kind or not key or len(key) > 200:
        return {}
    initial = {"kind": kind, "key": key}
    found = ""
    if kind == "gene-function":
        found = Narrative.objects.filter(gene__symbol=key, role="function").values_list("text", flat=True).first()
        initial["title"] = f"Normal function of the {key} gene"
    elif kind.startswith("condition-") and kind.removeprefix("condition-") in CONDITION_STARTS:
        role = kind.removeprefix("condition-")
        row = (Narrative.objects.filter(condition__slug=key, role=role, gene__isnull=True)
               .values_list("text", "condition__name").first())  # fmt: skip
        found, name = row if row else ("", "")
        initial["title"] = CONDITION_STARTS[role].format(name=name) if name else ""
    elif kind == "gene-condition" and "/" in key:
        symbol, slug = key.split("/", 1)
        found = (Narrative.objects.filter(gene__symbol=symbol, condition__slug=slug, role="gene-condition")
                 .values_list("text", flat=True).first())  # fmt: skip
    else:
        return initial
    if found:
        initial["body"] = found
        initial["note"] = "Started from the text assembled automatically from the sources"
    return initial


@editor_required
def text_new(request):
    if not request.user.has_perm("ghr_editorial.add_text"):
        raise PermissionDenied("You are not allowed to create texts.")
    form = NewTextForm(request.POST or None, initial=starting_point(request.GET.get("kind"), request.GET.get("key")))
    if request.method == "POST" and form.is_valid():
        kind, key = form.cleaned_data["kind"], form.cleaned_data["key"]
        if Text.objects.filter(kind=kind, key=key).exists():
            form.add_error("key", "A text of this kind with this key exists already.")
        else:
            text = workflow.create_text(kind, key, request.user, **form.content())
            messages.success(request, "Text created as a draft.")
            return redirect("editorial:text", text.pk)
    return render(request, "editorial/text_form.html", {"form": form, "text": None})


@editor_required
def text_detail(request, pk):
    text = get_object_or_404(Text.objects.select_related("working_revision", "published_revision"), pk=pk)
    revision = text.working_revision
    context = {
        "text": text,
        "revision": revision,
        "references": references_html(revision.references if revision else []),
        "revisions": text.revisions.select_related("author", "approved_by"),
        "transitions": [(name, STEP_LABELS[name]) for name in workflow.available_transitions(text, request.user)],
        "events": text.events.select_related("actor")[:50],
        "reason_form": ReasonForm(),
        "can_edit": request.user.has_perm("ghr_editorial.add_revision"),
    }
    return render(request, "editorial/text_detail.html", context)


@editor_required
def text_edit(request, pk):
    text = get_object_or_404(Text, pk=pk)
    if not request.user.has_perm("ghr_editorial.add_revision"):
        raise PermissionDenied("You are not allowed to edit texts.")
    if request.method == "POST":
        form = RevisionForm(request.POST)
        if form.is_valid():
            workflow.save_draft(text, request.user, note=form.cleaned_data["note"], **form.content())
            messages.success(request, "Saved as a new draft version.")
            return redirect("editorial:text", text.pk)
    else:
        form = RevisionForm(initial=RevisionForm.initial_from(text.working_revision))
    return render(request, "editorial/text_form.html", {"form": form, "text": text})


@require_POST
@editor_required
def text_transition(request, pk, name):
    text = get_object_or_404(Text, pk=pk)
    step = workflow.TRANSITIONS.get(name)
    if step is None:
        raise Http404("No such step.")
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if name in ("return_for_changes", "withdraw"):
            step(text, request.user, reason=reason)
        else:
            step(text, request.user)
    except workflow.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Done: {name.replace('_', ' ')}.")
    return redirect("editorial:text", text.pk)


def _revision_or_404(text, number):
    try:
        return text.revisions.get(number=int(number))
    except (TypeError, ValueError, text.revisions.model.DoesNotExist):
        raise Http404("No such version.") from None


@editor_required
def text_diff(request, pk):
    text = get_object_or_404(Text, pk=pk)
    latest = text.working_revision
    if latest is None:
        raise Http404("The text has no versions.")
    to_number = request.GET.get("to", latest.number)
    from_number = request.GET.get("from", max(int(latest.number) - 1, 1))
    try:
        old, new = _revision_or_404(text, from_number), _revision_or_404(text, to_number)
    except Http404:
        return HttpResponseBadRequest("Choose two versions of this text to compare.")
    table = difflib.HtmlDiff(wrapcolumn=90).make_table(
        as_markdown(text, old).splitlines(), as_markdown(text, new).splitlines(),
        f"Version {old.number}", f"Version {new.number}", context=True, numlines=2,
    )  # fmt: skip
    context = {"text": text, "old": old, "new": new, "table": table, "revisions": text.revisions.all()}
    return render(request, "editorial/diff.html", context)


@require_POST
@editor_required
def text_restore(request, pk, number):
    text = get_object_or_404(Text, pk=pk)
    if not request.user.has_perm("ghr_editorial.add_revision"):
        raise PermissionDenied("You are not allowed to edit texts.")
    old = _revision_or_404(text, number)
    revision = workflow.restore(text, old, request.user)
    messages.success(request, f"Version {old.number} restored as new draft version {revision.number}.")
    return redirect("editorial:text", text.pk)


def public_path(text: Text) -> str:
    """The public page a text appears on."""
    if text.kind == Kind.GENE_FUNCTION:
        return f"/gene/{text.key}"
    if text.kind == Kind.GENE_CONDITION:
        return f"/gene/{text.key.split('/', 1)[0]}"
    if text.kind == Kind.GLOSSARY:
        return f"/glossary/{text.key}"
    if text.kind == Kind.HANDBOOK:
        return f"/handbook/{text.key}"
    return f"/condition/{text.key}"


def _public_page(request, text: Text, revision) -> HttpResponse | None:
    """The real public page with the draft standing in for the published text, or None if there is no such
    page (the gene or condition is not in the knowledge base, or the site's pages are not installed)."""
    try:
        match = resolve(public_path(text))
    except Resolver404:
        return None
    if match.app_name != "web":
        return None
    try:
        with public.previewing(text, revision):
            response = match.func(request, *match.args, **match.kwargs)
    except Http404:
        return None
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return None
    return response


def _with_banner(response: HttpResponse, banner: str) -> HttpResponse:
    page = response.content.decode(response.charset or "utf-8")
    opening = re.search(r"<main\b[^>]*>", page)
    at = opening.end() if opening else 0
    page = page[:at] + banner + page[at:]
    page = page.replace("<head>", '<head><meta name="robots" content="noindex, nofollow">', 1)
    response.content = page.encode(response.charset or "utf-8")
    return response


@editor_required
def text_preview(request, pk):
    """The draft (or ?revision=N) on the public page it belongs to, as a reader would see it once published;
    when that page cannot be shown, the text alone inside the public site's layout."""
    text = get_object_or_404(Text, pk=pk)
    number = request.GET.get("revision")
    revision = _revision_or_404(text, number) if number else text.working_revision
    if revision is None:
        raise Http404("The text has no versions.")
    context = {"text": text, "revision": revision, "references": references_html(revision.references)}
    page = _public_page(request, text, revision)
    if page is not None:
        banner = render_to_string("editorial/_preview_banner.html", context, request=request)
        return _with_banner(page, banner)
    try:
        return render(request, "editorial/preview.html", context, using="jinja2")
    except (TemplateDoesNotExist, TemplateNotFound):
        # The public layout is not there (e.g. a trimmed install): show the text in the editorial layout.
        return render(request, "editorial/preview_plain.html", context)


@editor_required
def audit_log(request):
    events = AuditEvent.objects.select_related("actor", "text")
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "editorial/audit.html", {"page": page, "action": action})


@editor_required
def release_changes(request):
    """What the serving build changed from the one before: renamed genes, merged conditions, links of a new kind."""
    from ghr.build.changes import report_sections
    from ghr.kb.models import BuildInfo

    info = BuildInfo.objects.using("kb").first()
    changes = info.changes if info else {}
    context = {
        "info": info,
        "sources": changes.get("sources", {}),
        "sections": report_sections(changes) if changes else [],
    }
    return render(request, "editorial/changes.html", context)
