"""A queue's on-call phone: set, then confirmed with a one-time code texted to it."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .. import crypto
from ..exceptions import ActionRefused, Refusal
from ..messaging import email as email_channel
from ..messaging import sms as sms_channel
from ..messaging.render import render_sms
from ..models import CoordinatorQueue
from .audit import _audit
from .common import Actor, logger

ON_CALL_CODE_MINUTES = 15


ON_CALL_CODE_TRIES = 5


def _on_call_code_hash(queue: CoordinatorQueue, code: str) -> str:
    # Keyed and bound to the queue and number: a code is worth nothing anywhere else.
    return salted_hmac(
        "intake.on_call_code", f"{queue.pk}:{queue.on_call_phone}:{code}", algorithm="sha256"
    ).hexdigest()


def on_call_phone_set(*, actor: Actor, queue_id: int, phone: str) -> CoordinatorQueue:
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


def on_call_code_send(*, actor: Actor, queue_id: int) -> CoordinatorQueue:
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


def on_call_phone_confirm(*, actor: Actor, queue_id: int, code: str) -> CoordinatorQueue:
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
