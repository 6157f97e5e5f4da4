"""The write path: submit, route, deliver, sweep — on the embedded (in-process) task mode."""

from __future__ import annotations

import smtplib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from intake import services
from intake.models import Inquiry, InquiryEvent, OutboundMessage
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.django_db


def submit(capture, **overrides) -> Inquiry:
    with capture(execute=True):
        inquiry = services.inquiry_submit(submission=submission(**overrides))
    inquiry.refresh_from_db()
    return inquiry


def test_submit_saves_routes_and_acknowledges_once(django_capture_on_commit_callbacks) -> None:
    queue = default_queue()
    lee = coordinator(queue, "lee")
    inquiry = submit(django_capture_on_commit_callbacks)

    assert inquiry.queue == queue
    assert inquiry.assigned_to == lee
    assert inquiry.first_contact_due_at is not None
    assert inquiry.consent_version and inquiry.consent_at
    ack = inquiry.messages.get(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT)
    assert ack.status == OutboundMessage.Status.SENT
    assert ack.sent_at is not None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["sam@example.com"]
    assert sent.subject == "We got your message — Reengage"
    assert sent.extra_headers["Message-ID"] == ack.message_id
    assert sent.reply_to == ["intake@clinic.test"]
    assert "Hi Sam," in sent.body
    assert "thinking about coming back" not in sent.body  # never echo their own words
    assert sent.body.rstrip().endswith("or call 911 in an emergency.")
    kinds = list(inquiry.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "message_queued", "routed", "message_sent"]


