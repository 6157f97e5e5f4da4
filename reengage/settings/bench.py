"""Benchmark settings (`make bench` only; production never loads this module).

Production settings, plus: a bench-only app and URLconf serving two reference views beside
the real ones (bench/urls.py), an on-demand server-timing middleware, and the per-address
limit off (every load-generator request comes from 127.0.0.1). Everything else — DEBUG off,
persistent DB connections, WhiteNoise, the real Celery/Redis/SMTP configuration — is base.
The runner (bench/run.py) supplies the environment: keys, DATABASE_URL, REDIS_URL, EMAIL_URL.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS", "0")  # plain HTTP on loopback, behind nothing
os.environ.setdefault("INTAKE_RATE_LIMIT", "off")

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.ServerTimingMiddleware", *MIDDLEWARE]
INTAKE_RATE_LIMIT = "off"
# The worklist bench signs a coordinator in with a session it creates itself; the two-factor
# gate has its own tests. (Harmless if the setting does not exist.)
ADMIN_REQUIRE_2FA = False
