"""Every write that matters. One function per use case, atomic, with an event on the timeline.

Side effects leave only through rows in ``OutboundMessage`` and tasks enqueued on commit;
a task that is lost is re-enqueued by ``pending_sweep`` so nothing is ever dropped.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal
from time import monotonic
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from . import crypto, routing, screening, workflow
from .exceptions import ActionRefused, Refusal
from .messaging import email as email_channel
from .messaging import sms as sms_channel
from .messaging.policy import backoff_seconds, sms_allowed_at
from .messaging.render import render_email, render_sms
from .models import (
    AuditEvent,
    ContactAttempt,
    CoordinatorProfile,
    CoordinatorQueue,
    HeldReason,
    Inquiry,
    InquiryEvent,
    InquiryFollowUp,
    InternalNote,
    OutboundMessage,
    Priority,
    QueueHoliday,
    ReassessmentNote,
    RoutingRule,
    SMSOptOut,
)

logger = logging.getLogger(__name__)
User = get_user_model()


@dataclass
class Submission:
    """What the public form hands to ``inquiry_submit`` (already validated)."""

    message: str
    contact_method: str
    consent: bool
    email: str = ""
    phone: str = ""
    preferred_name: str = ""
    kind: str = Inquiry._meta.get_field("kind").default
    voicemail_ok: bool | None = None
    text_ok: bool = False
    best_time: str = ""
    site_id: int | None = None
    care_format: str = ""
    pace: str = ""
    one_on_one_first: bool | None = None
    open_to_new_group: bool | None = None
    away_reasons: list[str] = field(default_factory=list)
    last_attended: str = ""
    language: str = "en"
    # The person's answer to "Are you safe right now?" (a Safety value, or "" unanswered).
    safety: str = ""


# --- Submit ----------------------------------------------------------------------------


def inquiry_submit(
    *,
    submission: Submission,
    submission_token: str | None = None,
    honeypot_filled: bool = False,
    too_fast: bool = False,
    over_rate_limit: bool = False,
) -> Inquiry:
    """Save a new inquiry, screen it, and owe it its messages (one transaction).

    Writes the Inquiry, a ``submitted`` event (plus ``priority_changed`` naming the concept
    that set a review or urgent level, and ``held`` when over the rate limit) and pending
    OutboundMessages: the acknowledgement where consent allows (the crisis version when
    urgent; none while held), and for urgent the on-duty e-mail and the on-call text, for
    review the on-duty e-mail. On commit enqueues routing and delivery by id. A repeated
    submission token returns the inquiry it already created.

    ``over_rate_limit``: the address is past the per-address limit, so an ordinary message
    is saved and routed but held until a coordinator releases it. A message with a risk
    level is never held.

    This is the busiest write in the product, so it is kept to one count and one transaction
    of three INSERTs (inquiry, messages, events): a repeated token is caught by its unique
    constraint rather than looked up first (measured by `make bench`).
    """
    now = timezone.now()
    result = screening.screen(
        submission.message,
        safety=submission.safety,
        honeypot_filled=honeypot_filled,
        too_fast=too_fast,
    )
    priority = Priority(result.level)
    email = crypto.normalise_email(submission.email) if submission.email else ""
    phone = crypto.normalise_phone(submission.phone) if submission.phone else ""
    primary, other = (email, phone) if submission.contact_method == "email" else (phone, email)
    primary_hash = crypto.contact_hash(primary)
    text_ok = bool(submission.text_ok and phone)
    held = over_rate_limit and priority == Priority.ROUTINE and not result.quarantine
    if priority == Priority.ROUTINE and not result.quarantine:
        # A risk level is never folded away: it always makes its own inquiry.
        folded = _fold_into_open_inquiry(
            submission, contact_hash=primary_hash, token=submission_token, now=now
        )
        if folded is not None:
            return folded
    inquiry = Inquiry(
        kind=submission.kind,
        message=submission.message,
        safety=submission.safety,
        preferred_name=submission.preferred_name.strip(),
        email=email,
        phone=phone,
        contact_method=submission.contact_method,
        voicemail_ok=submission.voicemail_ok,
        text_ok=text_ok,
        text_consent_at=now if text_ok else None,
        text_consent_version=settings.CONSENT_VERSION if text_ok else "",
        best_time=submission.best_time,
        language=submission.language,
        site_id=submission.site_id,
        care_format=submission.care_format,
        pace=submission.pace,
        one_on_one_first=submission.one_on_one_first,
        open_to_new_group=submission.open_to_new_group,
        away_reasons=list(submission.away_reasons),
        last_attended=submission.last_attended,
        priority=priority,
        is_spam=result.quarantine,
        is_held=held,
        held_reason=HeldReason.RATE_LIMIT if held else "",
        spam_score=min(result.spam_score, 32767),
        contact_hash=primary_hash,
        other_contact_hash=crypto.contact_hash(other),
        consent=submission.consent,
        consent_version=settings.CONSENT_VERSION if submission.consent else "",
        consent_at=now if submission.consent else None,
        submission_token=submission_token or None,
    )
    try:
        with transaction.atomic():
            inquiry.save(force_insert=True)
            messages = _owed_on_submit(inquiry)
            InquiryEvent.objects.bulk_create(
                [
                    _new_event(
                        inquiry,
                        InquiryEvent.Kind.SUBMITTED,
                        to_state=inquiry.status,
                        reason="quarantined" if inquiry.is_spam else inquiry.priority,
                    ),
                    *_risk_events(inquiry, result.concept),
                    *(_queued_event(m) for m in messages),
                ]
            )
    except IntegrityError:
        # The same submission token came in twice (a double tap, a resent form, two racing
        # requests): the first one won, so this one is that inquiry. Nothing is lost.
        if submission_token:
            existing = _by_submission_token(submission_token)
            if existing is not None:
                return existing
        raise
    _enqueue_on_commit(inquiry.pk, [m.pk for m in messages])
    logger.info(
        "inquiry saved id=%s priority=%s quarantined=%s held=%s messages=%d",
        inquiry.pk,
        inquiry.priority,
        inquiry.is_spam,
        inquiry.is_held,
        len(messages),
    )
    return inquiry


def _risk_events(inquiry: Inquiry, concept: str) -> list[InquiryEvent]:
    """The timeline's record of a risk level (the concept's code) and of a hold."""
    events = []
    if inquiry.priority != Priority.ROUTINE:
        events.append(
            _new_event(
                inquiry,
                InquiryEvent.Kind.PRIORITY_CHANGED,
                from_state=Priority.ROUTINE,
                to_state=inquiry.priority,
                reason=concept,
            )
        )
    if inquiry.is_held:
        events.append(_new_event(inquiry, InquiryEvent.Kind.HELD, reason=inquiry.held_reason))
    return events


def _by_submission_token(token: str) -> Inquiry | None:
    inquiry = Inquiry.objects.filter(submission_token=token).first()
    if inquiry is None:
        follow_up = InquiryFollowUp.objects.select_related("inquiry").filter(submission_token=token)
        inquiry = next((f.inquiry for f in follow_up), None)
    return inquiry


def _fold_into_open_inquiry(
    submission: Submission, *, contact_hash: str, token: str | None, now
) -> Inquiry | None:
    """Past the flood limit, keep the message with the person's open inquiry instead.

    More than ``INTAKE_FLOOD_LIMIT`` inquiries from one contact in 24 hours: the message is
    stored as a follow-up of the newest open one, with an event, and no acknowledgement.
    """
    if not contact_hash:
        return None
    recent = Inquiry.objects.filter(
        Q(contact_hash=contact_hash) | Q(other_contact_hash=contact_hash),
        created_at__gte=now - timedelta(hours=24),
        is_spam=False,
    )
    # Only "fewer than the limit?" matters, so at most that many index entries are read, in
    # no order: sorting them (Meta.ordering) made PostgreSQL plan a sort for every post.
    limit = settings.INTAKE_FLOOD_LIMIT
    if len(recent.order_by().values_list("pk", flat=True)[:limit]) < limit:
        return None
    if token:
        # This path is rare, so here the token is looked up first: a resent form whose first
        # copy made an inquiry must not come back as a follow-up of that same inquiry.
        existing = _by_submission_token(token)
        if existing is not None:
            return existing
    target = (
        recent.filter(status__in=Inquiry.OPEN_STATUSES).order_by("-created_at").first()
        or recent.order_by("-created_at").first()
    )
    try:
        with transaction.atomic():
            follow_up = InquiryFollowUp.objects.create(
                inquiry=target,
                message=submission.message,
                language=submission.language,
                kind=submission.kind,
                site_id=submission.site_id,
                submission_token=token or None,
            )
            _event(
                target,
                InquiryEvent.Kind.FOLLOW_UP_ADDED,
                reason="flood_limit",
                data={"follow_up": follow_up.pk},
            )
    except IntegrityError:
        existing = _by_submission_token(token) if token else None
        if existing is None:
            raise
        return existing
    logger.info("further message kept with inquiry id=%s", target.pk)
    return target


def acknowledgement_channel(inquiry: Inquiry) -> str | None:
    """Where the acknowledgement may go, by the person's choice and consent; None: nowhere."""
    if not inquiry.consent or inquiry.is_spam:
        return None
    if inquiry.contact_method == Inquiry.ContactMethod.EMAIL and inquiry.email:
        return OutboundMessage.Channel.EMAIL
    if inquiry.text_ok and inquiry.phone:
        return OutboundMessage.Channel.SMS
    if inquiry.email:
        return OutboundMessage.Channel.EMAIL
    return None


