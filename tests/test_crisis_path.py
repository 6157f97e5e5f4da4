"""The crisis path: the person's own safety answer, risk levels, on-call texts, escalation."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone

from intake import selectors, services
from intake.messaging.sms import MemorySMSBackend
from intake.models import (
    CoordinatorQueue,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
    SMSOptOut,
)
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
WEDNESDAY_TEN = datetime(2026, 11, 18, 10, 0, tzinfo=NY)
WEDNESDAY_ELEVEN = datetime(2026, 11, 18, 11, 0, tzinfo=NY)
WEDNESDAY_NOON = datetime(2026, 11, 18, 12, 0, tzinfo=NY)
WEDNESDAY_2AM = datetime(2026, 11, 18, 2, 0, tzinfo=NY)
PLAIN = "Can I come back?"
HOPELESS = "I've felt hopeless lately, can I come back?"
ON_CALL = "+16175550199"


def submit(capture, **overrides) -> Inquiry:
    with capture(execute=True):
        inquiry = services.inquiry_submit(submission=submission(**overrides))
    inquiry.refresh_from_db()
    return inquiry


def to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def texts_to(number: str) -> list[dict]:
    return [t for t in MemorySMSBackend.outbox if t["to"] == number]


def last_code(number: str = ON_CALL) -> str:
    body = texts_to(number)[-1]["body"]
    found = re.findall(r"\b\d{6}\b", body)
    assert len(found) == 1, body
    return found[0]


def wrong_code(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def confirm_on_call(queue: CoordinatorQueue, actor, phone: str = "617 555 0199"):
    services.on_call_phone_set(actor=actor, queue_id=queue.pk, phone=phone)
    services.on_call_phone_confirm(actor=actor, queue_id=queue.pk, code=last_code())
    queue.refresh_from_db()
    assert queue.on_call_number == ON_CALL
    MemorySMSBackend.outbox.clear()
    return queue


def event_text(inquiry: Inquiry) -> str:
    """Every field of every event on the inquiry's timeline, as one lower-case string."""
    parts = []
    for event in inquiry.events.all():
        parts += [event.kind, event.from_state, event.to_state, event.reason]
        parts.append(json.dumps(event.data))
    return " ".join(parts).lower()


# --- 1. The person's own safety answer ---------------------------------------------------


