"""Settings for every environment, read through one django-environ ``Env``.

Production differs from development only by environment variables (see .env.example).
With nothing set and ``DJANGO_DEBUG=1`` the app runs on the embedded default: SQLite under
``var/``, Celery tasks in-process after commit, e-mail written to files under ``var/mail/``.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from cryptography.fernet import Fernet
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer's own .env (never committed) is read if present; the real environment wins.
# Read first, so every variable below may be set there.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# Local state of the embedded default: SQLite, development keys, e-mail and SMS files.
VAR_DIR = Path(env.str("REENGAGE_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _dev_secrets() -> dict[str, str]:
    """Development keys, generated once and kept in var/ so data stays readable across runs.

    Only used when DEBUG is on; production must supply every key (see intake.checks).
    """
    path = VAR_DIR / "dev-keys.env"
    values: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, _sep, value = line.partition("=")
            if value:
                values[name] = value
    wanted = {
        "DJANGO_SECRET_KEY": lambda: secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": lambda: Fernet.generate_key().decode(),
        "CONTACT_HASH_KEY": lambda: secrets.token_urlsafe(32),
    }
    missing = {name: make() for name, make in wanted.items() if name not in values}
    if missing:
        values.update(missing)
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        path.chmod(0o600)
    return values


_dev = _dev_secrets() if DEBUG else {}

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_dev.get("DJANGO_SECRET_KEY", ""))
# Fernet keys, newest first: the first encrypts, all decrypt (rotation).
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS",
    default=[k for k in _dev.get("FIELD_ENCRYPTION_KEYS", "").split(",") if k],
)
# Its own key, so linking a person's inquiries never needs the encryption keys.
CONTACT_HASH_KEY = env.str("CONTACT_HASH_KEY", default=_dev.get("CONTACT_HASH_KEY", ""))

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "intake",
]

MIDDLEWARE = [
    "intake.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "intake.security.ReengageCSPMiddleware",
    "intake.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "intake.keep_work.KeepWorkMiddleware",
    "intake.security.SessionLimitsMiddleware",
    "intake.security.TwoFactorRequiredMiddleware",
    "intake.security.StaffSignInGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "intake.middleware.AuditContextMiddleware",
    "intake.middleware.AuditDeniedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reengage.urls"
WSGI_APPLICATION = "reengage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "intake.context_processors.organisation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# No DATABASE_URL: SQLite under var/ (the embedded default).
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{(VAR_DIR / 'reengage.sqlite3').as_posix()}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    # A connection that died while idle is replaced instead of failing a request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits) ----------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The heartbeats /healthz reads (intake/health.py): the same Redis, with timeouts short
# enough that a Redis that hangs never holds a web process for long.
HEALTH_CACHE_OPTIONS = {"socket_connect_timeout": 0.05, "socket_timeout": 0.05}
CACHES["health"] = {
    **CACHES["default"],
    **({"OPTIONS": HEALTH_CACHE_OPTIONS} if REDIS_URL else {"LOCATION": "reengage-health"}),
}
# The public form's empty markup, per language, in each process's own memory: drawing it
# cost ~45 ms a visit (measured by `make bench`). Per process, so a deploy never serves an old form;
# a site added or retired in admin shows within PUBLIC_FORM_CACHE_SECONDS (at once in the
# process that saved it). 0 draws it every time.
CACHES["forms"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "reengage-public-form",
}
PUBLIC_FORM_CACHE_SECONDS = env.int("PUBLIC_FORM_CACHE_SECONDS", default=60)

# --- Auth -----------------------------------------------------------------------------
# django-axes first: it refuses a locked-out username or address before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"
# Every staff page needs a verified TOTP device in production (off only for local demos).
ADMIN_REQUIRE_2FA = env.bool("DJANGO_ADMIN_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("ORG_NAME", default="Reengage")
# Lockout: 5 failures for one username or from one address, then 15 minutes' cool-off.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "intake.security.client_ip"
AXES_VERBOSE = True
# Per-address staff sign-in attempts before axes even counts them; fails closed (see security).
ADMIN_LOGIN_RATE = env.str("ADMIN_LOGIN_RATE", default="30/h")
# Idle sign-out after 15 minutes (renewed on each request), and a cap since sign-in.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=15 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=10 * 3600)
LOGIN_URL = "admin:login"
# After sign-in (and the second step) each role lands on its own page (intake.landing).
LOGIN_REDIRECT_URL = "intake-landing"
# How long the one-time link that lets a staff member set up two-step sign-in works.
ENROLMENT_LINK_HOURS = env.int("ENROLMENT_LINK_HOURS", default=24)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Español")), ("pt-br", _("Português (Brasil)"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "America/New_York"
USE_TZ = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail ---------------------------------------------------------------------------
# EMAIL_URL: smtp://host:port, smtp+tls://user:pass@host:587, filemail:///path, consolemail://
_email = env.email_url("EMAIL_URL", default=f"filemail://{(VAR_DIR / 'mail').as_posix()}")
globals().update(_email)
if "EMAIL_FILE_PATH" in _email and not str(_email["EMAIL_FILE_PATH"]).startswith("/"):
    # django-environ drops the leading slash of filemail:///abs/path.
    EMAIL_FILE_PATH = "/" + str(_email["EMAIL_FILE_PATH"])
# A stuck SMTP server must never hold a worker: the send fails and is retried later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="hello@reengage.invalid")
# Domain used in Message-IDs derived from outbox rows (stable across retries).
MESSAGE_ID_DOMAIN = env.str("MESSAGE_ID_DOMAIN", default="reengage.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Product --------------------------------------------------------------------------
# Shown in subjects and page titles: neutral by default, says nothing about treatment.
ORG_NAME = env.str("ORG_NAME", default="Reengage")
# Where staff open the admin from links in alerts (no trailing slash).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
CRISIS_PHONE = "988"
EMERGENCY_PHONE = "911"
PHONE_DEFAULT_REGION = env.str("PHONE_DEFAULT_REGION", default="US")
# The program's own number, offered at the top of the public form as "Prefer to talk? Call
# us at …" (tap to call). A site with a number of its own (Site.phone, in admin) is offered
# beside it. Empty, and no site with a number: the line is not shown.
PROGRAM_PHONE = env.str("PROGRAM_PHONE", default="")
SMS_BACKEND = env.str("SMS_BACKEND", default="intake.messaging.sms.FileSMSBackend")
SMS_FILE_PATH = VAR_DIR / "sms"
# For intake.messaging.sms.HttpSMSBackend (a provider's HTTP API) and its inbound webhook.
SMS_API_URL = env.str("SMS_API_URL", default="")
SMS_API_TOKEN = env.str("SMS_API_TOKEN", default="")
SMS_FROM = env.str("SMS_FROM", default="")
SMS_TIMEOUT = env.float("SMS_TIMEOUT", default=10.0)
SMS_WEBHOOK_SECRET = env.str("SMS_WEBHOOK_SECRET", default="")
# Replies by e-mail come back to their inquiry: e-mails to a person carry the Reply-To
# reply+<token>@<domain of this address>. The embedded default (no REDIS_URL) uses a local
# example address, so `make run` shows the whole loop; empty: the queue's reply-to address.
INBOUND_EMAIL_ADDRESS = env.str(
    "INBOUND_EMAIL_ADDRESS", default="" if REDIS_URL else "reply@reengage.invalid"
)
# The folder source: each .eml here is stored once, then moved to done/ (or failed/).
INBOUND_EMAIL_DIR = Path(env.str("INBOUND_EMAIL_DIR", default=str(VAR_DIR / "inbox")))
# A larger message is refused and never stored (bytes).
INBOUND_EMAIL_MAX_BYTES = env.int("INBOUND_EMAIL_MAX_BYTES", default=10 * 1024 * 1024)
# Signs a mail provider's calls to /inbound/email (raw MIME); unset: that address answers 404.
INBOUND_EMAIL_WEBHOOK_SECRET = env.str("INBOUND_EMAIL_WEBHOOK_SECRET", default="")
# How often beat runs `inbound_poll` (seconds).
INBOUND_POLL_INTERVAL = env.float("INBOUND_POLL_INTERVAL", default=30.0)
# The mailbox source: the program's real mailbox, read over IMAP by the same `inbound_poll`.
# imaps://user:password@host[:port]/ (TLS from the start) or imap://… (STARTTLS unless
# INBOUND_IMAP_STARTTLS is off, which only a server on this machine may be); the user name
# and password percent-encoded. Empty: no mailbox is read.
INBOUND_IMAP_URL = env.str("INBOUND_IMAP_URL", default="")
INBOUND_IMAP_STARTTLS = env.bool("INBOUND_IMAP_STARTTLS", default=True)
INBOUND_IMAP_FOLDER = env.str("INBOUND_IMAP_FOLDER", default="INBOX")
# What happens to a message on the server once it is stored: "flag" (marked read and
# ReengageStored, left where it is) or "move" (to INBOUND_IMAP_MOVE_TO, created if missing).
INBOUND_IMAP_AFTER = env.str("INBOUND_IMAP_AFTER", default="flag")
INBOUND_IMAP_MOVE_TO = env.str("INBOUND_IMAP_MOVE_TO", default="Reengage/Stored")
# A private certificate authority (PEM) for the server's certificate; empty: the system's.
INBOUND_IMAP_CA_FILE = env.str("INBOUND_IMAP_CA_FILE", default="")
# At most this many messages per pass (the next pass goes on), and seconds before a silent
# server is given up on.
INBOUND_IMAP_BATCH = env.int("INBOUND_IMAP_BATCH", default=200)
INBOUND_IMAP_TIMEOUT = env.float("INBOUND_IMAP_TIMEOUT", default=20.0)
# Version of the consent wording shown on the form; stored with every consent, and with the
# text consent (the same tick box names texting when the person chooses it).
CONSENT_VERSION = "2026-12-v2"
INTAKE_RATE_LIMIT = env.str("INTAKE_RATE_LIMIT", default="10/h")
# Per-address ceiling above which an ordinary post may be refused (429); never one with a
# risk signal or a "not safe" answer. Below it, posts past INTAKE_RATE_LIMIT are held.
INTAKE_HARD_LIMIT = env.str("INTAKE_HARD_LIMIT", default="60/h")

# A form sent sooner than this after it was shown is quarantined for review (never rejected).
INTAKE_MIN_FILL_SECONDS = env.float("INTAKE_MIN_FILL_SECONDS", default=3.0)

# --- Retention --------------------------------------------------------------------------
# Quarantined spam goes after 30 days; a closed inquiry with no clinical record has its
# personal fields erased after RETENTION_CLOSED_DAYS; one with reassessment notes follows
# the (longer) clinical-records period. De-identified counts and the audit log stay.
RETENTION_SPAM_DAYS = env.int("RETENTION_SPAM_DAYS", default=30)
RETENTION_CLOSED_DAYS = env.int("RETENTION_CLOSED_DAYS", default=365)
RETENTION_CLINICAL_DAYS = env.int("RETENTION_CLINICAL_DAYS", default=7 * 365)

# --- Celery ---------------------------------------------------------------------------
# No REDIS_URL: tasks run in-process right after the transaction commits (embedded default).
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
# JSON only: tasks carry primary keys, nothing that needs pickling.
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
# Ack after the task ran, so a worker that dies mid-task leaves the message to be redelivered.
CELERY_TASK_ACKS_LATE = True
# A lost worker (SIGKILL, OOM) re-sends the task like retry(), bounded by max_retries, so a
# task that kills its worker cannot loop forever.
CELERY_TASK_RETRY_ON_WORKER_LOST = True
CELERY_TASK_REJECT_ON_WORKER_LOST = False
# Retries (worker lost, transient database errors) come back after seconds, not Celery's
# default three minutes: a retry must not sit unacknowledged in a worker for long.
CELERY_TASK_ANNOTATIONS = {"*": {"default_retry_delay": 5}}
# One message at a time per process: a slow SMTP send never holds others hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_TASK_DEFAULT_QUEUE = "messages"
# Declared, so a worker started without -Q consumes both: routing (and the sweeps beat
# schedules) as well as messages. Pass -Q routing or -Q messages to split them into pools.
CELERY_TASK_QUEUES = (
    Queue("routing", Exchange("routing"), routing_key="routing"),
    Queue("messages", Exchange("messages"), routing_key="messages"),
)
CELERY_TASK_ROUTES = {
    "intake.tasks.inquiry_route_task": {"queue": "routing"},
    "intake.tasks.message_deliver_task": {"queue": "messages"},
    "intake.tasks.pending_sweep_task": {"queue": "routing"},
    "intake.tasks.overdue_flag_task": {"queue": "routing"},
    "intake.tasks.urgent_escalation_task": {"queue": "routing"},
    "intake.tasks.check_in_task": {"queue": "routing"},
    "intake.tasks.purge_expired_task": {"queue": "routing"},
    "intake.tasks.inbound_poll_task": {"queue": "routing"},
}
# A dead Redis must never hang a web request: publishing gives up fast, the outbox row and
# the sweeper make sure nothing is lost.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers and beat wait out a Redis outage of any length (backing off), instead of exiting.
# This governs their consuming connection only; publishing follows the options below.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": 2,
    "socket_connect_timeout": 2,
    # Longer than any task's run time; we never schedule long countdowns on Redis (delayed
    # sends are rows with next_attempt_at, picked up by the sweeper).
    "visibility_timeout": 3600,
    # A web request tries the broker once and moves on (no back-off sleep): the outbox row
    # is saved and the sweeper publishes it once Redis is back. (Found by the fault drill:
    # one retry after kombu's default 2 s made each post wait while Redis was down.)
    "max_retries": 0,
    "interval_start": 0,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_SEND_TASK_EVENTS = False
# A worker keeps its database connection across tasks (Celery's Django fix-up would otherwise
# open a new one for every task) and renews it after this many; intake/tasks.py checks its
# health around each task.
CELERY_DB_REUSE_MAX = env.int("CELERY_DB_REUSE_MAX", default=1000)
# How often the sweeper re-enqueues due, stalled or unrouted work (seconds).
OUTBOX_SWEEP_INTERVAL = env.float("OUTBOX_SWEEP_INTERVAL", default=60.0)
# How long a worker may hold a message in `sending` before the sweeper takes it back.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=120)
# A worker's delivery takes up to this many due messages at once (one claim, one routing
# transaction, one SMTP session, one record): what lets one worker keep up with a burst. A
# worker that dies mid-batch may send those already accepted again after their lease (same
# Message-ID). 1 = one message per delivery.
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=20)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_BACKOFF_BASE_SECONDS = env.float("OUTBOX_BACKOFF_BASE_SECONDS", default=30.0)
OUTBOX_BACKOFF_MAX_SECONDS = env.float("OUTBOX_BACKOFF_MAX_SECONDS", default=3600.0)
# An inquiry not routed this long after it was saved is picked up by the sweeper.
ROUTING_GRACE_SECONDS = env.float("ROUTING_GRACE_SECONDS", default=60.0)
# Beat sends a heartbeat task to each queue this often; /healthz reports a queue whose last
# one is older than three of these (plus 5 s) as not served.
HEALTH_HEARTBEAT_SECONDS = env.float("HEALTH_HEARTBEAT_SECONDS", default=15.0)
# Routing rules, queues and holidays are re-read at most this often by each process (a change
# saved in admin reaches the workers within this time).
ROUTING_SETUP_TTL_SECONDS = env.float("ROUTING_SETUP_TTL_SECONDS", default=10.0)
CELERY_BEAT_SCHEDULE = {
    "pending-sweep": {
        "task": "intake.tasks.pending_sweep_task",
        "schedule": OUTBOX_SWEEP_INTERVAL,
    },
    "overdue-flag": {"task": "intake.tasks.overdue_flag_task", "schedule": 60.0},
    "urgent-escalation": {"task": "intake.tasks.urgent_escalation_task", "schedule": 30.0},
    "check-in": {"task": "intake.tasks.check_in_task", "schedule": 3600.0},
    "purge-expired": {"task": "intake.tasks.purge_expired_task", "schedule": 24 * 3600.0},
    "inbound-poll": {"task": "intake.tasks.inbound_poll_task", "schedule": INBOUND_POLL_INTERVAL},
    **{
        f"health-heartbeat-{queue}": {
            "task": "intake.tasks.health_heartbeat_task",
            "schedule": HEALTH_HEARTBEAT_SECONDS,
            "options": {"queue": queue, "expires": HEALTH_HEARTBEAT_SECONDS},
        }
        for queue in ("routing", "messages")
    },
}
# /healthz's detailed report (broker, workers, beat, outbox) for a monitor that sends
# "Authorization: Bearer <token>"; staff signed in see it too. Empty: staff only.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")

# --- Security -------------------------------------------------------------------------
TRUSTED_PROXIES = env.int("DJANGO_TRUSTED_PROXIES", default=0)
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No page reads the CSRF token from JavaScript, so the cookie can be HttpOnly too.
CSRF_COOKIE_HTTPONLY = True
# __Host- cookies: Secure, Path=/, no Domain — a sibling subdomain cannot set or read them.
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
THANKS_COOKIE_NAME = "__Host-reengage-thanks" if HTTPS else "reengage-thanks"
# Content-Security-Policy (django-csp 4): nothing from anywhere but this site, no inline
# script, no plugins, no framing, no <base>. Admin pages also allow inline style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
# Submitting to the HSTS preload list binds every subdomain for years: the operator's call.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: SQLite builds the worklist's covering index without its included
    # columns (a plain partial index), which is all a laptop-sized database needs.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "intake.views.csrf_failure"
# A person's message is short; anything bigger is a mistake or an attack (kind 400 page).
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# --- Logging --------------------------------------------------------------------------
# Log lines carry ids and states only; request bodies are never logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact": {"()": "intake.security.RedactPersonalData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}
