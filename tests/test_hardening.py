"""Production hardening: headers and cookies, staff sign-in, sessions, keys, retention, input."""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import crypto, dashboard, services
from intake.models import (
    ContactAttempt,
    InboundMessage,
    Inquiry,
    InternalNote,
    ReassessmentNote,
)
from tests import support
from tests.factories import UserFactory, coordinator, default_queue, submission

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "reengage.example.org,127.0.0.1",
    "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "CONTACT_HASH_KEY": "c" * 40,
    "DJANGO_TRUSTED_PROXIES": "1",
    "DJANGO_SETTINGS_MODULE": "reengage.settings.base",
}


def clean_env(**extra: str) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FIELD_", "CONTACT_", "DATABASE_URL", "REDIS_URL"))
    }
    return {**env, **extra}


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(support.VENV_BIN / "python"), "manage.py", *args],
        cwd=support.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- deployment checks, headers and cookies ------------------------------------------------


def test_deploy_checks_pass_in_production_and_refuse_without_keys(tmp_path) -> None:
    env = clean_env(**PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    ok = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    no_secret = clean_env(DJANGO_DEBUG="0", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    refused = manage(no_secret, "check", "--deploy")
    assert refused.returncode != 0 and "SECRET_KEY" in refused.stderr
    no_keys = clean_env(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=PRODUCTION["DJANGO_SECRET_KEY"],
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    refused = manage(no_keys, "check", "--deploy")
    assert refused.returncode != 0
    for check_id in ("intake.E001", "intake.E003", "intake.E005"):
        assert check_id in refused.stderr + refused.stdout


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """gunicorn with production settings behind one (simulated) TLS-terminating proxy."""
    work = tmp_path_factory.mktemp("prod")
    env = clean_env(**PRODUCTION, DATABASE_URL=f"sqlite:///{work}/db.sqlite3")
    assert manage(env, "migrate", "--noinput", "-v0").returncode == 0
    assert manage(env, "collectstatic", "--noinput", "-v0").returncode == 0
    port = support.free_port()
    server = support.gunicorn(env, work, port)
    yield f"http://127.0.0.1:{port}"
    server.stop()


def fetch(url: str, proto: str = "https") -> tuple[int, dict, list[str]]:
    import http.client
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        "GET",
        parts.path or "/",
        headers={
            "Host": "reengage.example.org",
            "X-Forwarded-Proto": proto,
            "X-Forwarded-For": "198.51.100.7",
        },
    )
    response = conn.getresponse()
    headers = {k.lower(): v for k, v in response.getheaders()}
    cookies = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
    response.read()
    conn.close()
    return response.status, headers, cookies


def test_public_page_and_admin_send_every_security_header(production_server) -> None:
    status, headers, cookies = fetch(production_server + "/")
    assert status == 200
    csp = headers["content-security-policy"]
    for directive in (
        "default-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    # No inline script anywhere: 'self' only (a page that needs one gets a per-request nonce).
    assert script_src.split() == ["script-src", "'self'"]
    assert "max-age=31536000" in headers["strict-transport-security"]
    assert "includeSubDomains" in headers["strict-transport-security"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert "no-store" in headers["cache-control"]
    csrf = next(c for c in cookies if c.startswith("__Host-csrftoken="))
    for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert flag in csrf
    assert "Domain=" not in csrf

    status, headers, _cookies = fetch(production_server + "/admin/login/")
    assert status == 200
    assert headers["cache-control"] == "no-store, private"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_no_answer_names_the_server_software_or_a_retired_browser_feature(
    production_server,
) -> None:
    # gunicorn announced itself in `Server` on every answer (pages, static files, errors,
    # redirects); Permissions-Policy listed FLoC's `interest-cohort`, which browsers dropped.
    for path, proto in (("/", "https"), ("/healthz", "https"), ("/nope/", "https"), ("/", "http")):
        status, headers, _cookies = fetch(production_server + path, proto=proto)
        assert status in (200, 301, 404), (path, status)
        assert "server" not in headers, (path, headers.get("server"))
        if status != 301:
            policy = headers["permissions-policy"]
            assert "interest-cohort" not in policy and "camera=()" in policy, policy
    static = "/static/css/reengage.css"
    status, headers, _cookies = fetch(production_server + static)
    assert status in (200, 404) and "server" not in headers


def test_plain_http_is_redirected_to_https(production_server) -> None:
    status, headers, _ = fetch(production_server + "/", proto="http")
    assert status == 301
    assert headers["location"].startswith("https://reengage.example.org/")


# --- staff sign-in ---------------------------------------------------------------------------


def sign_in(client: Client, password: str, *, address: str = "203.0.113.9"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "lee", "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_brute_force_is_locked_out_then_released_after_the_cool_off(settings) -> None:
    UserFactory(username="lee", password="the-right-password-1")
    client = Client()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "wrong").status_code == 200  # the form again
        locked = sign_in(client, "wrong")
        assert locked.status_code == 429
        assert "Sign-in paused" in locked.content.decode()
        assert sign_in(client, "the-right-password-1").status_code == 429
        # Another address is locked out for this user name too.
        assert sign_in(client, "the-right-password-1", address="192.0.2.1").status_code == 429
        clock.shift(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
        assert sign_in(client, "the-right-password-1").status_code == 302


@pytest.mark.django_db
def test_the_password_alone_reaches_no_admin_page(settings) -> None:
    settings.ADMIN_REQUIRE_2FA = True
    user = UserFactory(username="lee", password="the-right-password-1", is_superuser=True)
    client = Client()
    response = sign_in(client, "the-right-password-1")
    assert response.status_code == 302
    for url in ("/admin/", "/admin/intake/inquiry/", "/admin/dashboard/", "/admin/auth/user/"):
        page = client.get(url)
        assert page.status_code == 302 and "/admin/2fa/setup/" in page["Location"], url
    # The password alone cannot put an authenticator on the account: that needs a set-up link.
    refused = client.get("/admin/2fa/setup/")
    assert refused.status_code == 403 and 'class="qr"' not in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    # Enrol from the link: the code the authenticator shows confirms the device, then pages open.
    link = services.enrolment_link_issue(actor=None, user_id=user.pk, send=False)
    assert client.get(link.url.removeprefix(settings.SITE_URL))["Location"] == "/admin/2fa/setup/"
    setup = client.get("/admin/2fa/setup/")
    assert setup.status_code == 200 and "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user)
    wrong = client.post("/admin/2fa/setup/", {"token": "000000"})
    assert "did not match" in wrong.content.decode()
    # django-otp slows down guessing after a wrong code: try the right one a little later.
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
        confirmed = client.post("/admin/2fa/setup/", {"token": code, "next": "/admin/"})
        assert confirmed.status_code == 200 and "recovery codes" in confirmed.content.decode()
        assert client.get("/admin/intake/inquiry/").status_code == 200

    # A new session must verify again, and cannot enrol a second device.
    other = Client()
    sign_in(other, "the-right-password-1", address="203.0.113.10")
    assert "/admin/2fa/verify/" in other.get("/admin/")["Location"]
    assert "/admin/2fa/verify/" in other.get("/admin/2fa/setup/")["Location"]
    assert TOTPDevice.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_staff_sign_in_fails_closed_when_the_cache_is_down(monkeypatch) -> None:
    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("intake.security.is_ratelimited", down)
    UserFactory(username="lee", password="the-right-password-1")
    response = sign_in(Client(), "the-right-password-1")
    assert response.status_code == 503
    assert "paused" in response.content.decode()


@pytest.mark.django_db
def test_an_idle_session_expires_and_a_busy_one_hits_the_cap(settings) -> None:
    user = UserFactory(username="lee", is_superuser=True)
    client = Client()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(user)
        assert client.get("/admin/").status_code == 200
        clock.shift(timedelta(minutes=14))
        assert client.get("/admin/").status_code == 200  # activity renews the idle timer
        clock.shift(timedelta(minutes=16))
        assert client.get("/admin/").status_code == 302  # idle too long: signed out

        settings.SESSION_ABSOLUTE_SECONDS = 3600
        client.force_login(user)
        for _ in range(6):
            clock.shift(timedelta(minutes=10))
            assert client.get("/admin/").status_code == 200
        clock.shift(timedelta(minutes=10))
        assert client.get("/admin/").status_code == 302  # past the cap since sign-in


# --- keys -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_rotation_moves_everything_to_the_new_key_and_a_foreign_key_is_an_error(
    settings, django_capture_on_commit_callbacks
) -> None:
    key1, key2 = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key1]
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=submission(message="written under key 1"))
    lee = UserFactory(username="lee")
    services.internal_note_add(actor=lee, inquiry_id=inquiry.pk, text="note under key 1")

    settings.FIELD_ENCRYPTION_KEYS = [key2, key1]
    call_command("rotate_encryption_keys", stdout=open(os.devnull, "w"))
    settings.FIELD_ENCRYPTION_KEYS = [key2]
    fresh = Inquiry.objects.get(pk=inquiry.pk)
    assert fresh.message == "written under key 1" and fresh.email == "sam@example.com"
    assert InternalNote.objects.get().text == "note under key 1"

    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.UndecryptableValue):
        Inquiry.objects.get(pk=inquiry.pk)
    with pytest.raises(CommandError, match="no listed key decrypts"):
        call_command("rotate_encryption_keys", stdout=open(os.devnull, "w"))


# --- retention -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_purge_erases_personal_data_keeps_counts_and_respects_clinical_records(
    settings, roles, django_capture_on_commit_callbacks
) -> None:
    queue = default_queue()
    lee = coordinator(queue, "lee")
    clinician = UserFactory(username="clin")
    long_ago = timezone.now() - timedelta(days=400)
    with time_machine.travel(long_ago, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            spam = services.inquiry_submit(
                submission=submission(email="s@example.com"), honeypot_filled=True, too_fast=True
            )
            plain = services.inquiry_submit(submission=submission(email="p@example.com"))
            # They wrote again through the form while it was open: it joined the conversation.
            services.inquiry_submit(
                submission=submission(email="p@example.com", message="Evenings suit me."),
                submission_token="later-1",
            )
            clinical = services.inquiry_submit(submission=submission(email="c@example.com"))
            recent_closed = None
        for inquiry in (plain, clinical):
            services.contact_attempt_record(
                actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="reached", note="spoke"
            )
            services.internal_note_add(actor=lee, inquiry_id=inquiry.pk, text="team note")
            services.inquiry_set_status(
                actor=lee, inquiry_id=inquiry.pk, status="closed", reason="declined"
            )
        services.note_add(
            actor=clinician, inquiry_id=clinical.pk, fields={"what_changed": "clinical words"}
        )
    with django_capture_on_commit_callbacks(execute=True):
        recent_closed = services.inquiry_submit(submission=submission(email="r@example.com"))
    services.inquiry_set_status(
        actor=lee, inquiry_id=recent_closed.pk, status="closed", reason="declined"
    )
    admin_user = UserFactory(username="boss", is_superuser=True)
    before = dashboard.dashboard_figures(
        dashboard.dashboard_inquiries(admin_user, every_queue=True), now=timezone.now()
    )
    counts = services.purge_expired(dry_run=True)
    assert (counts.spam_deleted, counts.erased, counts.erased_clinical) == (1, 1, 0)
    assert Inquiry.objects.count() == 4  # a dry run changes nothing

    services.purge_expired()
    assert not Inquiry.objects.filter(pk=spam.pk).exists()
    erased = Inquiry.objects.get(pk=plain.pk)
    assert (erased.message, erased.email, erased.phone, erased.preferred_name) == ("", "", "", "")
    assert erased.contact_hash == "" and erased.erased_at is not None
    assert InternalNote.objects.filter(inquiry=plain).count() == 0
    assert ContactAttempt.objects.get(inquiry=plain).note == ""
    assert Inquiry.objects.get(pk=clinical.pk).email == "c@example.com"  # longer period
    assert Inquiry.objects.get(pk=recent_closed.pk).email == "r@example.com"
    after = dashboard.dashboard_figures(
        dashboard.dashboard_inquiries(admin_user, every_queue=True), now=timezone.now()
    )
    assert replace(before, now=None) == replace(after, now=None)

    settings.RETENTION_CLINICAL_DAYS = 300
    assert services.purge_expired().erased_clinical == 1
    assert ReassessmentNote.objects.get().what_changed == ""
    further = InboundMessage.objects.get(inquiry=plain)
    assert (further.body, further.sender_hash) == ("", "")
    assert further.external_id == "form:later-1"  # so the same message never comes back as new


# --- hostile input ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"message=" + b"x" * (3 * 1024 * 1024), "application/x-www-form-urlencoded"),
        ("&".join(f"f{i}=1" for i in range(1001)).encode(), "application/x-www-form-urlencoded"),
        (
            b"message=hi%00there&contact_method=email&email=a%40b.co&consent=on",
            "application/x-www-form-urlencoded",
        ),
        (b"message=\xff\xfe\xfa&contact_method=email", "application/x-www-form-urlencoded"),
        (
            b'--x\r\nContent-Disposition: form-data; name="message"\r\n\r\n\xc3\x28\r\n--x--',
            "multipart/form-data; boundary=x",
        ),
    ],
    ids=["3mb-body", "1001-fields", "nul-bytes", "invalid-utf8", "broken-multipart"],
)
def test_hostile_bodies_get_a_kind_4xx_or_a_form_error_never_a_5xx(body, content_type) -> None:
    client = Client(raise_request_exception=False)
    client.get("/")
    token = client.cookies["csrftoken"].value
    response = client.generic("POST", "/", body, content_type=content_type, HTTP_X_CSRFTOKEN=token)
    assert response.status_code in (200, 303, 400, 403), response.status_code
    if response.status_code == 400:
        assert "didn't come through" in response.content.decode()


