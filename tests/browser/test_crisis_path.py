"""The crisis path as people meet it: in Chromium, clicking the real controls.

A person who answers "I'm not safe right now" at 2 a.m. is told what to do now and gets an
honest promise; the on-duty e-mail and the on-call text go at once. Coordinators acknowledge
the alert, reach the person, release held posts and set the risk level from the inquiry's
page; a program admin's on-call phone is confirmed with the code texted to it.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from intake import services
from intake.messaging.sms import MemorySMSBackend
from intake.models import CoordinatorQueue, Inquiry, ReplyTemplate
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

NEW_YORK = ZoneInfo("America/New_York")
ON_CALL = "+16175550199"
PASSWORD = "a-long-test-password"


def sign_in(page, username: str, next_path: str) -> None:
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def confirmed_on_call(queue: CoordinatorQueue) -> None:
    CoordinatorQueue.objects.filter(pk=queue.pk).update(
        on_call_phone=ON_CALL, on_call_phone_confirmed_at=timezone.now()
    )


def send_the_form(page, message: str, email: str, *, safety: str = "") -> None:
    """Fill the public form as a person does (message, an optional safety answer, e-mail,
    consent) and send it."""
    page.goto("/")
    page.fill("#id_message", message)
    if safety:
        page.get_by_label(safety).check()
    page.get_by_role("radio", name="E-mail").check()
    page.fill("#id_email", email)
    page.locator("#id_consent").check()
    page.locator("#submit-id-send").click()
    page.wait_for_url("**/thanks/")


def lee_the_coordinator(queue: CoordinatorQueue):
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    return lee


def test_not_safe_at_two_in_the_morning_gets_crisis_first_thanks_and_pages_on_call(
    page, live_server, settings, roles
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    queue = default_queue()
    confirmed_on_call(queue)
    # Wednesday 02:00 in the queue's zone: outside working hours and inside quiet hours.
    with time_machine.travel(datetime(2026, 11, 18, 2, 0, tzinfo=NEW_YORK), tick=True):
        send_the_form(
            page,
            "Can I come back? I haven't been in for a while.",
            "river@example.com",
            safety="I'm not safe right now",
        )

        heading = page.locator("h1").inner_text()
        assert "If you might be in danger" in heading
        assert page.locator('a[href="tel:988"]').first.is_visible()
        assert page.locator('a[href="sms:988"]').is_visible()
        assert page.locator('a[href="tel:911"]').first.is_visible()
        text = page.locator("main").inner_text()
        # The overdose line comes first, before anything about our team.
        assert text.index("overdosed") < text.index("We got your message")
        assert "Our team is not working right now" in text
        assert "within 60 minutes" in text
        assert "No pressure" not in text and "explain why you stepped away" not in text
        # Never the routine next-business-day promise.
        assert "Someone will reach out by" not in text

    inquiry = Inquiry.objects.get()
    assert inquiry.priority == "urgent" and inquiry.safety == "not_safe"
    assert inquiry.events.get(kind="priority_changed").reason == "self_report_not_safe"
    on_duty = [m for m in mail.outbox if m.to == ["on-duty@clinic.test"]]
    assert len(on_duty) == 1 and inquiry.short_id in on_duty[0].body
    person = [m for m in mail.outbox if m.to == ["river@example.com"]]
    assert len(person) == 1
    assert "haven't been in" not in person[0].subject + person[0].body
    assert person[0].body.index("988") < person[0].body.index("We got your message")
    pages = [sms for sms in MemorySMSBackend.outbox if sms["to"] == ON_CALL]
    assert len(pages) == 1
    assert "urgent inquiry is waiting" in pages[0]["body"]
    assert "river" not in pages[0]["body"].lower() and "haven't" not in pages[0]["body"]
    alert = inquiry.messages.get(kind="on_call_alert")
    assert alert.status == "sent"  # at 02:00: quiet hours do not hold a page back


def test_acknowledging_the_alert_keeps_needs_attention_until_the_person_is_reached(
    page, live_server, roles
) -> None:
    queue = default_queue()
    lee_the_coordinator(queue)
    ReplyTemplate.objects.create(
        language="en", title="No pressure, no deadline", body="Whenever.", not_for_urgent=True
    )
    ReplyTemplate.objects.create(language="en", title="We'd like to talk now", body="Now.")
    inquiry = services.inquiry_submit(
        submission=submission(safety="not_safe", phone="6175550134", contact_method="call")
    )
    url = f"/admin/intake/inquiry/{inquiry.pk}/change/"
    sign_in(page, "lee", url)

    card = page.locator(".risk-card")
    person = page.locator("#person")
    assert card.bounding_box()["y"] < person.bounding_box()["y"]  # the very top
    assert "Urgent: this person may be in danger" in card.inner_text()
    assert "They answered “I'm not safe right now”." in card.inner_text()
    assert "Call them now." in card.inner_text()
    assert card.locator('a[href="tel:+16175550134"]').inner_text() == "Call (617) 555-0134"
    templates = page.locator(".triage").inner_text()
    assert "We'd like to talk now" in templates and "No pressure, no deadline" not in templates

    card.get_by_role("button", name="Acknowledge urgent alert").click()
    page.wait_for_load_state()
    assert "Urgent alert acknowledged" in page.locator(".messagelist").inner_text()
    card = page.locator(".risk-card")
    assert "nobody has reached the person yet" in card.inner_text()
    assert "will not escalate" in card.inner_text()
    inquiry.refresh_from_db()
    assert inquiry.alert_acknowledged_at is not None and inquiry.reached_at is None

    attempt = page.locator("form[action$='/triage/attempt/']")
    attempt.locator("select[name=channel]").select_option("call")
    attempt.locator("select[name=outcome]").select_option("reached")
    attempt.locator("button[type=submit]").click()
    page.wait_for_load_state()
    card = page.locator(".risk-card")
    assert "Someone has reached the person." in card.inner_text()
    assert "nobody has reached" not in card.inner_text()
    inquiry.refresh_from_db()
    assert inquiry.reached_at is not None


def test_a_coordinator_finds_a_held_post_and_releases_it(page, live_server, roles) -> None:
    queue = default_queue()
    lee_the_coordinator(queue)
    held = services.inquiry_submit(
        submission=submission(email="held@example.com"), over_rate_limit=True
    )
    assert held.is_held and not mail.outbox
    sign_in(page, "lee", "/admin/intake/inquiry/")

    page.locator(".wl-views a", has_text="Held").click()
    page.wait_for_url("**view=held**")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1 and held.short_id in rows.first.inner_text()
    rows.first.locator("a").first.click()
    page.wait_for_url("**/change/**")
    card = page.locator(".risk-card")
    assert "Held: this arrived over the rate limit" in card.inner_text()
    card.get_by_role("button", name="Release and acknowledge").click()
    page.wait_for_load_state()
    assert "Released" in page.locator(".messagelist").inner_text()
    held.refresh_from_db()
    assert not held.is_held
    assert [m.to for m in mail.outbox] == [["held@example.com"]]
    assert held.events.filter(kind="hold_released", actor__username="lee").count() == 1


def test_a_coordinator_sets_the_risk_level_by_hand(page, live_server, roles) -> None:
    queue = default_queue()
    lee_the_coordinator(queue)
    inquiry = services.inquiry_submit(submission=submission())
    inquiry.refresh_from_db()
    due_before = inquiry.first_contact_due_at
    url = f"/admin/intake/inquiry/{inquiry.pk}/change/"
    sign_in(page, "lee", url)

    form = page.locator("form.risk-level-form")
    form.get_by_label("Risk level").select_option("review")
    form.get_by_role("button", name="Set risk level").click()
    page.wait_for_load_state()
    assert "Risk level changed." in page.locator(".messagelist").inner_text()
    assert "Possible risk: review today" in page.locator(".risk-card").inner_text()
    assert "Set by a staff member." in page.locator(".risk-card").inner_text()
    inquiry.refresh_from_db()
    assert inquiry.priority == "review"
    assert inquiry.first_contact_due_at <= due_before
    event = inquiry.events.get(kind="priority_changed")
    assert (event.reason, event.actor.username, event.to_state) == ("staff", "lee", "review")


def test_a_program_admin_sets_the_on_call_phone_and_it_is_confirmed_by_its_code(
    page, live_server, roles
) -> None:
    queue = default_queue()
    admin_user = UserFactory(username="pat")
    admin_user.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    sign_in(page, "pat", f"/admin/intake/coordinatorqueue/{queue.pk}/change/")

    page.fill("#id_on_call_phone", "617 555 0199")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert "We texted a code to the on-call phone" in page.locator(".messagelist").inner_text()
    queue.refresh_from_db()
    assert queue.on_call_phone == ON_CALL and queue.on_call_number == ""
    code = re.search(r"\b(\d{6})\b", MemorySMSBackend.outbox[-1]["body"]).group(1)
    assert MemorySMSBackend.outbox[-1]["to"] == ON_CALL

    page.locator(".messagelist").get_by_role("link", name="Enter the code").click()
    page.wait_for_url("**/on-call/")
    wrong = "000000" if code != "000000" else "111111"
    page.get_by_label("The six-digit code texted to the on-call phone").fill(wrong)
    page.get_by_role("button", name="Confirm this phone").click()
    page.wait_for_load_state()
    assert "doesn't match" in page.locator(".messagelist").inner_text()
    queue.refresh_from_db()
    assert queue.on_call_phone_confirmed_at is None

    page.get_by_label("The six-digit code texted to the on-call phone").fill(code)
    page.get_by_role("button", name="Confirm this phone").click()
    page.wait_for_load_state()
    assert "Confirmed" in page.locator(".messagelist").inner_text()
    queue.refresh_from_db()
    assert queue.on_call_number == ON_CALL


def test_the_risk_card_says_in_words_what_the_message_was_read_as(page, live_server, roles) -> None:
    queue = default_queue()
    lee_the_coordinator(queue)
    inquiry = services.inquiry_submit(
        submission=submission(message="i know how im going to do it and i picked sunday night")
    )
    assert inquiry.priority == "urgent"
    sign_in(page, "lee", f"/admin/intake/inquiry/{inquiry.pk}/change/")

    card = page.locator(".risk-card").inner_text()
    assert "Urgent: this person may be in danger" in card
    assert "Their message tells of a plan: how, where or when." in card
    assert "plan" not in card.replace("a plan:", "")  # the words, never the code


def test_a_guarded_plan_no_phrase_lists_is_urgent_from_the_form_to_the_risk_card(
    page, live_server, settings, roles
) -> None:
    # No safety answer and no listed phrase: the rules leave it routine; the learned layer
    # reads it for review, and the stricter danger-now model agrees, so it is urgent.
    settings.INTAKE_MIN_FILL_SECONDS = 0
    queue = default_queue()
    lee_the_coordinator(queue)
    message = (
        "everything is set for saturday. i just wanted the counselors to know none of this "
        "is on them"
    )
    send_the_form(page, message, "sam@example.com")
    # Help now comes first, and never the routine next-day promise.
    assert "If you might be in danger" in page.locator("h1").inner_text()
    assert page.locator('a[href="tel:988"]').first.is_visible()
    assert "Someone will reach out by" not in page.locator("main").inner_text()

    inquiry = Inquiry.objects.get()
    assert inquiry.priority == "urgent"
    assert inquiry.events.get(kind="priority_changed").reason == "confirmed_learned"
    on_duty = [m for m in mail.outbox if m.to == ["on-duty@clinic.test"]]
    assert len(on_duty) == 1 and "saturday" not in on_duty[0].body.lower()

    page.context.clear_cookies()
    sign_in(page, "lee", f"/admin/intake/inquiry/{inquiry.pk}/change/")
    card = page.locator(".risk-card").inner_text()
    assert "Urgent: this person may be in danger" in card
    assert "reads like the messages of people in danger now" in card
    assert "Treat it as urgent, and read it to be sure." in card
    assert "confirmed" not in card and "learned" not in card  # the words, never the code


def test_a_denial_the_word_lists_misread_is_read_today_and_not_paged(
    page, live_server, settings, roles
) -> None:
    # The tables read "ending my life" as intent, their negation not reaching it ("zero
    # plans of"); the message holds a denial and reads, as a whole, like one: it is held at a
    # same-day review, and on-call is not paged for it.
    settings.INTAKE_MIN_FILL_SECONDS = 0
    queue = default_queue()
    confirmed_on_call(queue)
    lee_the_coordinator(queue)
    message = (
        "zero plans of ending my life, none of that, i just miss having somewhere to go on tuesdays"
    )
    send_the_form(page, message, "ash@example.com")
    # The warm thanks and the next-day promise; crisis help still at the top, as on every page.
    assert "The door is open" in page.locator("main").inner_text()
    assert page.locator('a[href="tel:988"]').first.is_visible()

    inquiry = Inquiry.objects.get()
    assert inquiry.priority == "review"
    assert inquiry.events.get(kind="priority_changed").reason == "held_intent"
    # The on-duty team is told to read it today; nobody is paged.
    kinds = set(inquiry.messages.values_list("kind", flat=True))
    assert "review_alert" in kinds and not kinds & {"urgent_alert", "on_call_alert"}
    assert not [sms for sms in MemorySMSBackend.outbox if sms["to"] == ON_CALL]

    page.context.clear_cookies()
    sign_in(page, "lee", f"/admin/intake/inquiry/{inquiry.pk}/change/")
    card = page.locator(".risk-card").inner_text()
    assert "Possible risk: review today" in card
    assert "Their message tells of wanting to end their life, but as a whole it reads" in card
    assert "Read it today to be sure." in card
    assert "held" not in card and "intent" not in card  # the words, never the code
