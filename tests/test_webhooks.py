"""The inbound webhooks: one signature check (timestamp, no replay), raw e-mail in, capped."""

from __future__ import annotations

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from intake import services, webhooks
from intake.messaging.inbound import reply_token_new
from intake.models import InboundMessage, Inquiry, SMSOptOut
from intake.roles import COORDINATOR
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 3, 14, 0, tzinfo=NY)
MAIL_SECRET = "mail-webhook-secret-for-tests"
SMS_SECRET = "sms-webhook-secret-for-tests"


@pytest.fixture(autouse=True)
def _setup(settings):
    settings.INBOUND_EMAIL_WEBHOOK_SECRET = MAIL_SECRET
    settings.SMS_WEBHOOK_SECRET = SMS_SECRET
    settings.INBOUND_EMAIL_ADDRESS = "reply@reengage.invalid"
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield
    cache.clear()


def meta(headers: dict[str, str]) -> dict[str, str]:
    return {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}


def post_mail(raw: bytes, *, secret: str = MAIL_SECRET, at: float | None = None, headers=None):
    sent = headers if headers is not None else meta(webhooks.signed_headers(secret, raw, at=at))
    return Client().post("/inbound/email", raw, content_type="message/rfc822", **sent)


def reply_to(inquiry: Inquiry, *, body: str, html: str = "", message_id: str = "<r1@mail.example>"):
    """A reply the person wrote, to their inquiry's reply address."""
    token = Inquiry.objects.get(pk=inquiry.pk).reply_token
    if not token:
        token = reply_token_new()
        Inquiry.objects.filter(pk=inquiry.pk).update(reply_token=token)
    head = (
        f"From: Sam <sam@example.org>\r\nTo: reply+{token}@reengage.invalid\r\n"
        f"Subject: Re: We got your message\r\nMessage-ID: {message_id}\r\n"
        "Date: Tue, 03 Mar 2026 13:55:00 -0500\r\nMIME-Version: 1.0\r\n"
    )
    if html:
        return (head + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n").encode()
    return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").encode()


@pytest.fixture
def inquiry(django_capture_on_commit_callbacks) -> Inquiry:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        made = services.inquiry_submit(submission=submission())
    return Inquiry.objects.get(pk=made.pk)


# --- the verifier, on both webhooks ----------------------------------------------------------


def test_a_signed_reply_is_stored_and_answered_with_its_public_id_only(
    inquiry, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_mail(reply_to(inquiry, body="Thursday works for me."))
    assert answer.status_code == 200
    stored = InboundMessage.objects.get()
    assert answer.json() == {"status": "stored", "message": str(stored.public_id)}
    assert stored.inquiry_id == inquiry.pk and stored.source == "webhook"
    assert stored.body == "Thursday works for me."


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda raw: meta(webhooks.signed_headers("wrong", raw)), id="wrong-secret"),
        pytest.param(
            lambda raw: meta(webhooks.signed_headers(MAIL_SECRET, raw + b"x")), id="other-body"
        ),
        pytest.param(
            lambda raw: meta(webhooks.signed_headers(MAIL_SECRET, raw, at=NOW.timestamp() - 301)),
            id="stale",
        ),
        pytest.param(
            lambda raw: meta(webhooks.signed_headers(MAIL_SECRET, raw, at=NOW.timestamp() + 301)),
            id="from-the-future",
        ),
        pytest.param(lambda raw: {}, id="unsigned"),
        pytest.param(
            lambda raw: {
                "HTTP_X_REENGAGE_SIGNATURE": webhooks.signed_headers(MAIL_SECRET, raw)[
                    webhooks.SIGNATURE_HEADER
                ]
            },
            id="no-timestamp",
        ),
    ],
)
def test_a_wrong_or_stale_signature_is_refused_and_nothing_is_stored(inquiry, forge) -> None:
    raw = reply_to(inquiry, body="Thursday works for me.")
    answer = post_mail(raw, headers=forge(raw))
    assert answer.status_code == 403
    assert answer.json()["status"] == "refused"
    assert InboundMessage.objects.count() == 0
    assert Inquiry.objects.get(pk=inquiry.pk).waiting_on_us_since is None


