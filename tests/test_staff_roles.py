"""Minimum necessary and one kind of refusal, as the staff views answer them.

Program admins keep figures, settings and the audit log: no inquiry content anywhere. A
refused or rejected action writes nothing, not even an audit "change"; a done action writes
its audit row inside the service's transaction, with the request's path and address.
"""

from __future__ import annotations

import html

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from intake import services
from intake.exceptions import MESSAGES, ActionRefused, Refusal
from intake.models import AuditEvent, Inquiry
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, SUPERVISOR
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

CANARIES = ("thinking about coming back", "Sam", "sam@example.com", "617", "555")


@pytest.fixture
def clinic(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=submission(phone="617 555 0134"))
    return {"queue": queue, "lee": lee, "pat": pat, "inquiry": inquiry}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_program_admin_reaches_no_inquiry_content_anywhere(clinic) -> None:
    pat, inquiry = client_for(clinic["pat"]), clinic["inquiry"]
    for url in (
        "/admin/intake/inquiry/",
        "/admin/intake/inquiry/?q=sam@example.com",
        f"/admin/intake/inquiry/{inquiry.pk}/change/",
        "/admin/intake/inquiry/export.csv",
        "/admin/intake/inquiryevent/",
        "/admin/intake/internalnote/",
        "/admin/intake/contactattempt/",
    ):
        response = pat.get(url)
        assert response.status_code in (403, 404), url
        body = response.content.decode()
        for canary in CANARIES:
            assert canary not in body, (url, canary)
    # Figures, settings and the audit log stay theirs.
    assert pat.get("/admin/dashboard/").status_code == 200
    assert (
        pat.get(f"/admin/intake/coordinatorqueue/{clinic['queue'].pk}/change/").status_code == 200
    )
    assert pat.get("/admin/intake/auditevent/").status_code == 200
    outbox = pat.get("/admin/intake/outboundmessage/").content.decode()
    assert "Retry now" not in outbox
    index = pat.get("/admin/").content.decode()
    assert "/admin/intake/inquiry/" not in index


def test_a_supervisor_reads_every_inquiry_and_each_look_is_audited(clinic) -> None:
    sue = UserFactory(username="sue")
    sue.groups.add(Group.objects.get(name=SUPERVISOR))
    page = client_for(sue).get(f"/admin/intake/inquiry/{clinic['inquiry'].pk}/change/")
    assert page.status_code == 200
    assert "thinking about coming back" in page.content.decode()
    assert "Assign to me" not in page.content.decode()  # reads, never triages
    assert AuditEvent.objects.filter(actor=sue, action="view", object_type="inquiry").count() == 1


def test_a_refused_action_shows_the_staff_message_and_writes_no_audit_change(clinic) -> None:
    lee, inquiry = client_for(clinic["lee"]), clinic["inquiry"]
    before = AuditEvent.objects.filter(action="change").count()
    page = lee.post(
        f"/admin/intake/inquiry/{inquiry.pk}/triage/status/",
        {"status": "closed", "reason": ""},
        follow=True,
    ).content.decode()
    assert "Please choose a reason for this change." in page
    past = lee.post(
        f"/admin/intake/inquiry/{inquiry.pk}/triage/snooze/",
        {"until": "2001-01-01T09:00"},
        follow=True,
    ).content.decode()
    assert "Please choose a time in the future." in past
    assert AuditEvent.objects.filter(action="change").count() == before
    inquiry.refresh_from_db()
    assert inquiry.status == "new" and inquiry.snoozed_until is None


def test_a_done_action_is_audited_inside_the_service_with_path_and_address(clinic) -> None:
    lee, inquiry = client_for(clinic["lee"]), clinic["inquiry"]
    lee.post(
        f"/admin/intake/inquiry/{inquiry.pk}/triage/attempt/",
        {"channel": "call", "outcome": "reached"},
        REMOTE_ADDR="198.51.100.4",
    )
    audit = AuditEvent.objects.get(action="change", object_type="inquiry")
    assert audit.actor == clinic["lee"] and audit.object_id == str(inquiry.pk)
    assert audit.path == f"/admin/intake/inquiry/{inquiry.pk}/triage/attempt/"
    assert audit.client_address == "198.51.100.4"


def test_a_coordinator_cannot_hand_an_inquiry_to_someone_outside_its_queue(clinic) -> None:
    outsider = UserFactory(username="outsider")
    with pytest.raises(ActionRefused) as refused:
        services.inquiry_assign(
            actor=clinic["lee"], inquiry_id=clinic["inquiry"].pk, assignee=outsider
        )
    assert refused.value.code == Refusal.NOT_A_MEMBER
    assert Inquiry.objects.get(pk=clinic["inquiry"].pk).assigned_to == clinic["lee"]


def test_a_clinician_is_offered_no_coordinator_action_and_posting_one_is_refused(clinic) -> None:
    cleo = UserFactory(username="cleo")
    cleo.groups.add(Group.objects.get(name=CLINICIAN))
    client = client_for(cleo)
    page = client.get(f"/admin/intake/inquiry/{clinic['inquiry'].pk}/change/").content.decode()
    assert "Assign to me" not in page and 'id="triage"' not in page
    listing = client.get("/admin/intake/inquiry/").content.decode()
    assert "assign_to_me" not in listing and "set_status" not in listing
    refused = client.post(f"/admin/intake/inquiry/{clinic['inquiry'].pk}/triage/assign-me/")
    assert refused.status_code == 403
    text = html.unescape(refused.content.decode())
    assert "You can't do that here" in text and "message form is always open" not in text
    assert not AuditEvent.objects.filter(actor=cleo, action="change").exists()
    assert AuditEvent.objects.filter(actor=cleo, action="denied").exists()


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_every_refusal_reads_in_the_staff_persons_language(language: str) -> None:
    for code in Refusal:
        english = ActionRefused(code, current="a", new="b").message
        assert english == str(MESSAGES[code]) % {"current": "a", "new": "b"}
        with translation.override(language):
            shown = ActionRefused(code, current="a", new="b").message
        assert shown and shown != english, (language, code)


def test_the_second_step_brings_a_person_back_to_the_filtered_page_they_asked_for(
    clinic, settings
) -> None:
    from urllib.parse import parse_qs, urlsplit

    settings.ADMIN_REQUIRE_2FA = True
    asked = "/admin/intake/inquiry/?status=all&held=yes"
    response = client_for(clinic["lee"]).get(asked)
    assert response.status_code == 302
    where = urlsplit(response["Location"])
    assert where.path.endswith(("/2fa/setup/", "/2fa/verify/"))
    assert parse_qs(where.query)["next"] == [asked]
