"""Inquiries for the worklist-at-scale bench: 100,000 in well under a minute, with COPY.

Rows are built from the real models (every column, its default, the app's own contact hashes)
and encrypted with the keys the server uses: each message, name, e-mail and phone is a valid
Fernet token (a repeated value such as a sample message shares one token, as a bulk import
could; every e-mail and phone is encrypted on its own). The mix is the same at every size:

* status: 5% new, 7% contacted, 3% reassessment scheduled, 30% returned, 10% not now,
  45% closed (with reasons); ~2% quarantined spam; ~2% urgent (most alerts acknowledged);
* received over the last two years, open ones within the last 30 days; 10% from a person
  who wrote before (same contact hash); 90% in the general queue, 10% in the Spanish one;
* each has its timeline (received, message queued, routed, sent; a status change and one to
  three contact attempts once worked on) and its sent acknowledgement.
"""

from __future__ import annotations

import io
import json
import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import BooleanField, ForeignKey, JSONField
from django.utils import timezone

from intake import crypto
from intake.models import (
    ContactAttempt,
    CoordinatorQueue,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
)

from .forms import MESSAGES, NAMES

STATUS_MIX = [
    ("new", 5),
    ("contacted", 7),
    ("reassessment_scheduled", 3),
    ("returned", 30),
    ("not_now", 10),
    ("closed", 45),
]
OPEN = {"new", "contacted", "reassessment_scheduled"}
BATCH = 10_000


def _text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    s = str(value)
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def _copy(table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_text(v) for v in row))
        buffer.write("\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT text)", buffer
        )


class _Encrypter:
    """Fernet tokens; a repeated value (sample messages, names) is encrypted once."""

    def __init__(self) -> None:
        self.memo: dict[str, str] = {}

    def shared(self, value: str) -> str:
        if not value:
            return value
        if value not in self.memo:
            self.memo[value] = crypto.encrypt(value)
        return self.memo[value]

    @staticmethod
    def own(value: str) -> str:
        return crypto.encrypt(value) if value else value

    def field(self, field: crypto.EncryptedJSONField, value) -> str:
        """An encrypted JSON column (``away_reasons``) as the field stores it, once per value."""
        key = "json:" + json.dumps(value, sort_keys=True)
        if key not in self.memo:
            self.memo[key] = field.get_prep_value(value)
        return self.memo[key]


def _inquiry_columns() -> tuple[list[str], list]:
    fields = Inquiry._meta.concrete_fields
    return [f.column for f in fields], list(fields)


def generate(count: int, *, start: int = 0, seed: int = 8) -> int:
    """Add ``count`` inquiries (numbered from ``start``) with events, messages and attempts."""
    rng = random.Random(seed + start)
    general = CoordinatorQueue.objects.get(is_default=True)
    spanish = CoordinatorQueue.objects.exclude(pk=general.pk).order_by("pk").first() or general
    staff = list(
        get_user_model().objects.filter(coordinator_queues=general).values_list("pk", flat=True)
    )
    encrypt = _Encrypter()
    now = timezone.now()
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        _batch(rng, start + offset, size, now, general, spanish, staff, encrypt)
    return count


def _next_ids(model, n: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, n],
        )
        return [r[0] for r in cursor.fetchall()]


