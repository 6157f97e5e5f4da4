"""Production refuses to start without its keys (system checks with ids and hints)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from intake.checks import check_keys, refuse_unsafe_start


def ids(messages) -> set[str]:
    return {m.id for m in messages}


def test_production_without_keys_fails_every_check(settings) -> None:
    settings.DEBUG = False
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.CONTACT_HASH_KEY = ""
    settings.SECRET_KEY = "short"
    settings.ALLOWED_HOSTS = []
    found = check_keys()
    assert ids(found) == {"intake.E001", "intake.E003", "intake.E004", "intake.E005"}
    assert all(m.hint for m in found)
    with pytest.raises(ImproperlyConfigured, match=r"intake\.E001"):
        refuse_unsafe_start()


def test_a_malformed_encryption_key_is_named(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = ["not-a-key"]
    assert "intake.E002" in ids(check_keys())


def test_test_configuration_passes() -> None:
    assert check_keys() == []
    refuse_unsafe_start()


def test_an_empty_secret_key_is_reported_not_raised(settings) -> None:
    # Django itself raises on reading an empty SECRET_KEY; the check names it with its hint.
    settings.DEBUG = False
    settings.SECRET_KEY = ""
    assert "intake.E004" in ids(check_keys())
    with pytest.raises(ImproperlyConfigured, match=r"intake\.E004"):
        refuse_unsafe_start()
