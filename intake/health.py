"""Health: what ``/healthz`` reports, and the heartbeat the beat's sweep leaves for it."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min
from django.utils import timezone

from .models import OutboundMessage

# Set by ``tasks.pending_sweep_task`` after every sweep; its age is the beat's state.
BEAT_HEARTBEAT_KEY = "reengage:sweep:last"


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
    try:
        last = cache.get(BEAT_HEARTBEAT_KEY)
    except Exception:  # noqa: BLE001
        return "unknown"
    if not last:
        return "no sweep yet"
    age = (timezone.now() - datetime.fromisoformat(last)).total_seconds()
    return "ok" if age < 3 * settings.OUTBOX_SWEEP_INTERVAL + 5 else f"stale ({int(age)}s)"
