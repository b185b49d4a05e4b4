"""The editorial workflow: saving drafts and moving a text between states, each step checked and logged.

    draft --submit--> in_review --approve--> approved --publish--> published
      ^                   |                      |                     |
      +--return_for_changes (with a reason)------+        withdraw ----+--> withdrawn (off the site)

Only a reviewer approves, and never anyone who wrote any version since the last approval; only a publisher
publishes, only an approved version, and never one they wrote any part of. Every step writes an AuditEvent in the
same transaction as the change it records.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ghr.editorial.models import AuditEvent, Kind, Revision, State, Text

IMPORT_USERNAME = "ghr-import"
PERMISSION = "ghr_editorial.{}"


class TransitionError(Exception):
    """The text is not in a state that allows this step."""


def record(actor, action, text=None, revision=None, *, from_state="", to_state="", reason="", **details):
    return AuditEvent.objects.create(
        actor=actor, action=action, text=text, revision=revision, from_state=from_state, to_state=to_state,
        reason=reason, details=details,
    )  # fmt: skip


def system_user(username: str = IMPORT_USERNAME):
    """The account automated changes are made as; it cannot log in."""
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def require(user, codename: str, doing: str) -> None:
    if user is None or not user.is_active or not user.has_perm(PERMISSION.format(codename)):
        raise PermissionDenied(f"You are not allowed to {doing}.")


def require_state(text: Text, allowed: tuple[str, ...], doing: str) -> None:
    if text.state not in allowed:
        names = " or ".join(State(state).label.lower() for state in allowed)
        raise TransitionError(f"Cannot {doing}: the text is {text.get_state_display().lower()}, not {names}.")


def _locked(text: Text) -> Text:
    return Text.objects.select_for_update().get(pk=text.pk)


def _move(text: Text, actor, action: str, to_state: str, reason: str = "", **details) -> AuditEvent:
    from_state = text.state
    text.state = to_state
    text.save()
    return record(
        actor, action, text, text.working_revision, from_state=from_state, to_state=to_state, reason=reason, **details
    )


# Saving versions -------------------------------------------------------------------------------------------


def next_number(text: Text) -> int:
    last = text.revisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def create_text(kind: str, key: str, author, **content) -> Text:
    require(author, "add_text", "create texts")
    if kind not in Kind.values:
        raise ValueError(f"unknown kind {kind!r}")
    text = Text.objects.create(kind=kind, key=key)
    record(author, "create", text, to_state=State.DRAFT)
    save_draft(text, author, **content)
    text.refresh_from_db()
    return text


@transaction.atomic
def save_draft(text: Text, author, note: str = "", check: bool = True, **content) -> Revision:
    """Keep a new version as the working draft. Editing an approved or in-review text sends it back to draft,
    because what was reviewed is no longer what is there."""
    if check:
        require(author, "add_revision", "edit texts")
    locked = _locked(text)
    revision = Revision.objects.create(text=locked, number=next_number(locked), author=author, note=note, **content)
    from_state = locked.state
    locked.working_revision = revision
    if locked.state != State.DRAFT:
        locked.state = State.DRAFT
    locked.save()
    record(
        author,
        "edit",
        locked,
        revision,
        from_state=from_state,
        to_state=locked.state,
        reason=note,
        number=revision.number,
    )
    text.refresh_from_db()
    return revision


def restore(text: Text, revision: Revision, author) -> Revision:
    """An old version comes back as a new draft (history is never rewritten)."""
    if revision.text_id != text.pk:
        raise ValueError("that revision belongs to another text")
    return save_draft(text, author, note=f"Restored version {revision.number}", **revision.content())


# Transitions ----------------------------------------------------------------------------------------------


@transaction.atomic
def submit(text: Text, user) -> AuditEvent:
    require(user, "submit_text", "submit texts for review")
    locked = _locked(text)
    require_state(locked, (State.DRAFT, State.WITHDRAWN), "submit")
    locked.return_reason = ""
    event = _move(locked, user, "submit", State.IN_REVIEW)
    text.refresh_from_db()
    return event


@transaction.atomic
def approve(text: Text, user) -> AuditEvent:
    require(user, "approve_text", "approve texts")
    locked = _locked(text)
    require_state(locked, (State.IN_REVIEW,), "approve")
    revision = locked.working_revision
    if user.pk in authors_since_approval(locked):
        raise PermissionDenied(
            "You cannot approve a text you wrote part of since its last approval; another reviewer must."
        )
    revision.approved_at = timezone.now()
    revision.approved_by = user
    revision.save(update_fields=["approved_at", "approved_by"])
    _store_fingerprint(locked)
    event = _move(locked, user, "approve", State.APPROVED)
    text.refresh_from_db()
    return event


@transaction.atomic
def return_for_changes(text: Text, user, reason: str) -> AuditEvent:
    require(user, "return_text", "return texts for changes")
    if not reason or not reason.strip():
        raise TransitionError("Say why the text is returned, so the writer knows what to change.")
    locked = _locked(text)
    require_state(locked, (State.IN_REVIEW, State.APPROVED), "return for changes")
    locked.return_reason = reason.strip()
    event = _move(locked, user, "return_for_changes", State.DRAFT, reason.strip())
    text.refresh_from_db()
    return event


@transaction.atomic
def publish(text: Text, user) -> AuditEvent:
    require(user, "publish_text", "publish texts")
    locked = _locked(text)
    require_state(locked, (State.APPROVED,), "publish")
    if locked.working_revision.approved_at is None:
        raise TransitionError("Cannot publish: this version has not been approved.")
    if user.pk in authors_since_approval(locked, before=locked.working_revision):
        raise PermissionDenied("You cannot publish a text you wrote part of; another publisher must.")
    previous = locked.published_revision_id
    locked.published_revision = locked.working_revision
    locked.published_at = timezone.now()
    _store_fingerprint(locked)
    event = _move(locked, user, "publish", State.PUBLISHED, replaced_revision=previous)
    text.refresh_from_db()
    return event


@transaction.atomic
def withdraw(text: Text, user, reason: str = "") -> AuditEvent:
    """Take the text off the public site; its versions and history stay."""
    require(user, "withdraw_text", "withdraw texts")
    locked = _locked(text)
    if locked.published_revision_id is None:
        raise TransitionError("Cannot withdraw: the text is not on the site.")
    withdrawn = locked.published_revision_id
    locked.published_revision = None
    to_state = State.WITHDRAWN if locked.state == State.PUBLISHED else locked.state
    event = _move(locked, user, "withdraw", to_state, reason, withdrawn_revision=withdrawn)
    text.refresh_from_db()
    return event


TRANSITIONS = {
    "submit": submit,
    "approve": approve,
    "publish": publish,
    "withdraw": withdraw,
    "return_for_changes": return_for_changes,
}


def available_transitions(text: Text, user) -> list[str]:
    """The steps this user could take on this text now (for buttons and admin actions)."""
    steps = []
    if text.state in (State.DRAFT, State.WITHDRAWN) and user.has_perm(PERMISSION.format("submit_text")):
        steps.append("submit")
    own = text.working_revision_id is not None and user.pk in authors_since_approval(text)
    if text.state == State.IN_REVIEW and user.has_perm(PERMISSION.format("approve_text")) and not own:
        steps.append("approve")
    if text.state in (State.IN_REVIEW, State.APPROVED) and user.has_perm(PERMISSION.format("return_text")):
        steps.append("return_for_changes")
    wrote_approved = text.state == State.APPROVED and user.pk in authors_since_approval(text, text.working_revision)
    if text.state == State.APPROVED and user.has_perm(PERMISSION.format("publish_text")) and not wrote_approved:
        steps.append("publish")
    if text.published_revision_id and user.has_perm(PERMISSION.format("withdraw_text")):
        steps.append("withdraw")
    return steps


def authors_since_approval(text: Text, before: Revision | None = None) -> set[int]:
    """Ids of everyone who wrote a version of ``text`` after its last approval, up to its working version.

    ``before``: look for the last approval before this version (when the working version is itself approved)."""
    working = text.working_revision
    if working is None:
        return set()
    revisions = text.revisions.filter(number__lte=working.number)
    approved = revisions.exclude(approved_at=None)
    if before is not None:
        approved = approved.filter(number__lt=before.number)
    last = approved.order_by("-number").values_list("number", flat=True).first() or 0
    return set(revisions.filter(number__gt=last).values_list("author_id", flat=True))


def _store_fingerprint(text: Text) -> None:
    from ghr.editorial.staleness import fingerprint

    text.fingerprint = fingerprint(text.kind, text.key)
    text.review_due = False
    text.review_due_reasons = []