def _acknowledgement(inquiry: Inquiry, channel: str) -> OutboundMessage:
    """The acknowledgement row: the crisis version (988 first) when the inquiry is urgent."""
    template = "acknowledgement"
    if inquiry.priority == Priority.URGENT:
        template = "acknowledgement_crisis"
    return _new_outbound(inquiry, OutboundMessage.Kind.ACKNOWLEDGEMENT, channel, template)


def _risk_alerts(inquiry: Inquiry) -> list[OutboundMessage]:
    """Staff alerts a risk level owes: urgent pages on-duty and on-call, review e-mails."""
    stamp = f"{timezone.now():%Y%m%d%H%M%S%f}"
    staff = {"language": settings.LANGUAGE_CODE, "dedupe_key": f"alert-{stamp}"}
    if inquiry.priority == Priority.URGENT:
        return [
            _new_outbound(
                inquiry,
                OutboundMessage.Kind.URGENT_ALERT,
                OutboundMessage.Channel.EMAIL,
                "urgent_alert",
                **staff,
            ),
            _new_outbound(
                inquiry,
                OutboundMessage.Kind.ON_CALL_ALERT,
                OutboundMessage.Channel.SMS,
                "on_call_alert",
                **staff,
            ),
        ]
    if inquiry.priority == Priority.REVIEW:
        return [
            _new_outbound(
                inquiry,
                OutboundMessage.Kind.REVIEW_ALERT,
                OutboundMessage.Channel.EMAIL,
                "review_alert",
                **staff,
            )
        ]
    return []


def _owed_on_submit(inquiry: Inquiry) -> list[OutboundMessage]:
    """The pending messages a new inquiry is owed, saved in one INSERT (events are the caller's)."""
    owed: list[OutboundMessage] = []
    channel = None if inquiry.is_held else acknowledgement_channel(inquiry)
    if channel:
        owed.append(_acknowledgement(inquiry, channel))
    owed.extend(_risk_alerts(inquiry))
    if owed and not connection.features.can_return_rows_from_bulk_insert:
        # An SQLite older than 3.35 gives no ids back from a bulk insert; events need them.
        for message in owed:
            message.save(force_insert=True)
        return owed
    return OutboundMessage.objects.bulk_create(owed) if owed else owed


def _new_outbound(
    inquiry: Inquiry,
    kind: str,
    channel: str,
    template_key: str,
    *,
    language: str | None = None,
    dedupe_key: str = "",
) -> OutboundMessage:
    return OutboundMessage(
        inquiry=inquiry,
        kind=kind,
        channel=channel,
        template_key=template_key,
        language=language or inquiry.language,
        dedupe_key=dedupe_key,
    )


def _outbound_create(inquiry: Inquiry, kind: str, channel: str, template_key: str, **fields):
    """One pending message and its "queued" event (for everything but a new submission)."""
    message = _new_outbound(inquiry, kind, channel, template_key, **fields)
    message.save(force_insert=True)
    _queued_event(message).save(force_insert=True)
    return message


def _new_event(
    inquiry: Inquiry,
    kind: str,
    *,
    actor=None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    data: dict | None = None,
) -> InquiryEvent:
    return InquiryEvent(
        inquiry=inquiry,
        kind=kind,
        actor=actor,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        data=data or {},
    )


def _queued_event(message: OutboundMessage) -> InquiryEvent:
    return _new_event(
        message.inquiry,
        InquiryEvent.Kind.MESSAGE_QUEUED,
        to_state=message.status,
        reason=message.kind,
        data={"message": message.pk, "channel": message.channel},
    )


def _event(inquiry: Inquiry, kind: str, **fields) -> InquiryEvent:
    event = _new_event(inquiry, kind, **fields)
    event.save(force_insert=True)
    return event


def _enqueue_on_commit(inquiry_id: int, message_ids: list[int]) -> None:
    # A plain function (not functools.partial) so Django can log a robust callback's error.
    def enqueue() -> None:
        tasks_enqueue(inquiry_id=inquiry_id, message_ids=message_ids)

    transaction.on_commit(enqueue, robust=True)


def tasks_enqueue(*, inquiry_id: int | None = None, message_ids: list[int] = ()) -> None:
    """Publish routing and delivery tasks by id; a broker fault is logged, never raised.

    Whatever is not published now is found by ``pending_sweep`` on its next run.
    """
    from . import tasks

    try:
        if inquiry_id is not None and not message_ids:
            tasks.publish(tasks.inquiry_route_task, [inquiry_id])
        # Delivery routes first when needed, so one task per message is enough.
        tasks.publish(tasks.message_deliver_task, message_ids)
    except Exception as exc:  # noqa: BLE001 - the broker being down must not lose the inquiry
        logger.warning(
            "broker unavailable, left for the sweeper inquiry=%s error=%s",
            inquiry_id,
            type(exc).__name__,
        )


# --- Route -----------------------------------------------------------------------------


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
    (measured by `make bench`). A change saved in this process takes effect at once (signals below);
    one saved elsewhere (admin in a web process, read by a worker) within the TTL.
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


