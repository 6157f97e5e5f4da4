"""E-mail channel: send one rendered message with a stable Message-ID; classify failures."""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import threading
import time
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.utils.module_loading import import_string

from .render import RenderedEmail

# SMTP connection reuse (measured by `make bench`): opening a connection (TCP, greeting, EHLO, and
# STARTTLS/AUTH in production) and closing it (QUIT) cost more round trips than sending the
# message itself, so each worker thread keeps one connection open between messages. It is
# trusted only while recently used (servers drop idle sessions, Postfix after 300 s), carries
# a bounded number of messages (providers cap messages per session), and is thrown away on
# any error, so a failure never leaves a half-used session for the next message.
SMTP_REUSE_IDLE_SECONDS = 10.0
SMTP_REUSE_MAX_MESSAGES = 100
_held = threading.local()


class _HeldConnection:
    """One open SMTP backend, owned by one thread of one process."""

    def __init__(self, key: tuple) -> None:
        self.key = key
        self.backend = get_connection(fail_silently=False)
        self.sent = 0
        self.last_used = time.monotonic()

    def usable(self, key: tuple) -> bool:
        return (
            self.key == key
            and self.sent < SMTP_REUSE_MAX_MESSAGES
            and time.monotonic() - self.last_used < SMTP_REUSE_IDLE_SECONDS
        )

    def drop(self, *, polite: bool) -> None:
        """QUIT when the session is healthy; otherwise just close the socket (no wait)."""
        backend = self.backend
        if polite and backend.connection is not None:
            with contextlib.suppress(Exception):  # closing is best effort
                backend.close()
        for conn in (backend.connection, getattr(backend, "_partial_connection", None)):
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()  # smtplib: closes the socket, sends nothing
        backend.connection = None


def _smtp_key() -> tuple | None:
    """What the held connection depends on; None when the backend is not SMTP (no reuse)."""
    try:
        backend_class = import_string(settings.EMAIL_BACKEND)
    except ImportError:
        return None
    if not issubclass(backend_class, SMTPBackend):
        return None  # file, console and memory backends keep their one-call behaviour
    return (
        os.getpid(),  # a connection never crosses a fork (prefork pool children)
        settings.EMAIL_BACKEND,
        settings.EMAIL_HOST,
        settings.EMAIL_PORT,
        settings.EMAIL_HOST_USER,
        settings.EMAIL_HOST_PASSWORD,
        settings.EMAIL_USE_TLS,
        settings.EMAIL_USE_SSL,
        settings.EMAIL_TIMEOUT,
    )


def _held_connection() -> _HeldConnection | None:
    key = _smtp_key()
    if key is None:
        return None
    held: _HeldConnection | None = getattr(_held, "connection", None)
    if held is not None and not held.usable(key):
        # A forked copy is not ours to talk on. One idle too long may be dead, and one for an
        # older configuration may point at a server that is gone: only a connection retired
        # because it is full, and recently used, gets a QUIT (which waits for an answer).
        if held.key[0] == key[0]:
            recent = time.monotonic() - held.last_used < SMTP_REUSE_IDLE_SECONDS
            held.drop(polite=held.key == key and recent)
        held = None
    if held is None:
        held = _held.connection = _HeldConnection(key)
    return held


def _release(held: _HeldConnection | None, *, failed: bool) -> None:
    if held is None:
        return
    if failed:
        held.drop(polite=False)
        _held.connection = None
    else:
        held.sent += 1
        held.last_used = time.monotonic()


# The extra headers a caller may set: a reply names the messages it answers.
_THREAD_HEADERS = frozenset({"In-Reply-To", "References"})


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
    headers: dict[str, str] | None = None,
    connection=None,
) -> str:
    """Send once; returns the Message-ID as the provider id. Raises a *SendError.

    Without an explicit ``connection``, an SMTP backend's connection is reused across calls
    in this thread (see ``SMTP_REUSE_*`` above); other backends get a fresh one each call.
    """
    if not to:
        raise PermanentSendError("no address")
    held = None if connection is not None else _held_connection()
    if connection is None:
        connection = held.backend if held is not None else get_connection(fail_silently=False)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=formataddr((settings.ORG_NAME, settings.DEFAULT_FROM_EMAIL)),
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        # ``headers``: threading (In-Reply-To, References) only; ours come last and win.
        headers={
            **{k: v for k, v in (headers or {}).items() if k in _THREAD_HEADERS},
            "Message-ID": message_id,
            "Auto-Submitted": "auto-generated",
        },
        connection=connection,
    )
    message.attach_alternative(rendered.html, "text/html")
    try:
        if held is not None:
            # Opened here: send() closes a connection that it had to open itself.
            held.backend.open()
        message.send(fail_silently=False)
    except Exception as exc:
        _release(held, failed=True)
        raise classify(exc)(describe(exc)) from exc
    _release(held, failed=False)
    return message_id
