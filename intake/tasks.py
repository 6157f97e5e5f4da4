"""Thin Celery tasks: primary keys in, one service call, nothing personal on the broker."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError
from django.utils import timezone

from . import services

logger = logging.getLogger(__name__)

# Database hiccups are worth a retry; anything else is a bug to look at, not to loop on.
_TRANSIENT = (DatabaseError, InterfaceError, ConnectionError, TimeoutError)
BEAT_HEARTBEAT_KEY = "reengage:sweep:last"


@shared_task(
    acks_late=True,
    autoretry_for=_TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def inquiry_route_task(inquiry_id: int) -> None:
    """Route one inquiry (queue, coordinator, due time). No-op if gone or already routed."""
    services.inquiry_route(inquiry_id=inquiry_id)


@shared_task(
    acks_late=True,
    autoretry_for=_TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def message_deliver_task(message_id: int) -> None:
    """Deliver one outbound message (claims it first). No-op if gone, sent or claimed."""
    services.message_deliver(message_id=message_id)


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def pending_sweep_task() -> None:
    """Re-enqueue due, stalled and unrouted work; leaves a heartbeat for /healthz."""
    services.pending_sweep()
    try:
        cache.set(BEAT_HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)
    except Exception:  # noqa: BLE001 - a cache outage must not stop the sweep
        logger.warning("could not record sweep heartbeat")


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def overdue_flag_task() -> None:
    """Mark inquiries past their first-contact promise and notify their queues."""
    services.overdue_flag()


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def urgent_escalation_task() -> None:
    """Send unacknowledged urgent alerts on to each queue's escalation address."""
    services.urgent_escalate()


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def check_in_task() -> None:
    """Owe the gentle check-ins whose date has come."""
    services.check_in_due()


@shared_task(acks_late=True, max_retries=0, soft_time_limit=600, time_limit=660)
def purge_expired_task() -> None:
    """Apply the retention periods (spam deleted, finished inquiries' personal data erased)."""
    services.purge_expired()