@receiver([post_save, post_delete], sender=RoutingRule, dispatch_uid="routing-setup-rule")
@receiver([post_save, post_delete], sender=CoordinatorQueue, dispatch_uid="routing-setup-queue")
@receiver([post_save, post_delete], sender=QueueHoliday, dispatch_uid="routing-setup-holiday")
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
    received_at,
    setup: RoutingSetup | None = None,
    *,
    priority: str = Priority.ROUTINE,
) -> timezone.datetime:
    """When first contact is due: received + the level's promise on the queue's clock."""
    return queue_clock(queue, setup).add_working_time(received_at, promise(queue, priority))


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
        assigned: dict[int, timezone.datetime] = {}
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


def _update_each(queryset, objs, fields) -> int:
    """One UPDATE giving each object its own values of ``fields`` (like ``bulk_update``).

    A field holding the same value on every object is set plainly; only the others become a
    CASE over the ids. ``bulk_update`` builds a CASE for every field, which for a batch of
    twenty cost more than the statement's round trip (measured by `make bench`).
    """
    objs = list(objs)
    meta = queryset.model._meta
    requires_cast = connection.features.requires_casted_case_in_updates
    changes = {}
    for name in fields:
        field = meta.get_field(name)
        values = [getattr(obj, field.attname) for obj in objs]
        if all(value == values[0] for value in values):
            changes[field.attname] = values[0]
            continue
        case = Case(
            *(
                When(pk=obj.pk, then=Value(value, output_field=field))
                for obj, value in zip(objs, values, strict=True)
            ),
            output_field=field,
        )
        changes[field.attname] = Cast(case, output_field=field) if requires_cast else case
    return queryset.filter(pk__in=[obj.pk for obj in objs]).update(**changes)


def _count_assignment(pools: dict[int, list[routing.Candidate]], user_id: int, now) -> None:
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


# --- Deliver ---------------------------------------------------------------------------


def _claimable(now) -> Q:
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
    return OutboundMessage.objects.select_related("inquiry__queue").get(pk=message_id)


def _claim_changes(now) -> dict:
    return {
        "status": OutboundMessage.Status.SENDING,
        "lease_until": now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
        "attempts": F("attempts") + 1,
        "updated_at": now,
    }