@pytest.mark.parametrize(
    ("safety", "reason"),
    [("not_safe", "self_report_not_safe"), ("someone_else", "self_report_someone_else")],
)
def test_a_danger_answer_makes_an_ordinary_message_urgent_with_crisis_acknowledgement(
    django_capture_on_commit_callbacks, safety, reason
) -> None:
    default_queue()
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety=safety)

    assert inquiry.priority == "urgent"
    assert not inquiry.is_spam
    change = inquiry.events.get(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
    assert (change.from_state, change.to_state, change.reason) == ("routine", "urgent", reason)
    assert "come back" not in event_text(inquiry)

    owed = {m.kind: m for m in inquiry.messages.all()}
    assert sorted(owed) == ["acknowledgement", "on_call_alert", "urgent_alert"]
    assert owed["acknowledgement"].template_key == "acknowledgement_crisis"
    assert owed["acknowledgement"].channel == "email"
    assert owed["urgent_alert"].channel == "email"
    assert owed["urgent_alert"].status == "sent"
    assert owed["on_call_alert"].channel == "sms"
    alerts = to("on-duty@clinic.test")
    assert len(alerts) == 1
    assert "come back" not in (alerts[0].subject + alerts[0].body).lower()
    assert len(to("sam@example.com")) == 1


def test_the_safety_answer_is_stored_encrypted(django_capture_on_commit_callbacks) -> None:
    default_queue()
    inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")

    assert Inquiry.objects.get(pk=inquiry.pk).safety == "not_safe"
    with connection.cursor() as cursor:
        cursor.execute("SELECT safety FROM intake_inquiry WHERE id = %s", [inquiry.pk])
        (raw,) = cursor.fetchone()
    assert raw  # something is stored...
    assert "not_safe" not in str(raw)  # ...but never the answer in clear


# --- 2. "I'm struggling" with and without words near crisis ------------------------------


def test_struggling_with_a_word_near_crisis_is_review_and_emails_on_duty_only(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with time_machine.travel(WEDNESDAY_TEN, tick=False):
        inquiry = submit(django_capture_on_commit_callbacks, message=HOPELESS, safety="struggling")

    assert inquiry.priority == "review"
    change = inquiry.events.get(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
    assert (change.to_state, change.reason) == ("review", "struggling_with_risk_words")
    assert "hopeless" not in event_text(inquiry)
    owed = {m.kind: m for m in inquiry.messages.all()}
    assert sorted(owed) == ["acknowledgement", "review_alert"]
    assert owed["acknowledgement"].template_key == "acknowledgement"
    assert owed["review_alert"].channel == "email"
    assert owed["review_alert"].status == "sent"
    alerts = to("on-duty@clinic.test")
    assert len(alerts) == 1
    assert "hopeless" not in (alerts[0].subject + alerts[0].body).lower()
    assert inquiry.short_id in alerts[0].body
    assert MemorySMSBackend.outbox == []
    # Review is promised within 4 working hours: 14:00 the same day.
    assert inquiry.first_contact_due_at == datetime(2026, 11, 18, 14, 0, tzinfo=NY)


def test_struggling_alone_stays_routine(django_capture_on_commit_callbacks) -> None:
    default_queue()
    inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="struggling")

    assert inquiry.priority == "routine"
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.PRIORITY_CHANGED).exists()
    assert list(inquiry.messages.values_list("kind", "template_key")) == [
        ("acknowledgement", "acknowledgement")
    ]
    assert to("on-duty@clinic.test") == []


@pytest.mark.parametrize("safety", ["", "ok"])
def test_hopelessness_alone_is_looked_at_the_same_day_whatever_the_answer(
    django_capture_on_commit_callbacks, safety
) -> None:
    default_queue()
    inquiry = submit(django_capture_on_commit_callbacks, message=HOPELESS, safety=safety)

    assert inquiry.priority == "review"
    change = inquiry.events.get(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
    assert change.reason == "cue_hopeless"
    # The person is promised the ordinary reply; the team gets the review alert.
    kinds = dict(inquiry.messages.values_list("kind", "template_key"))
    assert kinds["acknowledgement"] == "acknowledgement" and "review_alert" in kinds


# --- 3. Never quarantined ----------------------------------------------------------------


def test_form_bot_signals_do_not_quarantine_someone_who_says_they_are_struggling(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        struggling = services.inquiry_submit(
            submission=submission(message=PLAIN, safety="struggling"),
            honeypot_filled=True,
            too_fast=True,
        )
        unanswered = services.inquiry_submit(
            submission=submission(message=PLAIN, email="other@example.com"),
            honeypot_filled=True,
            too_fast=True,
        )
    struggling.refresh_from_db()
    unanswered.refresh_from_db()
    assert unanswered.is_spam  # the same signals without the answer do quarantine
    assert not struggling.is_spam
    assert struggling.messages.get(kind="acknowledgement").status == "sent"


@pytest.mark.parametrize(
    ("message", "safety", "priority"),
    [(HOPELESS, "struggling", "review"), (PLAIN, "not_safe", "urgent")],
)
def test_staff_cannot_quarantine_a_review_or_urgent_inquiry(
    django_capture_on_commit_callbacks, message, safety, priority
) -> None:
    default_queue()
    lee = UserFactory(username="lee")
    inquiry = submit(django_capture_on_commit_callbacks, message=message, safety=safety)
    assert inquiry.priority == priority

    with pytest.raises(services.ActionRefused) as refused:
        services.inquiry_mark_spam(actor=lee, inquiry_id=inquiry.pk, spam=True)
    assert refused.value.code == "risk"
    inquiry.refresh_from_db()
    assert not inquiry.is_spam
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.MARKED_SPAM).exists()


# --- 4. Never folded -----------------------------------------------------------------------


def test_a_further_ordinary_message_joins_the_open_inquirys_conversation(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    first = submit(django_capture_on_commit_callbacks, message=PLAIN)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = services.inquiry_submit(submission=submission(message="Me again."))
    assert again.pk == first.pk
    assert Inquiry.objects.count() == 1
    further = InboundMessage.objects.get()
    assert (further.inquiry_id, further.channel, further.body) == (first.pk, "form", "Me again.")
    received = first.events.get(kind=InquiryEvent.Kind.MESSAGE_RECEIVED)
    assert (received.reason, received.data) == ("form", {"inbound": further.pk})
    first.refresh_from_db()
    assert first.waiting_on_us_since is not None
    # No second acknowledgement to the person; the team is told they wrote again.
    assert to("sam@example.com") == []
    assert [m.subject for m in to("on-duty@clinic.test")]
    assert "Me again." not in to("on-duty@clinic.test")[0].body


def test_a_further_message_brings_its_new_preferences_and_says_which(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    first = submit(
        django_capture_on_commit_callbacks,
        message=PLAIN,
        phone="617 555 0134",
        best_time="morning",
        voicemail_ok=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_submit(
            submission=submission(
                message="Evenings are better now, and texting is fine.",
                phone="617 555 0134",
                best_time="evening",
                text_ok=True,
                care_format="virtual",
            )
        )
    first.refresh_from_db()
    # What it answered replaces the old answers; what it left blank changes nothing.
    assert (first.best_time, first.care_format, first.voicemail_ok) == (
        "evening",
        "virtual",
        True,
    )
    assert first.text_ok and first.text_consent_at is not None
    changed = first.events.get(kind=InquiryEvent.Kind.PREFERENCES_CHANGED)
    assert sorted(changed.data["fields"]) == ["best_time", "care_format", "text_ok"]
    assert "evening" not in json.dumps(changed.data)  # names of fields, never the answers


def test_a_further_message_never_turns_texting_off_or_on_for_another_number(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    first = submit(
        django_capture_on_commit_callbacks, message=PLAIN, phone="617 555 0134", text_ok=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        # The box left unticked on a second form is no STOP.
        services.inquiry_submit(submission=submission(message="Me again.", phone="617 555 0134"))
    first.refresh_from_db()
    assert first.text_ok
    assert not first.events.filter(kind=InquiryEvent.Kind.PREFERENCES_CHANGED).exists()

    second = submit(
        django_capture_on_commit_callbacks,
        message=PLAIN,
        email="kim@example.com",
        phone="617 555 0199",
    )
    with django_capture_on_commit_callbacks(execute=True):
        # Texting agreed for a number the inquiry does not have: kept with the message only.
        services.inquiry_submit(
            submission=submission(
                message="Text me here.",
                email="kim@example.com",
                phone="617 555 0111",
                text_ok=True,
            )
        )
    second.refresh_from_db()
    assert not second.text_ok and second.contact_method == "email"
    assert InboundMessage.objects.get(inquiry=second).sender == "+16175550111"


def test_once_the_inquiry_is_closed_a_new_message_makes_a_new_inquiry(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    first = submit(django_capture_on_commit_callbacks, message=PLAIN)
    services.inquiry_set_status(
        actor=coordinator(queue, "lee"), inquiry_id=first.pk, status="closed", reason="declined"
    )
    second = submit(django_capture_on_commit_callbacks, message="Me again, months later.")
    assert second.pk != first.pk
    assert InboundMessage.objects.count() == 0
    assert second.messages.get(kind="acknowledgement").status == "sent"


@pytest.mark.parametrize(
    ("message", "safety", "priority"),
    [(PLAIN, "not_safe", "urgent"), (HOPELESS, "struggling", "review")],
)
def test_a_risk_message_from_someone_with_an_open_inquiry_makes_its_own_linked_inquiry(
    django_capture_on_commit_callbacks, message, safety, priority
) -> None:
    default_queue()
    first = submit(django_capture_on_commit_callbacks, message=PLAIN)

    second = submit(django_capture_on_commit_callbacks, message=message, safety=safety)
    assert second.pk != first.pk
    assert second.priority == priority
    assert Inquiry.objects.count() == 2
    assert InboundMessage.objects.count() == 0
    assert second.messages.get(kind="acknowledgement").status == "sent"
    linked = first.events.get(kind=InquiryEvent.Kind.WROTE_AGAIN)
    assert (linked.reason, linked.data) == (priority, {"inquiry": second.pk})
    assert [e.pk for e in selectors.earlier_inquiries(first)] == [second.pk]


# --- 5. The on-call phone and its one-time code ----------------------------------------------


def test_setting_the_on_call_phone_normalises_it_and_texts_a_code_but_leaves_it_unconfirmed(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="617 555 0199")

    queue.refresh_from_db()
    assert queue.on_call_phone == ON_CALL
    assert queue.on_call_phone_confirmed_at is None
    assert queue.on_call_number == ""
    assert len(MemorySMSBackend.outbox) == 1
    code = last_code()
    assert code not in queue.on_call_code_hash  # only a keyed hash is kept

    # Not confirmed: the urgent inquiry's on-call text is skipped, never sent to that number.
    inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")
    on_call = inquiry.messages.get(kind="on_call_alert")
    assert on_call.status == "skipped"
    assert inquiry.events.filter(kind="message_skipped", reason="no_recipient").exists()
    assert len(texts_to(ON_CALL)) == 1  # still only the code
    assert inquiry.messages.get(kind="urgent_alert").status == "sent"


def test_a_wrong_code_is_refused_and_five_wrong_codes_burn_the_right_one(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="617 555 0199")
    code = last_code()
    wrong = wrong_code(code)
    assert wrong != code

    for attempt in range(1, 6):
        with pytest.raises(services.ActionRefused) as refused:
            services.on_call_phone_confirm(actor=lee, queue_id=queue.pk, code=wrong)
        assert refused.value.code == "wrong_code"
        queue.refresh_from_db()
        assert queue.on_call_code_attempts == attempt
    with pytest.raises(services.ActionRefused) as refused:
        services.on_call_phone_confirm(actor=lee, queue_id=queue.pk, code=code)
    assert refused.value.code == "expired"
    queue.refresh_from_db()
    assert queue.on_call_phone_confirmed_at is None

    # A fresh code confirms it, and from then on urgent inquiries text the on-call phone.
    services.on_call_code_send(actor=lee, queue_id=queue.pk)
    assert len(texts_to(ON_CALL)) == 2
    fresh = last_code()
    services.on_call_phone_confirm(actor=lee, queue_id=queue.pk, code=fresh)
    queue.refresh_from_db()
    assert queue.on_call_phone_confirmed_at is not None
    assert queue.on_call_number == ON_CALL
    assert queue.on_call_code_hash == ""
    MemorySMSBackend.outbox.clear()

    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        inquiry = submit(
            django_capture_on_commit_callbacks,
            message=PLAIN,
            safety="not_safe",
            preferred_name="Sam",
        )
    assert inquiry.messages.get(kind="on_call_alert").status == "sent"
    pages = texts_to(ON_CALL)
    assert len(pages) == 1
    body = pages[0]["body"]
    assert "an urgent inquiry is waiting" in body
    assert "Sam" not in body
    assert "come back" not in body.lower()
    assert "sam@example.com" not in body


def test_a_code_past_fifteen_minutes_is_refused() -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="617 555 0199")
        code = last_code()
        clock.shift(timedelta(minutes=15, seconds=1))
        with pytest.raises(services.ActionRefused) as refused:
            services.on_call_phone_confirm(actor=lee, queue_id=queue.pk, code=code)
    assert refused.value.code == "expired"
    queue.refresh_from_db()
    assert queue.on_call_phone_confirmed_at is None
    assert queue.on_call_number == ""


def test_changing_a_confirmed_on_call_phone_makes_it_unconfirmed_again() -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    confirm_on_call(queue, lee)

    services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="617 555 0199")  # same
    queue.refresh_from_db()
    assert queue.on_call_number == ON_CALL
    assert MemorySMSBackend.outbox == []

    services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="(617) 555-0188")
    queue.refresh_from_db()
    assert queue.on_call_phone == "+16175550188"
    assert queue.on_call_phone_confirmed_at is None
    assert queue.on_call_number == ""
    assert [t["to"] for t in MemorySMSBackend.outbox] == ["+16175550188"]


# --- 6. Quiet hours and STOP ------------------------------------------------------------------


def test_at_two_in_the_morning_on_call_is_paged_at_once_but_the_persons_text_waits(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_2AM, tick=False):
        confirm_on_call(queue, lee)
        inquiry = submit(
            django_capture_on_commit_callbacks,
            message=PLAIN,
            safety="not_safe",
            contact_method="text",
            email="",
            phone="617 555 0134",
            text_ok=True,
        )

    on_call = inquiry.messages.get(kind="on_call_alert")
    assert on_call.status == "sent"
    assert len(texts_to(ON_CALL)) == 1
    ack = inquiry.messages.get(kind="acknowledgement")
    assert ack.channel == "sms"
    assert ack.template_key == "acknowledgement_crisis"
    assert ack.status == "pending"
    assert ack.attempts == 0
    assert ack.next_attempt_at == datetime(2026, 11, 18, 8, 0, tzinfo=NY)
    assert texts_to("+16175550134") == []
    assert inquiry.messages.get(kind="urgent_alert").status == "sent"


def test_a_stop_from_the_on_call_number_does_not_stop_on_call_alerts(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        confirm_on_call(queue, lee)
        assert services.sms_inbound(phone=ON_CALL, body="STOP") == "opted_out"
        assert SMSOptOut.objects.count() == 1
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")

    assert inquiry.messages.get(kind="on_call_alert").status == "sent"
    assert len(texts_to(ON_CALL)) == 1


# --- 7. Escalation ----------------------------------------------------------------------------


def test_an_unacknowledged_urgent_inquiry_escalates_by_email_and_on_call_text_once(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue(escalation_minutes=30)
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        confirm_on_call(queue, lee)
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")
        assert len(texts_to(ON_CALL)) == 1  # the first page
        clock.shift(timedelta(minutes=29))
        assert services.urgent_escalate(now=timezone.now()) == []
        clock.shift(timedelta(minutes=2))
        with django_capture_on_commit_callbacks(execute=True):
            made = services.urgent_escalate(now=timezone.now())
            again = services.urgent_escalate(now=timezone.now())

    assert len(made) == 2
    assert again == []
    escalations = inquiry.messages.filter(kind="escalation")
    assert sorted(escalations.values_list("channel", flat=True)) == ["email", "sms"]
    assert set(escalations.values_list("status", flat=True)) == {"sent"}
    assert sorted(made) == sorted(escalations.values_list("pk", flat=True))
    assert len(to("lead@clinic.test")) == 1
    assert len(texts_to(ON_CALL)) == 2  # the page and its escalation
    assert inquiry.events.filter(kind="alert_escalated").count() == 1
    assert not inquiry.messages.filter(
        kind="urgent_alert", dedupe_key__startswith="escalation"
    ).exists()
    assert inquiry.messages.filter(kind="urgent_alert").count() == 1
    assert inquiry.messages.filter(kind="on_call_alert").count() == 1


def test_without_a_confirmed_on_call_phone_escalation_is_the_email_alone(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue(escalation_minutes=30)
    lee = UserFactory(username="lee")
    services.on_call_phone_set(actor=lee, queue_id=queue.pk, phone="617 555 0199")  # unconfirmed
    MemorySMSBackend.outbox.clear()
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")
        clock.shift(timedelta(minutes=31))
        with django_capture_on_commit_callbacks(execute=True):
            made = services.urgent_escalate(now=timezone.now())

    assert len(made) == 1
    assert list(inquiry.messages.filter(kind="escalation").values_list("channel", flat=True)) == [
        "email"
    ]
    assert len(to("lead@clinic.test")) == 1
    assert MemorySMSBackend.outbox == []


def test_an_acknowledged_urgent_alert_never_escalates(django_capture_on_commit_callbacks) -> None:
    queue = default_queue(escalation_minutes=30)
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        confirm_on_call(queue, lee)
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")
        services.urgent_alert_acknowledge(actor=lee, inquiry_id=inquiry.pk)
        clock.shift(timedelta(hours=3))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.urgent_escalate(now=timezone.now()) == []

    assert not inquiry.messages.filter(kind="escalation").exists()
    assert to("lead@clinic.test") == []
    assert len(texts_to(ON_CALL)) == 1


# --- 8. Needs attention until the person is reached ----------------------------------------


def test_only_reaching_the_person_sets_reached_at(django_capture_on_commit_callbacks) -> None:
    default_queue()
    lee = UserFactory(username="lee")
    inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")

    services.urgent_alert_acknowledge(actor=lee, inquiry_id=inquiry.pk)
    inquiry.refresh_from_db()
    assert inquiry.alert_acknowledged_at is not None
    assert inquiry.reached_at is None

    services.contact_attempt_record(
        actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="left_voicemail"
    )
    inquiry.refresh_from_db()
    assert inquiry.first_contact_at is not None  # a voicemail is first contact...
    assert inquiry.status == "contacted"
    assert inquiry.reached_at is None  # ...but not reaching them

    reached = services.contact_attempt_record(
        actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="reached"
    )
    inquiry.refresh_from_db()
    assert inquiry.reached_at == reached.created_at


# --- 9. Promises ------------------------------------------------------------------------------


def test_each_risk_level_has_its_own_first_contact_promise() -> None:
    queue = default_queue()
    assert queue.first_contact_promise_hours == Decimal("8")
    assert queue.review_promise_hours == Decimal("4")
    assert queue.urgent_promise_minutes == 60

    routine = services.first_contact_due(queue, WEDNESDAY_TEN)
    review = services.first_contact_due(queue, WEDNESDAY_TEN, priority="review")
    urgent = services.first_contact_due(queue, WEDNESDAY_TEN, priority="urgent")
    assert routine == datetime(2026, 11, 19, 9, 30, tzinfo=NY)  # 7.5 h today, 0.5 h tomorrow
    assert review == datetime(2026, 11, 18, 14, 0, tzinfo=NY)
    assert urgent == datetime(2026, 11, 18, 11, 0, tzinfo=NY)
    # Urgent minutes are working time too: at 17:00, half an hour today, half tomorrow.
    late = datetime(2026, 11, 18, 17, 0, tzinfo=NY)
    assert services.first_contact_due(queue, late, priority="urgent") == datetime(
        2026, 11, 19, 9, 30, tzinfo=NY
    )


def test_thanks_page_promises_minutes_only_while_the_team_is_working(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with time_machine.travel(WEDNESDAY_2AM, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.inquiry_submit(
                submission=submission(message=PLAIN, safety="not_safe"), submission_token="night"
            )
        night = selectors.thanks_context("night")
    with time_machine.travel(WEDNESDAY_ELEVEN, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.inquiry_submit(
                submission=submission(message=PLAIN, safety="not_safe", email="day@example.com"),
                submission_token="day",
            )
        day = selectors.thanks_context("day")

    assert night["urgent"] is True
    assert night["urgent_soon"] is False
    assert night["open_now"] is False
    assert night["next_open"] == datetime(2026, 11, 18, 9, 0, tzinfo=NY)
    assert day["urgent"] is True
    assert day["urgent_soon"] is True
    assert day["urgent_minutes"] == 60
    assert day["due"] == datetime(2026, 11, 18, 12, 0, tzinfo=NY)


# --- 10. Setting the level by hand ----------------------------------------------------------


def test_staff_raising_the_level_moves_first_contact_earlier_with_a_staff_event(
    django_capture_on_commit_callbacks,
) -> None:
    queue = default_queue()
    lee = coordinator(queue, "lee")
    with time_machine.travel(WEDNESDAY_TEN, tick=False):
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN)
        assert inquiry.routed_at is not None
        assert inquiry.first_contact_due_at == datetime(2026, 11, 19, 9, 30, tzinfo=NY)
        services.inquiry_set_priority(actor=lee, inquiry_id=inquiry.pk, priority="review")

    inquiry.refresh_from_db()
    assert inquiry.priority == "review"
    assert inquiry.first_contact_due_at == datetime(2026, 11, 18, 14, 0, tzinfo=NY)
    change = inquiry.events.get(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
    assert (change.from_state, change.to_state, change.reason) == ("routine", "review", "staff")
    assert change.actor == lee

    with pytest.raises(services.ActionRefused):
        services.inquiry_set_priority(actor=lee, inquiry_id=inquiry.pk, priority="panic")
    inquiry.refresh_from_db()
    assert inquiry.priority == "review"


def test_escalation_rows_never_reuse_an_alert_kind(django_capture_on_commit_callbacks) -> None:
    queue = default_queue(escalation_minutes=5)
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        confirm_on_call(queue, lee)
        inquiry = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="someone_else")
        clock.shift(timedelta(minutes=6))
        with django_capture_on_commit_callbacks(execute=True):
            services.urgent_escalate(now=timezone.now())
    kinds = list(OutboundMessage.objects.filter(inquiry=inquiry).values_list("kind", flat=True))
    assert sorted(kinds) == [
        "acknowledgement",
        "escalation",
        "escalation",
        "on_call_alert",
        "urgent_alert",
    ]


def test_a_further_message_joins_the_newest_of_the_persons_open_inquiries(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    first = submit(django_capture_on_commit_callbacks, message=PLAIN)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        urgent = submit(django_capture_on_commit_callbacks, message=PLAIN, safety="not_safe")
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        again = submit(django_capture_on_commit_callbacks, message="Thank you for calling.")
    assert urgent.pk != first.pk and again.pk == urgent.pk
    assert [m.body for m in InboundMessage.objects.filter(inquiry=urgent)] == [
        "Thank you for calling."
    ]
