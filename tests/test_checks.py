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


def _no_storage_keys(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.CONTACT_HASH_KEY = ""


def test_commands_that_touch_no_inquiry_run_without_the_storage_keys(settings, db) -> None:
    from django.core import checks
    from django.core.management import call_command

    _no_storage_keys(settings)
    assert not {m.id for m in checks.run_checks()} & {"intake.E001", "intake.E003"}
    deploy = {m.id for m in checks.run_checks(include_deployment_checks=True)}
    assert {"intake.E001", "intake.E003"} <= deploy
    call_command("makemigrations", "--check", "--dry-run", skip_checks=False, verbosity=0)


def test_nothing_is_encrypted_or_hashed_without_the_storage_keys(settings) -> None:
    from intake import crypto

    _no_storage_keys(settings)
    with pytest.raises(ImproperlyConfigured, match=r"intake\.E001"):
        crypto.encrypt("I'm thinking about coming back.")
    with pytest.raises(ImproperlyConfigured, match=r"intake\.E003"):
        crypto.contact_hash("person@example.com")


def test_a_worker_without_the_storage_keys_does_not_start(settings) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    from intake.tasks import refuse_start_without_storage_keys

    # The worker needs no secret key or host names: only the storage keys stop it.
    settings.DEBUG = False
    settings.SECRET_KEY = "short"
    settings.ALLOWED_HOSTS = []
    refuse_start_without_storage_keys()
    _no_storage_keys(settings)
    with pytest.raises(SystemExit, match=r"intake\.E001"):
        refuse_start_without_storage_keys()

    # And a real worker process exits at once, naming the keys, before taking any task.
    root = Path(__file__).resolve().parent.parent
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "reengage.settings.base",
        "DJANGO_DEBUG": "0",
    }
    worker = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "reengage", "worker", "--pool", "solo"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert worker.returncode != 0
    assert "intake.E001" in worker.stderr and "intake.E003" in worker.stderr


def test_key_rotation_without_keys_refuses_before_touching_a_row(settings, db) -> None:
    from django.core.management import CommandError, call_command

    _no_storage_keys(settings)
    with pytest.raises(CommandError, match=r"intake\.E001"):
        call_command("rotate_encryption_keys")
