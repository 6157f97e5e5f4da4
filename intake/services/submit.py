"""A person's message arrives: the inquiry saved, screened, and owed its messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .. import crypto, screening
from ..models import (
    PRIORITY_RANK,
    HeldReason,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
    Priority,
)
from ..routing_cache import first_contact_due
from .common import logger
from .outbox import (
    _acknowledgement,
    _enqueue_on_commit,
    _event,
    _new_event,
    _new_outbound,
    _queued_event,
    acknowledgement_channel,
)
from .preferences import take_new_preferences


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

    From someone whose inquiry is still open (the same contact), an ordinary message joins
    that inquiry's conversation instead (``_fold_into_open_inquiry``); a message with a risk
    level always makes its own inquiry, and the open one records that it did.

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
    by_email = submission.contact_method == Inquiry.ContactMethod.EMAIL
    primary, other = (email, phone) if by_email else (phone, email)
    primary_hash = crypto.contact_hash(primary)
    text_ok = bool(submission.text_ok and phone)
    held = over_rate_limit and priority == Priority.ROUTINE and not result.quarantine
    if priority == Priority.ROUTINE and not result.quarantine:
        # A risk level is never folded away: it always makes its own inquiry.
        folded = _fold_into_open_inquiry(
            submission, contact_hash=primary_hash, token=submission_token, now=now, result=result
        )
        if folded is not None:
            return folded
    inquiry = Inquiry(
        kind=submission.kind,
        message=submission.message,
        safety=submission.safety,
        preferred_name=submission.preferred_name.strip(),
        name_index=crypto.name_index(submission.preferred_name),
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
            existing = _resubmitted(submission_token, submission, result)
            if existing is not None:
                return existing
        raise
    _enqueue_on_commit(inquiry.pk, [m.pk for m in messages])
    if priority != Priority.ROUTINE and primary_hash:
        _note_on_open_inquiry(inquiry)
    logger.info(
        "inquiry saved id=%s priority=%s quarantined=%s held=%s messages=%d",
        inquiry.pk,
        inquiry.priority,
        inquiry.is_spam,
        inquiry.is_held,
        len(messages),
    )
    return inquiry


def _risk_events(
    inquiry: Inquiry, concept: str, *, previous: str = Priority.ROUTINE
) -> list[InquiryEvent]:
    """The timeline's record of a risk level (the concept's code) and of a hold."""
    events = []
    if inquiry.priority != previous:
        events.append(
            _new_event(
                inquiry,
                InquiryEvent.Kind.PRIORITY_CHANGED,
                from_state=previous,
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
        further = InboundMessage.objects.select_related("inquiry").filter(
            external_id=InboundMessage.form_external_id(token)
        )
        inquiry = next((m.inquiry for m in further if m.inquiry is not None), None)
    return inquiry


def _resubmitted(token: str, submission: Submission, result) -> Inquiry | None:
    """The same form sent again (its token): nothing the person wrote or answered is lost.

    The first copy made an inquiry (or joined one as a further message); that inquiry is
    returned. Text that differs from everything already kept with it (the person went back
    and edited) becomes a further message in its conversation, with a ``follow_up_added``
    event (reason ``resubmitted``). A risk level above the inquiry's (new words, or a changed
    answer to "Are you safe right now?") raises it, as a first submission would have set it: the
    staff alerts are owed, the first-contact promise follows, and a hold or quarantine is
    lifted (a message with a risk level is never held or quarantined). None when no copy
    holds the token.
    """
    first = _by_submission_token(token)
    if first is None:
        return None
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().get(pk=first.pk)
        further = inquiry.inbound_messages.filter(channel=InboundMessage.Channel.FORM)
        kept = [inquiry.message, *(m.body for m in further)]
        text = submission.message.strip()
        if text and text not in {k.strip() for k in kept}:
            edited = _form_message(inquiry, submission, token=None, now=timezone.now())
            _event(
                inquiry,
                InquiryEvent.Kind.FOLLOW_UP_ADDED,
                reason="resubmitted",
                data={"inbound": edited.pk},
            )
            logger.info("resubmitted text kept with inquiry id=%s", inquiry.pk)
        if PRIORITY_RANK[Priority(result.level)] < PRIORITY_RANK[Priority(inquiry.priority)]:
            _raise_on_resubmission(inquiry, submission, result)
    return inquiry


def _raise_on_resubmission(inquiry: Inquiry, submission: Submission, result) -> None:
    """A resent form carries a higher risk level: the inquiry takes it, with what it owes.

    As if the first copy had said it: a risk level is never held or quarantined, so either
    is lifted (and the acknowledgement it missed is owed, the crisis version when urgent).
    """
    previous = inquiry.priority
    inquiry.priority = Priority(result.level)
    fields = ["priority", "updated_at"]
    if submission.safety and submission.safety != inquiry.safety:
        inquiry.safety = submission.safety
        fields.append("safety")
    if inquiry.queue is not None and inquiry.first_contact_at is None:
        inquiry.first_contact_due_at = first_contact_due(
            inquiry.queue, inquiry.created_at, priority=inquiry.priority
        )
        fields.append("first_contact_due_at")
    lifted = []
    if inquiry.is_held:
        inquiry.is_held, inquiry.held_reason = False, ""
        fields += ["is_held", "held_reason"]
        lifted.append(_new_event(inquiry, InquiryEvent.Kind.HOLD_RELEASED, reason="risk"))
    if inquiry.is_spam:
        inquiry.is_spam = False
        fields.append("is_spam")
        lifted.append(
            _new_event(inquiry, InquiryEvent.Kind.RELEASED, from_state="quarantined", reason="risk")
        )
    inquiry.save(update_fields=fields)
    owed = _risk_alerts(inquiry)
    channel = acknowledgement_channel(inquiry)
    acknowledged = inquiry.messages.filter(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT).exists()
    if lifted and channel and not acknowledged:
        owed.append(_acknowledgement(inquiry, channel))
    for message in owed:
        message.save(force_insert=True)
    InquiryEvent.objects.bulk_create(
        [
            *_risk_events(inquiry, result.concept, previous=previous),
            *lifted,
            *(_queued_event(m) for m in owed),
        ]
    )
    _enqueue_on_commit(inquiry.pk, [m.pk for m in owed])
    logger.info("resubmission raised inquiry id=%s to %s", inquiry.pk, inquiry.priority)


def _open_inquiry_of(contact_hash: str, *, besides: int | None = None) -> tuple | None:
    """The newest open inquiry reached at this contact (its first or its other way), other
    than ``besides``, if any: its id and submission token.

    Runs on every ordinary post, so it is one statement built once (the ORM took ~2 ms a
    post to build it, measured in-process) that reads only the contact's own index entries:
    no ORDER BY, which let PostgreSQL walk the ``created_at`` index backwards through every
    row when nobody matched; a person has few open inquiries, so the newest is picked here. A
    quarantined or erased inquiry is not one the person is in a conversation with.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _open_inquiry_sql(),
            [contact_hash, contact_hash, *Inquiry.OPEN_STATUSES, False, OPEN_INQUIRIES_READ],
        )
        found = [row for row in cursor.fetchall() if row[0] != besides]
    newest = max(found, key=lambda row: (row[2], row[0]), default=None)
    return (newest[0], newest[1]) if newest else None


