"""Encryption at rest for sensitive text, the keyed contact hash and the name index.

Values are Fernet tokens under ``FIELD_ENCRYPTION_KEYS`` (newest first): text as it is,
JSON values (``EncryptedJSONField``) as padded JSON text. The newest key encrypts, every
listed key decrypts, so keys rotate without downtime. A value that no key decrypts raises
``UndecryptableValue``: ciphertext is never shown as if it were text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from functools import lru_cache
from typing import Any

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from .text import normalise

CONTACT_HASH_KEY_MIN_LENGTH = 16
# The name index's key is derived from CONTACT_HASH_KEY for this purpose alone, so a name
# token's hash never equals a contact hash of the same text.
NAME_INDEX_CONTEXT = b"reengage name index v1"
NAME_INDEX_MAX_TOKENS = 8
NAME_TOKEN_HEX = 16  # 64 bits of each HMAC: no collision among a program's names
NAME_INDEX_MAX_LENGTH = NAME_INDEX_MAX_TOKENS * (NAME_TOKEN_HEX + 1) + 1
_WORD = re.compile(r"[^\W_]+")
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


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (a list of codes, say) stored as a Fernet token; Python sees the value.

    The JSON is padded with spaces to a multiple of ``PAD`` bytes before encryption, so the
    token's length does not tell which codes, or how many, it holds. ``None`` stays NULL; an
    empty column reads as the field's default. A subclass of ``EncryptedTextField``, so key
    rotation and every check of encrypted columns cover it.
    """

    description = "JSON encrypted at rest"
    PAD = 256
    # For django-stubs' mypy plugin: the Python value is any JSON value, not text.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if value == "":
            return self.get_default()
        return json.loads(decrypt(value))

    def to_python(self, value):
        if isinstance(value, str) and value:
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def get_prep_value(self, value):
        value = models.Field.get_prep_value(self, value)
        if value is None:
            return None
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        padding = -len(text.encode("utf-8")) % self.PAD
        return encrypt(text + " " * padding)

    def value_to_string(self, obj) -> str:
        return json.dumps(self.value_from_object(obj))


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


# --- the name index ---------------------------------------------------------------------------
# A blind index: each word of a preferred name, normalised (case, accents, apostrophes aside)
# and hashed with a key derived from CONTACT_HASH_KEY. Stored as " h1 h2 " on the inquiry, so a
# search for "jordan" matches the rows holding the hash of "jordan" without decrypting a name,
# in SQL or anywhere else. Whole words only: a prefix index would say far more about each name.


def name_tokens(name: str) -> list[str]:
    """The words of a name as searched: "José O'Brien-Lee" -> ["jose", "obrien", "lee"]."""
    seen: list[str] = []
    for word in _WORD.findall(normalise(name or "")):
        if word not in seen:
            seen.append(word)
    return seen[:NAME_INDEX_MAX_TOKENS]


def name_token_hash(token: str) -> str:
    """Keyed hash of one normalised name word (the name index's key, never the contact key)."""
    return hmac.new(_name_key(), token.encode("utf-8"), hashlib.sha256).hexdigest()[:NAME_TOKEN_HEX]


def name_index(name: str) -> str:
    """What an inquiry stores for its preferred name: " h1 h2 ", or "" for no name."""
    hashes = [name_token_hash(token) for token in name_tokens(name)]
    return f" {' '.join(hashes)} " if hashes else ""


def _name_key() -> bytes:
    return hmac.new(_hash_key(), NAME_INDEX_CONTEXT, hashlib.sha256).digest()
