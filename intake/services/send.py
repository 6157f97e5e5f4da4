"""One message going out: whether it may, to whom, what it says, and the one channel call."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .. import crypto
from ..messaging import email as email_channel
from ..messaging import inbound
from ..messaging import sms as sms_channel
from ..messaging.render import render_email, render_sms
from ..models import InboundMessage, Inquiry, OutboundMessage, Priority, SMSOptOut
from ..routing_cache import queue_clock


def _account_address(message: OutboundMessage) -> str:
    """Where a staff member's account mail goes: their address now, if still active."""
    user = message.recipient
    if user is None or not user.is_active:
        return ""
    return user.email


def _account_context(message: OutboundMessage) -> dict:
    """What an account mail says: the account, the time, a link. Never an inquiry."""
    from ..models import RecoveryCode

    user = message.recipient
    when = message.created_at or timezone.now()
    return {
        "org_name": settings.ORG_NAME,
        "username": user.get_username() if user is not None else "",
        "when": when.astimezone(ZoneInfo(settings.TIME_ZONE)),
        "link": message.body,
        "hours": settings.ENROLMENT_LINK_HOURS,
        "codes_left": RecoveryCode.objects.filter(
            device__user=user, device__confirmed=True, used_at__isnull=True
        ).count(),
        "sign_in_url": settings.SITE_URL + reverse("admin:login"),
        # Staff mail about work (a note ready for review) ends with the crisis line too.
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
    }


def _skip_reason(message: OutboundMessage) -> str:
    if message.inquiry is None:
        return "" if _account_address(message) else "no_recipient"
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


def message_context(message: OutboundMessage, at: datetime | None = None) -> dict:
    """What ``message``'s templates are rendered from, read from current rows.

    ``at`` is the moment the message goes out (now by default): an urgent acknowledgement's
    promise depends on whether the team is working then. The case page shows what a person
    read by rendering again with the time it was sent.
    """
    if message.inquiry is None:
        return _account_context(message)
    inquiry = message.inquiry
    queue = inquiry.queue
    tz = ZoneInfo(queue.time_zone if queue else settings.TIME_ZONE)
    due_local = None
    if queue and inquiry.first_contact_due_at:
        due_local = inquiry.first_contact_due_at.astimezone(tz)
    return {
        "org_name": settings.ORG_NAME,
        # Every time in the message is written on this clock (messaging.render).
        "time_zone": tz,
        "preferred_name": inquiry.preferred_name if message.to_person else "",
        "due": due_local,
        "urgent": inquiry.priority == Priority.URGENT,
        "review": inquiry.priority == Priority.REVIEW,
        **_urgent_promise(inquiry, tz, at or timezone.now()),
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
        # Where to come or how to join, and how to change it (intake/reassessments.py).
        "visit": _visit(message),
        "admin_url": settings.SITE_URL + reverse("admin:intake_inquiry_change", args=[inquiry.pk]),
        "worklist_url": settings.SITE_URL + reverse("admin:intake_inquiry_changelist"),
    }


def _visit(message: OutboundMessage):
    """The scheduled visit, for the reassessment confirmation only (others never say it)."""
    if message.kind != OutboundMessage.Kind.REASSESSMENT_CONFIRMATION or message.inquiry is None:
        return None
    from ..reassessments import visit

    return visit(message.inquiry)


def _urgent_promise(inquiry: Inquiry, tz, now: datetime) -> dict:
    """What an urgent acknowledgement may promise: minutes only while the team works."""
    queue = inquiry.queue
    if queue is None or inquiry.priority != Priority.URGENT or not inquiry.first_contact_due_at:
        return {"urgent_soon": False, "next_open": None}
    clock = queue_clock(queue)
    soon = clock.is_open(now) and inquiry.first_contact_due_at - now <= timedelta(
        minutes=queue.urgent_promise_minutes
    )
    return {"urgent_soon": soon, "next_open": clock.next_open(now).astimezone(tz)}


def _recipient(message: OutboundMessage) -> tuple[str, str]:
    """(to, reply_to) for this message, read from current rows at send time."""
    if message.inquiry is None:
        return _account_address(message), ""
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
        if message.kind == OutboundMessage.Kind.REPLY_NOTICE:
            # The person wrote back: their coordinator, or the on-duty address when nobody
            # has the inquiry (or its coordinator has no address or left).
            assignee = inquiry.assigned_to
            if assignee is not None and assignee.is_active and assignee.email:
                return assignee.email, ""
        return queue.alert_email, ""
    if message.channel == OutboundMessage.Channel.SMS:
        return inquiry.phone, ""
    return inquiry.email, _reply_address(inquiry) or reply_to


def _reply_address(inquiry: Inquiry) -> str:
    """``reply+<token>@…`` for this inquiry (its token made on first need); "" when
    ``INBOUND_EMAIL_ADDRESS`` is not set, so the queue's reply-to address is used."""
    if not settings.INBOUND_EMAIL_ADDRESS:
        return ""
    if not inquiry.reply_token:
        # Set once, by whichever send gets here first; a racing send reads the winner's.
        Inquiry.objects.filter(pk=inquiry.pk, reply_token__isnull=True).update(
            reply_token=inbound.reply_token_new()
        )
        inquiry.reply_token = (
            Inquiry.objects.filter(pk=inquiry.pk).values_list("reply_token", flat=True).first()
        )
    return inbound.reply_address(inquiry.reply_token or "")


def _thread_headers(message: OutboundMessage) -> dict[str, str]:
    """In-Reply-To and References for an e-mail to the person after the first one: the
    previous e-mail we sent them about this inquiry, and the last one they wrote to us."""
    if (
        message.inquiry_id is None
        or not message.to_person
        # The first e-mail to the person: nothing earlier to thread under, no query needed
        # on the busiest send.
        or message.kind == OutboundMessage.Kind.ACKNOWLEDGEMENT
    ):
        return {}
    earlier = (
        OutboundMessage.objects.filter(
            inquiry_id=message.inquiry_id,
            channel=OutboundMessage.Channel.EMAIL,
            status=OutboundMessage.Status.SENT,
            created_at__lte=message.created_at,
        )
        .exclude(pk=message.pk)
        .exclude(kind__in=OutboundMessage.STAFF_KINDS)
        .order_by("-created_at", "-pk")
        .only("public_id", "created_at")
        .first()
    )
    theirs = (
        InboundMessage.objects.filter(
            inquiry_id=message.inquiry_id,
            channel=InboundMessage.Channel.EMAIL,
            external_id__isnull=False,
            is_automatic=False,
        )
        .order_by("-received_at", "-pk")
        .values_list("external_id", flat=True)
        .first()
    )
    chain = [m for m in (earlier.message_id if earlier else "", theirs or "") if m]
    if not chain:
        return {}
    return {"In-Reply-To": chain[-1], "References": " ".join(chain)}


def _send(message: OutboundMessage) -> str:
    to, reply_to = _recipient(message)
    context = message_context(message)
    if message.channel == OutboundMessage.Channel.SMS:
        body = render_sms(message.template_key, context, message.language)
        return sms_channel.send_sms(to=to, body=body, reference=str(message.public_id))
    rendered = render_email(message.template_key, context, message.language)
    return email_channel.send_email(
        to=to,
        rendered=rendered,
        message_id=message.message_id,
        reply_to=reply_to,
        headers=_thread_headers(message),
    )
