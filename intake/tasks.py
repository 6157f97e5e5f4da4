"""Thin Celery tasks: primary keys in, one service call, nothing personal on the broker."""

from __future__ import annotations

import logging

from celery import shared_task, signals
from django.conf import settings
from django.db import DatabaseError, InterfaceError, close_old_connections, connections

from . import health, services

logger = logging.getLogger(__name__)

# Database hiccups are worth a retry; anything else is a bug to look at, not to loop on.
_TRANSIENT = (DatabaseError, InterfaceError, ConnectionError, TimeoutError)

# --- Database connections in the worker (measured by `make bench`) --------------------------------
# Celery's Django fix-up closes the database connection before and after every task unless
# CELERY_DB_REUSE_MAX is set (reengage/settings/base.py sets it): each task paid a new
# PostgreSQL connection (a server process forked, authentication, session setup), about half
# of a worker's time per acknowledgement on the bench. Tasks get Django's own request
# lifecycle instead: close_old_connections() around each task honours CONN_MAX_AGE (a
# connection is renewed after 60 s) and CONN_HEALTH_CHECKS (a connection that died while idle
# is replaced before its first query), and a task that did not succeed drops its connections
# outright, so a connection in an unknown state is never used again.


@signals.worker_init.connect
def refuse_start_without_storage_keys(**_kwargs) -> None:
    """A worker without the storage keys could neither read nor write an inquiry: no start.

    SystemExit, because Celery logs and ignores any Exception a signal handler raises.
    """
    from django.core.exceptions import ImproperlyConfigured

    from .checks import refuse_unsafe_start

    try:
        refuse_unsafe_start(serving=False)
    except ImproperlyConfigured as exc:
        raise SystemExit(str(exc)) from None


def _eager(task) -> bool:
    # In-process (eager) tasks run inside the caller's request or transaction: hands off.
    return bool(getattr(getattr(task, "request", None), "is_eager", False))


@signals.task_prerun.connect
def _connections_before_task(sender=None, **_kwargs) -> None:
    if not _eager(sender):
        close_old_connections()


@signals.task_postrun.connect
def _connections_after_task(sender=None, state=None, **_kwargs) -> None:
    if _eager(sender):
        return
    if state == "SUCCESS":
        close_old_connections()
    else:
        connections.close_all()


def publish(task, ids) -> None:
    """Publish ``task(id)`` for each id, all on one producer taken from Celery's pool.

    ``.delay()`` per id takes a producer (and its broker connection) from the pool and gives
    it back for every message; a sweep re-publishing hundreds of ids, or a submission owing
    an acknowledgement and an alert, now does that once (measured by ``make bench``). Same
    messages, same routing, same failure: a broker error is raised to
    ``services.tasks_enqueue``, which logs it and leaves the rows to the sweeper. In eager
    mode (no broker) tasks run in-process.
    """
    if not ids:
        return
    if task.app.conf.task_always_eager:
        for pk in ids:
            task.delay(pk)
        return
    with task.app.producer_or_acquire() as producer:
        for pk in ids:
            task.apply_async((pk,), producer=producer)


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
    """Deliver one outbound message (claims it first). No-op if gone, sent or claimed.

    On a worker, a delivery that wins its message takes up to ``OUTBOX_BATCH_SIZE - 1`` more
    that are due with it (see ``services.message_deliver``); in-process (eager) it sends
    just its own, inside the request that owed it.
    """
    batch = 1 if _eager(message_deliver_task) else settings.OUTBOX_BATCH_SIZE
    services.message_deliver(message_id=message_id, batch=batch)


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def pending_sweep_task() -> None:
    """Re-enqueue due, stalled and unrouted work; leaves a heartbeat for /healthz."""
    services.pending_sweep()
    try:
        health.heartbeat_record(health.BEAT_HEARTBEAT_KEY)
    except Exception:  # noqa: BLE001 - a cache outage must not stop the sweep
        logger.warning("could not record sweep heartbeat")


@shared_task(ignore_result=True, max_retries=0, soft_time_limit=10, time_limit=15)
def health_heartbeat_task() -> None:
    """Stamp the queue this ran from as served, for /healthz (beat sends one to each queue).

    Published by beat with an expiry of one interval, so a worker back from an outage runs
    no pile of stale heartbeats.
    """
    delivery = getattr(health_heartbeat_task.request, "delivery_info", None) or {}
    queue = delivery.get("routing_key") or settings.CELERY_TASK_DEFAULT_QUEUE
    if queue not in health.QUEUES:
        return
    try:
        health.heartbeat_record(health.WORKER_HEARTBEAT_KEY.format(queue=queue))
    except Exception:  # noqa: BLE001 - a missed heartbeat shows as one; nothing to retry
        logger.warning("could not record heartbeat queue=%s", queue)


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


@shared_task(acks_late=True, max_retries=0, soft_time_limit=50, time_limit=55)
def inbound_poll_task() -> None:
    """One pass over the inbound sources: the mail folder, and the mailbox (IMAP) when
    INBOUND_IMAP_URL is set; a mailbox that failed waits out its back-off."""
    services.inbound_poll()
