"""A clinician's note from search to signature: the person's words beside it, a ready step.

The note is written for an inquiry found by a search that never reaches a URL; the page shows
what the person told us and starts a new note from it; the scheduling facts are stored apart
from the clinical text (coordinators see those, never the text); the author marks it ready,
which e-mails each clinical reviewer once (a link, nothing clinical, no name); reviewers sign
only what is ready and find it on their list.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from intake import services
from intake.exceptions import Refusal
from intake.models import AuditEvent, Inquiry, InquiryEvent, OutboundMessage, ReassessmentNote
from intake.roles import CLINICIAN, COORDINATOR, REVIEWER
from tests.factories import SiteFactory, UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

SECRET = "Canary-clinical-7731 sleeping better since the move"
GROUP = "Tuesday evening group with Dana"
NOTES = "/admin/intake/reassessmentnote/"


def user_in(role: str, username: str, **fields):
    user = UserFactory(username=username, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def visible_text(markup: str) -> str:
    """What a person reads on the page: no tags, no attribute values."""
    markup = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", markup))
    return " ".join(text.split())


@pytest.fixture
def people(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    coord = coordinator(queue, "coord")
    coord.groups.add(Group.objects.get(name=COORDINATOR))
    site = SiteFactory(name="Riverside", slug="riverside")
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(
            submission=submission(
                preferred_name="Sam Rivera",
                message="I miss the Tuesday group and I'd like to come back.",
                care_format="virtual",
                pace="two_three_days",
                one_on_one_first=True,
                open_to_new_group=True,
                best_time="morning",
                last_attended="one_three_months",
                away_reasons=["work", "transportation"],
                site_id=site.pk,
            )
        )
    mail.outbox.clear()
    return {
        "inquiry": Inquiry.objects.get(pk=inquiry.pk),
        "site": site,
        "coord": coord,
        "clinician": user_in(CLINICIAN, "clin", email="clin@clinic.test"),
        "clinician2": user_in(CLINICIAN, "clin2"),
        "reviewer": user_in(REVIEWER, "rev", email="rev@clinic.test"),
        "reviewer2": user_in(REVIEWER, "rev2", email="rev2@clinic.test"),
    }


def write_note(people: dict, **extra) -> ReassessmentNote:
    fields = {"what_changed": SECRET, "plan": "resume"}
    fields.update(extra)
    return services.note_add(
        actor=people["clinician"], inquiry_id=people["inquiry"].pk, fields=fields
    )


def deliver_owed() -> None:
    for message in OutboundMessage.objects.filter(status=OutboundMessage.Status.PENDING):
        services.message_deliver(message_id=message.pk)


# --- the ready step ------------------------------------------------------------------------


def test_marking_ready_sets_the_state_the_time_an_event_and_an_audit_record(people) -> None:
    note = write_note(people)
    before = timezone.now()
    ready = services.note_mark_ready(
        actor=people["clinician"], note_id=note.pk, version=services.note_version(note)
    )
    assert ready.state == ReassessmentNote.State.READY
    stored = ReassessmentNote.objects.get(pk=note.pk)
    assert stored.state == "ready" and stored.ready_at >= before
    event = people["inquiry"].events.get(kind=InquiryEvent.Kind.NOTE_READY)
    assert (event.actor, event.from_state, event.to_state, event.data, event.reason) == (
        people["clinician"],
        "draft",
        "ready",
        {"note": note.pk},
        "",
    )
    record = AuditEvent.objects.filter(object_type="reassessmentnote", action="change").get()
    assert (record.actor, record.object_id) == (people["clinician"], str(note.pk))


def test_each_active_reviewer_with_an_address_gets_one_email_with_a_link_and_nothing_else(
    people, django_capture_on_commit_callbacks, settings
) -> None:
    settings.SITE_URL = "https://staff.example.org"
    user_in(REVIEWER, "away", email="away@clinic.test", is_active=False)
    user_in(REVIEWER, "no-address", email="")
    # The author is also a reviewer: they marked it themselves, no e-mail to them.
    people["clinician"].groups.add(Group.objects.get(name=REVIEWER))
    note = write_note(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.note_mark_ready(actor=people["clinician"], note_id=note.pk)

    assert sorted(m.to[0] for m in mail.outbox) == ["rev2@clinic.test", "rev@clinic.test"]
    link = f"https://staff.example.org/admin/intake/reassessmentnote/{note.pk}/change/"
    for sent in mail.outbox:
        assert sent.subject == "A reassessment note is ready for your review — Reengage"
        html_body = sent.alternatives[0][0]
        assert link in sent.body and f'href="{link}"' in html_body
        for private in ("Canary", "Sam", "Rivera", people["inquiry"].short_id, "Tuesday"):
            assert private not in sent.subject + sent.body + html_body, private
        assert "988" in sent.body.strip()[-200:]
    owed = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTE_READY)
    assert owed.count() == 2
    assert {m.status for m in owed} == {"sent"}
    assert all(m.inquiry_id is None and m.dedupe_key == f"note-{note.pk}" for m in owed)
    # Nothing about the e-mails on the person's timeline: only that the note is ready.
    kinds = list(people["inquiry"].events.values_list("kind", flat=True))
    assert "message_queued" not in kinds[-2:] and kinds[-1] == "note_ready"


def test_a_double_click_or_a_retry_sends_each_reviewer_exactly_one_email(
    people, django_capture_on_commit_callbacks
) -> None:
    note = write_note(people)
    version = services.note_version(note)
    with django_capture_on_commit_callbacks(execute=True):
        services.note_mark_ready(actor=people["clinician"], note_id=note.pk, version=version)
        services.note_mark_ready(actor=people["clinician"], note_id=note.pk, version=version)
    owed = list(OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTE_READY))
    # A delivery task run again, and the sweeper, find nothing more to send.
    for message in owed:
        assert services.message_deliver(message_id=message.pk) is None
    services.pending_sweep()
    assert sorted(m.to[0] for m in mail.outbox) == ["rev2@clinic.test", "rev@clinic.test"]
    assert len(owed) == 2
    assert people["inquiry"].events.filter(kind="note_ready").count() == 1


def test_a_reviewer_already_owed_the_email_is_not_owed_another(people) -> None:
    note = write_note(people)
    OutboundMessage.objects.create(
        recipient=people["reviewer"],
        kind=OutboundMessage.Kind.NOTE_READY,
        channel="email",
        template_key="note_ready",
        dedupe_key=f"note-{note.pk}",
    )
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    owed = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTE_READY)
    assert sorted(owed.values_list("recipient__username", flat=True)) == ["rev", "rev2"]


def test_only_the_author_marks_ready_the_text_they_saw_and_never_a_signed_note(people) -> None:
    note = write_note(people)
    with pytest.raises(services.ActionRefused) as other:
        services.note_mark_ready(actor=people["clinician2"], note_id=note.pk)
    assert other.value.code == Refusal.AUTHOR
    with pytest.raises(services.ActionRefused) as stale:
        services.note_mark_ready(actor=people["clinician"], note_id=note.pk, version="0" * 32)
    assert stale.value.code == Refusal.READY_CHANGED
    assert ReassessmentNote.objects.get(pk=note.pk).state == "draft"
    assert not OutboundMessage.objects.filter(kind="note_ready").exists()
    assert not people["inquiry"].events.filter(kind="note_ready").exists()

    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    services.note_sign(actor=people["reviewer"], note_id=note.pk)
    with pytest.raises(services.ActionRefused) as signed:
        services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    assert signed.value.code == Refusal.SIGNED


# --- signing --------------------------------------------------------------------------------


def test_signing_a_draft_is_refused_kindly_and_changes_nothing(people) -> None:
    note = write_note(people)
    with pytest.raises(services.ActionRefused) as refused:
        services.note_sign(
            actor=people["reviewer"], note_id=note.pk, version=services.note_version(note)
        )
    assert refused.value.code == Refusal.NOT_READY
    assert refused.value.message.startswith("This note is still a draft.")
    stored = ReassessmentNote.objects.get(pk=note.pk)
    assert (stored.state, stored.signed_by, stored.signed_at) == ("draft", None, None)
    assert not people["inquiry"].events.filter(kind="note_signed").exists()


def test_signing_a_ready_note_moves_it_from_ready_to_signed(people) -> None:
    note = write_note(people)
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    note.refresh_from_db()
    signed = services.note_sign(
        actor=people["reviewer"], note_id=note.pk, version=services.note_version(note)
    )
    assert (signed.state, signed.signed_by) == ("signed", people["reviewer"])
    event = people["inquiry"].events.get(kind="note_signed")
    assert (event.from_state, event.to_state) == ("ready", "signed")


def test_the_author_may_still_correct_a_ready_note_which_stays_ready_for_a_fresh_read(
    people,
) -> None:
    note = write_note(people)
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    note.refresh_from_db()
    read = services.note_version(note)
    services.note_update(
        actor=people["clinician"], note_id=note.pk, fields={"group": "Thursday group"}
    )
    assert ReassessmentNote.objects.get(pk=note.pk).state == "ready"
    with pytest.raises(services.ActionRefused) as changed:
        services.note_sign(actor=people["reviewer"], note_id=note.pk, version=read)
    assert changed.value.code == Refusal.NOTE_CHANGED
    with pytest.raises(services.ActionRefused):
        services.note_update(
            actor=people["clinician2"], note_id=note.pk, fields={"what_changed": "x"}
        )


# --- the scheduling facts ------------------------------------------------------------------


def test_the_services_store_the_scheduling_facts_and_no_event_or_audit_names_them(
    people,
) -> None:
    starts = date(2027, 3, 2)
    note = write_note(people, start_on=starts, group=GROUP, start_site=people["site"])
    stored = ReassessmentNote.objects.get(pk=note.pk)
    assert (stored.start_on, stored.group, stored.start_site) == (starts, GROUP, people["site"])
    with connection.cursor() as cursor:
        cursor.execute('SELECT "group" FROM intake_reassessmentnote WHERE id = %s', [note.pk])
        assert "Dana" not in cursor.fetchone()[0]  # encrypted at rest like the text

    services.note_update(
        actor=people["clinician"],
        note_id=note.pk,
        fields={"start_on": starts + timedelta(days=7), "group": "Thursday group"},
    )
    stored.refresh_from_db()
    assert (stored.start_on, stored.group) == (date(2027, 3, 9), "Thursday group")
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    services.note_sign(actor=people["reviewer"], note_id=note.pk)
    written = " ".join(
        str(row)
        for row in (
            *InquiryEvent.objects.values_list("reason", "data", "from_state", "to_state"),
            *AuditEvent.objects.values_list("object_type", "object_id", "path"),
        )
    )
    for fact in ("Dana", "Tuesday", "Thursday", "2027", "Riverside", "site"):
        assert fact not in written, fact


def test_a_coordinator_never_sees_the_clinical_text_though_the_note_holds_the_facts(
    people,
) -> None:
    note = write_note(
        people,
        current_needs="Canary-needs evening support",
        start_on=date(2027, 3, 2),
        group=GROUP,
        start_site=people["site"],
    )
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    services.note_sign(actor=people["reviewer"], note_id=note.pk)
    stored = ReassessmentNote.objects.get(pk=note.pk)
    assert (stored.start_on, stored.group) == (date(2027, 3, 2), GROUP)

    coord = client_for(people["coord"])
    page = coord.get(f"/admin/intake/inquiry/{people['inquiry'].pk}/change/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Canary" not in text and "Resume where they left off" not in text
    assert coord.get(f"{NOTES}{note.pk}/change/").status_code in (403, 404)


# --- choosing the person ---------------------------------------------------------------------


def test_the_add_page_searches_by_post_and_no_term_ever_reaches_an_address(people) -> None:
    clinician = client_for(people["clinician"])
    page = clinician.get(f"{NOTES}add/")
    body = page.content.decode()
    assert page.status_code == 200
    assert f'action="{NOTES}find/"' in body and 'name="what_changed"' not in body

    found = clinician.post(f"{NOTES}find/", {"find": "Rivera"})
    assert found.status_code == 303
    where = found["Location"]
    assert where.startswith(f"{NOTES}add/?search=") and "Rivera" not in where
    listing = clinician.get(where)
    shown = visible_text(listing.content.decode())
    inquiry = people["inquiry"]
    assert "Sam Rivera" in shown and inquiry.short_id in shown and "Write the note" in shown
    assert f'href="{NOTES}add/?inquiry={inquiry.pk}"' in listing.content.decode()
    search = AuditEvent.objects.get(action="search", actor=people["clinician"])
    assert "Rivera" not in search.path

    # Another person's search id finds nothing for them; a miss says so kindly.
    other = client_for(people["clinician2"]).get(where)
    assert "Sam Rivera" not in other.content.decode()
    missed = clinician.get(clinician.post(f"{NOTES}find/", {"find": "Nobody"})["Location"])
    assert "Nobody matches that search" in visible_text(missed.content.decode())
    by_email = clinician.get(
        clinician.post(f"{NOTES}find/", {"find": "sam@example.com"})["Location"]
    )
    assert "Sam Rivera" in by_email.content.decode()
    assert clinician.get(f"{NOTES}find/").status_code == 405


def test_the_inquiry_is_fixed_by_the_address_and_must_be_one_the_viewer_may_open(
    people, django_capture_on_commit_callbacks
) -> None:
    clinician = client_for(people["clinician"])
    for bad in ("999999", "abc", "1 OR 1=1"):
        assert clinician.get(f"{NOTES}add/", {"inquiry": bad}).status_code == 404
    inquiry = people["inquiry"]
    page = clinician.get(f"{NOTES}add/?inquiry={inquiry.pk}").content.decode()
    assert 'name="inquiry"' not in page and 'name="amends"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        other = services.inquiry_submit(submission=submission(email="kit@example.com"))
    # A posted "inquiry" is ignored: the note is for the inquiry the page is for.
    clinician.post(
        f"{NOTES}add/?inquiry={inquiry.pk}",
        {"inquiry": other.pk, "what_changed": "x"},
    )
    assert ReassessmentNote.objects.get().inquiry_id == inquiry.pk
    assert AuditEvent.objects.filter(
        action="view", object_type="inquiry", object_id=str(inquiry.pk)
    ).exists()


# --- the person's words beside the form ----------------------------------------------------


def test_the_note_page_shows_the_persons_words_and_a_new_note_starts_from_them(
    people, settings, django_capture_on_commit_callbacks
) -> None:
    inquiry = people["inquiry"]
    earlier = services.inquiry_submit(submission=submission(message="An older message"))
    Inquiry.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=40))
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_submit(submission=submission(message="Evenings work best for me now."))
    Inquiry.objects.filter(pk=inquiry.pk).update(status="contacted")
    services.reassessment_schedule(
        actor=people["coord"],
        inquiry_id=inquiry.pk,
        when=timezone.now() + timedelta(days=2),
        care_format="virtual",
    )

    page = client_for(people["clinician"]).get(f"{NOTES}add/?inquiry={inquiry.pk}")
    shown = visible_text(page.content.decode())
    for said in (
        "I miss the Tuesday group and I'd like to come back.",
        "Evenings work best for me now.",
        "Virtual",
        "2–3 days a week",
        "Mornings",
        "1–3 months ago",
        "Work, Transportation",
        "Riverside",
        "Reassessment scheduled",
        earlier.short_id,
    ):
        assert said in shown, said
    panel = shown.split("What they told us", 1)[1]
    for code in ("two_three_days", "one_three_months", "virtual ·", "[", "True", "None"):
        assert code not in panel, code

    form = page.context["adminform"].form
    assert form["preferences"].value() == (
        "Told us: virtual; 2–3 days a week; one-on-one first; "
        "open to a different group or therapist; best reached in the mornings"
    )
    assert form["plan_codes"].value() == ["one_on_one_first"]
    assert form["start_site"].value() == people["site"].pk
    assert "For scheduling (coordinators see this)" in shown
    assert "they never see the clinical text" in shown.lower()


def test_an_amendment_starts_from_the_signed_note_and_nothing_else(people) -> None:
    note = write_note(people, preferences="In person only", group=GROUP)
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    services.note_sign(actor=people["reviewer"], note_id=note.pk)
    page = client_for(people["clinician"]).get(f"{NOTES}add/?amends={note.pk}")
    form = page.context["adminform"].form
    assert form["preferences"].value() == "In person only"
    assert form["group"].value() == GROUP
    assert form["plan_codes"].value() == ["resume"]
    assert "I miss the Tuesday group" in page.content.decode()  # the panel is there too


def test_the_form_saves_the_scheduling_facts_and_comes_back_to_the_note(people) -> None:
    inquiry = people["inquiry"]
    response = client_for(people["clinician"]).post(
        f"{NOTES}add/?inquiry={inquiry.pk}",
        {
            "what_changed": SECRET,
            "plan_codes": ["one_on_one_first"],
            "start_on": "2027-03-02",
            "group": f"  {GROUP} ",
            "start_site": people["site"].pk,
        },
    )
    note = ReassessmentNote.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{NOTES}{note.pk}/change/"
    assert (note.start_on, note.group, note.start_site) == (
        date(2027, 3, 2),
        GROUP,
        people["site"],
    )
    assert note.plan_codes == ["one_on_one_first"] and note.author == people["clinician"]


# --- marking ready and the reviewers' list -------------------------------------------------


def test_the_author_marks_ready_from_the_note_page_and_the_reviewer_finds_it_to_sign(
    people, django_capture_on_commit_callbacks
) -> None:
    first = write_note(people)
    second = write_note(people)
    still_draft = write_note(people)
    clinician = client_for(people["clinician"])
    page = clinician.get(f"{NOTES}{second.pk}/change/").content.decode()
    assert f'action="{NOTES}{second.pk}/ready/"' in page and "Mark ready for review" in page
    with django_capture_on_commit_callbacks(execute=True):
        for note in (second, first):  # the second note is marked ready first
            done = clinician.post(
                f"{NOTES}{note.pk}/ready/",
                {"version": services.note_version(note)},
                follow=True,
            )
            assert "Ready for review." in done.content.decode()
    assert ReassessmentNote.objects.filter(state="ready").count() == 2
    assert len(mail.outbox) == 4
    # A reviewer's page of a ready note has no "Mark ready", and the author's has no Sign.
    assert "Sign this note" not in clinician.get(f"{NOTES}{first.pk}/change/").content.decode()

    reviewer = client_for(people["reviewer"])
    landing = reviewer.get("/admin/start/")
    assert landing["Location"] == f"{NOTES}?state__exact=ready"
    listing = reviewer.get(landing["Location"])
    body = listing.content.decode()
    rows = [row.pk for row in listing.context["cl"].result_list]
    assert rows == [second.pk, first.pk]  # oldest ready first
    assert still_draft.pk not in rows
    shown = visible_text(body)
    assert "Sam Rivera" in shown and people["inquiry"].short_id in shown and "clin" in shown
    assert body.count("Read and sign") == 2
    assert "Ready for review" in shown and "ready_at" not in shown
    assert SECRET not in body

    page = reviewer.get(f"{NOTES}{second.pk}/change/").content.decode()
    assert "Sign this note" in page and "Mark ready for review" not in page
    draft_page = reviewer.get(f"{NOTES}{still_draft.pk}/change/").content.decode()
    assert "Sign this note" not in draft_page and "Still a draft" in draft_page


def test_a_note_that_cannot_be_changed_shows_its_plan_in_words(people) -> None:
    note = write_note(people, plan="resume,one_on_one_first")
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    shown = visible_text(
        client_for(people["reviewer"]).get(f"{NOTES}{note.pk}/change/").content.decode()
    )
    assert "Resume where they left off, One-on-one first" in shown
    assert "['resume'" not in shown and "one_on_one_first" not in shown


def test_marking_ready_needs_the_clinicians_permission_and_a_post(people) -> None:
    note = write_note(people)
    url = f"{NOTES}{note.pk}/ready/"
    assert client_for(people["reviewer"]).post(url).status_code == 403
    assert client_for(people["coord"]).post(url).status_code in (403, 404)
    assert client_for(people["clinician"]).get(url).status_code == 405
    assert ReassessmentNote.objects.get(pk=note.pk).state == "draft"
