"""The audit log as a hash chain: each event carries a sequence number and a digest of itself and the event before.

Triggers stop the app changing or deleting events (and, on PostgreSQL with ``ghr audit secure-postgres``, the
app's role cannot even disable them). The chain is for what triggers cannot stop: someone with the database file
itself. Removing, changing or reordering any event breaks every digest after it, and ``ghr audit verify`` names
the first break. Removing the newest events leaves a shorter chain that still verifies, so ``verify`` prints the
head (sequence and digest) for the operator to note elsewhere and compare later.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import connections

GENESIS = "0" * 64
# Any constant: the PostgreSQL advisory lock that makes appending to the chain one writer at a time.
CHAIN_LOCK = 0x6768725F61756469


def event_digest(previous: str, event) -> str:
    """sha256 of the previous digest and everything the event records."""
    fields = [
        event.sequence, event.at.isoformat(), event.actor_id, event.action, event.text_id, event.revision_id,
        event.from_state, event.to_state, event.reason, event.details,
    ]  # fmt: skip
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def link(event, using: str) -> None:
    """Give a new event its sequence number and digest (inside the transaction that inserts it)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    last = (
        type(event)
        .objects.using(using)
        .exclude(sequence=None)
        .order_by("-sequence")
        .values_list("sequence", "digest")
        .first()
    )
    sequence, previous = last if last else (0, GENESIS)
    event.sequence = sequence + 1
    event.digest = event_digest(previous, event)


@dataclass
class Verdict:
    events: int
    head_sequence: int
    head_digest: str
    problems: list[str]


def verify(model, revisions, using: str = "default") -> Verdict:
    """Walk the chain from the first event; every gap, change or reordering is a problem, as is a text whose
    version numbers skip one or a version no event records."""
    problems: list[str] = []
    previous, expected = GENESIS, 1
    count = 0
    for event in model.objects.using(using).order_by("sequence", "id").iterator():
        count += 1
        if event.sequence != expected:
            problems.append(f"event id {event.id}: sequence {event.sequence}, expected {expected} (events missing)")
            expected = (event.sequence or expected) + 1
            previous = event.digest
            continue
        if event.digest != event_digest(previous, event):
            problems.append(f"event {event.sequence} (id {event.id}): digest does not match (changed or reordered)")
        previous, expected = event.digest, expected + 1
    problems += _revision_problems(model, revisions, using)
    return Verdict(count, expected - 1, previous, problems)


def _revision_problems(model, revisions, using: str) -> list[str]:
    problems = []
    numbers: dict[int, list[int]] = {}
    for text_id, number in (
        revisions.objects.using(using).order_by("text_id", "number").values_list("text_id", "number")
    ):
        numbers.setdefault(text_id, []).append(number)
    for text_id, found in numbers.items():
        if found != list(range(1, len(found) + 1)):
            problems.append(f"text id {text_id}: version numbers {found} skip (versions missing)")
    recorded = set(model.objects.using(using).exclude(revision=None).values_list("revision_id", flat=True))
    unrecorded = revisions.objects.using(using).exclude(pk__in=recorded).values_list("text_id", "number")
    problems += [f"text id {text_id}: version {number} has no audit event" for text_id, number in unrecorded]
    return problems
