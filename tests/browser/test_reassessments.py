"""A reassessment as staff meet it in Chromium, signed in with both steps, real controls.

A coordinator schedules it from the inquiry's page; it shows on that page and in the
worklist's row on the queue's clock; the person's confirmation (e-mail or text) says where to
come or how to join and how to change it; a clinician finds it on their upcoming list, the
page they land on, and starts its note from there.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from intake import services
from intake.messaging.sms import MemorySMSBackend
from intake.models import Inquiry, OutboundMessage
from intake.roles import CLINICIAN, COORDINATOR
from tests.browser.staff import authenticator, messages, sign_in, staff, submit
from tests.factories import SiteFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

UPCOMING = "/admin/intake/inquiry/reassessments/"
ADDRESS = "210 Lake Street, 2nd floor\nSide entrance on Elm"
LINK = "https://video.example.org/our-team"


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    settings.PROGRAM_PHONE = "+16175550100"
    cache.clear()


def afternoon_zone() -> str:
    """A zone where it is about two in the afternoon now: a text to a person goes at once."""
    offset = 14 - datetime.now(UTC).hour
    if offset > 12:
        offset -= 24
    # The Etc zones' signs are POSIX's: "Etc/GMT-3" is three hours ahead of UTC.
    return "Etc/GMT" + (f"{-offset:+d}" if offset else "")


@pytest.fixture
def clinic(roles):
    """A queue with its video link, two sites (one with an address), a coordinator."""
    zone = afternoon_zone()
    queue = default_queue(time_zone=zone, video_visit_url=LINK, name="Lakeside")
    north = SiteFactory(name="Northside", slug="northside", address=ADDRESS)
    bare = SiteFactory(name="Lakeview", slug="lakeview")
    queue.sites.add(north, bare)
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(lee)
    return {"queue": queue, "zone": ZoneInfo(zone), "north": north, "bare": bare, "lee": lee}


def reached(clinic, **overrides) -> Inquiry:
    """An inquiry from the form (routed, acknowledged) that a coordinator reached by phone."""
    made = services.inquiry_submit(submission=submission(site_id=clinic["north"].pk, **overrides))
    services.contact_attempt_record(
        actor=clinic["lee"], inquiry_id=made.pk, channel="call", outcome="reached"
    )
    mail.outbox.clear()
    MemorySMSBackend.outbox.clear()
    return Inquiry.objects.get(pk=made.pk)


def case_path(inquiry: Inquiry) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


def in_three_days(clinic) -> datetime:
    local = timezone.now().astimezone(clinic["zone"]) + timedelta(days=3)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_coordinator_schedules_it_in_person_and_a_clinician_finds_it(
    page, browser, live_server, clinic
) -> None:
    inquiry = reached(clinic, preferred_name="Robin")
    when = in_three_days(clinic)
    sign_in(page, clinic["lee"], case_path(inquiry))

    card = page.locator("#schedule")
    site = card.get_by_label("Where, for an in-person visit")
    # Their own site is offered first; a site with no address says so before anything goes.
    assert site.locator("option:checked").inner_text() == "Northside"
    assert "Lakeview (no address for visits yet)" in site.locator("option").all_inner_texts()
    assert clinic["queue"].time_zone in card.inner_text()  # typed on the queue's clock
    card.get_by_label("Reassessment on").fill(when.strftime("%Y-%m-%dT%H:%M"))
    card.get_by_label("Format").select_option(label="In person")
    submit(page, card.get_by_role("button", name="Schedule"))

    assert messages(page) == ["Reassessment scheduled; the person gets a confirmation."]
    assert messages(page, "warning") == []
    inquiry.refresh_from_db()
    assert inquiry.status == "reassessment_scheduled"
    assert (inquiry.reassessment_at, inquiry.reassessment_format) == (when, "in_person")
    assert inquiry.reassessment_site == clinic["north"]

    # The confirmation e-mail: when, where, and how to change it.
    (sent,) = mail.outbox
    assert sent.to == ["sam@example.com"]
    assert "Where: Northside\n210 Lake Street, 2nd floor\nSide entrance on Elm" in sent.body
    assert "just reply to this e-mail, or call us at (617) 555-0100" in sent.body
    for never in ("send us a note", "{", "%("):
        assert never not in sent.body

    # On the inquiry's page and in the worklist's row, on the queue's clock.
    shown = words(page.locator("#reassessment").inner_text())
    assert "In person" in shown and "Northside 210 Lake Street, 2nd floor" in shown
    page.goto("/admin/intake/inquiry/?status=all")
    row = page.locator("#result_list tbody tr", has_text="Robin")
    status = words(row.locator(".field-status_words").inner_text())
    stamp = f"{when:%a} {when.day} {when:%b}, 10:00"
    assert f"Reassessment scheduled {stamp} · In person" in status
    assert row.locator(".wl-visit time").get_attribute("title") == clinic["queue"].time_zone

    # A clinician signs in, lands on the upcoming reassessments and starts the note there.
    cleo = staff(CLINICIAN, "cleo")
    authenticator(cleo)
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    other = context.new_page()
    other.set_default_timeout(15000)
    try:
        sign_in(other, cleo, UPCOMING)
        assert other.locator("h1").inner_text() == "Upcoming reassessments"
        this_week = other.locator("#this-week, #later")  # three days on: this week or later
        listed = this_week.locator("tbody tr", has_text="Robin")
        assert listed.count() == 1
        assert stamp in listed.inner_text() and "In person · Northside" in listed.inner_text()
        assert "No note yet" in listed.inner_text()
        assert "Times are " in other.locator("#upcoming-zone").inner_text()
        # The way there from any staff page: the link among the user tools.
        tools = other.locator("#user-tools")
        assert tools.get_by_role("link", name="Upcoming reassessments").count() == 1
        opened = submit(other, listed.get_by_role("link", name="Write the note"))
        assert opened.status == 200
        assert other.url.endswith(f"/admin/intake/reassessmentnote/add/?inquiry={inquiry.pk}")
        other.go_back()
        submit(other, other.get_by_role("link", name="Robin"))
        assert other.url.endswith(case_path(inquiry))
    finally:
        context.close()


def test_a_virtual_reassessment_by_text_has_the_link_and_the_number_to_call(
    page, live_server, clinic
) -> None:
    inquiry = reached(
        clinic,
        preferred_name="Kai",
        contact_method="text",
        email="",
        phone="617 555 0134",
        text_ok=True,
    )
    when = in_three_days(clinic)
    sign_in(page, clinic["lee"], case_path(inquiry))

    card = page.locator("#schedule")
    card.get_by_label("Reassessment on").fill(when.strftime("%Y-%m-%dT%H:%M"))
    card.get_by_label("Format").select_option(label="Virtual")
    submit(page, card.get_by_role("button", name="Schedule"))

    assert messages(page) == ["Reassessment scheduled; the person gets a confirmation."]
    inquiry.refresh_from_db()
    assert (inquiry.reassessment_at, inquiry.reassessment_format) == (when, "virtual")
    assert inquiry.reassessment_site is None
    confirmation = OutboundMessage.objects.get(inquiry=inquiry, kind="reassessment_confirmation")
    assert (confirmation.channel, confirmation.status) == ("sms", "sent")
    (text,) = [sms["body"] for sms in MemorySMSBackend.outbox]
    assert f"Join by video: {LINK} To change it, call us at (617) 555-0100." in text
    assert "10 a.m." in text  # on the queue's clock
    for never in ("send us a note", "{", "%("):
        assert never not in text
    assert len(text) <= 320


def test_the_coordinator_is_told_what_the_confirmation_cannot_say(
    page, live_server, clinic
) -> None:
    clinic["queue"].video_visit_url = ""
    clinic["queue"].save()
    inquiry = reached(clinic, preferred_name="Noor")
    sign_in(page, clinic["lee"], case_path(inquiry))

    card = page.locator("#schedule")
    # Before scheduling: the format says the queue has no video link yet.
    assert "“Lakeside” has no video-visit link yet" in card.inner_text()
    card.get_by_label("Reassessment on").fill(in_three_days(clinic).strftime("%Y-%m-%dT%H:%M"))
    card.get_by_label("Format").select_option(label="A mix of both")
    card.get_by_label("Where, for an in-person visit").select_option(
        label="Lakeview (no address for visits yet)"
    )
    submit(page, card.get_by_role("button", name="Schedule"))

    assert messages(page) == ["Reassessment scheduled; the person gets a confirmation."]
    warnings = messages(page, "warning")
    assert len(warnings) == 2
    assert "“Lakeview” has no address for visits yet" in warnings[0]
    assert "“Lakeside” has no video-visit link yet" in warnings[1]
    (sent,) = mail.outbox
    assert "Where: Lakeview\n" in sent.body
    assert "We'll send you the link to join by video before then." in sent.body