def test_delivering_the_same_message_again_has_no_effect(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    inquiry = submit(django_capture_on_commit_callbacks)
    ack = inquiry.messages.get()
    assert services.message_deliver(message_id=ack.pk) is None
    assert len(mail.outbox) == 1
    assert inquiry.events.filter(kind="message_sent").count() == 1


def test_a_claimed_message_cannot_be_claimed_twice() -> None:
    default_queue()
    inquiry = services.inquiry_submit(submission=submission())  # on_commit not run: still pending
    message = inquiry.messages.get()
    assert services.message_claim(message_id=message.pk) is not None
    assert services.message_claim(message_id=message.pk) is None
    # ...until its lease expires, then the sweeper's redelivery may take it back.
    OutboundMessage.objects.filter(pk=message.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert services.message_claim(message_id=message.pk) is not None


def test_same_submission_token_makes_one_inquiry(django_capture_on_commit_callbacks) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.inquiry_submit(submission=submission(), submission_token="tok-1")
        second = services.inquiry_submit(submission=submission(), submission_token="tok-1")
    assert first.pk == second.pk
    assert Inquiry.objects.count() == 1
    assert len(mail.outbox) == 1


def test_spam_is_kept_quarantined_and_never_acknowledged(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    inquiry = submit(
        django_capture_on_commit_callbacks,
        message="Best casino bonus!!! http://spam.example.com buy now cheap viagra",
    )
    assert inquiry.is_spam
    assert inquiry.messages.count() == 0
    assert len(mail.outbox) == 0
    assert inquiry.routed_at is not None  # routed to a queue for review, but not assigned
    assert inquiry.assigned_to is None


def test_crisis_language_is_urgent_alerts_on_duty_and_beats_spam_signals(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(
            submission=submission(message="I want to end my life. http://example.com"),
            honeypot_filled=True,
            too_fast=True,
        )
    inquiry.refresh_from_db()
    assert inquiry.priority == "urgent"
    assert not inquiry.is_spam
    kinds = sorted(inquiry.messages.values_list("kind", flat=True))
    assert kinds == ["acknowledgement", "on_call_alert", "urgent_alert"]
    ack = inquiry.messages.get(kind="acknowledgement")
    assert ack.template_key == "acknowledgement_crisis"
    # No on-call phone is set on this queue: the text is skipped, never sent anywhere.
    assert inquiry.messages.get(kind="on_call_alert").status == "skipped"
    alert = next(m for m in mail.outbox if m.to == ["on-duty@clinic.test"])
    assert "end my life" not in alert.subject + alert.body
    assert "Sam" not in alert.body and "sam@example.com" not in alert.body
    assert inquiry.short_id in alert.body


def test_call_only_without_email_or_text_consent_owes_no_acknowledgement(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    inquiry = submit(
        django_capture_on_commit_callbacks, contact_method="call", email="", phone="6175550134"
    )
    assert inquiry.messages.count() == 0
    assert inquiry.routed_at is not None  # routed by its own task


@time_machine.travel(datetime(2026, 11, 18, 15, 0, tzinfo=ZoneInfo("America/New_York")), tick=False)
def test_text_with_consent_gets_a_neutral_sms(django_capture_on_commit_callbacks) -> None:
    from intake.messaging.sms import MemorySMSBackend

    default_queue()
    inquiry = submit(
        django_capture_on_commit_callbacks,
        contact_method="text",
        email="",
        phone="(617) 555-0134",
        text_ok=True,
    )
    assert inquiry.text_ok and inquiry.text_consent_at
    assert len(MemorySMSBackend.outbox) == 1
    sms = MemorySMSBackend.outbox[0]
    assert sms["to"] == "+16175550134"
    assert "988" in sms["body"]
    for word in ("treatment", "program", "therapy", "recovery", "clinic", "coming back"):
        assert word not in sms["body"].lower()


def test_transient_smtp_failure_backs_off_then_fails_after_the_maximum(
    settings, monkeypatch
) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 3
    default_queue()
    inquiry = services.inquiry_submit(submission=submission())
    message = inquiry.messages.get()

    def refuse(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, b"try later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    waits = []
    for _ in range(2):
        services.message_deliver(message_id=message.pk)
        message.refresh_from_db()
        assert message.status == "pending"
        assert message.last_error == "SMTPConnectError 421"
        waits.append(message.next_attempt_at)
        OutboundMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert waits[0] is not None and waits[1] is not None
    services.message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == "failed"
    assert message.attempts == 3
    assert inquiry.events.filter(kind="message_failed", reason="too_many_attempts").count() == 1


def test_permanent_refusal_fails_at_once(monkeypatch) -> None:
    default_queue()
    inquiry = services.inquiry_submit(submission=submission())
    message = inquiry.messages.get()

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"sam@example.com": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    services.message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == "failed"
    assert "sam@example.com" not in message.last_error
    assert message.attempts == 1


def test_routing_is_idempotent_and_never_reroutes(django_capture_on_commit_callbacks) -> None:
    queue = default_queue()
    coordinator(queue, "ana")
    inquiry = submit(django_capture_on_commit_callbacks)
    before = (inquiry.queue_id, inquiry.assigned_to_id, inquiry.first_contact_due_at)
    coordinator(queue, "bo")
    services.inquiry_route(inquiry_id=inquiry.pk)
    inquiry.refresh_from_db()
    assert (inquiry.queue_id, inquiry.assigned_to_id, inquiry.first_contact_due_at) == before
    assert inquiry.events.filter(kind=InquiryEvent.Kind.ROUTED).count() == 1


def test_assignment_spreads_over_the_least_loaded(django_capture_on_commit_callbacks) -> None:
    queue = default_queue()
    ana, bo = coordinator(queue, "ana"), coordinator(queue, "bo")
    coordinator(queue, "away", active=False)
    assigned = [
        submit(django_capture_on_commit_callbacks, email=f"p{i}@example.com").assigned_to
        for i in range(4)
    ]
    assert sorted(u.username for u in assigned) == ["ana", "ana", "bo", "bo"]
    assert {ana, bo} == set(assigned)


def test_sweep_reenqueues_stalled_work_and_delivers_it(settings) -> None:
    settings.ROUTING_GRACE_SECONDS = 0
    default_queue()
    inquiry = services.inquiry_submit(submission=submission())  # broker "lost" the task
    message = inquiry.messages.get()
    OutboundMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    result = services.pending_sweep()
    assert result.messages == [message.pk]
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(mail.outbox) == 1
    assert services.pending_sweep().messages == []


def test_a_broker_error_while_enqueueing_is_logged_never_raised(monkeypatch, caplog) -> None:
    from intake import tasks

    def boom(*args, **kwargs):
        raise ConnectionRefusedError("redis down")

    monkeypatch.setattr(tasks.message_deliver_task, "delay", boom)
    services.tasks_enqueue(inquiry_id=1, message_ids=[1])
    assert "left for the sweeper" in caplog.text
