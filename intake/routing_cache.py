"""The routing configuration as a process holds it, and the rule evaluation over it.

Rules, queues and their holidays are read at most every ``ROUTING_SETUP_TTL_SECONDS`` a
process and kept here. Reads (``selectors.thanks_context``) and writes (the services) both
import this module; it imports neither. ``intake.signals`` forgets the cached configuration
when a rule, queue or holiday is saved or deleted in this process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from time import monotonic
from zoneinfo import ZoneInfo

from django.conf import settings

from . import routing
from .models import CoordinatorQueue, Inquiry, Priority, RoutingRule


@dataclass(frozen=True)
class RoutingSetup:
    """What routing reads on every inquiry: active rules, queues, their clocks, the default."""

    rules: tuple[routing.Rule, ...]
    queues: dict[int, CoordinatorQueue]
    clocks: dict[int, routing.WorkingClock]
    default_id: int
    loaded_at: float


_routing_setup: RoutingSetup | None = None


def routing_setup() -> RoutingSetup:
    """The routing configuration, read at most every ``ROUTING_SETUP_TTL_SECONDS`` a process.

    Rules, queues and holidays change a few times a year but were read on every inquiry
    (measured by `make bench`). A change saved in this process takes effect at once
    (``intake.signals``); one saved elsewhere (admin in a web process, read by a worker)
    within the TTL.
    """
    global _routing_setup
    cached = _routing_setup
    if cached is not None and monotonic() - cached.loaded_at < settings.ROUTING_SETUP_TTL_SECONDS:
        return cached
    queues = {q.pk: q for q in CoordinatorQueue.objects.prefetch_related("holidays")}
    default = next((q for q in queues.values() if q.is_default), None)
    if default is None and queues:
        default = queues[min(queues)]
    if default is None:
        default = CoordinatorQueue.objects.create(name="Intake", slug="intake", is_default=True)
        queues[default.pk] = default
    rules = tuple(
        routing.Rule(
            order=r.order,
            queue_id=r.queue_id,
            site_id=r.site_id,
            language=r.language,
            kind=r.kind,
            priority=r.priority,
        )
        for r in RoutingRule.objects.filter(active=True)
    )
    _routing_setup = RoutingSetup(
        rules=rules,
        queues=queues,
        clocks={
            pk: _clock(q, frozenset(h.date for h in q.holidays.all())) for pk, q in queues.items()
        },
        default_id=default.pk,
        loaded_at=monotonic(),
    )
    return _routing_setup


def routing_setup_clear(**_kwargs) -> None:
    """Forget the cached routing configuration (a rule, queue or holiday was saved here)."""
    global _routing_setup
    _routing_setup = None


def _clock(queue: CoordinatorQueue, holidays: frozenset) -> routing.WorkingClock:
    return routing.WorkingClock(
        tz=ZoneInfo(queue.time_zone),
        work_days=routing.parse_work_days(queue.work_days),
        start=queue.work_start,
        end=queue.work_end,
        holidays=holidays,
    )


def queue_clock(queue: CoordinatorQueue, setup: RoutingSetup | None = None) -> routing.WorkingClock:
    clock = (setup or routing_setup()).clocks.get(queue.pk)
    if clock is None:  # a queue made since the configuration was read
        clock = _clock(queue, frozenset(h.date for h in queue.holidays.all()))
    return clock


def queue_for(inquiry: Inquiry, setup: RoutingSetup | None = None) -> CoordinatorQueue:
    """The queue the routing rules pick for this inquiry (pure rules over current rows)."""
    setup = setup or routing_setup()
    facts = routing.InquiryFacts(
        site_id=inquiry.site_id,
        language=inquiry.language,
        kind=inquiry.kind,
        priority=inquiry.priority,
    )
    queue_id = routing.pick_queue(facts, list(setup.rules), setup.default_id)
    queue = setup.queues.get(queue_id)
    return queue if queue is not None else CoordinatorQueue.objects.get(pk=queue_id)


def promise(queue: CoordinatorQueue, priority: str) -> timedelta:
    """The queue's first-contact promise for a risk level, in working time."""
    if priority == Priority.URGENT:
        return timedelta(minutes=queue.urgent_promise_minutes)
    hours = queue.first_contact_promise_hours
    if priority == Priority.REVIEW:
        hours = min(queue.review_promise_hours, hours)
    return timedelta(hours=float(Decimal(hours)))


def first_contact_due(
    queue: CoordinatorQueue,
    received_at: datetime,
    setup: RoutingSetup | None = None,
    *,
    priority: str = Priority.ROUTINE,
) -> datetime:
    """When first contact is due: received + the level's promise on the queue's clock."""
    return queue_clock(queue, setup).add_working_time(received_at, promise(queue, priority))
