"""Routing: each inquiry's queue, coordinator and first-contact due time, set once.

The rules and queues are read through ``intake.routing_cache``; the choice itself is the pure
``intake.routing``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, Count, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import routing
from ..models import CoordinatorProfile, CoordinatorQueue, Inquiry, InquiryEvent
from ..routing_cache import first_contact_due, queue_for, routing_setup
from .common import _update_each
from .outbox import _new_event

User = get_user_model()


def inquiry_route(*, inquiry_id: int) -> Inquiry | None:
    """Pick the queue and the least-loaded coordinator; set first contact due. Idempotent.

    Writes the inquiry's queue, assignee, ``routed_at`` and ``first_contact_due_at``, the
    coordinator's ``last_assigned_at`` and a ``routed`` event. An inquiry already routed is
    left as it is (a rule change never re-routes).
    """
    return inquiries_route([inquiry_id]).get(inquiry_id)


_ROUTED_FIELDS = ["queue", "assigned_to", "routed_at", "first_contact_due_at", "updated_at"]


def inquiries_route(inquiry_ids) -> dict[int, Inquiry]:
    """Route several inquiries in one transaction, as ``inquiry_route`` does one.

    Returns every inquiry found, by id (routed now or before). The rows are locked in id
    order, so two workers routing overlapping sets wait for each other instead of
    deadlocking, and the second finds them routed. Each queue's coordinators are read once;
    an assignment counts towards the next pick within the same call, so a batch spreads
    across coordinators exactly as the same inquiries routed one by one would.
    """
    with transaction.atomic():
        found = {
            inquiry.pk: inquiry
            for inquiry in Inquiry.objects.select_for_update()
            .filter(pk__in=list(inquiry_ids))
            .order_by("pk")
        }
        todo = [inquiry for inquiry in found.values() if inquiry.routed_at is None]
        if not todo:
            return found
        now = timezone.now()
        setup = routing_setup()  # one reading of the rules for the whole batch
        pools: dict[int, list[routing.Candidate]] = {}
        assigned: dict[int, datetime] = {}
        events = []
        for position, inquiry in enumerate(todo):
            queue = queue_for(inquiry, setup)
            assignee_id = None
            if not inquiry.is_spam:
                if queue.pk not in pools:
                    pools[queue.pk] = _candidates(queue)
                assignee_id = routing.pick_coordinator(pools[queue.pk], inquiry.language)
            if assignee_id:
                # Assignments within a batch keep their order (a microsecond apart), so the
                # next tie, here or in a later batch, goes to whoever waited longest.
                assigned[assignee_id] = now + timedelta(microseconds=position)
                _count_assignment(pools, assignee_id, assigned[assignee_id])
            inquiry.queue = queue
            inquiry.assigned_to_id = assignee_id
            inquiry.routed_at = now
            inquiry.first_contact_due_at = first_contact_due(
                queue, inquiry.created_at, setup, priority=inquiry.priority
            )
            inquiry.updated_at = now
            events.append(
                _new_event(
                    inquiry,
                    InquiryEvent.Kind.ROUTED,
                    reason="rules",
                    data={"queue": queue.pk, "assigned_to": assignee_id},
                )
            )
        _update_each(Inquiry.objects.all(), todo, _ROUTED_FIELDS)
        if assigned:
            stamp = Case(
                *(When(user_id=user_id, then=Value(when)) for user_id, when in assigned.items()),
                output_field=CoordinatorProfile._meta.get_field("last_assigned_at"),
            )
            CoordinatorProfile.objects.filter(user_id__in=assigned).update(last_assigned_at=stamp)
        InquiryEvent.objects.bulk_create(events)
    return found


def _count_assignment(
    pools: dict[int, list[routing.Candidate]], user_id: int, now: datetime
) -> None:
    """One more open inquiry for this coordinator, assigned just now, in every queue read."""
    for pool in pools.values():
        for i, candidate in enumerate(pool):
            if candidate.user_id == user_id:
                pool[i] = replace(
                    candidate,
                    open_inquiries=candidate.open_inquiries + 1,
                    last_assigned_at=now,
                )


def _candidates(queue: CoordinatorQueue) -> list[routing.Candidate]:
    # Each member's open inquiries are counted by a subquery on the (assigned_to, status,
    # is_spam) index, so the cost follows the open load, not every inquiry ever assigned.
    open_load = (
        Inquiry.objects.filter(
            assigned_to=OuterRef("pk"), status__in=list(Inquiry.OPEN_STATUSES), is_spam=False
        )
        .order_by()
        .values("assigned_to")
        .annotate(n=Count("pk"))
        .values("n")
    )
    members = (
        User.objects.filter(
            coordinator_queues=queue,
            is_active=True,
            coordinator_profile__active=True,
        )
        .select_related("coordinator_profile")
        .annotate(open_count=Coalesce(Subquery(open_load), 0))
    )
    return [
        routing.Candidate(
            user_id=u.pk,
            languages=tuple(u.coordinator_profile.languages or ()),
            open_inquiries=u.open_count,
            last_assigned_at=u.coordinator_profile.last_assigned_at,
        )
        for u in members
    ]
