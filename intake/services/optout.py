"""Texts people send us: STOP turns texting off everywhere, START lifts the block."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from .. import crypto
from ..models import Inquiry, InquiryEvent, OutboundMessage, SMSOptOut
from .common import logger
from .outbox import _event

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