@pytest.mark.django_db
def test_a_post_without_csrf_is_refused_kindly() -> None:
    response = Client(enforce_csrf_checks=True).post("/", {"message": "hi"})
    assert response.status_code == 403
    assert "try that again" in response.content.decode()


# --- canary: free text goes nowhere it should not -----------------------------------------

CANARY = "Zebra-Canary-8813"


@pytest.mark.django_db
def test_a_canary_in_every_free_text_field_reaches_no_log_payload_audit_subject_or_raw_column(
    roles, caplog, monkeypatch, django_capture_on_commit_callbacks, settings, tmp_path
) -> None:
    from celery.app.task import Task

    from intake.messaging.sms import MemorySMSBackend

    published: list = []
    real_apply_async = Task.apply_async

    def spy(self, args=None, kwargs=None, **options):
        published.append(repr((self.name, args, kwargs, options)))
        return real_apply_async(self, args, kwargs, **options)

    monkeypatch.setattr(Task, "apply_async", spy)
    caplog.set_level(logging.DEBUG)
    queue = default_queue()
    lee = coordinator(queue, "lee")
    clinician = UserFactory(username="clin")
    with time_machine.travel(timezone.now().replace(hour=15), tick=True):
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = services.inquiry_submit(
                submission=submission(
                    message=f"{CANARY} message",
                    preferred_name=f"{CANARY}name",
                    phone="617 555 0134",
                    text_ok=True,
                )
            )
            services.reply_send(actor=lee, inquiry_id=inquiry.pk, body=f"{CANARY} reply")
        services.internal_note_add(actor=lee, inquiry_id=inquiry.pk, text=f"{CANARY} note")
        services.contact_attempt_record(
            actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="reached", note=f"{CANARY}"
        )
        services.note_add(
            actor=clinician, inquiry_id=inquiry.pk, fields={"free_text": f"{CANARY} clinical"}
        )
        # The person writes back (matched by the Message-ID it answers), and a stray reply
        # comes in through the mail folder: neither's words may leak anywhere either.
        from intake.messaging.inbound import Incoming

        ack = inquiry.messages.get(kind="acknowledgement")
        with django_capture_on_commit_callbacks(execute=True):
            reply = services.message_receive(
                incoming=Incoming(
                    channel="email",
                    sender="sam@example.com",
                    body=f"{CANARY} reply body",
                    subject=f"{CANARY} subject",
                    quoted=f"{CANARY} quoted",
                    original=f"{CANARY} original",
                    external_id="<canary-reply@example.com>",
                    references=(ack.message_id,),
                ),
                source="folder",
            )
            settings.INBOUND_EMAIL_DIR = tmp_path
            (tmp_path / "stray.eml").write_bytes(
                f"From: someone@example.net\r\nTo: nobody@example.net\r\n"
                f"Subject: {CANARY} stray\r\nMessage-ID: <canary-stray@example.net>\r\n\r\n"
                f"{CANARY} stray body\r\n".encode()
            )
            services.inbound_poll()
        assert reply.inquiry_id == inquiry.pk
        client = Client()
        client.force_login(lee)
        client.get(f"/admin/intake/inquiry/{inquiry.pk}/change/")
        client.get(f"/admin/intake/inboundmessage/{reply.pk}/original/")
        client.get("/admin/intake/inboundmessage/")
        client.get(f"/admin/intake/inquiry/export.csv?q={CANARY}")

    from django.core import mail

    assert published, "the spy saw no task"
    for where, text in {
        "logs": caplog.text,
        "celery payloads": "\n".join(published),
        "e-mail subjects": "\n".join(m.subject for m in mail.outbox),
        "texts": "\n".join(m["body"] for m in MemorySMSBackend.outbox),
    }.items():
        assert CANARY not in text, where

    # Every text column of every table, read raw: only encrypted tokens may hold it.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            columns = [c.name for c in description]
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    assert CANARY not in str(value), f"{table}.{column}"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("reply to sam@example.com failed", "reply to [e-mail] failed"),
        ("call +1 (617) 555-0134 now", "call [number] now"),
        ("texted +16175550134", "texted [number]"),
        (
            "task[8d6f3436-78dc-4365-ac50-528f886be638] ok",
            "task[8d6f3436-78dc-4365-ac50-528f886be638] ok",
        ),
        ("due 2026-11-23 05:49:21 id=12345678", "due 2026-11-23 05:49:21 id=12345678"),
    ],
)
def test_the_log_filter_masks_contacts_but_not_ids_or_dates(line: str, expected: str) -> None:
    from intake.security import RedactPersonalData

    record = logging.LogRecord("intake", logging.INFO, __file__, 1, line, (), None)
    RedactPersonalData().filter(record)
    assert record.getMessage() == expected
