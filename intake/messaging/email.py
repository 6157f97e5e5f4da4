"""E-mail channel: send one rendered message with a stable Message-ID; classify failures."""

from __future__ import annotations

import smtplib
import socket
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from .render import RenderedEmail


class TransientSendError(Exception):
    """Try again later (server down, timeout, 4xx)."""


class PermanentSendError(Exception):
    """Trying again will not help (5xx for this recipient, no address)."""


def classify(exc: BaseException) -> type[Exception]:
    """Which of the two send errors an exception from the mail backend amounts to."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return (
            TransientSendError
            if codes and all(400 <= c < 500 for c in codes)
            else PermanentSendError
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return TransientSendError if 400 <= exc.smtp_code < 500 else PermanentSendError
    if isinstance(exc, (smtplib.SMTPException, OSError, socket.timeout, TimeoutError)):
        return TransientSendError
    return TransientSendError


def describe(exc: BaseException) -> str:
    """An error label with no addresses or text: class name and SMTP code only."""
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({c for c, _m in exc.recipients.values()})
        return f"SMTPRecipientsRefused {codes}"
    return f"{type(exc).__name__}{f' {code}' if code else ''}"


def send_email(
    *,
    to: str,
    rendered: RenderedEmail,
    message_id: str,
    reply_to: str = "",
    connection=None,
) -> str:
    """Send once; returns the Message-ID as the provider id. Raises a *SendError."""
    if not to:
        raise PermanentSendError("no address")
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=formataddr((settings.ORG_NAME, settings.DEFAULT_FROM_EMAIL)),
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers={"Message-ID": message_id, "Auto-Submitted": "auto-generated"},
        connection=connection or get_connection(fail_silently=False),
    )
    message.attach_alternative(rendered.html, "text/html")
    try:
        message.send(fail_silently=False)
    except Exception as exc:
        raise classify(exc)(describe(exc)) from exc
    return message_id
