"""Reassessment notes: clinical roles only, signed notes never change, everything audited."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from intake import services, tone
from intake.messaging.sms import MemorySMSBackend
from intake.models import AuditEvent, Inquiry, OutboundMessage, ReassessmentNote
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db
SECRET = "Canary-clinical-5150 feels stronger after the move"
NY = ZoneInfo("America/New_York")


def user_in(role: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    coord = coordinator(queue, "coord")
    coord.groups.add(Group.objects.get(name="Intake coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=submission())
    return {
        "inquiry": Inquiry.objects.get(pk=inquiry.pk),
        "coord": coord,
        "clinician": user_in("Clinician", "clin"),
        "clinician2": user_in("Clinician", "clin2"),
        "reviewer": user_in("Clinical reviewer", "rev"),
        "admin": user_in("Program admin", "padmin"),
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def write_note(people: dict, **extra) -> ReassessmentNote:
    fields = {
        "what_changed": SECRET,
        "current_needs": "evening group",
        "plan": "resume,one_on_one_first",
    }
    fields.update(extra)
    return services.note_add(
        actor=people["clinician"], inquiry_id=people["inquiry"].pk, fields=fields
    )


def test_clinical_fields_are_encrypted_at_rest(people) -> None:
    note = write_note(people)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT what_changed, plan FROM intake_reassessmentnote WHERE id = %s", [note.pk]
        )
        raw = " ".join(cursor.fetchone())
    assert "Canary" not in raw and "resume" not in raw
    assert ReassessmentNote.objects.get(pk=note.pk).plan_codes == ["resume", "one_on_one_first"]


def test_a_coordinator_reaches_no_note_and_never_its_text(people) -> None:
    note = write_note(people)
    coord = client_for(people["coord"])
    base = "/admin/intake/reassessmentnote/"
    for url in (
        base,
        f"{base}add/",
        f"{base}{note.pk}/change/",
        f"{base}{note.pk}/history/",
        f"{base}{note.pk}/delete/",
    ):
        assert coord.get(url).status_code in (403, 404), url
    assert coord.post(f"{base}{note.pk}/sign/").status_code in (403, 404)
    inquiry_url = f"/admin/intake/inquiry/{people['inquiry'].pk}/"
    pages = [
        coord.get(f"{inquiry_url}change/"),
        coord.get(f"{inquiry_url}history/"),
        coord.get("/admin/intake/inquiry/"),
        coord.get("/admin/intake/inquiry/export.csv"),
        coord.get("/admin/dashboard/"),
    ]
    for page in pages:
        assert "Canary" not in page.content.decode()
        assert "evening group" not in page.content.decode()
    searched = coord.post(
        "/admin/intake/inquiry/search/", {"find": "Canary-clinical-5150"}, follow=True
    )
    assert list(searched.context["cl"].result_list) == []
    # ...but they can see that a note exists, and its state.
    page = pages[0].content.decode()
    assert "Reassessment notes" in page and "Draft" in page


def test_program_admins_configure_but_do_not_read_notes(people) -> None:
    note = write_note(people)
    padmin = client_for(people["admin"])
    assert padmin.get(f"/admin/intake/reassessmentnote/{note.pk}/change/").status_code in (403, 404)
    assert padmin.get("/admin/intake/routingrule/").status_code == 200
    assert (
        "Canary"
        not in padmin.get(f"/admin/intake/inquiry/{people['inquiry'].pk}/change/").content.decode()
    )


def test_clinicians_write_drafts_only_their_author_edits_and_reviewers_sign(people) -> None:
    inquiry = people["inquiry"]
    clinician = client_for(people["clinician"])
    response = clinician.post(
        f"/admin/intake/reassessmentnote/add/?inquiry={inquiry.pk}",
        {
            "what_changed": "New job, evenings free",
            "current_needs": "x",
            "plan_codes": ["modified", "different_group"],
            "free_text": "He is an addict, non-compliant.",
        },
        follow=True,
    )
    assert response.status_code == 200
    note = ReassessmentNote.objects.get()
    assert note.author == people["clinician"] and note.state == "draft"
    assert note.plan_codes == ["modified", "different_group"]
    body = response.content.decode()
    assert "Person-first wording" in body and "addict" in body  # a warning, not a block

    other = client_for(people["clinician2"])
    assert (
        other.post(
            f"/admin/intake/reassessmentnote/{note.pk}/change/",
            {"inquiry": inquiry.pk, "what_changed": "tampered"},
        ).status_code
        == 403
    )
    assert ReassessmentNote.objects.get().what_changed == "New job, evenings free"
    assert clinician.post(f"/admin/intake/reassessmentnote/{note.pk}/sign/").status_code == 403

    # A draft is the author's unfinished work: the reviewer is told so, and nothing is signed.
    reviewer = client_for(people["reviewer"])
    refused = reviewer.post(
        f"/admin/intake/reassessmentnote/{note.pk}/sign/",
        {"version": services.note_version(note)},
        follow=True,
    )
    assert "This note is still a draft" in refused.content.decode()
    note.refresh_from_db()
    assert note.state == "draft" and note.signed_by is None

    # Another clinician cannot mark someone else's draft ready; its author can.
    not_theirs = other.post(
        f"/admin/intake/reassessmentnote/{note.pk}/ready/",
        {"version": services.note_version(note)},
        follow=True,
    )
    assert "Only the author can change a draft note." in not_theirs.content.decode()
    note.refresh_from_db()
    assert note.state == "draft"
    clinician.post(
        f"/admin/intake/reassessmentnote/{note.pk}/ready/",
        {"version": services.note_version(note)},
    )
    note.refresh_from_db()
    assert note.state == "ready"

    reviewer.post(
        f"/admin/intake/reassessmentnote/{note.pk}/sign/",
        {"version": services.note_version(note)},
    )
    note.refresh_from_db()
    assert note.state == "signed" and note.signed_by == people["reviewer"]
    assert inquiry.events.filter(kind="note_signed").count() == 1


def test_a_signed_note_cannot_be_changed_by_anyone_and_an_amendment_shows_with_it(
    people, admin_user
) -> None:
    note = write_note(people)
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    services.note_sign(actor=people["reviewer"], note_id=note.pk)
    for user in (people["clinician"], admin_user):
        client = client_for(user)
        client.post(
            f"/admin/intake/reassessmentnote/{note.pk}/change/",
            {"inquiry": note.inquiry_id, "what_changed": "rewritten"},
        )
        view = client.get(f"/admin/intake/reassessmentnote/{note.pk}/change/").content.decode()
        assert 'name="what_changed"' not in view  # read-only
    with pytest.raises(services.ActionRefused):
        services.note_update(
            actor=people["clinician"], note_id=note.pk, fields={"what_changed": "x"}
        )
    assert ReassessmentNote.objects.get(pk=note.pk).what_changed == SECRET

    clinician = client_for(people["clinician"])
    prefilled = clinician.get(
        f"/admin/intake/reassessmentnote/add/?amends={note.pk}"
    ).content.decode()
    assert "Canary-clinical-5150" in prefilled
    clinician.post(
        f"/admin/intake/reassessmentnote/add/?amends={note.pk}",
        {"what_changed": "Corrected: moved in June"},
    )
    amendment = ReassessmentNote.objects.get(amends=note)
    assert amendment.state == "draft"
    original_page = clinician.get(
        f"/admin/intake/reassessmentnote/{note.pk}/change/"
    ).content.decode()
    assert f"/admin/intake/reassessmentnote/{amendment.pk}/change/" in original_page
    inquiry_page = clinician.get(
        f"/admin/intake/inquiry/{note.inquiry_id}/change/"
    ).content.decode()
    assert inquiry_page.count("/admin/intake/reassessmentnote/") >= 2


def test_each_access_and_change_makes_exactly_one_audit_record_without_text(
    people, settings
) -> None:
    settings.TRUSTED_PROXIES = 1
    note = write_note(people)
    clinician = client_for(people["clinician"])
    AuditEvent.objects.all().delete()
    clinician.get(
        f"/admin/intake/reassessmentnote/{note.pk}/change/",
        HTTP_X_FORWARDED_FOR="198.51.100.9, 10.0.0.2",
        REMOTE_ADDR="10.0.0.2",
    )
    assert AuditEvent.objects.count() == 1
    record = AuditEvent.objects.get()
    assert (record.action, record.object_type, record.object_id) == (
        "view",
        "reassessmentnote",
        str(note.pk),
    )
    assert record.actor == people["clinician"]

    clinician.post(
        f"/admin/intake/reassessmentnote/{note.pk}/change/",
        {"inquiry": note.inquiry_id, "what_changed": "Canary-2 new words"},
    )
    assert AuditEvent.objects.filter(action="change").count() == 1
    client_for(people["coord"]).get(f"/admin/intake/reassessmentnote/{note.pk}/change/")
    denied = AuditEvent.objects.get(action="denied")
    assert denied.actor == people["coord"] and denied.object_id == str(note.pk)
    client_for(people["coord"]).get(f"/admin/intake/inquiry/{note.inquiry_id}/change/")
    assert AuditEvent.objects.filter(action="view", object_type="inquiry").count() == 1
    client_for(people["coord"]).get("/admin/intake/inquiry/export.csv?q=sam@example.com")
    export = AuditEvent.objects.get(action="export")
    assert "sam" not in export.path
    note.refresh_from_db()  # the reviewer signs the text as it is now
    services.note_mark_ready(actor=people["clinician"], note_id=note.pk)
    client_for(people["reviewer"]).post(
        f"/admin/intake/reassessmentnote/{note.pk}/sign/",
        {"version": services.note_version(note)},
    )
    assert AuditEvent.objects.filter(action="sign").count() == 1
    everything = " ".join(
        str(v) for v in AuditEvent.objects.values_list("path", "object_type", "object_id")
    )
    assert "Canary" not in everything and "sam@" not in everything


def test_the_audit_log_is_read_only_for_everyone(people, admin_user) -> None:
    services.audit_record(actor=people["coord"], action="view", object_type="inquiry", object_id=1)
    record = AuditEvent.objects.get()
    padmin = client_for(people["admin"])
    assert padmin.get("/admin/intake/auditevent/").status_code == 200
    for client in (padmin, client_for(admin_user)):
        assert (
            client.post(
                f"/admin/intake/auditevent/{record.pk}/delete/", {"post": "yes"}
            ).status_code
            == 403
        )
        client.post(f"/admin/intake/auditevent/{record.pk}/change/", {"action": "change"})
    assert AuditEvent.objects.filter(pk=record.pk, action="view").exists()
    assert client_for(people["coord"]).get("/admin/intake/auditevent/").status_code == 403


def test_scheduling_sends_one_confirmation_on_their_channel_in_their_language(
    people, django_capture_on_commit_callbacks
) -> None:
    inquiry = people["inquiry"]
    Inquiry.objects.filter(pk=inquiry.pk).update(language="es", status="contacted")
    mail.outbox.clear()
    when = timezone.now() + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.reassessment_schedule(
            actor=people["coord"], inquiry_id=inquiry.pk, when=when, care_format="virtual"
        )
        services.reassessment_schedule(
            actor=people["coord"], inquiry_id=inquiry.pk, when=when, care_format="virtual"
        )
    inquiry.refresh_from_db()
    assert inquiry.status == "reassessment_scheduled"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["sam@example.com"]
    assert "Virtual" in sent.body or "Virtual" in sent.body.title()
    for clinical in ("plan", "assessment", "treatment", "Canary"):
        assert clinical not in sent.subject.lower()
    assert OutboundMessage.objects.filter(kind="reassessment_confirmation").count() == 1


def test_a_confirmation_text_waits_for_daytime(people, django_capture_on_commit_callbacks) -> None:
    inquiry = people["inquiry"]
    Inquiry.objects.filter(pk=inquiry.pk).update(
        contact_method="text", email="", phone="+16175550134", text_ok=True, status="contacted"
    )
    with time_machine.travel(datetime(2026, 11, 18, 23, 30, tzinfo=NY), tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            services.reassessment_schedule(
                actor=people["coord"],
                inquiry_id=inquiry.pk,
                when=datetime(2026, 11, 20, 15, 0, tzinfo=NY),
                care_format="in_person",
            )
        assert MemorySMSBackend.outbox == []
        clock.move_to(datetime(2026, 11, 19, 8, 0, 30, tzinfo=NY))
        services.pending_sweep()
    assert len(MemorySMSBackend.outbox) == 1
    assert "988" in MemorySMSBackend.outbox[0]["body"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Client is an addict and non-compliant", ["non-compliant", "addict"]),
        ("History of substance abuser label in chart", ["substance abuser"]),
        ("Person with a substance use disorder, returning", []),
        ("dropout from group 2", ["dropout"]),
    ],
)
def test_person_first_check_finds_stigmatizing_terms(text, terms) -> None:
    assert [t for t, _s in tone.stigmatizing_terms(text)] == terms
