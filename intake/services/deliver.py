"""Delivery: claim a message, send it once, record the outcome; retries and quiet hours."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from time import monotonic
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from ..messaging import email as email_channel
from ..messaging.policy import backoff_seconds, sms_allowed_at
from ..models import Inquiry, InquiryEvent, OutboundMessage
from .audit import _audit
from .common import Actor, logger
from .outbox import _enqueue_on_commit, _inquiry_of, _message_event, _new_event
from .route import inquiries_route
from .send import _send, _skip_reason
from .triage import _first_contact


def _claimable(now: datetime) -> Q:
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return (Q(status=OutboundMessage.Status.PENDING) & due) | Q(
        status=OutboundMessage.Status.SENDING, lease_until__lt=now
    )


def message_claim(*, message_id: int) -> OutboundMessage | None:
    """Take a message for sending: pending (due) or lease expired → sending, with a lease.

    A conditional UPDATE, so of two workers racing for the same row exactly one wins.
    """
    now = timezone.now()
    won = (
        OutboundMessage.objects.filter(pk=message_id)
        .filter(_claimable(now))
        .update(**_claim_changes(now))
    )
    if not won:
        return None
    return OutboundMessage.objects.select_related("inquiry__queue", "recipient").get(pk=message_id)


def _claim_changes(now: datetime) -> dict:
    return {
        "status": OutboundMessage.Status.SENDING,
        "lease_until": now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
        "attempts": F("attempts") + 1,
        "updated_at": now,
    }


def _claim_due(limit: int, *, besides: int, now: datetime) -> list[int]:
    """Claim up to ``limit`` more due messages (oldest first) that no other worker holds.

    ``SKIP LOCKED``: rows another worker is claiming at this instant are left to it, so two
    workers never wait on each other or take the same row. Empty where the database cannot
    skip locked rows (SQLite), which keeps to one message per delivery.
    """
    if limit <= 0 or not connection.features.has_select_for_update_skip_locked:
        return []
    with transaction.atomic():
        ids = list(
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(_claimable(now))
            .exclude(pk=besides)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if ids:
            OutboundMessage.objects.filter(pk__in=ids).update(**_claim_changes(now))
    return ids


def message_deliver(*, message_id: int, batch: int = 1) -> OutboundMessage | None:
    """Claim, route the inquiry first if needed, send once, record the outcome.

    Writes the message's status, ``sent_at``/``provider_id`` or ``next_attempt_at`` and
    ``last_error``, and a message event. Returns None when there was nothing to do.

    With ``batch`` > 1 (the worker's ``OUTBOX_BATCH_SIZE``), a delivery that wins its own
    message also claims up to ``batch - 1`` others that are due, routes their inquiries in
    one transaction and sends them all over the one held SMTP session (``make bench`` showed
    that per acknowledgement the statements around the send cost more than the send). The
    others' own tasks then find nothing to claim. Under a burst this is what lets one worker
    keep up; at a trickle a batch is just its own message. A message that loses its claim is
    never sent by this delivery, so each is still sent by exactly one worker. Each message is
    recorded as sent the moment the mail server accepts it, so a worker killed mid-batch can
    send again at most the one message whose acceptance it had not recorded yet.
    """
    own = message_claim(message_id=message_id)
    if own is None:
        return None
    others = _claim_due(batch - 1, besides=message_id, now=timezone.now())
    claimed = OutboundMessage.objects.select_related("inquiry__queue", "recipient").in_bulk(others)
    messages = [own, *(claimed[pk] for pk in others if pk in claimed)]
    unrouted = sorted(
        {m.inquiry.pk for m in messages if m.inquiry is not None and m.inquiry.routed_at is None}
    )
    if unrouted:
        routed = inquiries_route(unrouted)
        for message in messages:
            if message.inquiry_id is not None:
                message.inquiry = routed.get(message.inquiry_id, message.inquiry)
    # Well inside the lease, so nobody takes a row back while this delivery still holds it.
    deadline = monotonic() + settings.OUTBOX_LEASE_SECONDS / 2
    for i, message in enumerate(messages):
        if i and monotonic() > deadline:
            _give_back(messages[i:])
            break
        _message, transient = _deliver_claimed(message)
        if transient and i + 1 < len(messages):
            # The mail server is down or stalling: the rest are not tried against it now
            # (each would wait out its own timeout); they go back, due, for the sweep.
            _give_back(messages[i + 1 :])
            break
    return own


def _deliver_claimed(message: OutboundMessage) -> tuple[OutboundMessage, bool]:
    """Send one claimed message and record the outcome at once; (it, whether transient).

    Recorded before the next message of a batch is tried: a crash between two sends repeats
    nothing, and one between the server's acceptance and this record repeats only this one.
    """
    skip = _skip_reason(message)
    if skip:
        return _finish(message, OutboundMessage.Status.SKIPPED, reason=skip), False
    if (
        message.inquiry is not None
        and message.channel == OutboundMessage.Channel.SMS
        and message.kind not in OutboundMessage.ANY_HOUR_KINDS
    ):
        # No text arrives at night: before 08:00 or from 21:00 in the queue's time zone it
        # waits for the morning (a row with next_attempt_at, not a countdown in Redis).
        # Pages to the on-call phone about someone who may be in danger go at any hour.
        queue = message.inquiry.queue
        tz = ZoneInfo(queue.time_zone if queue else settings.TIME_ZONE)
        now = timezone.now()
        allowed = sms_allowed_at(now, tz)
        if allowed > now:
            return _defer(message, until=allowed), False
    try:
        provider_id = _send(message)
    except email_channel.PermanentSendError as exc:
        failed = _finish(message, OutboundMessage.Status.FAILED, reason="permanent", error=str(exc))
        return failed, False
    except email_channel.TransientSendError as exc:
        return _retry_later(message, error=str(exc)), True
    if message.inquiry is None or message.kind == OutboundMessage.Kind.REPLY:
        # Account mail forgets its link; a reply sent is first contact: the full record.
        return _finish(message, OutboundMessage.Status.SENT, provider_id=provider_id), False
    return _record_sent(message, provider_id), False


# --- Recording a sent message in one statement (measured by `make bench`) ----------------------
# Each message is recorded as the server accepts it, before the next is sent; through the ORM
# that record (a transaction around an UPDATE and an event's INSERT) doubled a worker's cost
# per acknowledgement. On PostgreSQL it is one statement, atomic by itself: the UPDATE runs
# as a data-modifying WITH, whose work is done whether or not the INSERT reads it.


def _record_sent(message: OutboundMessage, provider_id: str) -> OutboundMessage:
    if connection.vendor != "postgresql":
        return _finish(message, OutboundMessage.Status.SENT, provider_id=provider_id)
    now = timezone.now()
    event = _new_event(
        _inquiry_of(message),
        InquiryEvent.Kind.MESSAGE_SENT,
        from_state=OutboundMessage.Status.SENDING,
        to_state=OutboundMessage.Status.SENT,
        reason=message.kind,
        data={"message": message.pk, "attempt": message.attempts},
    )
    sent, sending = OutboundMessage.Status.SENT, OutboundMessage.Status.SENDING
    row = [f.get_db_prep_save(f.pre_save(event, add=True), connection) for f in _event_columns()]
    with connection.cursor() as cursor:
        cursor.execute(_sent_sql(), [sent, now, provider_id[:200], now, message.pk, sending, *row])
    message.status, message.sent_at, message.updated_at = sent, now, now
    message.provider_id, message.last_error = provider_id[:200], ""
    message.lease_until = message.next_attempt_at = None
    logger.info("message sent id=%s kind=%s attempt=%d", message.pk, message.kind, message.attempts)
    return message


def _event_columns() -> list:
    return [f for f in InquiryEvent._meta.concrete_fields if not f.primary_key]


@lru_cache(maxsize=1)
def _sent_sql() -> str:
    quote = connection.ops.quote_name
    columns = _event_columns()
    outbox, events = OutboundMessage._meta.db_table, InquiryEvent._meta.db_table
    return (
        f"WITH sent AS (UPDATE {quote(outbox)} SET status = %s, sent_at = %s, "  # noqa: S608 # nosec B608 - names from the models
        "provider_id = %s, last_error = '', lease_until = NULL, next_attempt_at = NULL, "
        "updated_at = %s WHERE id = %s AND status = %s) "
        f"INSERT INTO {quote(events)} ({', '.join(quote(f.column) for f in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )


def _give_back(messages: list[OutboundMessage]) -> None:
    """Return claimed, unsent messages to pending, due now; the claim was not an attempt.

    Not published again: a task still queued for one of them takes it, and the next sweep
    takes the rest (they are due). Publishing them here would let every failed send in an
    outage re-publish the rest of its batch, a storm of tasks with nothing to send.
    """
    now = timezone.now()
    ids = [m.pk for m in messages]
    OutboundMessage.objects.filter(pk__in=ids, status=OutboundMessage.Status.SENDING).update(
        status=OutboundMessage.Status.PENDING,
        lease_until=None,
        next_attempt_at=now,
        attempts=F("attempts") - 1,
        updated_at=now,
    )
    logger.info("batch cut short, messages given back=%d", len(ids))


def _finish(
    message: OutboundMessage,
    status: OutboundMessage.Status,
    *,
    provider_id: str = "",
    reason: str = "",
    error: str = "",
) -> OutboundMessage:
    now = timezone.now()
    event_kind = {
        OutboundMessage.Status.SENT: InquiryEvent.Kind.MESSAGE_SENT,
        OutboundMessage.Status.FAILED: InquiryEvent.Kind.MESSAGE_FAILED,
        OutboundMessage.Status.SKIPPED: InquiryEvent.Kind.MESSAGE_SKIPPED,
    }[status]
    changes = {
        "status": status,
        "sent_at": now if status == OutboundMessage.Status.SENT else None,
        "provider_id": provider_id[:200],
        "last_error": error[:200],
        "lease_until": None,
        "next_attempt_at": None,
        "updated_at": now,
    }
    with transaction.atomic():
        updated = OutboundMessage.objects.filter(
            pk=message.pk, status=OutboundMessage.Status.SENDING
        ).update(**changes)
        _forget_links([message])
        _message_event(
            message,
            event_kind,
            from_state=OutboundMessage.Status.SENDING,
            to_state=status,
            reason=reason or message.kind,
            data={"message": message.pk, "attempt": message.attempts},
        )
        if status == OutboundMessage.Status.SENT and message.kind == OutboundMessage.Kind.REPLY:
            # The first reply sent is first contact.
            inquiry = Inquiry.objects.select_for_update().get(pk=_inquiry_of(message).pk)
            _first_contact(inquiry, actor=message.created_by, when=now)
    log = logger.warning if status == OutboundMessage.Status.FAILED else logger.info
    log("message %s id=%s kind=%s attempt=%d", status, message.pk, message.kind, message.attempts)
    if updated:  # the row now holds exactly these values: no need to read it back
        for name, value in changes.items():
            setattr(message, name, value)
    else:
        message.refresh_from_db()
    return message


def _forget_links(messages: list[OutboundMessage]) -> None:
    """A set-up link's address leaves the outbox once its mail is sent, failed or skipped."""
    done = [m.pk for m in messages if m.kind == OutboundMessage.Kind.ENROLMENT_LINK]
    if done:
        OutboundMessage.objects.filter(pk__in=done).update(body="")


def _retry_later(message: OutboundMessage, *, error: str) -> OutboundMessage:
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        return _finish(
            message, OutboundMessage.Status.FAILED, reason="too_many_attempts", error=error
        )
    wait = backoff_seconds(
        message.attempts,
        base=settings.OUTBOX_BACKOFF_BASE_SECONDS,
        cap=settings.OUTBOX_BACKOFF_MAX_SECONDS,
    )
    now = timezone.now()
    with transaction.atomic():
        OutboundMessage.objects.filter(pk=message.pk, status=OutboundMessage.Status.SENDING).update(
            status=OutboundMessage.Status.PENDING,
            next_attempt_at=now + timedelta(seconds=wait),
            last_error=error[:200],
            lease_until=None,
            updated_at=now,
        )
        _message_event(
            message,
            InquiryEvent.Kind.MESSAGE_RETRY,
            from_state=OutboundMessage.Status.SENDING,
            to_state=OutboundMessage.Status.PENDING,
            reason="transient",
            data={"message": message.pk, "attempt": message.attempts, "wait": round(wait, 1)},
        )
    logger.info(
        "message retry id=%s attempt=%d wait=%.1fs error=%s",
        message.pk,
        message.attempts,
        wait,
        error,
    )
    message.refresh_from_db()
    return message


def _defer(message: OutboundMessage, *, until: datetime) -> OutboundMessage:
    now = timezone.now()
    with transaction.atomic():
        # Waiting for daytime is not a failed attempt: give the claim's attempt back.
        OutboundMessage.objects.filter(pk=message.pk, status=OutboundMessage.Status.SENDING).update(
            status=OutboundMessage.Status.PENDING,
            next_attempt_at=until,
            attempts=F("attempts") - 1,
            lease_until=None,
            updated_at=now,
        )
        _message_event(
            message,
            InquiryEvent.Kind.MESSAGE_DEFERRED,
            from_state=OutboundMessage.Status.SENDING,
            to_state=OutboundMessage.Status.PENDING,
            reason="quiet_hours",
            data={"message": message.pk},
        )
    message.refresh_from_db()
    return message


def message_retry_now(*, actor: Actor, message_id: int) -> OutboundMessage | None:
    """Put a failed message back in line at once (staff action). Writes an event; enqueues."""
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update()
            .filter(pk=message_id, status=OutboundMessage.Status.FAILED)
            # A set-up link's address is forgotten once its mail failed: send a new link.
            .exclude(kind=OutboundMessage.Kind.ENROLMENT_LINK)
            .first()
        )
        if message is None:
            return None
        message.status = OutboundMessage.Status.PENDING
        message.attempts = 0
        message.next_attempt_at = None
        message.lease_until = None
        message.save(
            update_fields=["status", "attempts", "next_attempt_at", "lease_until", "updated_at"]
        )
        _message_event(
            message,
            InquiryEvent.Kind.MESSAGE_RETRY_NOW,
            actor=actor,
            from_state=OutboundMessage.Status.FAILED,
            to_state=OutboundMessage.Status.PENDING,
            reason=message.kind,
            data={"message": message.pk},
        )
        _audit(actor, message.inquiry or message)
        _enqueue_on_commit(message.inquiry_id, [message.pk])
    return message
