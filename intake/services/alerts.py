"""Urgent alerts acknowledged and escalated, overdue inquiries flagged, check-ins owed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Inquiry, InquiryEvent, OutboundMessage, Priority
from ..selectors import overdue_q
from .audit import _audit
from .common import Actor
from .outbox import (
    _enqueue_on_commit,
    _event,
    _inquiry_of,
    _outbound_create,
    acknowledgement_channel,
)


def urgent_alert_acknowledge(*, actor: Actor, inquiry_id: int) -> Inquiry | None:
    """A staff member has seen the urgent alert: stops escalation. Writes an event."""
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        if inquiry is None or inquiry.priority != Priority.URGENT:
            return inquiry
        if inquiry.alert_acknowledged_at is None:
            inquiry.alert_acknowledged_at = timezone.now()
            inquiry.alert_acknowledged_by = actor
            inquiry.save(
                update_fields=["alert_acknowledged_at", "alert_acknowledged_by", "updated_at"]
            )
            _event(inquiry, InquiryEvent.Kind.ALERT_ACKNOWLEDGED, actor=actor, reason="seen")
            _audit(actor, inquiry)
    return inquiry


def urgent_escalate(*, now: datetime | None = None) -> list[int]:
    """Send each unacknowledged urgent alert on, once: e-mail to the escalation address and,
    when the queue has a confirmed on-call phone, a second text to it.

    An alert (the on-duty e-mail or the on-call text, whichever went first) counts from when
    it was sent; the wait is the queue's escalation minutes. Writes ``escalation``
    OutboundMessages and an event per alert; enqueues on commit.
    """
    now = now or timezone.now()
    alerts = (
        OutboundMessage.objects.filter(
            kind__in=[OutboundMessage.Kind.URGENT_ALERT, OutboundMessage.Kind.ON_CALL_ALERT],
            status=OutboundMessage.Status.SENT,
            inquiry__alert_acknowledged_at__isnull=True,
            inquiry__queue__isnull=False,
        )
        .select_related("inquiry__queue")
        .order_by("sent_at", "pk")
    )
    created: list[int] = []
    seen: set[str] = set()
    for alert in alerts:
        inquiry = _inquiry_of(alert)
        queue = inquiry.queue
        if queue is None or alert.sent_at is None:  # never: the filter above asks for both
            continue
        # Both alerts of one inquiry share their dedupe key: escalate once for the pair.
        key = f"{alert.inquiry_id}-{alert.dedupe_key}"
        if key in seen or alert.sent_at > now - timedelta(minutes=queue.escalation_minutes):
            continue
        seen.add(key)
        channels = [(OutboundMessage.Channel.EMAIL, alert.dedupe_key)]
        if queue.on_call_number:
            channels.append((OutboundMessage.Channel.SMS, f"{alert.dedupe_key}-sms"))
        with transaction.atomic():
            made_ids = []
            for channel, dedupe_key in channels:
                escalation, made = OutboundMessage.objects.get_or_create(
                    inquiry=inquiry,
                    kind=OutboundMessage.Kind.ESCALATION,
                    dedupe_key=dedupe_key,
                    defaults={
                        "channel": channel,
                        "template_key": "escalation",
                        "language": settings.LANGUAGE_CODE,
                    },
                )
                if made:
                    made_ids.append(escalation.pk)
            if made_ids:
                _event(
                    inquiry,
                    InquiryEvent.Kind.ALERT_ESCALATED,
                    reason="not_acknowledged",
                    data={"messages": made_ids, "alert": alert.pk},
                )
                _enqueue_on_commit(alert.inquiry_id, made_ids)
                created.extend(made_ids)
    return created


def overdue_flag(*, now: datetime | None = None) -> list[int]:
    """Mark new inquiries past their first-contact promise and notify their queue, once.

    Snoozed inquiries are skipped while the snooze lasts. The notice carries the short id and
    a link, nothing about the person. Writes the inquiry, an event and an OutboundMessage.
    """
    now = now or timezone.now()
    due = Inquiry.objects.filter(overdue_q(now), is_spam=False, overdue_notified_at__isnull=True)
    flagged: list[int] = []
    for inquiry_id in due.values_list("pk", flat=True)[:500]:
        with transaction.atomic():
            inquiry = (
                Inquiry.objects.select_for_update()
                .filter(pk=inquiry_id, overdue_notified_at__isnull=True)
                .first()
            )
            if inquiry is None:
                continue
            inquiry.overdue_notified_at = now
            inquiry.save(update_fields=["overdue_notified_at", "updated_at"])
            _event(inquiry, InquiryEvent.Kind.OVERDUE, reason="first_contact_promise")
            notice = _outbound_create(
                inquiry,
                OutboundMessage.Kind.OVERDUE_NOTICE,
                OutboundMessage.Channel.EMAIL,
                "overdue_notice",
                language=settings.LANGUAGE_CODE,
            )
            _enqueue_on_commit(inquiry.pk, [notice.pk])
            flagged.append(inquiry.pk)
    return flagged


def check_in_due(*, today: date | None = None) -> list[int]:
    """Owe a gentle check-in to every "not now" inquiry whose chosen date has come, once."""
    today = today or timezone.localdate()
    made_ids: list[int] = []
    waiting = Inquiry.objects.filter(
        status=Inquiry.Status.NOT_NOW, check_in_on__lte=today, is_spam=False
    )
    for inquiry in waiting:
        channel = acknowledgement_channel(inquiry)
        key = f"check-in-{inquiry.check_in_on:%Y-%m-%d}"
        already = inquiry.messages.filter(kind=OutboundMessage.Kind.CHECK_IN, dedupe_key=key)
        if channel is None or already.exists():
            continue
        with transaction.atomic():
            message = _outbound_create(
                inquiry, OutboundMessage.Kind.CHECK_IN, channel, "check_in", dedupe_key=key
            )
            _enqueue_on_commit(inquiry.pk, [message.pk])
        made_ids.append(message.pk)
    return made_ids
