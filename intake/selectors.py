"""Reads used by pages, admin and health: querysets shaped so nothing runs N+1."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min, QuerySet
from django.utils import timezone

from .models import Inquiry, InquiryFollowUp, OutboundMessage, Priority

logger = logging.getLogger(__name__)


def inquiry_worklist() -> QuerySet[Inquiry]:
    """Inquiries with what the list shows joined in, oldest first."""
    return Inquiry.objects.select_related("queue", "assigned_to", "site").order_by("created_at")


def thanks_context(submission_token: str) -> dict:
    """What the thanks page may say about one submission: urgency and the queue's promise.

    Worked out from this submission alone (its language, site, kind, time), with the queue the
    routing rules pick, so the page is the same whether or not the person wrote before.
    """
    from . import services  # the same rule evaluation routing uses

    inquiry = (
        Inquiry.objects.filter(submission_token=submission_token)
        .only("site_id", "language", "kind", "priority", "created_at", "is_spam")
        .first()
    )
    if inquiry is None:
        follow_up = InquiryFollowUp.objects.filter(submission_token=submission_token).first()
        if follow_up is None:
            return {"known": False}
        inquiry = Inquiry(
            site_id=follow_up.site_id,
            language=follow_up.language,
            kind=follow_up.kind,
            priority=Priority.ROUTINE,
            created_at=follow_up.created_at,
        )
    context: dict = {"known": True, "urgent": inquiry.priority == Priority.URGENT}
    if inquiry.is_spam:
        return context
    queue = services.queue_for(inquiry)
    tz = ZoneInfo(queue.time_zone)
    clock = services.queue_clock(queue)
    now = timezone.now()
    context.update(
        {
            "due": services.first_contact_due(queue, inquiry.created_at).astimezone(tz),
            "open_now": clock.is_open(now),
            "next_open": clock.next_open(now).astimezone(tz),
        }
    )
    return context


def health_report() -> dict:
    """Database, broker, worker and beat state, and the age of the oldest pending message."""
    report: dict = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except Exception:  # noqa: BLE001
        report["database"] = "unavailable"

    if settings.CELERY_TASK_ALWAYS_EAGER:
        report["broker"] = "in-process"
        report["worker"] = "in-process"
        report["beat"] = "in-process"
    else:
        report["broker"] = _broker_state()
        report["worker"] = _worker_state() if report["broker"] == "ok" else "unknown"
        report["beat"] = _beat_state()

    report["oldest_pending_message_seconds"] = None
    if report["database"] == "ok":
        oldest = OutboundMessage.objects.filter(
            status__in=[OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING]
        ).aggregate(oldest=Min("created_at"))["oldest"]
        if oldest:
            report["oldest_pending_message_seconds"] = round(
                (timezone.now() - oldest).total_seconds(), 1
            )
    return report


def _broker_state() -> str:
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1).ping()
        return "ok"
    except Exception:  # noqa: BLE001
        return "unavailable"


def _worker_state() -> str:
    from reengage.celery import app

    try:
        replies = app.control.ping(timeout=1.0)
    except Exception:  # noqa: BLE001
        return "unknown"
    return f"ok ({len(replies)})" if replies else "no worker answered"


def _beat_state() -> str:
    from .tasks import BEAT_HEARTBEAT_KEY

    try:
        last = cache.get(BEAT_HEARTBEAT_KEY)
    except Exception:  # noqa: BLE001
        return "unknown"
    if not last:
        return "no sweep yet"
    age = (timezone.now() - timezone.datetime.fromisoformat(last)).total_seconds()
    return "ok" if age < 3 * settings.OUTBOX_SWEEP_INTERVAL + 5 else f"stale ({int(age)}s)"
