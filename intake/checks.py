"""System checks that stop a dangerous configuration from starting (ids intake.E0xx)."""

from __future__ import annotations

from cryptography.fernet import Fernet
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .crypto import CONTACT_HASH_KEY_MIN_LENGTH


def check_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every intake check: the storage keys and, outside DEBUG, what serving needs."""
    return [*check_storage_keys(), *check_serving()]


@checks.register(checks.Tags.security, deploy=True)
def check_storage_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Without these keys no inquiry can be written or read (E001–E003).

    A deploy check, reported by ``check --deploy``, and enforced where the keys are used: the
    web servers and the Celery worker refuse to start (``refuse_unsafe_start``), and
    ``crypto`` refuses to encrypt or hash without them. Commands that touch no inquiry
    (``makemigrations``, ``collectstatic``) run without them.
    """
    errors: list[checks.CheckMessage] = []
    keys = list(getattr(settings, "FIELD_ENCRYPTION_KEYS", []) or [])
    if not keys:
        errors.append(
            checks.Error(
                "FIELD_ENCRYPTION_KEYS is not set: messages and contact details cannot be "
                "stored safely.",
                hint="Generate a key with `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'` and set FIELD_ENCRYPTION_KEYS. Keep a "
                "backup: losing the keys loses every inquiry.",
                id="intake.E001",
            )
        )
    else:
        for index, key in enumerate(keys):
            try:
                Fernet(key.encode())
            except (ValueError, TypeError):
                errors.append(
                    checks.Error(
                        f"FIELD_ENCRYPTION_KEYS entry {index + 1} is not a valid Fernet key.",
                        hint="Each key is 32 url-safe base64-encoded bytes (44 characters).",
                        id="intake.E002",
                    )
                )
    if len(getattr(settings, "CONTACT_HASH_KEY", "") or "") < CONTACT_HASH_KEY_MIN_LENGTH:
        errors.append(
            checks.Error(
                "CONTACT_HASH_KEY is missing or shorter than 16 characters.",
                hint="Set CONTACT_HASH_KEY to a long random value of its own (not the secret "
                "key): `python -c 'import secrets; print(secrets.token_urlsafe(32))'`.",
                id="intake.E003",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_serving(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """What serving pages needs (E004–E005): ``check --deploy``, and the web servers refuse.

    A deploy check, like Django's own secret-key check: ``migrate`` and ``makemigrations``
    need no secret key or host names, and gunicorn/uvicorn still will not start without them
    (``refuse_unsafe_start``).
    """
    errors: list[checks.CheckMessage] = []
    if settings.DEBUG:
        return errors
    if len(_secret_key()) < 32:
        errors.append(
            checks.Error(
                "DJANGO_SECRET_KEY is missing or too short for production.",
                hint="Set DJANGO_SECRET_KEY to at least 50 random characters.",
                id="intake.E004",
            )
        )
    if not settings.ALLOWED_HOSTS:
        errors.append(
            checks.Error(
                "DJANGO_ALLOWED_HOSTS is empty.",
                hint="List the host names this site answers to, comma separated.",
                id="intake.E005",
            )
        )
    return errors


@checks.register()
def check_program_phone(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """PROGRAM_PHONE is offered on the public form only when it is a number people can dial."""
    from .crypto import normalise_phone

    value = getattr(settings, "PROGRAM_PHONE", "") or ""
    if value and not normalise_phone(value):
        return [
            checks.Warning(
                f"PROGRAM_PHONE ({value!r}) is not a phone number that can be dialled: the "
                "public form does not offer it.",
                hint="Write it with its area code, e.g. +1 617 555 0100, or leave it unset.",
                id="intake.W001",
            )
        ]
    return []


@checks.register()
def check_mailbox(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The mailbox source's settings can be used (E006); never quotes the URL (a password)."""
    if not getattr(settings, "INBOUND_IMAP_URL", ""):
        return []
    from pathlib import Path

    from .messaging.imap import MailboxConfigError, mailbox_configured

    try:
        mailbox_configured()
    except MailboxConfigError as exc:
        return [
            checks.Error(
                str(exc),
                hint="See README, Reading replies from a mailbox (IMAP).",
                id="intake.E006",
            )
        ]
    ca_file = settings.INBOUND_IMAP_CA_FILE
    if ca_file and not Path(ca_file).is_file():
        return [
            checks.Error(
                "INBOUND_IMAP_CA_FILE is not a file that can be read.",
                hint="Give the path of the certificate authority's PEM file, or leave it unset.",
                id="intake.E006",
            )
        ]
    return []


def _secret_key() -> str:
    # Django raises on reading an empty SECRET_KEY; here that is the error to report, kindly.
    try:
        return settings.SECRET_KEY or ""
    except ImproperlyConfigured:
        return ""


def refuse_unsafe_start(*, serving: bool = True) -> None:
    """Raise on any intake error check: gunicorn and uvicorn must not serve a bad config.

    ``serving=False`` (the Celery worker) checks only the storage keys.
    """
    found = check_keys() if serving else check_storage_keys()
    problems = [m for m in found if m.level >= checks.ERROR]
    if problems:
        raise ImproperlyConfigured(
            "Reengage refuses to start:\n"
            + "\n".join(f"{m.id}: {m.msg} {m.hint}" for m in problems)
        )
