"""The sweeper: what is owed and stalled is enqueued again, so a lost task loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ..models import Inquiry, OutboundMessage
from . import outbox
from .common import logger


@dataclass(frozen=True)
class SweepResult:
    messages: list[int]
    inquiries: list[int]


def pending_sweep(*, limit: int = 500) -> SweepResult:
    """Re-enqueue what is owed and stalled: due messages, expired leases, unrouted inquiries.

    Publishes tasks by id only. Recently created rows are left to their own on-commit
    enqueue, so a healthy system sees no duplicate tasks (a duplicate would be harmless).
    """
    now = timezone.now()
    grace = now - timedelta(seconds=settings.ROUTING_GRACE_SECONDS)
    due = (
        Q(status=OutboundMessage.Status.PENDING)
        & (Q(next_attempt_at__isnull=True, created_at__lte=grace) | Q(next_attempt_at__lte=now))
    ) | Q(status=OutboundMessage.Status.SENDING, lease_until__lt=now)
    message_ids = list(
        OutboundMessage.objects.filter(due)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    owed_inquiries = set(
        OutboundMessage.objects.filter(pk__in=message_ids).values_list("inquiry_id", flat=True)
    )
    inquiry_ids = [
        pk
        for pk in Inquiry.objects.filter(routed_at__isnull=True, created_at__lte=grace)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
        if pk not in owed_inquiries
    ]
    for pk in inquiry_ids:
        outbox.tasks_enqueue(inquiry_id=pk)
    if message_ids:
        outbox.tasks_enqueue(message_ids=message_ids)
    if message_ids or inquiry_ids:
        logger.info(
            "sweep re-enqueued messages=%d inquiries=%d", len(message_ids), len(inquiry_ids)
        )
    return SweepResult(messages=message_ids, inquiries=inquiry_ids)
