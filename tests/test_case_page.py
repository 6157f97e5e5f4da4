"""An inquiry's page reads like a case: top-down, on the queue's clock, in words and names."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from intake import selectors, services
from intake.models import Inquiry, OutboundMessage, ReassessmentNote
from intake.roles import CLINICIAN, COORDINATOR, REVIEWER
from tests.factories import SiteFactory, UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 3, 14, 0, tzinfo=NY)  # a Tuesday, 11:00 in Los Angeles
SECRET = "Canary-clinical-5150 feels stronger after the move"
SECTIONS = [
    "risk",
    "person",
    "message",
    "triage",
    "conversation",
    "attempts",
    "internal-notes",
    "reassessment",
    "timeline",
]


@pytest.fixture(autouse=True)
def _tuesday_afternoon():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def lee(roles):
    queue = default_queue()
    user = coordinator(queue, "lee")
    user.first_name, user.last_name = "Lee", "Park"
    user.save()
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user


def staff(role: str, username: str, first: str, last: str):
    user = UserFactory(username=username, first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name=role))
    return user


def new_inquiry(capture, **overrides) -> Inquiry:
    with capture(execute=True):
        made = services.inquiry_submit(submission=submission(**overrides))
    return Inquiry.objects.get(pk=made.pk)


def case_page(user, inquiry: Inquiry) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(f"/admin/intake/inquiry/{inquiry.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, name: str) -> str:
    """One section of the page, as its text (tags dropped, spaces folded)."""
    found = re.search(rf'<section id="{name}".*?</section>', page, re.S)
    assert found, f"no #{name} section"
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", found.group())).split())


def test_the_sections_read_top_down(lee, django_capture_on_commit_callbacks) -> None:
    inquiry = new_inquiry(django_capture_on_commit_callbacks)
    page = case_page(lee, inquiry)
    at = [page.index(f'<section id="{name}"') for name in SECTIONS]
    assert at == sorted(at)
    assert page.index('id="case-zone"') < at[0]  # the clock is named before any time


def test_every_time_is_on_the_queues_clock_named_once(
    lee, django_capture_on_commit_callbacks
) -> None:
    queue = lee.coordinator_queues.get()
    queue.time_zone = "America/Los_Angeles"
    queue.save()
    inquiry = new_inquiry(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_snooze(actor=lee, inquiry_id=inquiry.pk, until=NOW + timedelta(hours=2))
        services.internal_note_add(actor=lee, inquiry_id=inquiry.pk, text="Call after lunch.")
    page = case_page(lee, inquiry)

    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert text.count("Times are Pacific time (America/Los_Angeles).") == 1
    assert "Received Tue 3 Mar 2026, 11:00" in section(page, "person")
    assert "Snoozed until Tue 3 Mar, 13:00" in section(page, "person")
    assert "Tue 3 Mar, 11:00 · Lee Park" in section(page, "internal-notes")
    timeline = section(page, "timeline")
    assert "Until Tue 3 Mar, 13:00" in timeline  # the snooze's own time, said locally
    assert "11:00" in timeline and "14:00" not in timeline and "16:00" not in timeline
    assert " EST" not in text and " PST" not in text  # the zone is said once, above


def test_the_phone_reads_as_the_queue_dials_it(lee, django_capture_on_commit_callbacks) -> None:
    local = new_inquiry(
        django_capture_on_commit_callbacks, phone="617 555 0188", text_ok=True, email=""
    )
    abroad = new_inquiry(
        django_capture_on_commit_callbacks,
        phone="+44 20 7946 0958",
        contact_method="call",
        email="",
    )
    person = section(page := case_page(lee, local), "person")
    assert "Phone (617) 555-0188" in person
    assert '<a class="case-reach" href="tel:+16175550188">(617) 555-0188</a>' in page
    assert '<a class="case-reach" href="sms:+16175550188">Send a text</a>' in page
    page = case_page(lee, abroad)
    assert '<a class="case-reach" href="tel:+442079460958">+44 20 7946 0958</a>' in page
    assert 'class="case-reach" href="sms:' not in page  # they did not say texting is OK
    # A team in Lisbon reads the same US number as a call abroad.
    lisbon = default_queue(time_zone="Europe/Lisbon")
    assert selectors.queue_phone_region(lisbon) == "PT"
    assert selectors.phone_display("+16175550188", region="PT") == "+1 617-555-0188"


def test_the_conversation_shows_what_the_person_read(
    lee, django_capture_on_commit_callbacks
) -> None:
    inquiry = new_inquiry(django_capture_on_commit_callbacks, safety="not_safe")
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_send(actor=lee, inquiry_id=inquiry.pk, body="Hi Sam, we're here for you.")
    conversation = section(case_page(lee, inquiry), "conversation")

    assert "Reply — Lee Park · E-mail · Sent at 14:00 Hi Sam, we're here for you." in conversation
    # A template message: its subject and text, in the person's words, as it went out.
    assert "What they read Subject: We got your message — " in conversation
    assert "If you might be in danger, please get help right now" in conversation
    # A staff alert says what it was and to whom, never its text.
    assert "Urgent alert · E-mail · Sent at 14:00 (to the team, not the person)" in conversation
    assert "an urgent inquiry is waiting" not in conversation


def test_the_timeline_says_who_did_what_in_words(lee, django_capture_on_commit_callbacks) -> None:
    cy = coordinator(lee.coordinator_queues.get(), "cy")
    cy.first_name, cy.last_name = "Cy", "Jones"
    cy.save()
    inquiry = new_inquiry(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_assign(actor=lee, inquiry_id=inquiry.pk, assignee=cy)
        services.contact_attempt_record(
            actor=cy, inquiry_id=inquiry.pk, channel="call", outcome="no_answer"
        )
        services.inquiry_set_status(
            actor=cy,
            inquiry_id=inquiry.pk,
            status="not_now",
            reason="wants_to_think",
            check_in_on=date(2026, 4, 1),
        )
    page = case_page(lee, inquiry)
    timeline = section(page, "timeline")

    assert "Assigned — Lee Park To Cy Jones" in timeline
    assert "Contact attempt logged — Cy Jones Phone call · No answer" in timeline
    assert (
        "Status changed — Cy Jones New → Not now · Wants time to think · "
        "gentle check-in on Wed 1 Apr 2026"
    ) in timeline
    assert "Message sent — " not in timeline and "Message sent Acknowledgement" in timeline
    assert "Cy Jones" in section(page, "attempts")


def test_coordinators_see_the_plans_start_never_its_clinical_text(
    lee, django_capture_on_commit_callbacks
) -> None:
    cam = staff(CLINICIAN, "cam", "Cam", "Diaz")
    rey = staff(REVIEWER, "rey", "Rey", "Ortiz")
    downtown = SiteFactory(name="Downtown", slug="downtown")
    inquiry = new_inquiry(django_capture_on_commit_callbacks)
    note = services.note_add(
        actor=cam,
        inquiry_id=inquiry.pk,
        fields={"what_changed": SECRET, "plan": "resume,one_on_one_first"},
    )
    ReassessmentNote.objects.filter(pk=note.pk).update(
        start_on=date(2026, 3, 10), group="Tuesday evening group", start_site=downtown
    )
    services.note_mark_ready(actor=cam, note_id=note.pk)
    services.note_sign(actor=rey, note_id=note.pk)

    page = case_page(lee, inquiry)
    notes = section(page, "reassessment")
    assert "Signed — Tue 3 Mar 2026 · written by Cam Diaz · signed by Rey Ortiz" in notes
    assert "Starts Tue 10 Mar · Tuesday evening group · Downtown" in notes
    assert SECRET not in page and "Resume where they left off" not in page
    assert f"/reassessmentnote/{note.pk}/change/" not in page
    # The clinician who wrote it opens it from the same list.
    assert f"/admin/intake/reassessmentnote/{note.pk}/change/" in case_page(cam, inquiry)


def test_the_reassessment_says_when_how_and_where(lee, django_capture_on_commit_callbacks) -> None:
    queue = lee.coordinator_queues.get()
    queue.video_visit_url = "https://visit.example.org/intake"
    queue.save()
    downtown = SiteFactory(name="Downtown", slug="downtown", address="12 Main St\n2nd floor")
    visiting = new_inquiry(django_capture_on_commit_callbacks, site_id=downtown.pk)
    joining = new_inquiry(django_capture_on_commit_callbacks, email="kai@example.com")
    for inquiry, care_format in ((visiting, "in_person"), (joining, "virtual")):
        with django_capture_on_commit_callbacks(execute=True):
            services.contact_attempt_record(
                actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="reached"
            )
            services.reassessment_schedule(
                actor=lee,
                inquiry_id=inquiry.pk,
                when=NOW + timedelta(days=2),
                care_format=care_format,
            )

    there = section(case_page(lee, visiting), "reassessment")
    assert "When Thursday 5 March 2026, 14:00 Format In person" in there
    assert "Where Downtown 12 Main St 2nd floor" in there
    online = section(page := case_page(lee, joining), "reassessment")
    assert "Format Virtual Video link https://visit.example.org/intake" in online
    assert "Where" not in online
    assert '<a href="https://visit.example.org/intake"' in page
    no_visit = new_inquiry(django_capture_on_commit_callbacks, email="ren@example.com")
    assert "No reassessment scheduled yet." in section(case_page(lee, no_visit), "reassessment")


def test_a_message_to_staff_or_erased_says_nothing_of_its_text(
    lee, django_capture_on_commit_callbacks
) -> None:
    from intake.admin.wording import message_said

    inquiry = new_inquiry(django_capture_on_commit_callbacks, safety="not_safe")
    alert = inquiry.messages.get(kind=OutboundMessage.Kind.URGENT_ALERT)
    acknowledgement = inquiry.messages.get(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT)
    assert message_said(alert) is None
    assert "988" in message_said(acknowledgement).text
    Inquiry.objects.filter(pk=inquiry.pk).update(erased_at=NOW)
    acknowledgement = OutboundMessage.objects.get(pk=acknowledgement.pk)
    assert message_said(acknowledgement) is None
