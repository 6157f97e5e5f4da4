"""Fixtures: test data, and the real services the integration tests run against."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests import support


@pytest.fixture(autouse=True)
def _clean_sms_outbox():
    from intake.messaging.sms import MemorySMSBackend

    MemorySMSBackend.outbox.clear()
    yield
    MemorySMSBackend.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_public_form():
    # The empty form is kept per process; a rolled-back test's sites must not show in the next.
    from django.core.cache import caches

    caches["forms"].clear()
    yield
    caches["forms"].clear()


@pytest.fixture
def roles(db):
    """The role groups (a transactional test's flush removes what migrations created)."""
    from django.contrib.auth.models import Group, Permission

    from intake.roles import sync_roles

    sync_roles(Group, Permission)


# --- real services -------------------------------------------------------------------


def _require_postgres() -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        support.require("services", "integration tests need PostgreSQL: set DATABASE_URL")


@pytest.fixture(scope="session")
def service_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("services")


@pytest.fixture
def redis_server(service_dir):
    """A private redis-server on a free port; the test may stop and restart it."""
    server = support.RedisServer(service_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server():
    server = support.SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def imap_server():
    """A private Dovecot (IMAP with STARTTLS, and IMAP over TLS) for the whole session."""
    server = support.DovecotServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def imap_mailbox(imap_server):
    """The Dovecot mailbox, emptied before and after the test."""
    imap_server.empty()
    yield imap_server
    imap_server.empty()


@pytest.fixture(scope="session")
def collected_static() -> None:
    """Production serves hashed static files through WhiteNoise: build them once."""
    env = {**os.environ, **_base_env(), "DATABASE_URL": "sqlite:///:memory:"}
    subprocess.run(
        [str(support.VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=support.ROOT,
        env=env,
        check=True,
    )


def _base_env() -> dict[str, str]:
    from reengage.settings import test as test_settings

    return {
        "DJANGO_SETTINGS_MODULE": "reengage.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECRET_KEY": test_settings.TEST_SECRET_KEY,
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        "CONTACT_HASH_KEY": settings.CONTACT_HASH_KEY,
        "INTAKE_RATE_LIMIT": "off",
        "INTAKE_HARD_LIMIT": "off",
        "OUTBOX_SWEEP_INTERVAL": "1",
        "ROUTING_GRACE_SECONDS": "2",
        "OUTBOX_BACKOFF_BASE_SECONDS": "1",
        "OUTBOX_BACKOFF_MAX_SECONDS": "4",
        "OUTBOX_LEASE_SECONDS": "10",
        "EMAIL_TIMEOUT": "3",
        "SMS_BACKEND": "intake.messaging.sms.FileSMSBackend",
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture
def stack_env(transactional_db, redis_server, smtp_server):
    """Environment for app processes: the test database, the private Redis and SMTP."""
    _require_postgres()
    db = settings.DATABASES["default"]
    auth = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else db["USER"]
    url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        **_base_env(),
        "DATABASE_URL": url,
        "REDIS_URL": redis_server.url,
        "EMAIL_URL": smtp_server.url,
    }


@pytest.fixture
def web(stack_env, collected_static, service_dir):
    """gunicorn serving the real WSGI app on a free loopback port."""
    port = support.free_port()
    proc = support.gunicorn(stack_env, service_dir, port)
    proc.url = f"http://127.0.0.1:{port}"
    yield proc
    proc.stop()


@pytest.fixture
def worker(stack_env, service_dir):
    """One real prefork Celery worker with beat embedded (sweeps every second)."""
    proc = support.celery_worker(stack_env, service_dir)
    yield proc
    proc.stop()


class AppProcesses:
    """gunicorn and Celery workers a test starts with its own env; all stopped at teardown."""

    def __init__(self, logdir: Path) -> None:
        self.logdir = logdir
        self.started: list[support.ManagedProcess] = []

    def web(self, env: dict[str, str], workers: int = 1) -> support.ManagedProcess:
        port = support.free_port()
        proc = support.gunicorn(env, self.logdir, port, workers, started=self.started)
        proc.url = f"http://127.0.0.1:{port}"
        return proc

    def worker(self, env: dict[str, str], name: str = "worker", **kwargs) -> support.ManagedProcess:
        return support.celery_worker(env, self.logdir, name=name, started=self.started, **kwargs)

    def stop_all(self) -> None:
        for proc in reversed(self.started):
            proc.stop()


@pytest.fixture
def app_processes(stack_env, collected_static, tmp_path):
    """Start web/worker processes per test (logs in the test's own tmp_path); always stopped."""
    processes = AppProcesses(tmp_path)
    yield processes
    processes.stop_all()
