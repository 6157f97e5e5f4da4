"""The person writes back: every message that comes in is stored once, on the right inquiry.

``message_receive`` is the one way in (the mail folder, the mail webhook, texts). It matches a
message to its inquiry by the reply token in the address it was sent to, else by the
Message-IDs it answers, else (a text) by the sender's number; anything else (an unknown or
forged token, an erased inquiry) waits in the *Unmatched* list, where a coordinator attaches
it (``inbound_attach``) or discards it (``inbound_discard``) — unless screening reads it as
urgent: then it starts an inquiry of its own, so nobody in danger waits in a list.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .. import crypto, screening
from ..exceptions import ActionRefused, Refusal
from ..messaging.inbound import Incoming, parse_email, reply_token_valid, reply_tokens_in
from ..models import (
    CoordinatorQueue,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
    Priority,
)
from ..routing_cache import first_contact_due
from .audit import _audit
from .common import Actor, logger
from .outbox import _enqueue_on_commit, _event, _outbound_create, _queued_event
from .submit import _risk_alerts

if TYPE_CHECKING:
    from .mailbox import MailboxPass

_OUR_MESSAGE_ID = re.compile(r"^<([0-9a-fA-F-]{36})@(.+)>$")
_RANK = {Priority.ROUTINE: 0, Priority.REVIEW: 1, Priority.URGENT: 2}


def message_receive(*, incoming: Incoming, source: str) -> InboundMessage:
    """Store one message from a person, exactly once, and tell whoever should know.

    On its inquiry: stored encrypted, a ``message_received`` event (no text), the inquiry
    flagged as waiting on us (a closed or not-now inquiry keeps its status) with its
    first-contact clock restarted, a notice to the assignee or the queue's on-duty address,
    and the same screening as a new message (a crisis reply makes the inquiry urgent and
    pages on-call). An automatic reply or bounce is stored with an ``auto_reply_received``
    event and nothing else. No match: state *unmatched*, in the queue its To address names.
    A second delivery of the same message (same ``external_id``) returns the stored row.
    """
    external_id = (incoming.external_id or "").strip()[:255] or None
    if external_id:
        existing = InboundMessage.objects.filter(external_id=external_id).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            inbound = _store(incoming, source, external_id)
    except IntegrityError:
        # The same message arrived twice at once: the first one is the message.
        existing = InboundMessage.objects.filter(external_id=external_id).first()
        if existing is None:
            raise
        return existing
    logger.info(
        "inbound stored id=%s state=%s channel=%s source=%s automatic=%s inquiry=%s",
        inbound.pk,
        inbound.state,
        inbound.channel,
        source,
        inbound.is_automatic,
        inbound.inquiry_id,
    )
    return inbound


def _store(incoming: Incoming, source: str, external_id: str | None) -> InboundMessage:
    inquiry = _match(incoming)
    sender = incoming.sender.strip()
    normalised = (
        crypto.normalise_email(sender)
        if incoming.channel == InboundMessage.Channel.EMAIL
        else _phone(sender)
    )
    inbound = InboundMessage.objects.create(
        inquiry=inquiry,
        queue=inquiry.queue if inquiry is not None else _queue_of(incoming.recipients),
        state=InboundMessage.State.ATTACHED if inquiry else InboundMessage.State.UNMATCHED,
        channel=incoming.channel,
        source=source,
        external_id=external_id,
        sender_hash=crypto.contact_hash(normalised) if normalised else "",
        sender=sender[:320],
        subject=incoming.subject,
        body=incoming.body,
        quoted=incoming.quoted,
        original=incoming.original,
        attachments_dropped=min(incoming.attachments_dropped, 32767),
        is_automatic=incoming.is_automatic,
        received_at=incoming.received_at or timezone.now(),
    )
    if inquiry is not None:
        _on_inquiry(inquiry, inbound)
    elif _in_danger(inbound):
        _start_urgent_inquiry(inbound, normalised)
    return inbound


# Recorded as the consent of an inquiry a person started by writing to the reply address.
CONSENT_BY_EMAIL = "email-initiated"


def _in_danger(inbound: InboundMessage) -> bool:
    """An unmatched message that screening reads as urgent does not wait in a list."""
    return (
        not inbound.is_automatic
        and inbound.channel == InboundMessage.Channel.EMAIL
        and bool(inbound.body.strip())
        and screening.screen(inbound.body).level == Priority.URGENT
    )


def _start_urgent_inquiry(inbound: InboundMessage, address: str) -> None:
    """Someone in danger wrote from an address we cannot match: their message becomes a new
    inquiry (urgent, so on-call is paged and they get the crisis acknowledgement), never
    attached to anyone else's, and the stored message is linked to it."""
    from .submit import Submission, inquiry_submit

    inquiry = inquiry_submit(
        submission=Submission(
            message=inbound.body,
            contact_method=Inquiry.ContactMethod.EMAIL,
            email=address,
            consent=True,
        ),
        submission_token=f"inbound-{inbound.public_id}",
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(consent_version=CONSENT_BY_EMAIL)
    inbound.inquiry = inquiry
    inbound.queue = inquiry.queue
    inbound.state = InboundMessage.State.ATTACHED
    inbound.save(update_fields=["inquiry", "queue", "state"])


def _phone(value: str) -> str:
    try:
        return crypto.normalise_phone(value)
    except ValueError:
        return value


def _match(incoming: Incoming) -> Inquiry | None:
    """The inquiry this message belongs to, locked; None: it goes to the Unmatched list."""
    tokens = reply_tokens_in(incoming.recipients)
    inquiry_id = None
    if tokens:
        # A reply address that is not ours (a made-up or altered token) never falls back to
        # anything else: nobody's inquiry gets mail by guessing.
        valid = [token for token in tokens if reply_token_valid(token)]
        if not valid:
            return None
        inquiry_id = (
            Inquiry.objects.filter(reply_token__in=valid).values_list("pk", flat=True).first()
        )
    if inquiry_id is None and incoming.references:
        inquiry_id = _by_references(incoming.references)
    if (
        inquiry_id is None
        and incoming.channel == InboundMessage.Channel.SMS
        and not tokens
        and incoming.sender
    ):
        phone_hash = crypto.contact_hash(_phone(incoming.sender))
        inquiry_id = (
            Inquiry.objects.filter(
                Q(contact_hash=phone_hash) | Q(other_contact_hash=phone_hash),
                status__in=Inquiry.OPEN_STATUSES,
                erased_at__isnull=True,
            )
            .order_by("-created_at")
            .values_list("pk", flat=True)
            .first()
        )
    if inquiry_id is None:
        return None
    inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
    if inquiry is None or inquiry.erased_at is not None:
        return None  # an erased inquiry never receives
    return inquiry


def _by_references(references: tuple[str, ...]) -> int | None:
    """The inquiry of the newest message we sent to the person that this one answers."""
    ids = []
    for reference in references:
        found = _OUR_MESSAGE_ID.match(reference.strip())
        if found and found.group(2).lower() == settings.MESSAGE_ID_DOMAIN.lower():
            try:
                ids.append(uuid.UUID(found.group(1)))
            except ValueError:
                continue
    if not ids:
        return None
    return (
        OutboundMessage.objects.filter(public_id__in=ids, inquiry__isnull=False)
        .exclude(kind__in=OutboundMessage.STAFF_KINDS)
        .order_by("-created_at")
        .values_list("inquiry_id", flat=True)
        .first()
    )


def _queue_of(recipients: tuple[str, ...]) -> CoordinatorQueue | None:
    """The queue whose reply-to address the message was sent to (where it is triaged)."""
    addresses = {address.strip().lower() for address in recipients if address}
    if not addresses:
        return None
    for queue in CoordinatorQueue.objects.exclude(reply_to_email=""):
        if queue.reply_to_email.strip().lower() in addresses:
            return queue
    return None


def _on_inquiry(
    inquiry: Inquiry,
    inbound: InboundMessage,
    *,
    actor: Actor = None,
    notify: bool = True,
    result: screening.Screening | None = None,
) -> list[int]:
    """What a message on an inquiry sets off (the inquiry is locked by the caller).

    ``result``: the message's screening when the caller already ran it (the form does).
    """
    kind = InquiryEvent.Kind
    _event(
        inquiry,
        kind.AUTO_REPLY_RECEIVED if inbound.is_automatic else kind.MESSAGE_RECEIVED,
        actor=actor,
        reason=inbound.channel,
        data={"inbound": inbound.pk},
    )
    if inbound.is_automatic:
        return []
    now = timezone.now()
    fields = ["updated_at"]
    if inquiry.waiting_on_us_since is None:
        inquiry.waiting_on_us_since = now
        fields.append("waiting_on_us_since")
    if result is None:
        result = screening.screen(inbound.body)
    level = Priority(result.level)
    raised = _RANK.get(level, 0) > _RANK.get(Priority(inquiry.priority), 0)
    crisis = level == Priority.URGENT
    previous = inquiry.priority
    if raised:
        inquiry.priority = level
        fields.append("priority")
    if crisis:
        # A new alert: escalation runs again until someone acknowledges this one.
        inquiry.alert_acknowledged_at = None
        inquiry.alert_acknowledged_by = None
        fields += ["alert_acknowledged_at", "alert_acknowledged_by"]
    if inquiry.queue is not None:
        # The first-contact clock starts again from this message, on the queue's clock.
        inquiry.first_contact_due_at = first_contact_due(
            inquiry.queue, now, priority=inquiry.priority
        )
        inquiry.overdue_notified_at = None
        fields += ["first_contact_due_at", "overdue_notified_at"]
    inquiry.save(update_fields=fields)
    owed: list[int] = []
    if raised:
        _event(
            inquiry,
            InquiryEvent.Kind.PRIORITY_CHANGED,
            from_state=previous,
            to_state=inquiry.priority,
            reason=result.concept or "reply",
            data={"inbound": inbound.pk},
        )
    if raised or crisis:
        for alert in _risk_alerts(inquiry):
            alert.dedupe_key = f"{alert.dedupe_key}-in{inbound.pk}"[:64]
            alert.save(force_insert=True)
            _queued_event(alert).save(force_insert=True)
            owed.append(alert.pk)
    if notify and not (actor is not None and actor.pk == inquiry.assigned_to_id):
        notice = _outbound_create(
            inquiry,
            OutboundMessage.Kind.REPLY_NOTICE,
            OutboundMessage.Channel.EMAIL,
            "reply_notice",
            language=settings.LANGUAGE_CODE,
            dedupe_key=f"inbound-{inbound.pk}",
        )
        owed.append(notice.pk)
    if owed:
        _enqueue_on_commit(inquiry.pk, owed)
    return owed


def _locked_inbound(inbound_id: int) -> InboundMessage | None:
    """The message, locked; None when it is gone (a message never disappears by itself)."""
    return InboundMessage.objects.select_for_update().filter(pk=inbound_id).first()


def inbound_attach(*, actor: Actor, inbound_id: int, inquiry_id: int) -> InboundMessage:
    """Put an unmatched message on the inquiry a coordinator chose.

    It then counts as the person's message there (event, waiting flag, clock, screening);
    the assignee is told unless they attached it themselves. Writes audit records for the
    message and the inquiry. A message already attached or discarded (by a colleague a
    moment ago) is returned as it is: the caller tells the staff member from its state.
    """
    with transaction.atomic():
        inbound = _locked_inbound(inbound_id)
        inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        if inbound is None or inquiry is None or inquiry.erased_at is not None:
            # An erased inquiry never receives anything.
            raise ActionRefused(Refusal.MISSING)
        if inbound.state != InboundMessage.State.UNMATCHED:
            return inbound
        inbound.inquiry = inquiry
        inbound.queue = inquiry.queue
        inbound.state = InboundMessage.State.ATTACHED
        inbound.handled_by = actor
        inbound.handled_at = timezone.now()
        inbound.save(update_fields=["inquiry", "queue", "state", "handled_by", "handled_at"])
        _on_inquiry(inquiry, inbound, actor=actor)
        _audit(actor, inbound)
        _audit(actor, inquiry)
    logger.info("inbound attached id=%s inquiry=%s", inbound.pk, inquiry.pk)
    return inbound


def inbound_discard(*, actor: Actor, inbound_id: int) -> InboundMessage:
    """Set an unmatched message aside (spam, a wrong address): it stays, discarded.

    A message already handled is returned as it is. Writes an audit record.
    """
    with transaction.atomic():
        inbound = _locked_inbound(inbound_id)
        if inbound is None:
            raise ActionRefused(Refusal.MISSING)
        if inbound.state != InboundMessage.State.UNMATCHED:
            return inbound
        inbound.state = InboundMessage.State.DISCARDED
        inbound.handled_by = actor
        inbound.handled_at = timezone.now()
        inbound.save(update_fields=["state", "handled_by", "handled_at"])
        _audit(actor, inbound)
    logger.info("inbound discarded id=%s", inbound.pk)
    return inbound


def waiting_clear(inquiry: Inquiry) -> list[str]:
    """Staff answered or reached the person: the inquiry no longer waits on us.

    Changes the (locked) inquiry in memory and returns the fields to save.
    """
    if inquiry.waiting_on_us_since is None:
        return []
    inquiry.waiting_on_us_since = None
    return ["waiting_on_us_since"]


@dataclass(frozen=True)
class PollResult:
    """The mail folder's counts, and the mailbox's pass (None: no mailbox configured)."""

    stored: int = 0
    failed: int = 0
    mailbox: MailboxPass | None = None


def inbound_poll(*, directory: Path | None = None, now: bool = False) -> PollResult:
    """One pass over the inbound sources: the mail folder, then the mailbox (IMAP) when
    ``INBOUND_IMAP_URL`` is set (``services.mailbox``; ``now`` tries it even while it backs
    off after failures).

    The folder (``INBOUND_EMAIL_DIR``): each ``.eml`` file is stored with ``message_receive``
    and moved to ``done/`` (unreadable or too large: ``failed/``), so no file is read twice;
    the same message in two files is still stored once. A database fault leaves the file
    where it is for the next pass. Logs counts only.
    """
    from .mailbox import mailbox_poll

    result = _folder_poll(directory)
    if settings.INBOUND_IMAP_URL:
        result = PollResult(result.stored, result.failed, mailbox_poll(now=now))
    return result


def _folder_poll(directory: Path | None) -> PollResult:
    folder = Path(directory or settings.INBOUND_EMAIL_DIR)
    if not folder.is_dir():
        return PollResult()
    stored = failed = 0
    for path in sorted(folder.glob("*.eml")):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue  # another pass took it
        try:
            incoming = parse_email(raw)
        except Exception as exc:  # noqa: BLE001 - a broken file must not stop the others
            logger.warning("inbound file refused error=%s", type(exc).__name__)
            _move(path, folder / "failed")
            failed += 1
            continue
        try:
            message_receive(incoming=incoming, source=InboundMessage.Source.FOLDER)
        except DatabaseError as exc:
            logger.warning("inbound file left for the next pass error=%s", type(exc).__name__)
            continue
        _move(path, folder / "done")
        stored += 1
    if stored or failed:
        logger.info("inbound folder pass stored=%d failed=%d", stored, failed)
    return PollResult(stored=stored, failed=failed)


def _move(path: Path, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    target = into / path.name
    if target.exists():
        target = into / f"{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}"
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, target)
