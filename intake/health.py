"""Health: what ``/healthz`` says, and the heartbeats the workers and the beat leave for it.

Nothing here waits on the broker or a worker. Anyone gets the public answer: the database's
own state (one ``SELECT 1``), status only. The detailed report (staff, or a caller with
``HEALTHZ_TOKEN``) adds the broker, the workers and the beat as their last heartbeats tell
it: beat publishes ``health_heartbeat_task`` to each queue every ``HEALTH_HEARTBEAT_SECONDS``
and the worker that runs it stamps its queue; the sweep stamps ``BEAT_HEARTBEAT_KEY``. Those
stamps are read from the ``health`` cache (short socket timeouts) and kept per process for a
few seconds, so neither a flood of probes nor a broker that hangs ties up a web process.

When a mailbox is read (``INBOUND_IMAP_URL``), the detailed report and the staff dashboard
also say when it was last read, from its ``InboundMailboxState`` row (one query; the public
answer never reads it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Min
from django.utils import timezone

from .messaging.imap import MailboxConfigError, mailbox_configured
from .models import InboundMailboxState, OutboundMessage

# Set by ``tasks.pending_sweep_task`` after every sweep; its age is the beat's state.
BEAT_HEARTBEAT_KEY = "reengage:sweep:last"
# Set by ``tasks.health_heartbeat_task`` on the queue it ran from; its age is that queue's.
WORKER_HEARTBEAT_KEY = "reengage:heartbeat:{queue}"
QUEUES = ("routing", "messages")
HEALTH_CACHE = "health"
# How long a web process reuses the heartbeats it read (or its failure to read them).
REUSE_SECONDS = 5.0
# A mailbox not read for this many poll intervals (INBOUND_POLL_INTERVAL) is stale.
MAILBOX_STALE_INTERVALS = 5

_read: dict = {"at": None, "stamps": None}


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means the database cannot answer
        return False
    return True


def public_status() -> str:
    """What anyone may know: "ok", or "unavailable" when the database does not answer."""
    return "ok" if database_ok() else "unavailable"


def heartbeat_record(key: str) -> None:
    """Stamp one heartbeat now (a worker's queue, or the sweep)."""
    caches[HEALTH_CACHE].set(key, timezone.now().isoformat(), timeout=None)
    heartbeats_forget()


def heartbeats_forget() -> None:
    """Read the heartbeats afresh next time (this process)."""
    _read.update(at=None, stamps=None)


def health_report() -> dict:
    """Every part's state, for staff and monitoring; ``status`` sums it up."""
    report: dict = {"database": "ok" if database_ok() else "unavailable"}
    if settings.CELERY_TASK_ALWAYS_EAGER:
        report.update(broker="in-process", worker="in-process", beat="in-process")
    else:
        report.update(_from_heartbeats(_stamps()))
    report["oldest_pending_message_seconds"] = None
    if report["database"] == "ok":
        oldest = OutboundMessage.objects.filter(
            status__in=[OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING]
        ).aggregate(oldest=Min("created_at"))["oldest"]
        if oldest:
            report["oldest_pending_message_seconds"] = round(
                (timezone.now() - oldest).total_seconds(), 1
            )
    parts = [report[name] for name in ("broker", "worker", "beat")]
    fine = all(p in ("ok", "in-process") for p in parts)
    if report["database"] == "ok" and (mailbox := mailbox_health()) is not None:
        report["mailbox"] = {
            "state": mailbox.state,
            "last_read_at": mailbox.last_read_at.isoformat() if mailbox.last_read_at else None,
            "last_read_seconds": None if mailbox.age is None else round(mailbox.age, 1),
            "failures": mailbox.failures,
        }
        fine = fine and mailbox.state == MailboxHealth.OK
    report["status"] = "unavailable" if report["database"] != "ok" else "ok" if fine else "degraded"
    return report


def _stamps() -> dict[str, str] | None:
    """The heartbeats' stamps (None: the cache did not answer), reused for a few seconds."""
    now = time.monotonic()
    if _read["at"] is not None and now - _read["at"] < REUSE_SECONDS:
        return _read["stamps"]
    keys = [BEAT_HEARTBEAT_KEY, *(WORKER_HEARTBEAT_KEY.format(queue=q) for q in QUEUES)]
    try:
        stamps = caches[HEALTH_CACHE].get_many(keys)
    except Exception:  # noqa: BLE001 - an unreachable cache is a state to report
        stamps = None
    _read.update(at=time.monotonic(), stamps=stamps)
    return stamps


def _age(stamp: str | None) -> float | None:
    if not stamp:
        return None
    return (timezone.now() - datetime.fromisoformat(stamp)).total_seconds()


def _from_heartbeats(stamps: dict[str, str] | None) -> dict:
    if stamps is None:
        # The heartbeats live on the broker's Redis (REDIS_URL): it did not answer in time.
        return {"broker": "unavailable", "worker": "unknown", "beat": "unknown", "heartbeats": {}}
    beat_age = _age(stamps.get(BEAT_HEARTBEAT_KEY))
    ages = {q: _age(stamps.get(WORKER_HEARTBEAT_KEY.format(queue=q))) for q in QUEUES}
    worker_limit = 3 * settings.HEALTH_HEARTBEAT_SECONDS + 5
    silent = [q for q, age in ages.items() if age is None or age > worker_limit]
    if not silent:
        worker = "ok"
    elif all(ages[q] is None for q in silent):
        worker = f"no heartbeat yet from {', '.join(silent)}"
    else:
        longest = max(int(ages[q] or 0) for q in silent)
        worker = f"no heartbeat from {', '.join(silent)} for {longest}s"
    if beat_age is None:
        beat = "no sweep yet"
    elif beat_age < 3 * settings.OUTBOX_SWEEP_INTERVAL + 5:
        beat = "ok"
    else:
        beat = f"stale ({int(beat_age)}s)"
    # Every heartbeat crossed the broker: a recent one means it carried messages just now.
    recent = [age for age in (beat_age, *ages.values()) if age is not None]
    freshest = min(recent) if recent else None
    if freshest is not None and freshest <= worker_limit:
        broker = "ok"
    else:
        broker = "no message through it yet" if freshest is None else f"quiet for {int(freshest)}s"
    heartbeats = {q: None if a is None else round(a, 1) for q, a in ages.items()}
    heartbeats["sweep"] = None if beat_age is None else round(beat_age, 1)
    return {"broker": broker, "worker": worker, "beat": beat, "heartbeats": heartbeats}


@dataclass(frozen=True)
class MailboxHealth:
    """How reading the mailbox goes: ``state`` sums it up, ``age`` is seconds since the last
    pass that read it (None: never)."""

    OK = "ok"
    STALE = "stale"
    FAILING = "failing"
    NEVER = "not read yet"

    state: str
    last_read_at: datetime | None
    age: float | None
    failures: int

    @property
    def minutes(self) -> int:
        return int((self.age or 0) // 60)


def mailbox_state(
    last_read_at: datetime | None, failures: int, *, now: datetime, interval: float
) -> MailboxHealth:
    """Pure: failing after a failed try, stale when not read for five poll intervals."""
    age = None if last_read_at is None else max(0.0, (now - last_read_at).total_seconds())
    if failures:
        state = MailboxHealth.FAILING
    elif age is None:
        state = MailboxHealth.NEVER
    elif age > MAILBOX_STALE_INTERVALS * interval:
        state = MailboxHealth.STALE
    else:
        state = MailboxHealth.OK
    return MailboxHealth(state, last_read_at, age, failures)


def mailbox_health() -> MailboxHealth | None:
    """The mailbox's state now (one query); None when no mailbox is read."""
    if not settings.INBOUND_IMAP_URL:
        return None
    now = timezone.now()
    try:
        mailbox = mailbox_configured()
    except MailboxConfigError:
        return MailboxHealth(MailboxHealth.FAILING, None, None, 0)
    row = (
        InboundMailboxState.objects.filter(key=mailbox.key if mailbox else "")
        .values_list("last_success_at", "failures")
        .first()
    )
    last_read_at, failures = row or (None, 0)
    return mailbox_state(last_read_at, failures, now=now, interval=settings.INBOUND_POLL_INTERVAL)
