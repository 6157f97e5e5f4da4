"""Encryption at rest for sensitive text, and the keyed contact hash.

Values are Fernet tokens under ``FIELD_ENCRYPTION_KEYS`` (newest first): the newest key
encrypts, every listed key decrypts, so keys rotate without downtime. A value that no key
decrypts raises ``UndecryptableValue``: ciphertext is never shown as if it were text.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

CONTACT_HASH_KEY_MIN_LENGTH = 16
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 - every Fernet token starts with its version byte and timestamp


class UndecryptableValue(Exception):
    """A stored value that none of the configured keys can decrypt."""


@lru_cache(maxsize=8)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty (see intake.E001).")
    return MultiFernet([Fernet(k.encode()) for k in keys])


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError, ValueError) as exc:
        raise UndecryptableValue("A stored value could not be decrypted with any key.") from exc


def rotate(token: str) -> str:
    """Re-encrypt a token under the newest key (used by key rotation)."""
    try:
        return fernet().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, ValueError) as exc:
        raise UndecryptableValue("A stored value could not be decrypted with any key.") from exc


class EncryptedTextField(models.TextField):
    """A TextField stored as a Fernet token. Empty stays empty (nothing to hide)."""

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def get_db_prep_save(self, value, connection):
        return self.get_prep_value(value)


def normalise_email(value: str) -> str:
    return value.strip().lower()


def normalise_phone(value: str, region: str | None = None) -> str:
    """E.164 form of a phone number, or "" when it is not a valid number."""
    try:
        parsed = phonenumbers.parse(value, region or settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def contact_hash(value: str) -> str:
    """Keyed HMAC of one normalised contact (e-mail or E.164 phone); "" for nothing."""
    if not value:
        return ""
    return hmac.new(_hash_key(), value.encode("utf-8"), hashlib.sha256).hexdigest()


def _hash_key() -> bytes:
    key = settings.CONTACT_HASH_KEY or ""
    if len(key) < CONTACT_HASH_KEY_MIN_LENGTH:
        # A short key would make every hash guessable: refuse rather than store one.
        raise ImproperlyConfigured("CONTACT_HASH_KEY is missing or too short (see intake.E003).")
    return key.encode("utf-8")
