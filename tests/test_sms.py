"""Texts: consent and quiet hours at send time, STOP through a signed webhook, the provider."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from intake import services
from intake.messaging.email import PermanentSendError, TransientSendError
from intake.messaging.sms import HttpSMSBackend, MemorySMSBackend
from intake.models import Inquiry, OutboundMessage, SMSOptOut
from tests.factories import default_queue, submission

NY = ZoneInfo("America/New_York")
SECRET = "webhook-secret-for-tests"


def texter(**extra) -> services.Submission:
    return submission(contact_method="text", email="", phone="617 555 0134", text_ok=True, **extra)


@pytest.mark.django_db
def test_a_text_due_at_night_waits_for_eight_in_the_morning(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with time_machine.travel(datetime(2026, 11, 18, 22, 15, tzinfo=NY), tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = services.inquiry_submit(submission=texter())
        message = inquiry.messages.get()
        assert message.status == "pending"
        assert message.attempts == 0
        assert message.next_attempt_at == datetime(2026, 11, 19, 8, 0, tzinfo=NY)
        assert MemorySMSBackend.outbox == []
        assert inquiry.events.filter(kind="message_deferred", reason="quiet_hours").exists()

        clock.move_to(datetime(2026, 11, 19, 8, 1, tzinfo=NY))
        services.pending_sweep()
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(MemorySMSBackend.outbox) == 1


def signed(body: bytes, secret: str = SECRET) -> dict:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"HTTP_X_REENGAGE_SIGNATURE": f"sha256={digest}"}


@pytest.mark.django_db
@time_machine.travel(datetime(2026, 11, 18, 22, 0, tzinfo=NY), tick=False)
def test_stop_turns_texting_off_and_skips_what_was_waiting(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=texter())
    waiting = inquiry.messages.get()
    assert waiting.status == "pending"  # night time: waiting for morning

    body = json.dumps({"from": "+16175550134", "body": "STOP"}).encode()
    client = Client()
    forged = client.post(
        "/sms/inbound", body, content_type="application/json", **signed(body, "wrong")
    )
    assert forged.status_code == 403
    assert Inquiry.objects.get().text_ok

    ok = client.post("/sms/inbound", body, content_type="application/json", **signed(body))
    assert ok.status_code == 200 and ok.json() == {"result": "opted_out"}
    inquiry.refresh_from_db()
    waiting.refresh_from_db()
    assert not inquiry.text_ok
    assert waiting.status == "skipped"
    assert SMSOptOut.objects.count() == 1

    # A new form from the same number with text consent is still not texted until START.
    with django_capture_on_commit_callbacks(execute=True):
        again = services.inquiry_submit(submission=texter(message="Me again"))
    message = again.messages.get()
    OutboundMessage.objects.filter(pk=message.pk).update(next_attempt_at=None)
    with time_machine.travel(datetime(2026, 11, 19, 10, 0, tzinfo=NY), tick=False):
        services.message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == "skipped"
    assert MemorySMSBackend.outbox == []

    form = b"From=%2B16175550134&Body=start"
    started = client.post(
        "/sms/inbound", form, content_type="application/x-www-form-urlencoded", **signed(form)
    )
    assert started.json() == {"result": "opted_in"}
    assert SMSOptOut.objects.count() == 0


@pytest.mark.django_db
def test_webhook_is_off_without_a_secret(settings) -> None:
    settings.SMS_WEBHOOK_SECRET = ""
    assert Client().post("/sms/inbound", b"{}", content_type="application/json").status_code == 404


class FakeProvider(BaseHTTPRequestHandler):
    """Answers like an SMS provider; the status to answer with is set per test."""

    answer_status = 200
    received: list = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        FakeProvider.received.append(
            {"headers": dict(self.headers), "json": json.loads(self.rfile.read(length))}
        )
        self.send_response(self.answer_status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": "SM123"}).encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_API_URL = f"http://127.0.0.1:{server.server_port}/messages"
    settings.SMS_API_TOKEN = "token-abc"
    settings.SMS_FROM = "+15550001111"
    settings.SMS_TIMEOUT = 2
    FakeProvider.received = []
    FakeProvider.answer_status = 200
    yield FakeProvider
    server.shutdown()


def test_provider_adapter_posts_json_with_token_and_returns_the_provider_id(provider) -> None:
    assert HttpSMSBackend().send(to="+16175550134", body="Hello", reference="ref-1") == "SM123"
    sent = provider.received[0]
    assert sent["json"] == {
        "to": "+16175550134",
        "from": "+15550001111",
        "body": "Hello",
        "reference": "ref-1",
    }
    assert sent["headers"]["Authorization"] == "Bearer token-abc"
    assert sent["headers"]["Idempotency-Key"] == "ref-1"


@pytest.mark.parametrize(
    ("status", "error"),
    [(500, TransientSendError), (429, TransientSendError), (400, PermanentSendError)],
)
def test_provider_errors_are_classified(provider, status, error) -> None:
    provider.answer_status = status
    with pytest.raises(error):
        HttpSMSBackend().send(to="+16175550134", body="Hello", reference="ref-2")


def test_provider_unreachable_is_transient(settings) -> None:
    from tests.support import free_port

    settings.SMS_API_URL = f"http://127.0.0.1:{free_port()}/messages"
    settings.SMS_TIMEOUT = 1
    with pytest.raises(TransientSendError):
        HttpSMSBackend().send(to="+16175550134", body="Hello", reference="ref-3")


def test_sms_text_is_neutral_in_every_message(db) -> None:
    from intake.messaging.render import render_sms

    context = {
        "org_name": "Reengage",
        "due": datetime(2026, 11, 19, 17, 30, tzinfo=NY),
        "crisis_phone": "988",
        "emergency_phone": "911",
        "site_url": "https://example.org/",
    }
    for name in ("acknowledgement", "check_in"):
        for language in ("en", "es", "pt-br"):
            text = render_sms(name, context, language).lower()
            assert "988" in text
            assert len(text) <= 320
            for word in (
                "treatment",
                "therapy",
                "program",
                "recovery",
                "clinic",
                "iop",
                "rehab",
                "tratamiento",
                "tratamento",
                "terapia",
            ):
                assert word not in text, (name, language, word)


@pytest.mark.parametrize(
    "name",
    sorted(path.stem for path in (Path(__file__).parents[1] / "templates" / "sms").glob("*.txt")),
)
def test_a_text_is_plain_text_never_html_escaped(db, name: str) -> None:
    """A coordinator's "we're" or a program named "A & B" arrives as typed, not as entities."""
    from intake.messaging.render import render_sms

    typed = "We're glad you wrote — A & B <team>"
    context = {
        "org_name": typed,
        "body": typed,
        "code": "123456",
        "due": datetime(2026, 11, 19, 17, 30, tzinfo=NY),
        "reassessment_at": datetime(2026, 11, 19, 17, 30, tzinfo=NY),
        "reassessment_format": "Virtual",
        "crisis_phone": "988",
        "emergency_phone": "911",
        "site_url": "https://example.org/",
        "worklist_url": "https://example.org/admin/",
        "admin_url": "https://example.org/admin/x/",
    }
    text = render_sms(name, context, "en")
    assert typed in text
    assert "&#x27;" not in text and "&amp;" not in text and "&lt;" not in text
