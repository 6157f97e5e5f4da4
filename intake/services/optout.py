"""Texts people send us: STOP turns texting off everywhere, START lifts the block, HELP
says who we are; any other text is kept with the person's open inquiry, or starts one."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import crypto
from ..messaging import sms
from ..messaging.email import PermanentSendError, TransientSendError
from ..messaging.render import render_sms
from ..models import Inquiry, InquiryEvent, OutboundMessage, SMSOptOut
from .common import logger
from .outbox import _event
from .submit import Submission, inquiry_submit

STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "parar", "alto", "sair"}


START_WORDS = {"start", "unstop", "yes"}

# STOP words that mean nothing else: they opt out even with more words after them.
CLEAR_STOP_WORDS = {"stop", "stopall", "unsubscribe"}

HELP_WORDS = {"help", "info", "ayuda", "ajuda"}

# Stored as the consent version of an inquiry a person started by texting us: they wrote
# first, from that number, so answering there is consent by initiation (not the form's box).
CONSENT_BY_INITIATION = "text-initiated"


def sms_inbound(*, phone: str, body: str, external_id: str = "") -> str:
    """Handle a text a person sent us.

    STOP turns texting off everywhere ("opted_out"), START lifts the block ("opted_in"),
    HELP is answered at once with the program's name, phone and 988 ("help"). Any other text
    is stored encrypted through ``message_receive`` on the open inquiry of that number
    ("stored"), or starts a new inquiry through ``inquiry_submit``, recorded as consent by
    initiation and acknowledged like any other ("new_inquiry"). "ignored": no number or no
    words. A text's content is never logged; ``external_id`` (the provider's id) keeps a
    text the provider sends twice to one inquiry or one message.
    """
    number = crypto.normalise_phone(phone) or phone.strip()
    phone_hash = crypto.contact_hash(number)
    words = body.split()
    word = words[0].lower().strip(".!") if words else ""
    if not phone_hash or not word:
        return "ignored"
    # A keyword alone is a keyword; "Yes, I'd like to come back" or "Cancel my Tuesday" is
    # a message. Only an unmistakable STOP word opts out when more words follow it.
    alone = len(words) == 1
    if alone and word in START_WORDS:
        SMSOptOut.objects.filter(phone_hash=phone_hash).delete()
        return "opted_in"
    if alone and word in HELP_WORDS:
        _help_reply(number, external_id=external_id)
        return "help"
    if not (word in STOP_WORDS and (alone or word in CLEAR_STOP_WORDS)):
        return _text_received(number, phone_hash, body=body, external_id=external_id)
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


def _help_reply(number: str, *, external_id: str) -> None:
    """The short answer to HELP, sent now: who we are, our number, 988. Nothing personal,
    so it goes straight to the channel (a number that never wrote has no inquiry to owe it)."""
    context = {
        "org_name": settings.ORG_NAME,
        "program_phone": settings.PROGRAM_PHONE,
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
    }
    seed = external_id or f"{number}:{timezone.now():%Y%m%d%H%M}"
    reference = "help-" + hashlib.sha256(seed.encode()).hexdigest()[:24]
    try:
        sms.send_sms(to=number, body=render_sms("help", context, "en"), reference=reference)
    except (TransientSendError, PermanentSendError) as exc:
        logger.warning("help reply not sent error=%s", type(exc).__name__)


def _open_inquiry(phone_hash: str) -> Inquiry | None:
    """The newest open inquiry reached at this number (never an erased one)."""
    return (
        Inquiry.objects.filter(
            Q(contact_hash=phone_hash) | Q(other_contact_hash=phone_hash),
            status__in=Inquiry.OPEN_STATUSES,
            erased_at__isnull=True,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def _text_received(number: str, phone_hash: str, *, body: str, external_id: str) -> str:
    from ..messaging.inbound import Incoming
    from .inbound import message_receive

    # A text that started an inquiry, sent again by the provider, is that inquiry.
    token = "sms-" + hashlib.sha256(external_id.encode()).hexdigest()[:40] if external_id else None
    if token and Inquiry.objects.filter(submission_token=token).exists():
        return "new_inquiry"
    if _open_inquiry(phone_hash) is not None:
        message_receive(
            incoming=Incoming(
                channel="sms",
                sender=number,
                body=body,
                external_id=external_id,
                received_at=timezone.now(),
            ),
            source="sms",
        )
        return "stored"
    with transaction.atomic():
        inquiry = inquiry_submit(
            submission=Submission(
                message=body,
                contact_method=Inquiry.ContactMethod.TEXT,
                consent=True,
                phone=number,
                text_ok=True,
            ),
            submission_token=token,
        )
        Inquiry.objects.filter(pk=inquiry.pk).update(
            consent_version=CONSENT_BY_INITIATION, text_consent_version=CONSENT_BY_INITIATION
        )
    logger.info("text started an inquiry id=%s", inquiry.pk)
    return "new_inquiry"
