"""Texts: consent and quiet hours at send time, STOP through a signed webhook, the provider."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from intake import services, webhooks
from intake.messaging.email import PermanentSendError, TransientSendError
from intake.messaging.sms import HttpSMSBackend, MemorySMSBackend
from intake.models import InboundMessage, Inquiry, OutboundMessage, SMSOptOut
from intake.services import optout
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


def signed(body: bytes, secret: str = SECRET, *, at: float | None = None) -> dict:
    """The webhook's two headers (``intake.webhooks``), as the test client takes them."""
    headers = webhooks.signed_headers(secret, body, at=at)
    return {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}


@pytest.fixture(autouse=True)
def _forget_seen_signatures():
    """Each test starts with no signature seen (the replay check remembers them)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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

    # A new form from the same number with text consent, once that inquiry is closed, is still
    # not texted until START.
    Inquiry.objects.filter(pk=inquiry.pk).update(status=Inquiry.Status.CLOSED)
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


# --- texts people send us: the signed webhook, HELP, and texts kept with their inquiry ------

DAY = datetime(2026, 11, 18, 14, 0, tzinfo=NY)


def text_in(client: Client, phone: str, body: str, *, message_id: str = "", **headers):
    payload = json.dumps({"from": phone, "body": body, "id": message_id}).encode()
    return client.post(
        "/sms/inbound",
        payload,
        content_type="application/json",
        **(headers or signed(payload)),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("payload", [b"[]", b'["STOP"]', b'"STOP"', b"42", b"null"])
def test_a_signed_body_that_is_not_a_json_object_answers_400(settings, payload) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    answer = Client().post(
        "/sms/inbound", payload, content_type="application/json", **signed(payload)
    )
    assert answer.status_code == 400
    assert answer.json() == {"status": "not_an_object"}
    assert SMSOptOut.objects.count() == 0
    assert InboundMessage.objects.count() == 0


@pytest.mark.django_db
@time_machine.travel(DAY, tick=False)
def test_a_replayed_start_after_stop_changes_nothing(settings) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    client = Client()
    start = json.dumps({"from": "+16175550134", "body": "START"}).encode()
    start_headers = signed(start)
    first = client.post("/sms/inbound", start, content_type="application/json", **start_headers)
    assert first.json() == {"result": "opted_in"}
    stop = text_in(client, "+16175550134", "STOP")
    assert stop.json() == {"result": "opted_out"}

    # Someone who captured the START replays it a minute later: refused, the opt-out stays.
    with time_machine.travel(DAY.timestamp() + 60, tick=False):
        replayed = client.post(
            "/sms/inbound", start, content_type="application/json", **start_headers
        )
    assert replayed.status_code == 403
    assert SMSOptOut.objects.count() == 1


@pytest.mark.django_db
@time_machine.travel(DAY, tick=False)
def test_a_text_is_kept_with_the_open_inquiry_of_that_number(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=texter())
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        answer = text_in(
            client, "(617) 555-0134", "Thursday after 5 works for me", message_id="SM1"
        )
    assert answer.json() == {"result": "stored"}
    stored = InboundMessage.objects.get()
    assert stored.inquiry_id == inquiry.pk
    assert stored.channel == "sms" and stored.source == "sms"
    assert stored.body == "Thursday after 5 works for me"
    assert Inquiry.objects.count() == 1
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None

    # The provider sends the same text again (a new signature): still one message.
    with time_machine.travel(DAY.timestamp() + 5, tick=False):
        again = text_in(client, "+16175550134", "Thursday after 5 works for me", message_id="SM1")
    assert again.status_code == 200
    assert InboundMessage.objects.count() == 1


@pytest.mark.django_db
@time_machine.travel(DAY, tick=False)
def test_a_text_from_a_new_number_starts_an_inquiry_by_initiation_with_the_acknowledgement(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    default_queue()
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        answer = text_in(
            client, "+16175550177", "Hi, I'd like to come back to group", message_id="SM9"
        )
    assert answer.json() == {"result": "new_inquiry"}
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "Hi, I'd like to come back to group"
    assert inquiry.contact_method == Inquiry.ContactMethod.TEXT
    assert inquiry.phone == "+16175550177"
    assert inquiry.consent and inquiry.text_ok
    assert inquiry.consent_version == optout.CONSENT_BY_INITIATION
    assert inquiry.text_consent_version == optout.CONSENT_BY_INITIATION
    assert InboundMessage.objects.count() == 0  # the text is the inquiry's own message
    acknowledgement = inquiry.messages.get(kind="acknowledgement")
    assert acknowledgement.channel == "sms" and acknowledgement.status == "sent"
    [sent] = MemorySMSBackend.outbox
    assert sent["to"] == "+16175550177"
    assert "988" in sent["body"] and "we got your message" in sent["body"]

    # The provider sends it again: the same inquiry, no second acknowledgement.
    with time_machine.travel(DAY.timestamp() + 5, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            text_in(client, "+16175550177", "Hi, I'd like to come back to group", message_id="SM9")
    assert Inquiry.objects.count() == 1
    assert InboundMessage.objects.count() == 0
    assert len(MemorySMSBackend.outbox) == 1


@pytest.mark.django_db
@time_machine.travel(DAY, tick=False)
def test_help_is_answered_with_the_programs_name_phone_and_988(settings) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    settings.ORG_NAME = "Riverside Outpatient"
    settings.PROGRAM_PHONE = "+16175550100"
    answer = text_in(Client(), "+16175550188", "help", message_id="SM5")
    assert answer.json() == {"result": "help"}
    [reply] = MemorySMSBackend.outbox
    assert reply["to"] == "+16175550188"
    assert "Riverside Outpatient" in reply["body"]
    assert "+16175550100" in reply["body"]
    assert "988" in reply["body"]
    assert len(reply["body"]) <= 320
    assert Inquiry.objects.count() == 0 and InboundMessage.objects.count() == 0


@pytest.mark.django_db
@time_machine.travel(DAY, tick=False)
def test_a_sentence_that_starts_with_a_keyword_is_a_message_not_a_keyword(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.SMS_WEBHOOK_SECRET = SECRET
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=texter())
    client = Client()
    for n, words in enumerate(
        ["Yes I'd like that", "Cancel my Tuesday please", "Help me find a time"]
    ):
        with django_capture_on_commit_callbacks(execute=True):
            answer = text_in(client, "+16175550134", words, message_id=f"SMk{n}")
        assert answer.json() == {"result": "stored"}, words
    assert inquiry.inbound_messages.count() == 3
    assert SMSOptOut.objects.count() == 0
    assert Inquiry.objects.get().text_ok
