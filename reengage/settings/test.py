"""Test settings: production code paths with fixed keys and fast hashing.

DATABASE_URL / REDIS_URL from the environment still decide which real services the
integration tests use; unit tests run the in-process (eager) task mode.
"""

import os

# Fixed, test-only keys so a worker subprocess started by the tests reads the same data.
TEST_FIELD_ENCRYPTION_KEYS = "k1Y2bV7mH0xq3CwA9Fz6pT5sLr8eD4uJ1oN2gK7hI0M="
TEST_CONTACT_HASH_KEY = "test-contact-hash-key-not-for-production"
TEST_SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", TEST_FIELD_ENCRYPTION_KEYS)
os.environ.setdefault("CONTACT_HASH_KEY", TEST_CONTACT_HASH_KEY)
os.environ.setdefault("DJANGO_SECRET_KEY", TEST_SECRET_KEY)
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .base import *  # noqa: E402,F403
from .base import BASE_DIR, CACHES, CELERY_BEAT_SCHEDULE, INSTALLED_APPS  # noqa: E402

# The bench's references (its design floor is checked in tests/test_bench_floor.py).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# The unit tests never talk to a broker: tasks run in-process after commit.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://localhost/"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "forms": CACHES["forms"],
    "health": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "health"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "intake.messaging.sms.MemorySMSBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
INTAKE_RATE_LIMIT = "off"
INTAKE_HARD_LIMIT = "off"
# Staff tests sign in with force_login; the two-factor gate has its own tests that turn it on.
ADMIN_REQUIRE_2FA = False
CELERY_BEAT_SCHEDULE = CELERY_BEAT_SCHEDULE
# Each test rolls its rows back, which no signal reports: routing reads its configuration
# fresh every time (tests/test_routing_setup.py turns the cache back on).
ROUTING_SETUP_TTL_SECONDS = 0
TEST_BASE_DIR = BASE_DIR
# Replies come back to the queue's reply-to address unless a test turns the per-inquiry
# reply address on (tests/test_inbound_*.py set INBOUND_EMAIL_ADDRESS themselves).
INBOUND_EMAIL_ADDRESS = os.environ.get("INBOUND_EMAIL_ADDRESS", "")
