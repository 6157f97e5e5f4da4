"""Encryption at rest and the contact hash."""

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from intake import crypto, services
from intake.models import Inquiry
from tests.factories import submission


@pytest.mark.django_db
def test_raw_columns_hold_no_plaintext(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(
            submission=submission(
                message="Canary-7731 I'm thinking about coming back",
                preferred_name="Canaryname",
                email="canary.person@example.com",
                phone="617-555-0134",
            )
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT message, preferred_name, email, phone, contact_hash"
            " FROM intake_inquiry WHERE id = %s",
            [inquiry.pk],
        )
        raw = cursor.fetchone()
    joined = " ".join(raw).lower()
    for secret in ("canary-7731", "canaryname", "canary.person", "555", "example.com"):
        assert secret not in joined
    assert all(value.startswith(crypto.TOKEN_PREFIX) for value in raw[:3])
    fresh = Inquiry.objects.get(pk=inquiry.pk)
    assert fresh.message == "Canary-7731 I'm thinking about coming back"
    assert fresh.email == "canary.person@example.com"


def test_old_keys_still_decrypt_after_a_new_key_is_added(settings) -> None:
    old = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    token = crypto.encrypt("hello")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old]
    assert crypto.decrypt(token) == "hello"
    rotated = crypto.rotate(token)
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    assert crypto.decrypt(rotated) == "hello"


def test_a_value_no_key_decrypts_raises_instead_of_showing_ciphertext(settings) -> None:
    token = crypto.encrypt("private")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.UndecryptableValue):
        crypto.decrypt(token)


def test_contact_hash_is_keyed_and_normalised(settings) -> None:
    a = crypto.contact_hash(crypto.normalise_email(" Sam@Example.COM "))
    assert a == crypto.contact_hash("sam@example.com")
    assert crypto.contact_hash(crypto.normalise_phone("(617) 555-0134")) == crypto.contact_hash(
        crypto.normalise_phone("+1 617 555 0134")
    )
    settings.CONTACT_HASH_KEY = "another-key-entirely-0123456789"
    assert crypto.contact_hash("sam@example.com") != a
    assert crypto.contact_hash("") == ""


def test_inquiry_str_is_only_its_public_id() -> None:
    inquiry = Inquiry(message="secret", preferred_name="Sam", email="sam@example.com")
    assert str(inquiry) == str(inquiry.public_id)