def _claim_due(limit: int, *, besides: int, now) -> list[int]:
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
    one transaction, sends them all over the one held SMTP session and records them together
    (``make bench`` showed that per acknowledgement the statements around the send cost more
    than the send). The others' own tasks then find nothing to claim. Under a burst this is
    what lets one worker keep up; at a trickle a batch is just its own message. A message that loses
    its claim is never sent by this delivery, so each is still sent by exactly one worker.
    """
    own = message_claim(message_id=message_id)
    if own is None:
        return None
    others = _claim_due(batch - 1, besides=message_id, now=timezone.now())
    claimed = OutboundMessage.objects.select_related("inquiry__queue").in_bulk(others)
    messages = [own, *(claimed[pk] for pk in others if pk in claimed)]
    unrouted = sorted({m.inquiry_id for m in messages if m.inquiry.routed_at is None})
    if unrouted:
        routed = inquiries_route(unrouted)
        for message in messages:
            message.inquiry = routed.get(message.inquiry_id, message.inquiry)
    sent: list[tuple[OutboundMessage, str, timezone.datetime]] = []
    # Well inside the lease, so nobody takes a row back while this delivery still holds it.
    deadline = monotonic() + settings.OUTBOX_LEASE_SECONDS / 2
    try:
        for i, message in enumerate(messages):
            if i and monotonic() > deadline:
                _give_back(messages[i:])
                break
            _message, transient = _deliver_claimed(message, sent if len(messages) > 1 else None)
            if transient and i + 1 < len(messages):
                # The mail server is down or stalling: the rest are not tried against it now
                # (each would wait out its own timeout); they go back, due, for the sweep.
                _give_back(messages[i + 1 :])
                break
    finally:
        # Whatever was accepted is recorded, even if a later message in the batch blew up.
        _record_sent(sent)
    return own


def _deliver_claimed(message: OutboundMessage, sent: list | None) -> tuple[OutboundMessage, bool]:
    """Send one claimed message; (the message, whether the send failed transiently).

    A plain success goes on ``sent`` when batching (the caller records the batch together);
    every other outcome is recorded at once.
    """
    inquiry = message.inquiry
    skip = _skip_reason(message)
    if skip:
        return _finish(message, OutboundMessage.Status.SKIPPED, reason=skip), False
    if (
        message.channel == OutboundMessage.Channel.SMS
        and message.kind not in OutboundMessage.ANY_HOUR_KINDS
    ):
        # No text arrives at night: before 08:00 or from 21:00 in the queue's time zone it
        # waits for the morning (a row with next_attempt_at, not a countdown in Redis).
        # Pages to the on-call phone about someone who may be in danger go at any hour.
        tz = ZoneInfo(inquiry.queue.time_zone if inquiry.queue else settings.TIME_ZONE)
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
    if sent is None or message.kind == OutboundMessage.Kind.REPLY:
        # A reply sent is first contact: that is recorded on the inquiry, row by row.
        return _finish(message, OutboundMessage.Status.SENT, provider_id=provider_id), False
    sent.append((message, provider_id, timezone.now()))
    return message, False


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


def _record_sent(sent: list[tuple[OutboundMessage, str, timezone.datetime]]) -> None:
    """Record a batch of accepted messages: one UPDATE and one INSERT of their events."""
    if not sent:
        return
    for message, provider_id, when in sent:
        message.status = OutboundMessage.Status.SENT
        message.sent_at = when
        message.provider_id = provider_id[:200]
        message.last_error = ""
        message.lease_until = None
        message.next_attempt_at = None
        message.updated_at = when
    with transaction.atomic():
        _update_each(
            OutboundMessage.objects.filter(status=OutboundMessage.Status.SENDING),
            [message for message, _p, _w in sent],
            _SENT_FIELDS,
        )
        InquiryEvent.objects.bulk_create(
            [
                _new_event(
                    message.inquiry,
                    InquiryEvent.Kind.MESSAGE_SENT,
                    from_state=OutboundMessage.Status.SENDING,
                    to_state=OutboundMessage.Status.SENT,
                    reason=message.kind,
                    data={"message": message.pk, "attempt": message.attempts},
                )
                for message, _p, _w in sent
            ]
        )
    for message, _p, _w in sent:
        logger.info(
            "message sent id=%s kind=%s attempt=%d", message.pk, message.kind, message.attempts
        )


_SENT_FIELDS = [
    "status",
    "sent_at",
    "provider_id",
    "last_error",
    "lease_until",
    "next_attempt_at",
    "updated_at",
]


def _skip_reason(message: OutboundMessage) -> str:
    inquiry = message.inquiry
    to_person = message.to_person
    if not to_person:
        # Staff messages need somewhere to go; an on-call phone counts only once confirmed.
        return "" if _recipient(message)[0] else "no_recipient"
    if to_person and inquiry.is_spam:
        return "quarantined"
    if to_person and not inquiry.consent:
        return "no_consent"
    if message.channel == OutboundMessage.Channel.SMS and to_person:
        if not inquiry.text_ok:
            return "no_text_consent"
        if SMSOptOut.objects.filter(phone_hash=crypto.contact_hash(inquiry.phone)).exists():
            return "opted_out"
    return ""


def _context(message: OutboundMessage) -> dict:
    inquiry = message.inquiry
    queue = inquiry.queue
    tz = ZoneInfo(queue.time_zone if queue else settings.TIME_ZONE)
    due_local = None
    if queue and inquiry.first_contact_due_at:
        due_local = inquiry.first_contact_due_at.astimezone(tz)
    return {
        "org_name": settings.ORG_NAME,
        "preferred_name": inquiry.preferred_name if message.to_person else "",
        "due": due_local,
        "urgent": inquiry.priority == Priority.URGENT,
        "review": inquiry.priority == Priority.REVIEW,
        **_urgent_promise(inquiry, tz),
        "contact_method": inquiry.contact_method,
        "inquiry": inquiry,
        "short_id": inquiry.short_id,
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
        "site_url": settings.SITE_URL + "/",
        "body": message.body,
        "reassessment_at": inquiry.reassessment_at.astimezone(tz)
        if inquiry.reassessment_at
        else None,
        # The lazy label, so it is translated when the template renders in their language.
        "reassessment_format": (
            Inquiry.CareFormat(inquiry.reassessment_format).label
            if inquiry.reassessment_format
            else ""
        ),
        "admin_url": settings.SITE_URL + reverse("admin:intake_inquiry_change", args=[inquiry.pk]),
        "worklist_url": settings.SITE_URL + reverse("admin:intake_inquiry_changelist"),
    }


def _urgent_promise(inquiry: Inquiry, tz) -> dict:
    """What an urgent acknowledgement may promise: minutes only while the team works."""
    queue = inquiry.queue
    if queue is None or inquiry.priority != Priority.URGENT or not inquiry.first_contact_due_at:
        return {"urgent_soon": False, "next_open": None}
    clock = queue_clock(queue)
    now = timezone.now()
    soon = clock.is_open(now) and inquiry.first_contact_due_at - now <= timedelta(
        minutes=queue.urgent_promise_minutes
    )
    return {"urgent_soon": soon, "next_open": clock.next_open(now).astimezone(tz)}


def _recipient(message: OutboundMessage) -> tuple[str, str]:
    """(to, reply_to) for this message, read from current rows at send time."""
    inquiry = message.inquiry
    queue = inquiry.queue
    reply_to = queue.reply_to_email if queue else ""
    if not message.to_person:
        if queue is None:
            return "", ""
        if message.channel == OutboundMessage.Channel.SMS:
            return queue.on_call_number, ""
        if message.kind == OutboundMessage.Kind.ESCALATION:
            return queue.escalation_email, ""
        return queue.alert_email, ""
    if message.channel == OutboundMessage.Channel.SMS:
        return inquiry.phone, ""
    return inquiry.email, reply_to


def _send(message: OutboundMessage) -> str:
    to, reply_to = _recipient(message)
    context = _context(message)
    if message.channel == OutboundMessage.Channel.SMS:
        body = render_sms(message.template_key, context, message.language)
        return sms_channel.send_sms(to=to, body=body, reference=str(message.public_id))
    rendered = render_email(message.template_key, context, message.language)
    return email_channel.send_email(
        to=to, rendered=rendered, message_id=message.message_id, reply_to=reply_to
    )


def _finish(
    message: OutboundMessage,
    status: str,
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
        _event(
            message.inquiry,
            event_kind,
            from_state=OutboundMessage.Status.SENDING,
            to_state=status,
            reason=reason or message.kind,
            data={"message": message.pk, "attempt": message.attempts},
        )
        if status == OutboundMessage.Status.SENT and message.kind == OutboundMessage.Kind.REPLY:
            # The first reply sent is first contact.
            inquiry = Inquiry.objects.select_for_update().get(pk=message.inquiry_id)
            _first_contact(inquiry, actor=message.created_by, when=now)
    log = logger.warning if status == OutboundMessage.Status.FAILED else logger.info
    log("message %s id=%s kind=%s attempt=%d", status, message.pk, message.kind, message.attempts)
    if updated:  # the row now holds exactly these values: no need to read it back
        for name, value in changes.items():
            setattr(message, name, value)
    else:
        message.refresh_from_db()
    return message


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
        _event(
            message.inquiry,
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


def _defer(message: OutboundMessage, *, until) -> OutboundMessage:
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
        _event(
            message.inquiry,
            InquiryEvent.Kind.MESSAGE_DEFERRED,
            from_state=OutboundMessage.Status.SENDING,
            to_state=OutboundMessage.Status.PENDING,
            reason="quiet_hours",
            data={"message": message.pk},
        )
    message.refresh_from_db()
    return message


def message_retry_now(*, actor, message_id: int) -> OutboundMessage | None:
    """Put a failed message back in line at once (staff action). Writes an event; enqueues."""
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update()
            .filter(pk=message_id, status=OutboundMessage.Status.FAILED)
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
        _event(
            message.inquiry,
            InquiryEvent.Kind.MESSAGE_RETRY_NOW,
            actor=actor,
            from_state=OutboundMessage.Status.FAILED,
            to_state=OutboundMessage.Status.PENDING,
            reason=message.kind,
            data={"message": message.pk},
        )
        _audit(actor, message.inquiry)
        _enqueue_on_commit(message.inquiry_id, [message.pk])
    return message


# --- Alerts, overdue notices, check-ins --------------------------------------------------


def urgent_alert_acknowledge(*, actor, inquiry_id: int) -> Inquiry | None:
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


def urgent_escalate(*, now=None) -> list[int]:
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
        queue = alert.inquiry.queue
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
                    inquiry=alert.inquiry,
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
                    alert.inquiry,
                    InquiryEvent.Kind.ALERT_ESCALATED,
                    reason="not_acknowledged",
                    data={"messages": made_ids, "alert": alert.pk},
                )
                _enqueue_on_commit(alert.inquiry_id, made_ids)
                created.extend(made_ids)
    return created


def overdue_flag(*, now=None) -> list[int]:
    """Mark new inquiries past their first-contact promise and notify their queue, once.

    Snoozed inquiries are skipped while the snooze lasts. The notice carries the short id and
    a link, nothing about the person. Writes the inquiry, an event and an OutboundMessage.
    """
    now = now or timezone.now()
    due = Inquiry.objects.filter(
        status=Inquiry.Status.NEW,
        is_spam=False,
        first_contact_due_at__lt=now,
        overdue_notified_at__isnull=True,
    ).filter(Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=now))
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


def check_in_due(*, today=None) -> list[int]:
    """Owe a gentle check-in to every "not now" inquiry whose chosen date has come, once."""
    today = today or timezone.localdate()
    made_ids: list[int] = []
    waiting = Inquiry.objects.filter(
        status=Inquiry.Status.NOT_NOW, check_in_on__lte=today, is_spam=False
    )
    for inquiry in waiting:
        channel = acknowledgement_channel(inquiry)
        key = f"check-in-{inquiry.check_in_on:%Y-%m-%d}"
        if channel is None or inquiry.messages.filter(kind="check_in", dedupe_key=key).exists():
            continue
        with transaction.atomic():
            message = _outbound_create(
                inquiry, OutboundMessage.Kind.CHECK_IN, channel, "check_in", dedupe_key=key
            )
            _enqueue_on_commit(inquiry.pk, [message.pk])
        made_ids.append(message.pk)
    return made_ids


# --- On-call phone -----------------------------------------------------------------------

ON_CALL_CODE_MINUTES = 15
ON_CALL_CODE_TRIES = 5


def _on_call_code_hash(queue: CoordinatorQueue, code: str) -> str:
    # Keyed and bound to the queue and number: a code is worth nothing anywhere else.
    return salted_hmac(
        "intake.on_call_code", f"{queue.pk}:{queue.on_call_phone}:{code}", algorithm="sha256"
    ).hexdigest()


def on_call_phone_set(*, actor, queue_id: int, phone: str) -> CoordinatorQueue:
    """Set (or clear) a queue's on-call phone; a new number is unconfirmed until its owner
    enters the one-time code texted to it. Writes the queue and an audit record, then sends
    the code (``on_call_code_send``).
    """
    number = crypto.normalise_phone(phone) if phone.strip() else ""
    if phone.strip() and not number:
        raise ActionRefused(Refusal.PHONE)
    with transaction.atomic():
        queue = CoordinatorQueue.objects.select_for_update().get(pk=queue_id)
        if number == queue.on_call_phone:
            return queue
        queue.on_call_phone = number
        queue.on_call_phone_confirmed_at = None
        queue.on_call_code_hash = ""
        queue.on_call_code_expires_at = None
        queue.on_call_code_attempts = 0
        queue.save(
            update_fields=[
                "on_call_phone",
                "on_call_phone_confirmed_at",
                "on_call_code_hash",
                "on_call_code_expires_at",
                "on_call_code_attempts",
            ]
        )
        _audit(actor, queue)
    if number:
        on_call_code_send(actor=actor, queue_id=queue.pk)
    return queue


def on_call_code_send(*, actor, queue_id: int) -> CoordinatorQueue:
    """Text a fresh one-time code to the queue's unconfirmed on-call phone.

    Sent at once rather than through the outbox: the person confirming is waiting for it,
    and a code that did not arrive is simply asked for again. Only a keyed hash is stored;
    the code is never logged.
    """
    code = f"{secrets.randbelow(1_000_000):06d}"
    with transaction.atomic():
        queue = CoordinatorQueue.objects.select_for_update().get(pk=queue_id)
        if not queue.on_call_phone:
            raise ActionRefused(Refusal.NO_PHONE)
        if queue.on_call_phone_confirmed_at:
            return queue
        queue.on_call_code_hash = _on_call_code_hash(queue, code)
        queue.on_call_code_expires_at = timezone.now() + timedelta(minutes=ON_CALL_CODE_MINUTES)
        queue.on_call_code_attempts = 0
        queue.save(
            update_fields=["on_call_code_hash", "on_call_code_expires_at", "on_call_code_attempts"]
        )
    body = render_sms(
        "on_call_code",
        {"org_name": settings.ORG_NAME, "code": code, "minutes": ON_CALL_CODE_MINUTES},
        settings.LANGUAGE_CODE,
    )
    try:
        sms_channel.send_sms(to=queue.on_call_phone, body=body, reference=f"on-call-{queue.pk}")
    except (email_channel.TransientSendError, email_channel.PermanentSendError) as exc:
        logger.warning("on-call code not sent queue=%s error=%s", queue.pk, type(exc).__name__)
        raise ActionRefused(Refusal.NOT_SENT) from exc
    logger.info("on-call code sent queue=%s", queue.pk)
    return queue


def on_call_phone_confirm(*, actor, queue_id: int, code: str) -> CoordinatorQueue:
    """Confirm the on-call phone with the code texted to it; from then on it gets alerts.

    Refuses a wrong, expired or over-tried code (five tries, fifteen minutes). Writes the
    queue and an audit record.
    """
    code = "".join(ch for ch in code if ch.isdigit())
    with transaction.atomic():
        queue = CoordinatorQueue.objects.select_for_update().get(pk=queue_id)
        if queue.on_call_phone_confirmed_at:
            return queue
        if not queue.on_call_code_hash or queue.on_call_code_expires_at is None:
            raise ActionRefused(Refusal.NO_CODE)
        if (
            queue.on_call_code_expires_at <= timezone.now()
            or queue.on_call_code_attempts >= ON_CALL_CODE_TRIES
        ):
            raise ActionRefused(Refusal.EXPIRED)
        if not hmac.compare_digest(queue.on_call_code_hash, _on_call_code_hash(queue, code)):
            queue.on_call_code_attempts += 1
            queue.save(update_fields=["on_call_code_attempts"])
            # The failed try is kept: leave the atomic block normally, then refuse.
            refused = True
        else:
            refused = False
            queue.on_call_phone_confirmed_at = timezone.now()
            queue.on_call_code_hash = ""
            queue.on_call_code_expires_at = None
            queue.save(
                update_fields=[
                    "on_call_phone_confirmed_at",
                    "on_call_code_hash",
                    "on_call_code_expires_at",
                ]
            )
            _audit(actor, queue)
    if refused:
        raise ActionRefused(Refusal.WRONG_CODE)
    return queue


# --- SMS opt-out ------------------------------------------------------------------------

STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "parar", "alto", "sair"}
START_WORDS = {"start", "unstop", "yes"}


def sms_inbound(*, phone: str, body: str) -> str:
    """Handle a text a person sent us: STOP turns texting off everywhere, START lifts the block.

    Returns "opted_out", "opted_in" or "ignored". Texts' content is never stored or logged.
    """
    number = crypto.normalise_phone(phone) or phone.strip()
    phone_hash = crypto.contact_hash(number)
    word = body.strip().split()[0].lower().strip(".!") if body.strip() else ""
    if not phone_hash:
        return "ignored"
    if word in START_WORDS:
        SMSOptOut.objects.filter(phone_hash=phone_hash).delete()
        return "opted_in"
    if word not in STOP_WORDS:
        return "ignored"
    with transaction.atomic():
        SMSOptOut.objects.get_or_create(phone_hash=phone_hash)
        matching = Inquiry.objects.select_for_update().filter(
            Q(contact_hash=phone_hash) | Q(other_contact_hash=phone_hash), text_ok=True
        )
        for inquiry in matching:
            inquiry.text_ok = False
            inquiry.save(update_fields=["text_ok", "updated_at"])
            _event(inquiry, InquiryEvent.Kind.SMS_OPTED_OUT, reason="stop_keyword")
        OutboundMessage.objects.filter(
            Q(inquiry__contact_hash=phone_hash) | Q(inquiry__other_contact_hash=phone_hash),
            channel=OutboundMessage.Channel.SMS,
            status=OutboundMessage.Status.PENDING,
        ).exclude(kind__in=OutboundMessage.STAFF_KINDS).update(
            status=OutboundMessage.Status.SKIPPED, last_error="opted_out"
        )
    logger.info("sms opt-out recorded inquiries=%d", len(matching))
    return "opted_out"


# --- Triage: what coordinators do --------------------------------------------------------


def _audit(actor, obj, action: str = AuditEvent.Action.CHANGE) -> None:
    """A staff member's write, audited in the caller's transaction (a refusal rolls it back)."""
    if getattr(actor, "is_authenticated", False):
        audit_record(actor=actor, action=action, obj=obj)


def _transition_refused(code: str, current: str, new: str) -> ActionRefused:
    """The refusal of a status change, naming both statuses in the staff person's words."""
    return ActionRefused(
        Refusal(code), current=Inquiry.Status(current).label, new=Inquiry.Status(new).label
    )


