"""An inquiry's page as staff read it: in Chromium, signed in with both steps.

A coordinator reads the case top-down (risk, the person, their message, triage, the
conversation, attempts, notes, the reassessment, the timeline) on the queue's clock, named
once at the top; taps the number to call; opens what the person read; and sees when and
where the plan starts without a word of the clinical note. A clinician opens their notes
from the same page.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from intake import services
from intake.models import Inquiry, ReassessmentNote
from intake.roles import CLINICIAN, COORDINATOR, REVIEWER
from tests.browser.staff import authenticator, sign_in, staff, timeline
from tests.factories import SiteFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

SECRET = "Canary-clinical-5150 feels stronger after the move"
REPLY = "Hi Sam, it's good to hear from you. Would Thursday suit you for a call?"
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
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    cache.clear()


@pytest.fixture
def case(roles):
    """A routed inquiry with a reply sent, an attempt, a note and a signed reassessment note."""
    queue = default_queue(time_zone="America/Chicago")
    lee = coordinator(queue, "lee")
    lee.first_name, lee.last_name = "Lee", "Park"
    lee.save()
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(lee)
    cam = staff(CLINICIAN, "cam", first_name="Cam", last_name="Diaz")
    authenticator(cam)
    rey = staff(REVIEWER, "rey", first_name="Rey", last_name="Ortiz")
    downtown = SiteFactory(name="Downtown", slug="downtown", address="12 Main St")
    made = services.inquiry_submit(
        submission=submission(phone="617 555 0188", text_ok=True, site_id=downtown.pk)
    )
    inquiry = Inquiry.objects.get(pk=made.pk)
    services.reply_send(actor=lee, inquiry_id=inquiry.pk, body=REPLY)
    services.contact_attempt_record(
        actor=lee, inquiry_id=inquiry.pk, channel="call", outcome="reached"
    )
    services.reassessment_schedule(
        actor=lee,
        inquiry_id=inquiry.pk,
        when=timezone.now() + timedelta(days=3),
        care_format="in_person",
    )
    note = services.note_add(
        actor=cam, inquiry_id=inquiry.pk, fields={"what_changed": SECRET, "plan": "resume"}
    )
    ReassessmentNote.objects.filter(pk=note.pk).update(
        start_on=date(2026, 2, 3), group="Tuesday evening group", start_site=downtown
    )
    services.note_mark_ready(actor=cam, note_id=note.pk)
    services.note_sign(actor=rey, note_id=note.pk)
    return {"inquiry": inquiry, "lee": lee, "cam": cam, "note": note}


def case_path(inquiry: Inquiry) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


def test_a_coordinator_reads_the_case_top_down(page, case) -> None:
    inquiry = case["inquiry"]
    sign_in(page, case["lee"], case_path(inquiry))

    tops = [page.locator(f"#{name}").bounding_box()["y"] for name in SECTIONS]
    assert tops == sorted(tops), dict(zip(SECTIONS, tops, strict=True))
    zone = page.locator("#case-zone")
    assert zone.inner_text() == "Times are Central time (America/Chicago)."
    assert zone.bounding_box()["y"] < tops[0]

    person = page.locator("#person")
    call = person.get_by_role("link", name="(617) 555-0188")
    assert call.get_attribute("href") == "tel:+16175550188"
    assert person.get_by_role("link", name="Send a text").get_attribute("href") == (
        "sms:+16175550188"
    )
    assert "Language English" in " ".join(person.locator("dl").inner_text().split())

    conversation = page.locator("#conversation")
    reply = conversation.locator("li", has_text="Reply — Lee Park")
    assert REPLY in reply.inner_text()
    # The acknowledgement, as the person read it: folded until opened.
    acknowledgement = conversation.locator("li", has_text="Acknowledgement")
    said = acknowledgement.locator("blockquote")
    assert not said.is_visible()
    acknowledgement.get_by_text("What they read").click()
    assert said.is_visible()
    assert "We got your message" in said.inner_text()

    notes = page.locator("#reassessment")
    text = " ".join(notes.inner_text().split())
    assert "Format In person" in text and "Where Downtown 12 Main St" in text
    assert "written by Cam Diaz · signed by Rey Ortiz" in text
    assert "Starts Tue 3 Feb · Tuesday evening group · Downtown" in text
    assert notes.get_by_role("link").count() == 0  # no way into the note for coordinators
    assert SECRET not in page.content() and "Resume where they left off" not in page.content()

    assert "Reply queued — Lee Park" in timeline(page)
    assert "Contact attempt logged — Lee Park Phone call · Reached them" in timeline(
        page, details=True
    )
    received = page.locator("#timeline li > span.help").first.inner_text()
    chicago = inquiry.created_at.astimezone(ZoneInfo("America/Chicago"))
    assert received.endswith(chicago.strftime("%H:%M"))
    new_york = inquiry.created_at.astimezone(ZoneInfo("America/New_York"))
    assert not received.endswith(new_york.strftime("%H:%M"))  # not the server's zone


def test_a_clinician_opens_their_note_from_the_case(page, case) -> None:
    inquiry, note = case["inquiry"], case["note"]
    sign_in(page, case["cam"], case_path(inquiry))

    link = page.locator("#reassessment").get_by_role("link", name=re.compile(r"^Signed — "))
    assert link.get_attribute("href") == f"/admin/intake/reassessmentnote/{note.pk}/change/"
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"/admin/intake/reassessmentnote/{note.pk}/change/")
    assert SECRET in page.content()  # the clinician reads their own note there
