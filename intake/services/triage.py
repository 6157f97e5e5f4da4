"""Triage: what coordinators do with an inquiry, each write with its event and audit record."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from .. import routing, workflow
from ..exceptions import ActionRefused, Refusal
from ..models import (
    ContactAttempt,
    CoordinatorProfile,
    Inquiry,
    InquiryEvent,
    InternalNote,
    OutboundMessage,
    Priority,
)
from ..routing_cache import first_contact_due
from .audit import _audit
from .common import Actor, _locked, _transition_refused
from .inbound import waiting_clear
from .outbox import _acknowledgement_create, _enqueue_on_commit, _event, acknowledgement_channel
from .route import _candidates


def inquiry_assign(
    *, actor: Actor, inquiry_id: int, assignee: Actor = None, reason: str = ""
) -> Inquiry:
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
            and inquiry.queue is not None
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
    *,
    actor: Actor,
    inquiry_id: int,
    status: str,
    reason: str = "",
    check_in_on: date | None = None,
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


def inquiry_snooze(*, actor: Actor, inquiry_id: int, until: datetime) -> Inquiry:
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
    *, actor: Actor, inquiry_id: int, channel: str, outcome: str, note: str = ""
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
        if outcome in ContactAttempt.REACHED_PERSON:
            # Reaching them (or their reply) answers whatever they wrote: no longer waiting.
            fields = waiting_clear(inquiry)
            if inquiry.reached_at is None:
                inquiry.reached_at = attempt.created_at
                fields.append("reached_at")
            if fields:
                inquiry.save(update_fields=[*fields, "updated_at"])
        if outcome in ContactAttempt.CONTACT_MADE:
            _first_contact(inquiry, actor=actor, when=attempt.created_at)
        _audit(actor, inquiry)
    return attempt


def _first_contact(inquiry: Inquiry, *, actor: Actor, when: datetime) -> None:
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


def reply_send(*, actor: Actor, inquiry_id: int, body: str) -> OutboundMessage:
    """Queue a coordinator's reply on the person's channel, with the queue's Reply-To.

    Goes through the outbox like every message; once sent it counts as first contact.
    The inquiry no longer waits on us once a reply is on its way.
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
        if cleared := waiting_clear(inquiry):
            inquiry.save(update_fields=[*cleared, "updated_at"])
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


def internal_note_add(*, actor: Actor, inquiry_id: int, text: str) -> InternalNote:
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


def inquiry_mark_spam(*, actor: Actor, inquiry_id: int, spam: bool) -> Inquiry:
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
            if inquiry.assigned_to_id is None and inquiry.queue is not None:
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


def inquiry_release_hold(*, actor: Actor, inquiry_id: int) -> Inquiry:
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


def inquiry_set_priority(*, actor: Actor, inquiry_id: int, priority: str) -> Inquiry:
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
        if inquiry.first_contact_at is None and inquiry.queue is not None:
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