def _locked(inquiry_id: int) -> Inquiry:
    inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
    if inquiry is None:
        raise ActionRefused(Refusal.MISSING)
    return inquiry


def inquiry_assign(*, actor, inquiry_id: int, assignee=None, reason: str = "") -> Inquiry:
    """Give the inquiry to a coordinator of its queue (or to nobody, with a reason).

    Writes the inquiry, an event and an audit record.
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        previous = inquiry.assigned_to_id
        new = assignee.pk if assignee else None
        if previous == new:
            return inquiry
        if new is None and not reason:
            raise ActionRefused(Refusal.UNASSIGN_REASON)
        if (
            new is not None
            and inquiry.queue_id
            and not inquiry.queue.members.filter(pk=new).exists()
        ):
            raise ActionRefused(Refusal.NOT_A_MEMBER)
        inquiry.assigned_to_id = new
        inquiry.save(update_fields=["assigned_to", "updated_at"])
        _event(
            inquiry,
            InquiryEvent.Kind.ASSIGNED if new else InquiryEvent.Kind.UNASSIGNED,
            actor=actor,
            from_state=str(previous or ""),
            to_state=str(new or ""),
            reason=reason[:64],
        )
        if new:
            CoordinatorProfile.objects.filter(user_id=new).update(last_assigned_at=timezone.now())
        _audit(actor, inquiry)
    return inquiry


def inquiry_set_status(
    *, actor, inquiry_id: int, status: str, reason: str = "", check_in_on=None
) -> Inquiry:
    """Move along the allowed transitions only; closing and "not now" need a reason.

    "Not now" may schedule a gentle check-in (``check_in_on``). Writes an event.
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        refusal = workflow.check_transition(inquiry.status, status, reason=reason)
        if refusal:
            raise _transition_refused(refusal, inquiry.status, status)
        if status == Inquiry.Status.CLOSED and reason not in Inquiry.CloseReason.values:
            raise ActionRefused(Refusal.CLOSE_REASON)
        if status == Inquiry.Status.NOT_NOW and reason not in Inquiry.NotNowReason.values:
            raise ActionRefused(Refusal.NOT_NOW_REASON)
        previous = inquiry.status
        inquiry.status = status
        inquiry.close_reason = reason if status == Inquiry.Status.CLOSED else ""
        inquiry.not_now_reason = reason if status == Inquiry.Status.NOT_NOW else ""
        inquiry.check_in_on = check_in_on if status == Inquiry.Status.NOT_NOW else None
        inquiry.save(
            update_fields=["status", "close_reason", "not_now_reason", "check_in_on", "updated_at"]
        )
        _event(
            inquiry,
            InquiryEvent.Kind.STATUS_CHANGED,
            actor=actor,
            from_state=previous,
            to_state=status,
            reason=reason,
            data={"check_in_on": check_in_on.isoformat()} if check_in_on else {},
        )
        _audit(actor, inquiry)
    return inquiry