def _batch(rng, first, size, now, general, spanish, staff, encrypt) -> None:
    names = [s for s, _w in STATUS_MIX]
    weights = [w for _s, w in STATUS_MIX]
    statuses = rng.choices(names, weights, k=size)
    ids = _next_ids(Inquiry, size)
    columns, fields = _inquiry_columns()
    inquiry_rows, events, messages, attempts = [], [], [], []
    for k in range(size):
        i, pk, status = first + k, ids[k], statuses[k]
        spam = status == "new" and rng.random() < 0.3
        urgent = not spam and rng.random() < 0.02
        person = rng.randrange(i) if i and rng.random() < 0.1 else i
        email = f"person{person}@example.com"
        phone = f"+1617555{person % 10000:04d}" if person % 3 == 0 else ""
        open_ = status in OPEN
        created = now - timedelta(days=rng.uniform(0, 30) if open_ else rng.uniform(30, 730))
        spanish_queue = i % 10 == 9
        assignee = rng.choice(staff) if staff and not spam else None
        inquiry = Inquiry(
            pk=pk,
            kind=rng.choice(["come_back", "come_back", "question", "not_sure"]),
            contact_method="email",
            voicemail_ok=rng.choice([None, True, False]),
            best_time=rng.choice(["", "morning", "evening", "any"]),
            language="es" if spanish_queue else "en",
            status=status,
            close_reason=rng.choice(["unreachable", "declined", "referred", "duplicate"])
            if status == "closed"
            else "",
            not_now_reason="timing" if status == "not_now" else "",
            priority="urgent" if urgent else "routine",
            alert_acknowledged_at=created + timedelta(minutes=5)
            if urgent and rng.random() < 0.9
            else None,
            is_spam=spam,
            spam_score=9 if spam else 0,
            queue_id=(spanish if spanish_queue else general).pk,
            assigned_to_id=assignee,
            routed_at=created + timedelta(seconds=2),
            first_contact_due_at=created + timedelta(hours=rng.uniform(4, 40)),
            first_contact_at=None if status == "new" else created + timedelta(hours=3),
            contact_hash=crypto.contact_hash(email),
            other_contact_hash=crypto.contact_hash(phone),
            name_index=crypto.name_index(NAMES[person % len(NAMES)]),
            consent=True,
            consent_version="2026-11-v1",
            consent_at=created,
            created_at=created,
            updated_at=created,
        )
        values = []
        for f in fields:
            value = getattr(inquiry, f.attname)
            if f.name == "message":
                value = encrypt.shared(rng.choice(MESSAGES))
            elif f.name == "preferred_name":
                value = encrypt.shared(NAMES[person % len(NAMES)])
            elif f.name == "email":
                value = encrypt.own(email)
            elif f.name == "phone":
                value = encrypt.own(phone)
            elif isinstance(f, crypto.EncryptedJSONField):
                value = encrypt.field(f, value)
            elif isinstance(f, JSONField):
                value = json.dumps(value)
            elif isinstance(f, BooleanField | ForeignKey) or value is None:
                pass
            elif isinstance(value, uuid.UUID):
                value = str(value)
            values.append(value)
        inquiry_rows.append(tuple(values))

        t = created
        events.append(
            (pk, "submitted", None, "", "new", "quarantined" if spam else "routine", "{}", t)
        )
        if spam:
            continue
        messages.append(
            (
                str(uuid.uuid4()),
                pk,
                "acknowledgement",
                "email",
                "acknowledgement",
                inquiry.language,
                "",
                "sent",
                1,
                "",
                t + timedelta(seconds=3),
                "bench",
                "",
                t,
                t,
            )
        )
        events += [
            (pk, "message_queued", None, "", "pending", "acknowledgement", "{}", t),
            (pk, "routed", None, "", "", "rules",
             json.dumps({"queue": inquiry.queue_id, "assigned_to": assignee}),
             t + timedelta(seconds=2)),
            (pk, "message_sent", None, "sending", "sent", "acknowledgement", "{}",
             t + timedelta(seconds=3)),
        ]  # fmt: skip
        if status == "new":
            if rng.random() < 0.3:  # tried already, nobody reached yet
                attempts.append((pk, assignee, "call", "no_answer", "", t + timedelta(hours=2)))
            continue
        for n in range(rng.randrange(0, 3)):
            outcome = rng.choice(["no_answer", "wrong_number", "left_voicemail"])
            attempts.append((pk, assignee, "call", outcome, "", t + timedelta(hours=1 + n)))
        attempts.append((pk, assignee, "call", "reached", "", t + timedelta(hours=3)))
        events.append(
            (pk, "status_changed", assignee, "new", status, "first_contact", "{}",
             t + timedelta(hours=3))
        )  # fmt: skip

    _copy(Inquiry._meta.db_table, columns, inquiry_rows)
    _copy(
        OutboundMessage._meta.db_table,
        ["public_id", "inquiry_id", "kind", "channel", "template_key", "language",
         "dedupe_key", "status", "attempts", "last_error", "sent_at", "provider_id", "body",
         "created_at", "updated_at"],
        messages,
    )  # fmt: skip
    _copy(
        InquiryEvent._meta.db_table,
        ["inquiry_id", "kind", "actor_id", "from_state", "to_state", "reason", "data",
         "created_at"],
        events,
    )  # fmt: skip
    _copy(
        ContactAttempt._meta.db_table,
        ["inquiry_id", "coordinator_id", "channel", "outcome", "note", "created_at"],
        attempts,
    )


def reset() -> None:
    """Remove every inquiry and what hangs off it (the earlier phases' rows)."""
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Inquiry._meta.db_table} CASCADE")


def analyze() -> None:
    """VACUUM ANALYZE the whole database, as autovacuum and routine maintenance would have.

    Every table, small ones included: autovacuum never analyzes a table of a few rows (queue
    members), and without statistics the planner misjudges the worklist's join.
    """
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
