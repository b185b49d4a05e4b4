"""Editorial texts, every saved version of them, and the append-only log of what happened to them.

A ``Text`` is one slot on the site (e.g. the "Normal function" section of the ALAS2 page). Its ``working_revision``
is what editors are working on; its ``published_revision`` is what the public sees. They are separate so that a
new draft can be written, reviewed and approved while the public keeps seeing the last published version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone


class Kind(models.TextChoices):
    GENE_FUNCTION = "gene-function", "Gene: normal function"
    GENE_CONDITION = "gene-condition", "Gene: health condition related to changes"
    CONDITION_DESCRIPTION = "condition-description", "Condition: description"
    CONDITION_FREQUENCY = "condition-frequency", "Condition: frequency"
    CONDITION_CAUSES = "condition-causes", "Condition: causes"
    CONDITION_INHERITANCE = "condition-inheritance", "Condition: inheritance"
    GLOSSARY = "glossary", "Glossary term"
    HANDBOOK = "handbook", "Help Me Understand Genetics topic"


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Text(models.Model):
    kind = models.CharField(max_length=30, choices=Kind.choices)
    key = models.CharField(
        max_length=200,
        help_text="SYMBOL (gene-function), SYMBOL/condition-slug (gene-condition), condition-slug, "
        "term-slug (glossary) or chapter-slug/topic-slug (handbook).",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    working_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The latest saved version, which editors work on.",
    )  # fmt: skip
    published_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The version the public sees; empty means the text is not on the site.",
    )  # fmt: skip
    published_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(blank=True, help_text="Why a reviewer or publisher sent it back, if they did.")
    fingerprint = models.JSONField(
        default=dict, blank=True, help_text="Knowledge-base facts the text relied on when last approved or published."
    )
    mondo_id = models.CharField(
        max_length=20, blank=True, db_index=True,
        help_text="Condition and gene-condition texts: the condition's MONDO ID, which finds its page after a rename.",
    )  # fmt: skip
    hgnc_id = models.CharField(
        max_length=20, blank=True, db_index=True,
        help_text="Gene texts: the gene's HGNC ID, which finds its page after a symbol change.",
    )  # fmt: skip
    review_due = models.BooleanField(default=False)
    review_due_reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "key"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_text_kind_key")]
        permissions = [
            ("submit_text", "Can submit a text for review"),
            ("approve_text", "Can approve a text (reviewer)"),
            ("return_text", "Can return a text for changes"),
            ("publish_text", "Can publish an approved text"),
            ("withdraw_text", "Can take a published text off the site"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key}"

    @property
    def title(self) -> str:
        return self.working_revision.title if self.working_revision else self.key

    @property
    def reviewed_on(self):
        """Date of the approval of the published version: None for imported or never reviewed texts."""
        revision = self.published_revision
        return revision.approved_at.date() if revision and revision.approved_at else None

    @property
    def published_on(self):
        return self.published_at.date() if self.published_at else None


class Revision(models.Model):
    """One saved version of a text; never changed after it is written, except to record its approval."""

    text = models.ForeignKey(Text, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the first version of the text, then 2, 3...")
    title = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown; [[slug]] or [[slug|shown text]] links to the glossary.")
    references = models.JSONField(
        default=list, blank=True,
        help_text="In the order shown: PubMed IDs, or full citations (see ghr.editorial.citations).",
    )  # fmt: skip
    synonyms = models.JSONField(
        default=list, blank=True,
        help_text="Glossary: other ways to write the term. Condition description: other names people use.",
    )  # fmt: skip
    mondo_id = models.CharField(max_length=20, blank=True, help_text="The condition's MONDO ID, where it has one.")
    hgnc_id = models.CharField(max_length=20, blank=True, help_text="The gene's HGNC ID, where it has one.")
    second_reading = models.JSONField(
        default=dict, blank=True, help_text="Who read this version against CHECKLIST.md, when, and what they found."
    )
    acknowledged = models.JSONField(
        default=list, blank=True, help_text="Facts-check findings kept on purpose: [{finding, reason}]."
    )
    chapter = models.CharField(max_length=200, blank=True, help_text="Handbook only: the chapter's title.")
    chapter_order = models.IntegerField(default=0, help_text="Handbook only: where the chapter comes.")
    order = models.IntegerField(default=0, help_text="Handbook only: where the topic comes in its chapter.")
    html = models.TextField(editable=False, help_text="The body rendered and sanitised, cached.")
    note = models.CharField(max_length=300, blank=True, help_text="What changed, in a few words.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["text", "-number"]
        constraints = [models.UniqueConstraint(fields=["text", "number"], name="unique_revision_number")]

    def __str__(self):
        return f"{self.text} v{self.number}"

    def content(self) -> dict:
        """What an editor wrote, without who or when: two revisions with equal content are the same text."""
        return {
            "title": self.title,
            "body": self.body,
            "references": list(self.references),
            "synonyms": list(self.synonyms),
            "chapter": self.chapter,
            "chapter_order": self.chapter_order,
            "order": self.order,
            "mondo_id": self.mondo_id,
            "hgnc_id": self.hgnc_id,
            "second_reading": dict(self.second_reading),
            "acknowledged": list(self.acknowledged),
        }

    APPROVAL_FIELDS = frozenset({"approved_at", "approved_by"})

    def save(self, *args, **kwargs):
        from ghr.editorial.rendering import render_markdown

        fields = kwargs.get("update_fields")
        # Only the approval and the cached HTML (after a change to the sanitiser's rules) may be written again.
        if self.pk is not None and (fields is None or not set(fields) <= self.APPROVAL_FIELDS | {"html"}):
            raise AppendOnlyError("a saved version cannot be changed; save a new version instead")
        if self.pk is None or "html" in (fields or ()):
            self.html = render_markdown(self.body)
        super().save(*args, **kwargs)


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit events cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit events cannot be deleted")


class AppendOnlyError(Exception):
    """Something tried to change or remove a row of the audit log."""


class AuditEvent(models.Model):
    """Who did what to which text, when and why. Rows are only ever added."""

    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Empty when the system did it (e.g. a build flagging a text for review).",
    )  # fmt: skip
    action = models.CharField(max_length=40, db_index=True)
    text = models.ForeignKey(Text, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    sequence = models.PositiveBigIntegerField(
        null=True, unique=True, editable=False, help_text="1 for the first event, then 2, 3... with no gaps."
    )
    digest = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="sha256 of this event and the previous event's digest (see ghr.editorial.chain).",
    )  # fmt: skip

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.text or ''}"

    def save(self, *args, **kwargs):
        if self.pk is not None or kwargs.get("force_update"):
            raise AppendOnlyError("audit events cannot be changed")
        kwargs["force_insert"] = True
        from ghr.editorial.chain import link

        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            self.at = timezone.now()
            link(self, using)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit events cannot be deleted")