def inquiry_snooze(*, actor, inquiry_id: int, until) -> Inquiry:
    """Pause the first-contact clock until ``until``; the status does not change.

    The due time moves later by the paused stretch. Writes an event.
    """
    now = timezone.now()
    if until <= now:
        raise ActionRefused(Refusal.PAST)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        paused_from = max(now, inquiry.snoozed_until or now)
        if inquiry.first_contact_due_at:
            inquiry.first_contact_due_at += until - paused_from
        inquiry.snoozed_until = until
        inquiry.save(update_fields=["snoozed_until", "first_contact_due_at", "updated_at"])
        _event(
            inquiry,
            InquiryEvent.Kind.SNOOZED,
            actor=actor,
            reason="snooze",
            data={"until": until.isoformat()},
        )
        _audit(actor, inquiry)
    return inquiry


def contact_attempt_record(
    *, actor, inquiry_id: int, channel: str, outcome: str, note: str = ""
) -> ContactAttempt:
    """Log one try at reaching the person (kept forever, never edited).

    Reaching them, leaving a voicemail or their reply is first contact: it sets
    ``first_contact_at`` once and moves a new inquiry to contacted. Reaching them or their
    reply also sets ``reached_at``, which is what ends "needs attention" on an urgent or
    review inquiry (an acknowledged alert or a voicemail does not). Writes events.
    """
    if outcome not in ContactAttempt.Outcome.values or channel not in ContactAttempt.Channel.values:
        raise ActionRefused(Refusal.ATTEMPT_INVALID)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        attempt = ContactAttempt.objects.create(
            inquiry=inquiry, coordinator=actor, channel=channel, outcome=outcome, note=note
        )
        _event(
            inquiry,
            InquiryEvent.Kind.CONTACT_ATTEMPT,
            actor=actor,
            reason=outcome,
            data={"attempt": attempt.pk, "channel": channel},
        )
        if outcome in ContactAttempt.REACHED_PERSON and inquiry.reached_at is None:
            inquiry.reached_at = attempt.created_at
            inquiry.save(update_fields=["reached_at", "updated_at"])
        if outcome in ContactAttempt.CONTACT_MADE:
            _first_contact(inquiry, actor=actor, when=attempt.created_at)
        _audit(actor, inquiry)
    return attempt


def _first_contact(inquiry: Inquiry, *, actor, when) -> None:
    fields = []
    if inquiry.first_contact_at is None:
        inquiry.first_contact_at = when
        fields.append("first_contact_at")
    if inquiry.status == Inquiry.Status.NEW:
        inquiry.status = Inquiry.Status.CONTACTED
        fields.append("status")
        _event(
            inquiry,
            InquiryEvent.Kind.STATUS_CHANGED,
            actor=actor,
            from_state=Inquiry.Status.NEW,
            to_state=Inquiry.Status.CONTACTED,
            reason="first_contact",
        )
    if fields:
        inquiry.save(update_fields=[*fields, "updated_at"])


def reply_send(*, actor, inquiry_id: int, body: str) -> OutboundMessage:
    """Queue a coordinator's reply on the person's channel, with the queue's Reply-To.

    Goes through the outbox like every message; once sent it counts as first contact.
    """
    body = body.strip()
    if not body:
        raise ActionRefused(Refusal.REPLY_EMPTY)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        if inquiry.is_spam:
            raise ActionRefused(Refusal.QUARANTINED)
        channel = acknowledgement_channel(inquiry)
        if channel is None:
            raise ActionRefused(Refusal.NO_CHANNEL)
        message = OutboundMessage.objects.create(
            inquiry=inquiry,
            kind=OutboundMessage.Kind.REPLY,
            channel=channel,
            template_key="reply",
            language=inquiry.language,
            dedupe_key=uuid.uuid4().hex,
            body=body,
            created_by=actor,
        )
        _event(
            inquiry,
            InquiryEvent.Kind.REPLY_QUEUED,
            actor=actor,
            to_state=message.status,
            reason=channel,
            data={"message": message.pk},
        )
        _audit(actor, inquiry)
        _enqueue_on_commit(inquiry.pk, [message.pk])
    return message


