"""Staff two-step sign-in: set-up links, enrolling an authenticator, recovery codes.

Nobody adds an authenticator to an account without a one-time link a program admin sent to
the account's own e-mail address (or an operator printed with ``manage.py enrolment_link``),
so a leaked first password is never a whole account. Every enrolment, replacement and use of
a recovery code is audited and e-mailed to the account: "if this wasn't you, tell your
program admin". Account mail goes through the outbox like every other message, with no
inquiry and nothing about anyone's health.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..audit import audit_record
from ..exceptions import EnrolmentReason, EnrolmentRefused
from ..models import AuditEvent, EnrolmentLink, OutboundMessage, RecoveryCode, RecoveryCodeDevice
from .common import Actor, logger
from .outbox import _account_mail_create

RECOVERY_CODE_COUNT = 10


@dataclass(frozen=True)
class IssuedLink:
    """A set-up link just made. ``url`` holds the token: it is shown or sent, never stored."""

    link: EnrolmentLink
    url: str
    expires_at: datetime


@dataclass(frozen=True)
class Enrolment:
    """An authenticator just confirmed, with the recovery codes to show once."""

    device: TOTPDevice
    codes: list[str]
    replaced: bool


def enrolment_link_issue(*, actor: Actor, user_id: int, send: bool = True) -> IssuedLink:
    """Make a one-time set-up link for a staff account; e-mail it there when ``send``.

    A link sent earlier and not yet used stops working. ``actor`` None is an operator at
    the command line (``manage.py enrolment_link``). Refuses an inactive or non-staff
    account, a superuser's account unless a superuser asks, and (when sending) an account
    with no e-mail address.
    """
    now = timezone.now()
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            raise EnrolmentRefused(EnrolmentReason.NO_ACCOUNT)
        if not (user.is_active and user.is_staff):
            raise EnrolmentRefused(EnrolmentReason.NOT_STAFF)
        if user.is_superuser and actor is not None and not actor.is_superuser:
            raise EnrolmentRefused(EnrolmentReason.SUPERUSER)
        if send and not user.email:
            raise EnrolmentRefused(EnrolmentReason.NO_EMAIL)
        EnrolmentLink.objects.filter(EnrolmentLink.usable_q(now), user=user).update(revoked_at=now)
        token = EnrolmentLink.new_token()
        link = EnrolmentLink.objects.create(
            user=user,
            token_hash=EnrolmentLink.hash_token(token),
            created_by=actor if actor is not None and actor.is_authenticated else None,
            expires_at=now + timedelta(hours=settings.ENROLMENT_LINK_HOURS),
        )
        url = settings.SITE_URL + reverse("intake-2fa-enrol", args=[token])
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=link)
        if send:
            _account_mail_create(
                user, OutboundMessage.Kind.ENROLMENT_LINK, "staff_enrolment_link", body=url
            )
    logger.info("enrolment link issued link=%s user=%s sent=%s", link.pk, user.pk, send)
    return IssuedLink(link=link, url=url, expires_at=link.expires_at)


def authenticator_start(*, user, link_id: int) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for the set-up page, while the link still works.

    Any other unconfirmed one is dropped, so the only secret that can ever be confirmed is
    the one just shown to whoever holds the link.
    """
    now = timezone.now()
    with transaction.atomic():
        link = EnrolmentLink.objects.filter(pk=link_id, user=user).first()
        if link is None or link.state(now) != EnrolmentLink.State.USABLE:
            raise _link_refused(link, now)
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def authenticator_enrol(*, user, link_id: int, device_id: int) -> Enrolment:
    """Confirm the authenticator whose code was just checked; use the link up; new codes.

    One transaction: the link is taken by a conditional UPDATE (a second use, even at the
    same instant, is refused and changes nothing), any earlier authenticator and recovery
    codes are removed (a replacement), ten new recovery codes are made, and the audit rows
    and the e-mail to the account are written.
    """
    now = timezone.now()
    with transaction.atomic():
        taken = EnrolmentLink.objects.filter(
            EnrolmentLink.usable_q(now), pk=link_id, user=user
        ).update(used_at=now)
        if not taken:
            raise _link_refused(EnrolmentLink.objects.filter(pk=link_id, user=user).first(), now)
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=device_id, user=user, confirmed=False)
            .first()
        )
        if device is None:
            raise EnrolmentRefused(EnrolmentReason.NO_DEVICE)
        earlier = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk)
        replaced = earlier.filter(confirmed=True).exists()
        earlier.delete()
        RecoveryCodeDevice.objects.filter(user=user).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes, recovery = _recovery_codes_create(user)
        action = AuditEvent.Action.CHANGE if replaced else AuditEvent.Action.CREATE
        audit_record(actor=user, action=action, obj=device)
        audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=recovery)
        _account_mail_create(user, OutboundMessage.Kind.ACCOUNT_NOTICE, "staff_authenticator_added")
    logger.info("authenticator enrolled user=%s replaced=%s", user.pk, replaced)
    return Enrolment(device=device, codes=codes, replaced=replaced)


def _link_refused(link: EnrolmentLink | None, now: datetime) -> EnrolmentRefused:
    """Why this link (or no link) cannot be used now."""
    reasons: dict[str, EnrolmentReason] = {
        EnrolmentLink.State.USED: EnrolmentReason.USED,
        EnrolmentLink.State.EXPIRED: EnrolmentReason.EXPIRED,
        EnrolmentLink.State.REVOKED: EnrolmentReason.REVOKED,
    }
    state = link.state(now) if link is not None else ""
    return EnrolmentRefused(reasons.get(state, EnrolmentReason.UNKNOWN))


def _recovery_codes_create(user) -> tuple[list[str], RecoveryCodeDevice]:
    device = RecoveryCodeDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [RecoveryCode.new_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, code_hash=RecoveryCode.hash_code(code)) for code in codes]
    )
    return codes, device


def recovery_code_sign_in(*, user, code: str) -> RecoveryCodeDevice | None:
    """The device that accepted this recovery code (now used up), or None.

    A wrong code counts against the device's back-off like a wrong app code. A code that
    worked is audited and the account is told by e-mail, with how many codes are left.
    """
    with transaction.atomic():
        device = (
            RecoveryCodeDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        )
        if device is None or not device.verify_token(code):
            return None
        audit_record(actor=user, action=AuditEvent.Action.CHANGE, obj=device)
        _account_mail_create(user, OutboundMessage.Kind.ACCOUNT_NOTICE, "staff_recovery_code_used")
    logger.info("recovery code used user=%s", user.pk)
    return device


def authenticator_sign_in(*, user, token: str) -> TOTPDevice | None:
    """The user's confirmed authenticator that accepts this code, or None.

    Each device is checked under a row lock: its use records the code's time step (so the
    same code never signs in twice) and its throttle counts wrong guesses.
    """
    with transaction.atomic():
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(token):
                return device
    return None