def test_a_replayed_signature_is_refused_even_for_a_message_not_stored_yet(inquiry) -> None:
    raw = reply_to(inquiry, body="Thursday works for me.")
    headers = meta(webhooks.signed_headers(MAIL_SECRET, raw))
    assert post_mail(raw, headers=headers).status_code == 200
    InboundMessage.objects.all().delete()  # so a second store could be seen
    with time_machine.travel(NOW.timestamp() + 30, tick=False):
        replayed = post_mail(raw, headers=headers)
    assert replayed.status_code == 403
    assert replayed.json()["reason"] == "replayed"
    assert InboundMessage.objects.count() == 0


def test_the_same_checks_guard_the_sms_webhook() -> None:
    body = json.dumps({"from": "+16175550134", "body": "STOP"}).encode()
    client = Client()
    stale = meta(webhooks.signed_headers(SMS_SECRET, body, at=NOW.timestamp() - 400))
    assert (
        client.post("/sms/inbound", body, content_type="application/json", **stale).status_code
        == 403
    )
    wrong = meta(webhooks.signed_headers(MAIL_SECRET, body))  # the other webhook's secret
    assert (
        client.post("/sms/inbound", body, content_type="application/json", **wrong).status_code
        == 403
    )
    assert SMSOptOut.objects.count() == 0
    good = meta(webhooks.signed_headers(SMS_SECRET, body))
    assert (
        client.post("/sms/inbound", body, content_type="application/json", **good).status_code
        == 200
    )
    assert SMSOptOut.objects.count() == 1
    assert (
        client.post("/sms/inbound", body, content_type="application/json", **good).status_code
        == 403
    )


def test_a_signature_for_one_webhook_is_no_good_on_the_other(settings, inquiry) -> None:
    settings.SMS_WEBHOOK_SECRET = MAIL_SECRET  # even with one secret shared by mistake
    raw = reply_to(inquiry, body="Thursday works for me.")
    headers = meta(webhooks.signed_headers(MAIL_SECRET, raw))
    assert post_mail(raw, headers=headers).status_code == 200
    answer = Client().post("/sms/inbound", raw, content_type="application/json", **headers)
    assert answer.status_code in (400, 403)
    assert SMSOptOut.objects.count() == 0


def test_the_mail_webhook_is_off_without_its_secret(settings, inquiry) -> None:
    settings.INBOUND_EMAIL_WEBHOOK_SECRET = ""
    assert post_mail(reply_to(inquiry, body="Hello")).status_code == 404
    assert InboundMessage.objects.count() == 0


def test_only_post_is_answered() -> None:
    assert Client().get("/inbound/email").status_code == 405


# --- size and content --------------------------------------------------------------------------


def test_a_ten_megabyte_message_is_refused_with_413(inquiry) -> None:
    raw = reply_to(inquiry, body="x" * (10 * 1024 * 1024))
    answer = post_mail(raw)
    assert answer.status_code == 413
    assert answer.json() == {"status": "too_large", "max_bytes": 10 * 1024 * 1024}
    assert InboundMessage.objects.count() == 0


def test_a_message_just_under_the_cap_but_over_djangos_memory_limit_is_stored(
    settings, inquiry, django_capture_on_commit_callbacks
) -> None:
    settings.INBOUND_EMAIL_MAX_BYTES = 1024 * 1024  # four times DATA_UPLOAD_MAX_MEMORY_SIZE
    raw = reply_to(inquiry, body="Thursday works. " + "x" * 600_000)
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_mail(raw)
    assert answer.status_code == 200
    assert InboundMessage.objects.count() == 1


def test_html_and_script_in_a_reply_are_shown_as_text_on_the_case_page(
    roles, inquiry, django_capture_on_commit_callbacks
) -> None:
    html = (
        "<html><body><p>Hi, <b>Thursday</b> works.</p>"
        "<script>alert('x')</script><img src=x onerror=alert(1)>"
        "<p>&lt;script&gt;steal()&lt;/script&gt;</p></body></html>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert post_mail(reply_to(inquiry, body="", html=html)).status_code == 200
    lee = coordinator(inquiry.queue or default_queue(), "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    client = Client()
    client.force_login(lee)
    page = client.get(f"/admin/intake/inquiry/{inquiry.pk}/change/").content.decode()
    found = re.search(r'<section id="conversation".*?</section>', page, re.S)
    assert found
    conversation = found.group()
    assert "Thursday" in conversation
    assert "<script" not in conversation and "<b>" not in conversation
    assert "<img" not in conversation and "onerror=alert" not in conversation.replace("&", "")
    # What was written as text stays text: escaped, never markup.
    assert "&lt;script&gt;steal()&lt;/script&gt;" in conversation
