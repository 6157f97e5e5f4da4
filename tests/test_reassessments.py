"""A scheduled reassessment: where and how, its confirmation, the worklist, the clinicians' list.

``intake.reassessments.visit`` tells a visit on its queue's clock with the site's address or
the queue's video link and the number to call to change it; the confirmation (e-mail and
text) says all of it and never "send us a note"; the coordinator is told before and after
scheduling what a confirmation cannot say; settings screens hold the address and the link;
clinicians get the upcoming reassessments as their landing page, in a fixed number of queries.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from intake import services
from intake.admin.forms import ReassessmentScheduleForm
from intake.admin.settings_forms import QueueForm
from intake.messaging.render import render_email, render_sms
from intake.messaging.sms import MemorySMSBackend
from intake.models import Inquiry, OutboundMessage, ReassessmentNote
from intake.reassessments import (
    MISSING_ADDRESS,
    MISSING_JOIN_URL,
    MISSING_PHONE,
    missing_details,
    visit,
)
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER, SUPERVISOR
from intake.services.send import message_context
from tests.factories import QueueFactory, SiteFactory, UserFactory, coordinator, submission
from tests.test_settings_forms import round_trip

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")
# A Monday morning in Chicago: texts may go, and the week runs to Sunday the 22nd.
MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=CHICAGO)
ADDRESS = "210 Lake Street, 2nd floor\nSide entrance on Elm"
LINK = "https://video.example.org/northside-team"
PROGRAM_PHONE = "+16175550100"
NEVER_SAID = ("{", "}", "%(", "send us a note at", "Where: \n", "Where:\n")


@pytest.fixture(autouse=True)
def _program_phone(settings):
    settings.PROGRAM_PHONE = PROGRAM_PHONE


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def place(roles):
    """A Chicago queue (the default) with its video link, two sites, and a coordinator."""
    from tests.factories import default_queue

    queue = default_queue(time_zone="America/Chicago", video_visit_url=LINK, name="Northside")
    north = SiteFactory(name="Northside", slug="northside", address=ADDRESS)
    bare = SiteFactory(name="Lakeview", slug="lakeview", address="")
    queue.sites.add(north, bare)
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    return {"queue": queue, "north": north, "bare": bare, "lee": lee}


def reached(place, django_capture_on_commit_callbacks, **overrides) -> Inquiry:
    """An inquiry from the form, routed, acknowledged and then reached by phone."""
    with django_capture_on_commit_callbacks(execute=True):
        made = services.inquiry_submit(
            submission=submission(site_id=place["north"].pk, **overrides)
        )
    services.contact_attempt_record(
        actor=place["lee"], inquiry_id=made.pk, channel="call", outcome="reached"
    )
    mail.outbox.clear()
    MemorySMSBackend.outbox.clear()
    return Inquiry.objects.get(pk=made.pk)


def schedule(place, inquiry, callbacks, *, when, care_format, site=None) -> Inquiry:
    with callbacks(execute=True):
        services.reassessment_schedule(
            actor=place["lee"],
            inquiry_id=inquiry.pk,
            when=when,
            care_format=care_format,
            site_id=site.pk if site else None,
        )
    return Inquiry.objects.get(pk=inquiry.pk)


def friday_at_ten() -> datetime:
    return datetime(2026, 11, 20, 10, 0, tzinfo=CHICAGO)


# --- visit() ---------------------------------------------------------------------------------


def test_no_reassessment_set_is_no_visit(place, clock, django_capture_on_commit_callbacks):
    inquiry = reached(place, django_capture_on_commit_callbacks)
    assert visit(inquiry) is None


def test_an_in_person_visit_is_at_its_site_on_the_queues_clock(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    place["north"].phone = "+16175550188"
    place["north"].save()
    inquiry = reached(place, django_capture_on_commit_callbacks)
    in_new_york = friday_at_ten().astimezone(NY)  # the same moment, typed in another zone
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=in_new_york,
        care_format="in_person",
        site=place["north"],
    )
    found = visit(inquiry)
    assert found.at == friday_at_ten() and found.at.tzinfo == CHICAGO
    assert (found.at.hour, found.at.minute) == (10, 0)
    assert found.format == "in_person" and str(found.format_label) == "In person"
    assert found.site == place["north"] and found.place() == "Northside"
    assert found.address == ADDRESS
    assert found.address_line == "210 Lake Street, 2nd floor, Side entrance on Elm"
    assert found.join_url == ""  # no video link for a visit in person
    # The site answers on its own number: that is where to call to change it.
    assert (found.change_phone, found.change_phone_display) == ("+16175550188", "(617) 555-0188")
    assert found.missing == ()


def test_a_virtual_visit_has_the_queues_link_and_the_programs_number(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="virtual",
        site=place["north"],  # a site chosen for a virtual visit is not kept
    )
    assert inquiry.reassessment_site is None
    found = visit(inquiry)
    assert found.site is None and found.address == "" and found.place() == ""
    assert found.join_url == LINK
    assert (found.change_phone, found.change_phone_display) == (PROGRAM_PHONE, "(617) 555-0100")


def test_a_mixed_visit_has_both_the_address_and_the_link(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="hybrid",
        site=place["north"],
    )
    found = visit(inquiry)
    assert (found.address, found.join_url) == (ADDRESS, LINK)
    assert found.in_person and found.virtual


def test_an_in_person_visit_with_no_site_chosen_is_at_their_own_site(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="in_person",
    )
    assert inquiry.reassessment_site == place["north"]
    # Scheduled before a site could be chosen (no reassessment site): their own site.
    Inquiry.objects.filter(pk=inquiry.pk).update(reassessment_site=None)
    assert visit(Inquiry.objects.get(pk=inquiry.pk)).site == place["north"]


def test_an_unrouted_inquiry_is_told_on_the_programs_clock(settings) -> None:
    inquiry = Inquiry(reassessment_at=friday_at_ten(), reassessment_format="virtual")
    found = visit(inquiry)
    assert found.at.tzinfo == ZoneInfo(settings.TIME_ZONE)
    assert (found.at.hour, found.join_url) == (11, "")
    assert found.missing == (MISSING_JOIN_URL,)


def test_what_a_confirmation_cannot_say_is_named_for_the_coordinator(
    place, clock, settings, django_capture_on_commit_callbacks
) -> None:
    settings.PROGRAM_PHONE = ""
    place["queue"].video_visit_url = ""
    place["queue"].save()
    inquiry = reached(place, django_capture_on_commit_callbacks)
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="hybrid",
        site=place["bare"],
    )
    found = visit(inquiry)
    assert found.missing == (MISSING_ADDRESS, MISSING_JOIN_URL, MISSING_PHONE)
    by_mail = missing_details(found)
    assert len(by_mail) == 2  # an e-mail can be answered: no number is not a gap there
    assert "“Lakeview” has no address for visits yet" in by_mail[0]
    assert "“Northside” has no video-visit link yet" in by_mail[1]
    by_text = missing_details(found, by_text=True)
    assert len(by_text) == 3 and "cannot say how to change the time" in by_text[2]


# --- scheduling ------------------------------------------------------------------------------


def test_a_new_place_at_the_same_time_is_a_new_confirmation(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    when = friday_at_ten()
    for site in (place["north"], place["north"], place["bare"]):
        inquiry = schedule(
            place,
            inquiry,
            django_capture_on_commit_callbacks,
            when=when,
            care_format="in_person",
            site=site,
        )
    assert inquiry.reassessment_site == place["bare"]
    sent = OutboundMessage.objects.filter(inquiry=inquiry, kind="reassessment_confirmation")
    assert sent.count() == 2  # the same place twice is one confirmation
    assert len(mail.outbox) == 2
    event = inquiry.events.filter(kind="reassessment_scheduled").last()
    assert event.data == {"at": when.isoformat(), "site": place["bare"].pk}


def test_the_schedule_form_offers_their_site_and_reads_the_queues_clock(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    form = ReassessmentScheduleForm(inquiry=inquiry)
    assert form.initial["site"] == place["north"].pk
    offered = {label for _value, label in form.fields["site"].choices}
    assert "Northside" in offered
    assert "Lakeview (no address for visits yet)" in offered
    assert "America/Chicago" in str(form.fields["when"].help_text)

    typed = {"when": "2026-11-20T10:00", "care_format": "in_person", "site": place["north"].pk}
    form = ReassessmentScheduleForm(typed, inquiry=inquiry)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == friday_at_ten()

    form = ReassessmentScheduleForm({**typed, "site": ""}, inquiry=inquiry)
    assert not form.is_valid()
    assert form.errors["site"] == ["Please choose where the in-person visit happens."]

    form = ReassessmentScheduleForm(
        {**typed, "care_format": "virtual", "site": ""}, inquiry=inquiry
    )
    assert form.is_valid() and form.cleaned_data["site"] is None


def test_the_schedule_form_says_before_sending_when_the_queue_has_no_video_link(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    assert not ReassessmentScheduleForm(inquiry=inquiry).fields["care_format"].help_text
    place["queue"].video_visit_url = ""
    place["queue"].save()
    inquiry = Inquiry.objects.select_related("queue").get(pk=inquiry.pk)
    help_text = str(ReassessmentScheduleForm(inquiry=inquiry).fields["care_format"].help_text)
    assert "“Northside” has no video-visit link yet" in help_text


def test_scheduling_from_the_page_tells_the_coordinator_what_the_confirmation_lacks(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(place["lee"])
    url = f"/admin/intake/inquiry/{inquiry.pk}/triage/schedule/"
    data = {"when": "2026-11-20T10:00", "care_format": "in_person", "site": place["bare"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, data, follow=True)
    shown = [str(m) for m in page.context["messages"]]
    assert "Reassessment scheduled; the person gets a confirmation." in shown
    assert any("“Lakeview” has no address for visits yet" in m for m in shown)
    inquiry.refresh_from_db()
    assert (inquiry.reassessment_at, inquiry.reassessment_site) == (friday_at_ten(), place["bare"])
    # Told the place's name, never an empty "Where:".
    assert "Where: Lakeview\n" in mail.outbox[0].body

    data = {"when": "2026-11-20T11:00", "care_format": "in_person", "site": place["north"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, data, follow=True)
    assert [str(m) for m in page.context["messages"]] == [
        "Reassessment scheduled; the person gets a confirmation."
    ]


def test_someone_reached_only_by_phone_is_told_the_place_by_the_coordinator(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    caller = {"contact_method": "call", "email": "", "phone": "617 555 0134"}
    inquiry = reached(place, django_capture_on_commit_callbacks, **caller)
    client = Client()
    client.force_login(place["lee"])
    data = {"when": "2026-11-20T10:00", "care_format": "in_person", "site": place["bare"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            f"/admin/intake/inquiry/{inquiry.pk}/triage/schedule/", data, follow=True
        )
    # No confirmation goes, so nothing is missing from one: the coordinator calls them.
    assert [str(m) for m in page.context["messages"]] == [
        "Reassessment scheduled. They can only be reached by phone: please call them with "
        "the time and place."
    ]
    assert not OutboundMessage.objects.filter(kind="reassessment_confirmation").exists()
    assert Inquiry.objects.get(pk=inquiry.pk).reassessment_site == place["bare"]


# --- the confirmation ------------------------------------------------------------------------


def assert_never_a_placeholder(text: str) -> None:
    for said in NEVER_SAID:
        assert said not in text, (said, text)


def test_the_confirmation_email_says_where_and_how_to_change_it(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="in_person",
        site=place["north"],
    )
    (sent,) = mail.outbox
    assert sent.subject == "Your time to talk — Reengage"
    text = sent.body
    assert "When: Friday, Nov. 20, 2026 at 10 a.m." in text  # Chicago's clock
    assert "How: In person\nWhere: Northside\n210 Lake Street, 2nd floor\nSide entrance on Elm" in (
        text
    )
    assert "just reply to this e-mail, or call us at (617) 555-0100" in text
    assert "Join by video" not in text
    assert_never_a_placeholder(text)
    html = sent.alternatives[0][0]
    assert "210 Lake Street, 2nd floor<br>Side entrance on Elm" in html
    assert '<a href="tel:+16175550100">(617) 555-0100</a>' in html
    assert_never_a_placeholder(html)


def test_the_virtual_confirmation_email_has_the_link_to_join(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="virtual",
    )
    (sent,) = mail.outbox
    assert f"How: Virtual\nJoin by video: {LINK}\n" in sent.body
    assert "Where:" not in sent.body
    assert f'<a href="{LINK}">{LINK}</a>' in sent.alternatives[0][0]
    assert_never_a_placeholder(sent.body)


def test_a_virtual_confirmation_without_a_link_says_it_will_come(
    place, clock, settings, django_capture_on_commit_callbacks
) -> None:
    settings.PROGRAM_PHONE = ""
    place["queue"].video_visit_url = ""
    place["queue"].save()
    inquiry = reached(place, django_capture_on_commit_callbacks)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="virtual",
    )
    (sent,) = mail.outbox
    assert "We'll send you the link to join by video before then." in sent.body
    # No number anywhere: replying is how to change it.
    assert "just reply to this e-mail and we'll find another." in sent.body
    assert "call us" not in sent.body
    assert_never_a_placeholder(sent.body)


def test_the_confirmation_text_says_where_and_to_call_to_change_it(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    texter = {"contact_method": "text", "email": "", "phone": "617 555 0134", "text_ok": True}
    inquiry = reached(place, django_capture_on_commit_callbacks, **texter)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="in_person",
        site=place["north"],
    )
    (text,) = [sms["body"] for sms in MemorySMSBackend.outbox]
    assert text.startswith("Reengage: we're set to talk Friday 11/20/2026 at 10 a.m. (In person).")
    assert "Where: 210 Lake Street, 2nd floor, Side entrance on Elm." in text
    assert "To change it, call us at (617) 555-0100." in text
    assert "reply" not in text.lower().replace("reply stop", "")  # replies are not read yet
    assert "Northside" not in text  # a site's name could say what this is about
    assert text.endswith("or 911 in an emergency.")
    assert len(text) <= 320
    assert_never_a_placeholder(text)


def test_the_virtual_confirmation_text_has_the_link(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    texter = {"contact_method": "text", "email": "", "phone": "617 555 0134", "text_ok": True}
    inquiry = reached(place, django_capture_on_commit_callbacks, **texter)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="virtual",
    )
    (text,) = [sms["body"] for sms in MemorySMSBackend.outbox]
    assert f"(Virtual). Join by video: {LINK} To change it, call us at (617) 555-0100." in text
    assert len(text) <= 320
    assert_never_a_placeholder(text)


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
@pytest.mark.parametrize("care_format", ["in_person", "virtual", "hybrid"])
def test_every_confirmation_says_it_all_in_every_language(
    place, clock, django_capture_on_commit_callbacks, language, care_format
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks, language=language)
    inquiry = schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format=care_format,
        site=place["north"],
    )
    message = OutboundMessage(inquiry=inquiry, kind="reassessment_confirmation", channel="email")
    context = message_context(message)
    email = render_email("reassessment_confirmation", context, language)
    sms = render_sms("reassessment_confirmation", context, language)
    for shown in (email.text, email.html, sms):
        assert "(617) 555-0100" in shown
        if care_format != "virtual":
            assert "210 Lake Street" in shown
        if care_format != "in_person":
            assert LINK in shown
        assert_never_a_placeholder(shown)
    assert "210 Lake Street" not in email.subject and LINK not in email.subject
    # Two segments, as every text; a mixed visit carries an address and a link: three at most.
    assert len(sms) <= (320 if care_format != "hybrid" else 459)


def test_templates_without_a_visit_still_read_whole() -> None:
    """Rendered with no visit (as the catalogue checks do): no dangling label, no braces."""
    context = {
        "org_name": "Reengage",
        "crisis_phone": "988",
        "emergency_phone": "911",
        "reassessment_at": datetime(2026, 11, 20, 10, 0, tzinfo=CHICAGO),
        "reassessment_format": "Virtual",
    }
    email = render_email("reassessment_confirmation", context, "en")
    sms = render_sms("reassessment_confirmation", context, "en")
    for shown in (email.text, email.html, sms):
        assert_never_a_placeholder(shown)
        assert "Where:" not in shown and "Join by video" not in shown
    assert "just reply to this e-mail and we'll find another." in email.text


# --- settings screens ------------------------------------------------------------------------


@pytest.fixture
def pat(roles) -> Client:
    user = UserFactory(username="pat")
    user.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    client = Client()
    client.force_login(user)
    return client


def test_a_program_admin_sets_a_sites_address_for_visits(pat) -> None:
    site = SiteFactory(name="Harbor", slug="harbor")
    url = f"/admin/intake/site/{site.pk}/change/"
    page = pat.get(url).content.decode()
    assert 'name="address"' in page and "It is sent by text too" in page
    _values, response = round_trip(pat, url, "site_form", address=ADDRESS)
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.address.replace("\r\n", "\n") == ADDRESS
    listing = pat.get("/admin/intake/site/").content.decode()
    (row,) = [r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", listing, re.S) if "Harbor" in r]
    assert '<td class="field-address_set">yes</td>' in row


def test_a_program_admin_sets_a_queues_video_link(pat) -> None:
    queue = QueueFactory(name="Westside", slug="westside")
    url = f"/admin/intake/coordinatorqueue/{queue.pk}/change/"
    page = pat.get(url).content.decode()
    assert re.search(r'<input type="url" name="video_visit_url"', page)
    _values, response = round_trip(pat, url, "coordinatorqueue_form", video_visit_url=LINK)
    assert response.status_code == 302, response.content.decode()[:2000]
    queue.refresh_from_db()
    assert queue.video_visit_url == LINK


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("http://video.example.org/team", "Please use the secure link"),
        ("video dot example", "Please paste the whole link, starting with https://"),
    ],
)
def test_a_video_link_that_would_not_open_safely_is_refused_kindly(typed, said) -> None:
    form = QueueForm(data={"video_visit_url": typed})
    form.is_valid()
    assert said in " ".join(form.errors["video_visit_url"])


# --- the worklist row ------------------------------------------------------------------------


def test_the_worklist_row_says_when_and_how_on_the_queues_clock(
    place, clock, django_capture_on_commit_callbacks
) -> None:
    inquiry = reached(place, django_capture_on_commit_callbacks)
    schedule(
        place,
        inquiry,
        django_capture_on_commit_callbacks,
        when=friday_at_ten(),
        care_format="virtual",
    )
    client = Client()
    client.force_login(place["lee"])
    page = client.get("/admin/intake/inquiry/?status=all").content.decode()
    cell = page.split('class="field-status_words">')[1].split("</td>")[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", cell).split())
    assert text == "Status: Reassessment scheduled Fri 20 Nov, 10:00 · Virtual"
    assert 'title="America/Chicago"' in cell


# --- the clinicians' upcoming reassessments --------------------------------------------------

UPCOMING = "/admin/intake/inquiry/reassessments/"


def staff_client(username: str, role: str) -> tuple[Client, object]:
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def booked(place, clock, django_capture_on_commit_callbacks):
    """Reassessments today, later this week, next week, last week (unsigned and signed)."""
    cleo = UserFactory(username="cleo")
    cleo.groups.add(Group.objects.get(name=CLINICIAN))
    rita = UserFactory(username="rita")
    rita.groups.add(Group.objects.get(name=REVIEWER))
    plan = {
        "today": (MONDAY + timedelta(hours=5), "in_person", "Ana"),
        "week": (friday_at_ten(), "virtual", "Bo"),
        "later": (MONDAY + timedelta(days=9), "virtual", "Cy"),
        "past": (MONDAY - timedelta(days=3), "in_person", "Di"),
        "past_signed": (MONDAY - timedelta(days=4), "in_person", "Ed"),
        "long_ago": (MONDAY - timedelta(days=30), "in_person", "Flo"),
    }
    made = {}
    for n, (key, (when, care_format, name)) in enumerate(plan.items()):
        inquiry = reached(
            place,
            django_capture_on_commit_callbacks,
            email=f"p{n}@example.com",
            preferred_name=name,
        )
        with time_machine.travel(when - timedelta(days=1), tick=False):
            made[key] = schedule(
                place,
                inquiry,
                django_capture_on_commit_callbacks,
                when=when,
                care_format=care_format,
                site=place["north"],
            )
    draft = services.note_add(actor=cleo, inquiry_id=made["week"].pk, fields={"plan": "resume"})
    signed = services.note_add(
        actor=cleo, inquiry_id=made["past_signed"].pk, fields={"plan": "resume"}
    )
    # Signed (how it gets there is the notes' own business, tested with them).
    ReassessmentNote.objects.filter(pk=signed.pk).update(
        state=ReassessmentNote.State.SIGNED, signed_by=rita, signed_at=MONDAY
    )
    return {**made, "cleo": cleo, "draft": draft}


def sections(page: str) -> dict[str, list[str]]:
    """Each section's title and its rows' text, as read on the page."""
    found = {}
    for block in re.findall(
        r"<section id=\"[^\"]+\" class=\"module upcoming-section\".*?</section>", page, re.S
    ):
        title = re.search(r"<h2[^>]*>(.*?)</h2>", block).group(1)
        rows = (
            re.findall(r"<tr>(.*?)</tr>", block.split("<tbody>")[-1], re.S)
            if "<tbody>" in block
            else []
        )
        found[title] = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]
    return found


def test_a_clinician_sees_what_is_coming_in_sections_with_each_notes_state(booked) -> None:
    client = Client()
    client.force_login(booked["cleo"])
    response = client.get(UPCOMING)
    assert response.status_code == 200
    page = response.content.decode()
    shown = sections(page)
    short = {key: booked[key].short_id for key in ("today", "week", "later", "past")}
    waiting = "No note yet · Write the note"
    assert shown == {
        "Today": [f"14:00 Ana {short['today']} In person · Northside No note yet · Write the note"],
        "This week": [
            f"Fri 20 Nov, 10:00 Bo {short['week']} Virtual · video link Draft",
        ],
        "Later": [f"Wed 25 Nov, 09:00 Cy {short['later']} Virtual · video link {waiting}"],
        "Earlier, note not signed yet": [
            f"Fri 13 Nov, 09:00 Di {short['past']} In person · Northside {waiting}"
        ],
    }
    assert "Times are Central time (America/Chicago)." in page
    today = booked["today"]
    assert f'href="/admin/intake/inquiry/{today.pk}/change/">Ana</a>' in page
    assert (
        f'href="/admin/intake/reassessmentnote/add/?inquiry={today.pk}">Write the note</a>' in page
    )
    assert f'href="/admin/intake/reassessmentnote/{booked["draft"].pk}/change/">Draft</a>' in page
    assert f'href="{LINK}"' in page


def test_reviewers_and_supervisors_see_the_list_without_writing_notes(booked) -> None:
    for username, role in (("rex", REVIEWER), ("sue", SUPERVISOR)):
        client, _user = staff_client(username, role)
        page = client.get(UPCOMING).content.decode()
        assert "Ana" in page and "No note yet" in page
        assert "Write the note" not in page


@pytest.mark.parametrize("role", [COORDINATOR, PROGRAM_ADMIN])
def test_staff_who_do_not_read_notes_cannot_open_the_list(booked, role) -> None:
    client, _user = staff_client("someone", role)
    assert client.get(UPCOMING).status_code == 403
    assert "Upcoming reassessments" not in client.get("/admin/").content.decode()


def test_the_list_is_a_click_away_from_every_staff_page(booked) -> None:
    client = Client()
    client.force_login(booked["cleo"])
    home = client.get("/admin/").content.decode()
    tools = home.split('id="user-tools"')[1].split("</div>")[0]
    assert f'<a href="{UPCOMING}">Upcoming reassessments</a>' in tools


def test_the_list_makes_the_same_queries_however_many_are_booked(
    place, clock, django_capture_on_commit_callbacks, django_assert_num_queries
) -> None:
    cleo = UserFactory(username="cleo")
    cleo.groups.add(Group.objects.get(name=CLINICIAN))
    client = Client()
    client.force_login(cleo)

    def book(count: int) -> None:
        for n in range(count):
            inquiry = reached(
                place, django_capture_on_commit_callbacks, email=f"q{count}-{n}@example.com"
            )
            site = place["north"] if n % 2 else place["bare"]
            schedule(
                place,
                inquiry,
                django_capture_on_commit_callbacks,
                when=MONDAY + timedelta(days=n % 12, hours=2),
                care_format="in_person" if n % 3 else "virtual",
                site=site,
            )
            if n % 4 == 0:
                services.note_add(actor=cleo, inquiry_id=inquiry.pk, fields={"plan": "resume"})

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(UPCOMING).status_code == 200
        return len(captured)

    book(2)
    few = queries()
    book(12)
    assert Inquiry.objects.filter(reassessment_at__isnull=False).count() == 14
    with django_assert_num_queries(few):
        page = client.get(UPCOMING)
    assert page.content.decode().count('<th scope="row">') == 14