# At most this many open inquiries of one contact are read to find the newest.
OPEN_INQUIRIES_READ = 20


@lru_cache(maxsize=1)
def _open_inquiry_sql() -> str:
    quote = connection.ops.quote_name
    column = {f.name: quote(f.column) for f in Inquiry._meta.concrete_fields}
    statuses = ", ".join(["%s"] * len(Inquiry.OPEN_STATUSES))
    return (
        f"SELECT {column['id']}, {column['submission_token']}, {column['created_at']} "  # noqa: S608 # nosec B608 - names from the model
        f"FROM {quote(Inquiry._meta.db_table)} "
        f"WHERE ({column['contact_hash']} = %s OR {column['other_contact_hash']} = %s) "
        f"AND {column['status']} IN ({statuses}) AND {column['is_spam']} = %s "
        f"AND {column['erased_at']} IS NULL LIMIT %s"
    )


def _form_message(
    inquiry: Inquiry, submission: Submission, *, token: str | None, now: datetime
) -> InboundMessage:
    """The further message, with any way to reach them this form gave that the inquiry does
    not have yet (kept as its ``sender``, so a new number or address is not lost)."""
    given = [
        crypto.normalise_email(submission.email) if submission.email else "",
        crypto.normalise_phone(submission.phone) if submission.phone else "",
    ]
    new = [c for c in given if c and c not in (inquiry.email, inquiry.phone)]
    return InboundMessage.objects.create(
        inquiry=inquiry,
        queue_id=inquiry.queue_id,
        state=InboundMessage.State.ATTACHED,
        channel=InboundMessage.Channel.FORM,
        source=InboundMessage.Source.FORM,
        external_id=InboundMessage.form_external_id(token) if token else None,
        sender_hash=inquiry.contact_hash,
        sender=", ".join(new),
        body=submission.message,
        language=submission.language,
        kind=submission.kind,
        site_id=submission.site_id,
        received_at=now,
    )


