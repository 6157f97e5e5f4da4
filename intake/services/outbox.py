"""What a write owes: outbound messages and timeline events, and tasks enqueued on commit.

Side effects leave only through rows in ``OutboundMessage`` and tasks enqueued on commit;
a task that is lost is re-enqueued by ``pending_sweep`` so nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction

from ..models import Inquiry, InquiryEvent, OutboundMessage, Priority
from .common import Actor, logger

if TYPE_CHECKING:
    from django.contrib.auth.models import User


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


def _acknowledgement_create(inquiry: Inquiry, channel: str) -> OutboundMessage:
    """Save the acknowledgement a released inquiry missed, with its "queued" event."""
    message = _acknowledgement(inquiry, channel)
    message.save(force_insert=True)
    _queued_event(message).save(force_insert=True)
    return message


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


def _outbound_create(
    inquiry: Inquiry, kind: str, channel: str, template_key: str, **fields: Any
) -> OutboundMessage:
    """One pending message and its "queued" event (for everything but a new submission)."""
    message = _new_outbound(inquiry, kind, channel, template_key, **fields)
    message.save(force_insert=True)
    _queued_event(message).save(force_insert=True)
    return message


def _new_event(
    inquiry: Inquiry,
    kind: str,
    *,
    actor: Actor = None,
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


def _inquiry_of(message: OutboundMessage) -> Inquiry:
    """The inquiry a message is about (every kind but a staff member's own account mail)."""
    if message.inquiry is None:
        raise ValueError(f"message {message.pk} is account mail, about no inquiry")
    return message.inquiry


def _queued_event(message: OutboundMessage) -> InquiryEvent:
    return _new_event(
        _inquiry_of(message),
        InquiryEvent.Kind.MESSAGE_QUEUED,
        to_state=message.status,
        reason=message.kind,
        data={"message": message.pk, "channel": message.channel},
    )


def _event(inquiry: Inquiry, kind: str, **fields: Any) -> InquiryEvent:
    event = _new_event(inquiry, kind, **fields)
    event.save(force_insert=True)
    return event


def _message_event(message: OutboundMessage, kind: str, **fields: Any) -> None:
    """A message's step on its inquiry's timeline; a staff member's account mail has none."""
    if message.inquiry is not None:
        _event(message.inquiry, kind, **fields)


def _account_mail_create(
    recipient: User, kind: str, template_key: str, *, body: str = "", dedupe_key: str = ""
) -> OutboundMessage:
    """One pending e-mail to a staff member's own account (about no inquiry), sent on commit.

    It says nothing about any inquiry or anyone's health: the account, the sign-in, a link
    (for a note ready for review, the link to the note's page). ``dedupe_key`` is for the
    caller's own once-only check: with no inquiry the unique constraint does not bind.
    """
    message = OutboundMessage(
        recipient=recipient,
        kind=kind,
        channel=OutboundMessage.Channel.EMAIL,
        template_key=template_key,
        language=settings.LANGUAGE_CODE,
        body=body,
        dedupe_key=dedupe_key,
    )
    message.save(force_insert=True)
    _enqueue_on_commit(None, [message.pk])
    logger.info("account mail queued id=%s kind=%s", message.pk, kind)
    return message


def _enqueue_on_commit(inquiry_id: int | None, message_ids: list[int]) -> None:
    # A plain function (not functools.partial) so Django can log a robust callback's error.
    def enqueue() -> None:
        tasks_enqueue(inquiry_id=inquiry_id, message_ids=message_ids)

    transaction.on_commit(enqueue, robust=True)


def tasks_enqueue(*, inquiry_id: int | None = None, message_ids: Sequence[int] = ()) -> None:
    """Publish routing and delivery tasks by id; a broker fault is logged, never raised.

    Whatever is not published now is found by ``pending_sweep`` on its next run.
    """
    from .. import tasks

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