def internal_note_add(*, actor, inquiry_id: int, text: str) -> InternalNote:
    """A note for the team (encrypted, never sent). Writes an event without its text."""
    text = text.strip()
    if not text:
        raise ActionRefused(Refusal.NOTE_EMPTY)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        note = InternalNote.objects.create(inquiry=inquiry, author=actor, text=text)
        _event(inquiry, InquiryEvent.Kind.NOTE_ADDED, actor=actor, data={"note": note.pk})
        _audit(actor, inquiry)
    return note


def inquiry_mark_spam(*, actor, inquiry_id: int, spam: bool) -> Inquiry:
    """Quarantine an inquiry, or release it. Urgent and review inquiries are never quarantined.

    Releasing owes the acknowledgement it missed (sent through the outbox) and routes it.
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        if inquiry.is_spam == spam:
            return inquiry
        if spam and inquiry.priority != Priority.ROUTINE:
            raise ActionRefused(Refusal.RISK)
        inquiry.is_spam = spam
        inquiry.save(update_fields=["is_spam", "updated_at"])
        _event(
            inquiry,
            InquiryEvent.Kind.MARKED_SPAM if spam else InquiryEvent.Kind.RELEASED,
            actor=actor,
            from_state="quarantined" if not spam else "",
            to_state="quarantined" if spam else "",
        )
        owed: list[int] = []
        if not spam:
            channel = acknowledgement_channel(inquiry)
            already = inquiry.messages.filter(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT).exists()
            if channel and not already and not inquiry.is_held:
                owed.append(_acknowledgement_create(inquiry, channel).pk)
            if inquiry.assigned_to_id is None and inquiry.queue_id:
                assignee = routing.pick_coordinator(_candidates(inquiry.queue), inquiry.language)
                if assignee:
                    inquiry.assigned_to_id = assignee
                    inquiry.save(update_fields=["assigned_to", "updated_at"])
                    _event(
                        inquiry,
                        InquiryEvent.Kind.ASSIGNED,
                        to_state=str(assignee),
                        reason="release",
                    )
        _audit(actor, inquiry)
        _enqueue_on_commit(inquiry.pk, owed)
    return inquiry


def _acknowledgement_create(inquiry: Inquiry, channel: str) -> OutboundMessage:
    """Save the acknowledgement a released inquiry missed, with its "queued" event."""
    message = _acknowledgement(inquiry, channel)
    message.save(force_insert=True)
    _queued_event(message).save(force_insert=True)
    return message


def inquiry_release_hold(*, actor, inquiry_id: int) -> Inquiry:
    """Release an inquiry held by the rate limit: it gets the acknowledgement it was owed.

    Writes the inquiry, a ``hold_released`` event and the acknowledgement (through the
    outbox, on the person's channel where consent allows); enqueues on commit.
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        if not inquiry.is_held:
            return inquiry
        previous = inquiry.held_reason
        inquiry.is_held = False
        inquiry.held_reason = ""
        inquiry.save(update_fields=["is_held", "held_reason", "updated_at"])
        _event(inquiry, InquiryEvent.Kind.HOLD_RELEASED, actor=actor, from_state=previous)
        owed: list[int] = []
        channel = acknowledgement_channel(inquiry)
        already = inquiry.messages.filter(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT).exists()
        if channel and not already:
            owed.append(_acknowledgement_create(inquiry, channel).pk)
        _audit(actor, inquiry)
        _enqueue_on_commit(inquiry.pk, owed)
    return inquiry


def inquiry_set_priority(*, actor, inquiry_id: int, priority: str) -> Inquiry:
    """Set the risk level by hand (a coordinator read the message and judged it).

    The first-contact due time follows the new level's promise, counted from receipt.
    Raising a level quarantined as spam releases nothing by itself; a risk level blocks
    quarantine from then on. Writes a ``priority_changed`` event (reason ``staff``).
    """
    if priority not in Priority.values:
        raise ActionRefused(Refusal.PRIORITY_INVALID)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        previous = inquiry.priority
        if previous == priority:
            return inquiry
        inquiry.priority = priority
        fields = ["priority", "updated_at"]
        if inquiry.queue_id and inquiry.first_contact_at is None:
            inquiry.first_contact_due_at = first_contact_due(
                inquiry.queue, inquiry.created_at, priority=priority
            )
            fields.append("first_contact_due_at")
        inquiry.save(update_fields=fields)
        _event(
            inquiry,
            InquiryEvent.Kind.PRIORITY_CHANGED,
            actor=actor,
            from_state=previous,
            to_state=priority,
            reason="staff",
        )
        _audit(actor, inquiry)
    return inquiry


# --- Reassessment: scheduling and notes --------------------------------------------------


def reassessment_schedule(*, actor, inquiry_id: int, when, care_format: str) -> Inquiry:
    """Set the reassessment time and format, and send the person a warm confirmation.

    The status moves to reassessment_scheduled (along the allowed transitions); the
    confirmation (date, time, format — nothing clinical) goes through the outbox on the
    person's channel, once per scheduled time. Writes events.
    """
    if when <= timezone.now():
        raise ActionRefused(Refusal.PAST)
    if care_format not in Inquiry.CareFormat.values or care_format == "not_sure":
        raise ActionRefused(Refusal.FORMAT)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        if inquiry.status != Inquiry.Status.REASSESSMENT_SCHEDULED:
            target = Inquiry.Status.REASSESSMENT_SCHEDULED
            refusal = workflow.check_transition(inquiry.status, target)
            if refusal:
                raise _transition_refused(refusal, inquiry.status, target)
            _event(
                inquiry,
                InquiryEvent.Kind.STATUS_CHANGED,
                actor=actor,
                from_state=inquiry.status,
                to_state=target,
                reason="scheduled",
            )
            inquiry.status = target
        inquiry.reassessment_at = when
        inquiry.reassessment_format = care_format
        inquiry.save(
            update_fields=["status", "reassessment_at", "reassessment_format", "updated_at"]
        )
        _event(
            inquiry,
            InquiryEvent.Kind.REASSESSMENT_SCHEDULED,
            actor=actor,
            reason=care_format,
            data={"at": when.isoformat()},
        )
        channel = acknowledgement_channel(inquiry)
        owed = []
        if channel:
            message, made = OutboundMessage.objects.get_or_create(
                inquiry=inquiry,
                kind=OutboundMessage.Kind.REASSESSMENT_CONFIRMATION,
                dedupe_key=f"at-{when:%Y%m%d%H%M}",
                defaults={
                    "channel": channel,
                    "template_key": "reassessment_confirmation",
                    "language": inquiry.language,
                    "created_by": actor,
                },
            )
            if made:
                owed.append(message.pk)
        _audit(actor, inquiry)
        _enqueue_on_commit(inquiry.pk, owed)
    return inquiry


NOTE_FIELDS = (*ReassessmentNote.CLINICAL_FIELDS, "next_step_on")


def note_add(
    *, actor, inquiry_id: int, fields: dict, amends_id: int | None = None
) -> ReassessmentNote:
    """Start a reassessment note (a draft), or an amendment of a signed one.

    Writes the note, an audit record and an event that names it (never its text).
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        amends = None
        if amends_id is not None:
            amends = ReassessmentNote.objects.filter(
                pk=amends_id, inquiry=inquiry, state=ReassessmentNote.State.SIGNED
            ).first()
            if amends is None:
                raise ActionRefused(Refusal.AMENDS)
        note = ReassessmentNote.objects.create(
            inquiry=inquiry,
            author=actor,
            amends=amends,
            **{k: v for k, v in fields.items() if k in NOTE_FIELDS},
        )
        _event(
            inquiry,
            InquiryEvent.Kind.NOTE_STARTED,
            actor=actor,
            reason="amendment" if amends else "note",
            data={"note": note.pk, "amends": amends.pk if amends else None},
        )
        _audit(actor, note, AuditEvent.Action.CREATE)
    return note


def note_update(*, actor, note_id: int, fields: dict) -> ReassessmentNote:
    """Edit a draft: only its author may, and never once it is signed."""
    with transaction.atomic():
        note = ReassessmentNote.objects.select_for_update().filter(pk=note_id).first()
        if note is None:
            raise ActionRefused(Refusal.NOTE_MISSING)
        if note.state == ReassessmentNote.State.SIGNED:
            raise ActionRefused(Refusal.SIGNED)
        if note.author_id != getattr(actor, "pk", None):
            raise ActionRefused(Refusal.AUTHOR)
        changed = [k for k, v in fields.items() if k in NOTE_FIELDS and getattr(note, k) != v]
        for name in changed:
            setattr(note, name, fields[name])
        if changed:
            note.save(update_fields=[*changed, "updated_at"])
            _audit(actor, note)
    return note


def note_version(note: ReassessmentNote) -> str:
    """A short fingerprint of a note's text as shown: any edit to a draft changes it."""
    text = "\x1f".join(str(getattr(note, name) or "") for name in NOTE_FIELDS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def note_sign(*, actor, note_id: int, version: str | None = None) -> ReassessmentNote:
    """A clinical reviewer signs a draft; from then on it is never edited.

    ``version`` is the ``note_version`` of the text the reviewer read: if the author changed
    the draft since, nothing is signed (``NOTE_CHANGED``) and the reviewer reads it again.
    Writes the note, an event and an audit record.
    """
    if not actor.has_perm("intake.sign_reassessmentnote"):
        raise ActionRefused(Refusal.SIGN_PERMISSION)
    with transaction.atomic():
        note = ReassessmentNote.objects.select_for_update().filter(pk=note_id).first()
        if note is None:
            raise ActionRefused(Refusal.NOTE_MISSING)
        if note.state == ReassessmentNote.State.SIGNED:
            return note
        if version is not None and not hmac.compare_digest(version, note_version(note)):
            raise ActionRefused(Refusal.NOTE_CHANGED)
        note.state = ReassessmentNote.State.SIGNED
        note.signed_by = actor
        note.signed_at = timezone.now()
        note.save(update_fields=["state", "signed_by", "signed_at", "updated_at"])
        _event(
            note.inquiry,
            InquiryEvent.Kind.NOTE_SIGNED,
            actor=actor,
            from_state=ReassessmentNote.State.DRAFT,
            to_state=ReassessmentNote.State.SIGNED,
            data={"note": note.pk},
        )
        _audit(actor, note, AuditEvent.Action.SIGN)
    return note


# --- Retention ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeResult:
    spam_deleted: int
    erased: int
    erased_clinical: int


def purge_expired(*, now=None, dry_run: bool = False) -> PurgeResult:
    """Apply the retention periods; with ``dry_run`` only count what would go.

    Quarantined spam older than RETENTION_SPAM_DAYS is deleted. Closed or returned inquiries
    untouched for RETENTION_CLOSED_DAYS (no reassessment notes) or RETENTION_CLINICAL_DAYS
    (with notes) have every personal and free-text field erased, notes' clinical text
    included; status, times, queue and events stay, so the dashboard's figures do not move.
    The audit log is never purged.
    """
    now = now or timezone.now()
    # A held inquiry is a person's message waiting for release, never spam: never purged.
    spam = Inquiry.objects.filter(
        is_spam=True,
        is_held=False,
        priority=Priority.ROUTINE,
        created_at__lte=now - timedelta(days=settings.RETENTION_SPAM_DAYS),
    )
    finished = Inquiry.objects.filter(
        status__in=[Inquiry.Status.CLOSED, Inquiry.Status.RETURNED], erased_at__isnull=True
    )
    plain = finished.filter(
        notes__isnull=True,
        updated_at__lte=now - timedelta(days=settings.RETENTION_CLOSED_DAYS),
    )
    clinical = finished.filter(
        notes__isnull=False,
        updated_at__lte=now - timedelta(days=settings.RETENTION_CLINICAL_DAYS),
    ).distinct()
    plain_ids = list(plain.values_list("pk", flat=True))
    clinical_ids = list(clinical.values_list("pk", flat=True))
    result = PurgeResult(spam.count(), len(plain_ids), len(clinical_ids))
    if dry_run:
        return result
    with transaction.atomic():
        spam.delete()
        for pk in plain_ids + clinical_ids:
            _erase(pk, now=now)
    logger.info(
        "retention: spam deleted=%d erased=%d erased_clinical=%d",
        result.spam_deleted,
        result.erased,
        result.erased_clinical,
    )
    return result


def _erase(inquiry_id: int, *, now) -> None:
    Inquiry.objects.filter(pk=inquiry_id).update(
        message="",
        preferred_name="",
        email="",
        phone="",
        contact_hash="",
        other_contact_hash="",
        away_reasons=[],
        submission_token=None,
        erased_at=now,
    )
    InquiryFollowUp.objects.filter(inquiry_id=inquiry_id).delete()
    InternalNote.objects.filter(inquiry_id=inquiry_id).delete()
    ContactAttempt.objects.filter(inquiry_id=inquiry_id).update(note="")
    OutboundMessage.objects.filter(inquiry_id=inquiry_id).update(body="")
    ReassessmentNote.objects.filter(inquiry_id=inquiry_id).update(
        **{name: "" for name in ReassessmentNote.CLINICAL_FIELDS}
    )
    InquiryEvent.objects.create(
        inquiry_id=inquiry_id, kind=InquiryEvent.Kind.ERASED, reason="retention"
    )


# --- Audit ------------------------------------------------------------------------------


# The request a service runs for (path, client address), set by AuditContextMiddleware, so
# services write their own audit rows inside their transaction without taking the request.
audit_context: ContextVar[tuple[str, str | None] | None] = ContextVar(
    "intake_audit_context", default=None
)


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str = "",
    object_id: object = "",
    request=None,
) -> AuditEvent:
    """Append one audit record: who, what (type and id), when, from where. No content."""
    if obj is not None:
        object_type, object_id = obj._meta.model_name, obj.pk
    path = ""
    address = None
    if request is not None:
        path = request.path[:200]  # the query string is dropped: a search could be an e-mail
        address = request.META.get("REMOTE_ADDR") or None
    elif (current := audit_context.get()) is not None:
        path, address = current
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=object_type[:40],
        object_id=str(object_id or "")[:40],
        path=path,
        client_address=address,
    )


# --- Sweep -----------------------------------------------------------------------------


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
        tasks_enqueue(inquiry_id=pk)
    if message_ids:
        tasks_enqueue(message_ids=message_ids)
    if message_ids or inquiry_ids:
        logger.info(
            "sweep re-enqueued messages=%d inquiries=%d", len(message_ids), len(inquiry_ids)
        )
    return SweepResult(messages=message_ids, inquiries=inquiry_ids)