def _fold_into_open_inquiry(
    submission: Submission, *, contact_hash: str, token: str | None, now: datetime, result
) -> Inquiry | None:
    """An ordinary message from someone whose inquiry is open joins that conversation.

    Stored as a further message through the form and treated as any message from the person
    (``inbound._on_inquiry``): a ``message_received`` event, waiting on us, the first-contact
    clock started again, a notice to the assignee or the on-duty address. No second
    acknowledgement: the thanks page is theirs, and the team already wrote (or will). None
    when nothing is open, so the message makes its own inquiry.
    """
    if not contact_hash:
        return None
    found = _open_inquiry_of(contact_hash)
    if found is None:
        return None
    open_id, open_token = found
    if token and token == open_token:
        # The same form sent again (a double tap, a resend) after its first copy made this
        # inquiry. A copy that joined it as a further message is caught below, by the
        # message's unique id, so this path looks nothing else up first.
        return _resubmitted(token, submission, result)
    from .inbound import _on_inquiry  # inbound builds on this module

    try:
        with transaction.atomic():
            inquiry = (
                Inquiry.objects.select_for_update(of=("self",))
                .select_related("queue")
                .filter(pk=open_id, status__in=Inquiry.OPEN_STATUSES, erased_at__isnull=True)
                .first()
            )
            if inquiry is None:  # closed a moment ago: the message makes its own inquiry
                return None
            further = _form_message(inquiry, submission, token=token, now=now)
            take_new_preferences(inquiry, submission, now=now)
            _on_inquiry(inquiry, further, result=result)
    except IntegrityError:
        existing = _resubmitted(token, submission, result) if token else None
        if existing is None:
            raise
        return existing
    logger.info("further message joined inquiry id=%s inbound=%s", inquiry.pk, further.pk)
    return inquiry


def _note_on_open_inquiry(inquiry: Inquiry) -> None:
    """A message with a risk level made its own inquiry: an open one from the same person
    records that it did, so whoever works that one sees there is more (ids only)."""
    found = _open_inquiry_of(inquiry.contact_hash, besides=inquiry.pk)
    if found is not None:
        InquiryEvent.objects.create(
            inquiry_id=found[0],
            kind=InquiryEvent.Kind.WROTE_AGAIN,
            reason=inquiry.priority,
            data={"inquiry": inquiry.pk},
        )


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
