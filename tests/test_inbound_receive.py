"""message_receive: each message stored once, on the right inquiry, and the right people told."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from intake import services
from intake.messaging.inbound import Incoming, parse_email
from intake.messaging.sms import MemorySMSBackend
from intake.models import (
    ContactAttempt,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
    Priority,
)
from tests.factories import coordinator, default_queue, submission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("inbound_address")]
NY = ZoneInfo("America/New_York")
WEDNESDAY_NOON = datetime(2026, 11, 18, 12, 0, tzinfo=NY)


@pytest.fixture
def inbound_address(settings, tmp_path):
    settings.INBOUND_EMAIL_ADDRESS = "reply@reengage.invalid"
    settings.INBOUND_EMAIL_DIR = tmp_path / "inbox"
    MemorySMSBackend.outbox.clear()


@pytest.fixture
def acknowledged(django_capture_on_commit_callbacks):
    """A routed inquiry whose acknowledgement went out: (inquiry, the acknowledgement mail)."""
    queue = default_queue()
    coordinator(queue, "lee").__class__.objects.filter(username="lee").update(
        email="lee@clinic.test"
    )
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = services.inquiry_submit(submission=submission())
    inquiry.refresh_from_db()
    acks = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    assert len(acks) == 1
    mail.outbox.clear()
    return inquiry, acks[0]


def reply_to(ack, body: str = "Yes, Tuesday morning works for me.", **headers) -> bytes:
    message = EmailMessage()
    message["From"] = headers.pop("sender", "Sam <sam@example.com>")
    message["To"] = headers.pop("to", ack.reply_to[0])
    message["Subject"] = "Re: " + ack.subject
    message["Message-ID"] = headers.pop("message_id", "<reply-1@mail.example.com>")
    message["In-Reply-To"] = headers.pop("in_reply_to", ack.extra_headers["Message-ID"])
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(
        f"{body}\n\nOn Wed, Nov 18, 2026 at 12:00 PM Reengage <hello@reengage.invalid> wrote:\n"
        "> Thank you for writing.\n"
    )
    return message.as_bytes()


def receive(raw: bytes, capture) -> InboundMessage:
    with capture(execute=True):
        return services.message_receive(incoming=parse_email(raw), source="folder")


def test_the_acknowledgement_carries_a_keyed_reply_address_not_the_id(acknowledged) -> None:
    inquiry, ack = acknowledged
    assert inquiry.reply_token and len(inquiry.reply_token) >= 16
    assert ack.reply_to == [f"reply+{inquiry.reply_token}@reengage.invalid"]
    assert str(inquiry.public_id) not in ack.reply_to[0]
    message = ack.message()
    assert message["Message-ID"] == inquiry.messages.get(kind="acknowledgement").message_id


@override_settings(INBOUND_EMAIL_ADDRESS="")
def test_without_an_inbound_address_the_queue_reply_to_is_kept(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_submit(submission=submission())
    assert mail.outbox[0].reply_to == ["intake@clinic.test"]


def test_a_reply_lands_on_its_inquiry_once_flagged_notified_and_quoted_apart(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    raw = reply_to(ack)
    later = WEDNESDAY_NOON + timedelta(days=1)
    with time_machine.travel(later, tick=False):
        first = receive(raw, django_capture_on_commit_callbacks)
        second = receive(raw, django_capture_on_commit_callbacks)
    assert first.pk == second.pk
    assert InboundMessage.objects.count() == 1
    assert first.inquiry_id == inquiry.pk
    assert first.state == InboundMessage.State.ATTACHED
    assert first.body == "Yes, Tuesday morning works for me."
    assert "Thank you for writing." in first.quoted
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since == later
    assert inquiry.first_contact_due_at > later
    events = inquiry.events.filter(kind=InquiryEvent.Kind.MESSAGE_RECEIVED)
    assert events.count() == 1
    assert events.get().data == {"inbound": first.pk}
    # The assignee is told once, with a link and nothing the person wrote.
    notices = [m for m in mail.outbox if m.to == ["lee@clinic.test"]]
    assert len(notices) == 1
    text = notices[0].subject + notices[0].body
    assert "Tuesday" not in text and "Sam" not in text
    assert f"/admin/intake/inquiry/{inquiry.pk}/change/" in notices[0].body


def test_an_unassigned_inquiry_notifies_the_on_duty_address(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    Inquiry.objects.filter(pk=inquiry.pk).update(assigned_to=None)
    receive(reply_to(ack), django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["on-duty@clinic.test"]]
    assert inquiry.messages.get(kind=OutboundMessage.Kind.REPLY_NOTICE).status == "sent"


def test_a_reply_matches_by_its_headers_when_the_address_has_no_token(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    inbound = receive(
        reply_to(ack, to="intake@clinic.test", References=ack.extra_headers["Message-ID"]),
        django_capture_on_commit_callbacks,
    )
    assert inbound.inquiry_id == inquiry.pk


def test_a_forged_token_goes_to_unmatched_in_the_queue_of_its_address(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    token = inquiry.reply_token
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    inbound = receive(
        reply_to(ack, to=f"reply+{forged}@reengage.invalid, intake@clinic.test"),
        django_capture_on_commit_callbacks,
    )
    assert inbound.inquiry_id is None
    assert inbound.state == InboundMessage.State.UNMATCHED
    assert inbound.queue == inquiry.queue
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is None
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.MESSAGE_RECEIVED).exists()
    assert mail.outbox == []


def test_an_unknown_sender_with_no_token_or_headers_is_unmatched(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    _inquiry, ack = acknowledged
    inbound = receive(
        reply_to(ack, to="someone@elsewhere.org", in_reply_to="<x@y>"),
        django_capture_on_commit_callbacks,
    )
    assert inbound.state == InboundMessage.State.UNMATCHED
    assert inbound.queue is None


def test_an_erased_inquiry_never_receives(acknowledged, django_capture_on_commit_callbacks) -> None:
    inquiry, ack = acknowledged
    Inquiry.objects.filter(pk=inquiry.pk).update(erased_at=timezone.now())
    inbound = receive(reply_to(ack), django_capture_on_commit_callbacks)
    assert inbound.inquiry_id is None
    assert inbound.state == InboundMessage.State.UNMATCHED
    assert mail.outbox == []


def test_an_auto_reply_is_stored_but_flags_and_notifies_nothing(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    due = inquiry.first_contact_due_at
    inbound = receive(
        reply_to(ack, "I am out of the office until Monday.", Auto_Submitted="auto-replied"),
        django_capture_on_commit_callbacks,
    )
    assert inbound.is_automatic and inbound.inquiry_id == inquiry.pk
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is None
    assert inquiry.first_contact_due_at == due
    assert inquiry.events.filter(kind=InquiryEvent.Kind.AUTO_REPLY_RECEIVED).count() == 1
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.MESSAGE_RECEIVED).exists()
    assert mail.outbox == []


def test_a_closed_inquiry_keeps_its_status_but_is_flagged(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    Inquiry.objects.filter(pk=inquiry.pk).update(
        status=Inquiry.Status.CLOSED, close_reason="no_response"
    )
    receive(reply_to(ack), django_capture_on_commit_callbacks)
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED
    assert inquiry.waiting_on_us_since is not None


def test_a_crisis_reply_makes_the_inquiry_urgent_and_pages_on_call(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    queue = inquiry.queue
    queue.on_call_phone = "+16175550100"
    queue.on_call_phone_confirmed_at = timezone.now()
    queue.save()
    with time_machine.travel(WEDNESDAY_NOON + timedelta(hours=1), tick=False):
        receive(
            reply_to(ack, "Honestly I want to end my life tonight."),
            django_capture_on_commit_callbacks,
        )
    inquiry.refresh_from_db()
    assert inquiry.priority == Priority.URGENT
    assert inquiry.events.filter(
        kind=InquiryEvent.Kind.PRIORITY_CHANGED, to_state=Priority.URGENT
    ).exists()
    kinds = set(inquiry.messages.values_list("kind", flat=True))
    assert {"urgent_alert", "on_call_alert", "reply_notice"} <= kinds
    assert [m.to for m in mail.outbox if "on-duty@clinic.test" in m.to]
    pages = [m for m in MemorySMSBackend.outbox if m["to"] == "+16175550100"]
    assert len(pages) == 1
    assert "end my life" not in pages[0]["body"]


def test_staff_replying_or_reaching_them_clears_the_flag(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    lee = inquiry.assigned_to
    receive(reply_to(ack), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_send(actor=lee, inquiry_id=inquiry.pk, body="Tuesday at 10 then!")
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is None
    receive(
        reply_to(ack, "Thanks!", message_id="<reply-2@mail.example.com>"),
        django_capture_on_commit_callbacks,
    )
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None
    services.contact_attempt_record(
        actor=lee, inquiry_id=inquiry.pk, channel="call", outcome=ContactAttempt.Outcome.NO_ANSWER
    )
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None
    services.contact_attempt_record(
        actor=lee, inquiry_id=inquiry.pk, channel="call", outcome=ContactAttempt.Outcome.REACHED
    )
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is None


def test_a_staff_reply_leaves_threaded_to_the_persons_message(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    receive(reply_to(ack), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_send(actor=inquiry.assigned_to, inquiry_id=inquiry.pk, body="See you then.")
    (sent,) = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    headers = sent.message()
    assert headers["In-Reply-To"] == "<reply-1@mail.example.com>"
    assert headers["References"] == f"{ack.extra_headers['Message-ID']} <reply-1@mail.example.com>"
    assert sent.reply_to == [f"reply+{inquiry.reply_token}@reengage.invalid"]


def test_an_sms_from_the_number_of_an_open_inquiry_joins_it(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(
            submission=submission(contact_method="phone", phone="617 555 0134", text_ok=True)
        )
    with django_capture_on_commit_callbacks(execute=True):
        inbound = services.message_receive(
            incoming=Incoming(channel="sms", sender="+16175550134", body="ok", external_id="SM1"),
            source="sms",
        )
    assert inbound.inquiry_id == inquiry.pk
    with django_capture_on_commit_callbacks(execute=True):
        stranger = services.message_receive(
            incoming=Incoming(channel="sms", sender="+16175550199", body="hi", external_id="SM2"),
            source="sms",
        )
    assert stranger.state == InboundMessage.State.UNMATCHED


def test_attach_and_discard_are_services_with_audit_records(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    from intake.models import AuditEvent

    inquiry, ack = acknowledged
    lee = inquiry.assigned_to
    ana = coordinator(inquiry.queue, "ana")
    stray = receive(
        reply_to(ack, to="intake@clinic.test", in_reply_to="<x@y>"),
        django_capture_on_commit_callbacks,
    )
    assert stray.state == InboundMessage.State.UNMATCHED
    with django_capture_on_commit_callbacks(execute=True):
        attached = services.inbound_attach(actor=ana, inbound_id=stray.pk, inquiry_id=inquiry.pk)
    assert attached.state == InboundMessage.State.ATTACHED
    assert attached.inquiry_id == inquiry.pk and attached.handled_by == ana
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None
    assert inquiry.events.get(kind=InquiryEvent.Kind.MESSAGE_RECEIVED).actor == ana
    assert [m.to for m in mail.outbox] == [[lee.email]]
    assert AuditEvent.objects.filter(actor=ana, object_type="inboundmessage").exists()
    # Attached already: a second try (a colleague's) changes nothing.
    again = services.inbound_discard(actor=lee, inbound_id=stray.pk)
    assert again.state == InboundMessage.State.ATTACHED
    other = receive(
        reply_to(ack, to="nobody@elsewhere.org", in_reply_to="<x@y>", message_id="<o@x>"),
        django_capture_on_commit_callbacks,
    )
    discarded = services.inbound_discard(actor=lee, inbound_id=other.pk)
    assert discarded.state == InboundMessage.State.DISCARDED and discarded.handled_by == lee
    with pytest.raises(services.ActionRefused):
        Inquiry.objects.filter(pk=inquiry.pk).update(erased_at=timezone.now())
        third = receive(
            reply_to(ack, to="nobody@elsewhere.org", in_reply_to="<x@y>", message_id="<t@x>"),
            django_capture_on_commit_callbacks,
        )
        services.inbound_attach(actor=lee, inbound_id=third.pk, inquiry_id=inquiry.pk)


def test_the_folder_is_read_once_and_files_moved_aside(
    acknowledged, settings, caplog, django_capture_on_commit_callbacks
) -> None:
    inquiry, ack = acknowledged
    caplog.set_level(logging.DEBUG)
    inbox = settings.INBOUND_EMAIL_DIR
    inbox.mkdir()
    (inbox / "one.eml").write_bytes(reply_to(ack, "Zebra-Secret-5521 please call"))
    (inbox / "same-again.eml").write_bytes(reply_to(ack, "Zebra-Secret-5521 please call"))
    settings.INBOUND_EMAIL_MAX_BYTES = 150_000
    (inbox / "huge.eml").write_bytes(b"Subject: big\r\n\r\n" + b"x" * 200_000)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("inbound_poll", stdout=open("/dev/null", "w"))
        call_command("inbound_poll", stdout=open("/dev/null", "w"))
    assert InboundMessage.objects.filter(inquiry=inquiry).count() == 1
    assert sorted(p.name for p in inbox.glob("*.eml")) == []
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["one.eml", "same-again.eml"]
    assert [p.name for p in (inbox / "failed").iterdir()] == ["huge.eml"]
    assert "Zebra-Secret" not in caplog.text
    assert "sam@example.com" not in caplog.text


def test_the_poll_task_is_on_the_beat_schedule_with_no_arguments(settings) -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["inbound-poll"]
    assert entry["task"] == "intake.tasks.inbound_poll_task"
    assert "args" not in entry and "kwargs" not in entry


def test_a_missing_folder_is_no_error(settings) -> None:
    settings.INBOUND_EMAIL_DIR = settings.INBOUND_EMAIL_DIR / "nowhere"
    assert services.inbound_poll() == services.PollResult()


def test_an_unmatched_message_in_danger_becomes_its_own_urgent_inquiry(
    acknowledged, django_capture_on_commit_callbacks
) -> None:
    """A forged or lost token never attaches mail to someone's inquiry, but a person in
    danger is never left waiting in a list: their message starts a new, urgent inquiry."""
    inquiry, ack = acknowledged
    with time_machine.travel(WEDNESDAY_NOON + timedelta(hours=1), tick=False):
        inbound = receive(
            reply_to(
                ack,
                body="I took all my pills an hour ago",
                to="someone@elsewhere.org",
                in_reply_to="<lost@elsewhere.org>",
                sender="Sky <sky@example.org>",
            ),
            django_capture_on_commit_callbacks,
        )
    assert inbound.state == InboundMessage.State.ATTACHED
    assert inbound.inquiry_id not in (None, inquiry.pk)
    started = Inquiry.objects.get(pk=inbound.inquiry_id)
    assert started.priority == Priority.URGENT
    assert started.consent_version == "email-initiated"
    assert started.messages.filter(kind=OutboundMessage.Kind.URGENT_ALERT).exists()
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is None
