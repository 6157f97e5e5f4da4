"""Every staff action as staff meet it: in Chromium, signed in with both steps, real controls.

Each coordinator test opens an inquiry's page, clicks one triage control and checks what the
person sees (the message, and that they are back at the part of the page they were on), what
changed in the database, and the timeline entry naming who did it. Reviewers sign notes
(and are stopped when the note changed under them); clinicians and program admins do not
get the coordinators' controls, and a forced post is refused with the staff page.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from intake import services
from intake.models import (
    AuditEvent,
    ContactAttempt,
    Inquiry,
    InternalNote,
    OutboundMessage,
    ReassessmentNote,
)
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from tests.browser.staff import (
    authenticator,
    messages,
    sign_in,
    staff,
    submit,
    timeline,
)
from tests.factories import QueueFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

REPLY = "Hi Sam, we'd love to talk whenever you're ready."


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    # The per-address sign-in limit counts every sign-in of the whole run (one address, one
    # cache); these tests sign in once each and are not about that limit.
    settings.ADMIN_LOGIN_RATE = "1000/h"


@pytest.fixture
def queue(roles):
    return default_queue()


@pytest.fixture
def lee(queue):
    """A coordinator of the default queue, enrolled in two-step sign-in."""
    user = coordinator(queue, "lee")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(user)
    return user


def new_inquiry(**overrides) -> Inquiry:
    """An inquiry as the public form makes it (routed; its acknowledgement sent)."""
    made = services.inquiry_submit(submission=submission(**overrides))
    return Inquiry.objects.get(pk=made.pk)


def case_path(inquiry: Inquiry) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


def assert_back_at(page, inquiry: Inquiry, anchor: str) -> None:
    """The coordinator is back on the inquiry's page, at the part the action came from."""
    assert re.search(rf"{re.escape(case_path(inquiry))}#{anchor}$", page.url), page.url
    assert page.locator(f"#{anchor}").count() == 1


# --- coordinators ------------------------------------------------------------------------


def test_assign_to_me(page, lee) -> None:
    inquiry = new_inquiry()
    Inquiry.objects.filter(pk=inquiry.pk).update(assigned_to=None)
    sign_in(page, lee, case_path(inquiry))
    assert "Assigned to nobody" in " ".join(page.locator("#person dl").inner_text().split())

    submit(page, page.locator("#assignment").get_by_role("button", name="Assign to me"))

    assert messages(page) == ["Assigned to you."]
    assert_back_at(page, inquiry, "assignment")
    inquiry.refresh_from_db()
    assert inquiry.assigned_to == lee
    event = inquiry.events.get(kind="assigned", actor=lee)
    assert (event.from_state, event.to_state) == ("", str(lee.pk))
    assert "Assigned — lee" in timeline(page)
    assert "Assigned to lee" in " ".join(page.locator("#person dl").inner_text().split())


def test_assign_to_a_colleague_of_the_same_queue_only(page, queue, lee) -> None:
    colleague = coordinator(queue, "cy")
    colleague.first_name, colleague.last_name = "Cy", "Jones"
    colleague.save()
    colleague.groups.add(Group.objects.get(name=COORDINATOR))
    elsewhere = coordinator(QueueFactory(name="Eastside", slug="eastside"), "bo")
    elsewhere.groups.add(Group.objects.get(name=COORDINATOR))
    inquiry = new_inquiry()
    Inquiry.objects.filter(pk=inquiry.pk).update(assigned_to=lee)
    sign_in(page, lee, case_path(inquiry))

    choose = page.locator("#assignment").get_by_label("Assign to a colleague")
    offered = [o.strip() for o in choose.locator("option").all_inner_texts()]
    assert [o for o in offered if o.strip("-")] == ["Cy Jones", "lee"]
    assert "bo" not in offered  # a coordinator of another queue is not offered
    choose.select_option(label="Cy Jones")
    submit(page, page.locator("#assignment").get_by_role("button", name="Assign", exact=True))

    assert messages(page) == ["Assigned to Cy Jones."]
    assert_back_at(page, inquiry, "assignment")
    inquiry.refresh_from_db()
    assert inquiry.assigned_to == colleague
    event = inquiry.events.get(kind="assigned", actor=lee)
    assert (event.from_state, event.to_state) == (str(lee.pk), str(colleague.pk))
    assert "Assigned — lee" in timeline(page)


def test_unassign_with_a_reason(page, lee) -> None:
    inquiry = new_inquiry()
    Inquiry.objects.filter(pk=inquiry.pk).update(assigned_to=lee)
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#assignment")
    card.get_by_label("Why unassign?").fill("on leave next week")
    submit(page, card.get_by_role("button", name="Unassign"))

    assert messages(page) == ["Unassigned: the inquiry waits for someone to take it."]
    assert_back_at(page, inquiry, "assignment")
    inquiry.refresh_from_db()
    assert inquiry.assigned_to is None
    event = inquiry.events.get(kind="unassigned")
    assert (event.actor, event.reason, event.from_state) == (lee, "on leave next week", str(lee.pk))
    assert "Unassigned — lee" in timeline(page)
    # Nobody holds it now, so there is nothing left to unassign.
    assert page.locator("#assignment").get_by_role("button", name="Unassign").count() == 0


def test_status_change_offers_only_the_allowed_moves_and_closing_needs_a_reason(page, lee) -> None:
    inquiry = new_inquiry()
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#status")
    choose = card.get_by_label("New status")
    assert [o.strip() for o in choose.locator("option").all_inner_texts()] == [
        "Contacted",
        "Not now",
        "Closed",
    ]
    assert "Returned to care" not in choose.inner_text()
    choose.select_option(label="Closed")
    submit(page, card.get_by_role("button", name="Change status"))
    assert messages(page) == []
    assert messages(page, "error") == ["Please choose a reason for this change."]
    assert_back_at(page, inquiry, "status")
    inquiry.refresh_from_db()
    assert inquiry.status == "new"
    assert not inquiry.events.filter(kind="status_changed").exists()

    card = page.locator("#status")
    card.get_by_label("New status").select_option(label="Closed")
    # By name: its label points at another field (see the test on the page's labels below).
    card.locator("select[name=reason]").select_option(label="Closing: Declined")
    submit(page, card.get_by_role("button", name="Change status"))

    assert messages(page) == ["Status changed to “Closed”."]
    assert_back_at(page, inquiry, "status")
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.close_reason) == ("closed", "declined")
    event = inquiry.events.get(kind="status_changed")
    assert (event.from_state, event.to_state, event.actor) == ("new", "closed", lee)
    assert "Status changed — lee" in timeline(page)
    # From closed the only way is to reopen it.
    options = page.locator("#status").get_by_label("New status").locator("option")
    assert [o.strip() for o in options.all_inner_texts()] == ["Contacted"]


def test_log_a_contact_attempt(page, lee) -> None:
    inquiry = new_inquiry()
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#log-attempt")
    card.get_by_label("How").select_option(label="Phone call")
    card.get_by_label("What happened").select_option(label="No answer")
    card.get_by_label("Note (optional, private to the team)").fill("Rang twice, no voicemail box")
    submit(page, card.get_by_role("button", name="Log attempt"))

    assert messages(page) == ["Contact attempt logged."]
    assert_back_at(page, inquiry, "attempts")
    attempt = ContactAttempt.objects.get(inquiry=inquiry)
    assert (attempt.coordinator, attempt.channel, attempt.outcome) == (lee, "call", "no_answer")
    assert attempt.note == "Rang twice, no voicemail box"
    inquiry.refresh_from_db()
    assert inquiry.status == "new" and inquiry.first_contact_at is None
    event = inquiry.events.get(kind="contact_attempt")
    assert (event.actor, event.reason) == (lee, "no_answer")
    rows = page.locator("#attempts tbody tr")
    assert rows.count() == 1
    assert "lee" in rows.inner_text() and "Rang twice, no voicemail box" in rows.inner_text()
    assert "Contact attempt logged — lee" in timeline(page)


def test_snooze_until_a_future_time(page, lee) -> None:
    inquiry = new_inquiry()
    due_before = inquiry.first_contact_due_at
    until = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#snooze")
    field = card.get_by_label("Snooze until")
    assert field.get_attribute("type") == "datetime-local"
    field.fill(until.strftime("%Y-%m-%dT%H:%M"))
    submit(page, card.get_by_role("button", name="Snooze"))

    assert messages(page) == ["Snoozed: the first-contact clock is paused until then."]
    assert_back_at(page, inquiry, "snooze")
    inquiry.refresh_from_db()
    assert inquiry.snoozed_until == until
    assert inquiry.status == "new"
    assert inquiry.first_contact_due_at > due_before + timedelta(days=1, hours=23)
    assert inquiry.events.get(kind="snoozed").actor == lee
    assert "Snoozed — lee" in timeline(page)
    assert "Snoozed until" in page.locator("#person").inner_text()


def test_schedule_the_reassessment_after_moving_to_contacted(page, lee) -> None:
    inquiry = new_inquiry()
    when = (timezone.localtime() + timedelta(days=3)).replace(
        hour=15, minute=30, second=0, microsecond=0
    )
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#status")
    card.get_by_label("New status").select_option(label="Contacted")
    submit(page, card.get_by_role("button", name="Change status"))
    assert messages(page) == ["Status changed to “Contacted”."]
    assert_back_at(page, inquiry, "status")
    assert Inquiry.objects.get(pk=inquiry.pk).status == "contacted"
    mail.outbox.clear()

    card = page.locator("#schedule")
    card.get_by_label("Reassessment on").fill(when.strftime("%Y-%m-%dT%H:%M"))
    card.get_by_label("Format").select_option(label="Virtual")
    submit(page, card.get_by_role("button", name="Schedule"))

    assert messages(page) == ["Reassessment scheduled; the person gets a confirmation."]
    assert_back_at(page, inquiry, "schedule")
    inquiry.refresh_from_db()
    assert inquiry.status == "reassessment_scheduled"
    assert (inquiry.reassessment_at, inquiry.reassessment_format) == (when, "virtual")
    assert inquiry.events.get(kind="reassessment_scheduled").actor == lee
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]
    assert "Reassessment scheduled — lee" in timeline(page)


def test_preview_a_reply_then_send_it_from_the_preview(page, lee) -> None:
    inquiry = new_inquiry()
    mail.outbox.clear()
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#reply")
    card.get_by_label("Reply").fill(REPLY)
    submit(page, card.get_by_role("button", name="Preview"))

    assert page.locator("h1").inner_text() == "Preview the reply"
    assert REPLY in page.locator("pre.reply-preview").inner_text()
    assert not OutboundMessage.objects.filter(kind="reply").exists() and mail.outbox == []
    submit(page, page.get_by_role("button", name="Send"))

    assert messages(page) == ["Reply queued. You can follow its delivery under Conversation."]
    assert_back_at(page, inquiry, "reply")
    reply = OutboundMessage.objects.get(inquiry=inquiry, kind="reply")
    assert (reply.created_by, reply.body, reply.status) == (lee, REPLY, "sent")
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]
    assert REPLY in mail.outbox[0].body
    assert inquiry.events.get(kind="reply_queued").actor == lee
    assert "Reply queued — lee" in timeline(page)
    assert "Reply — lee" in page.locator("#conversation").inner_text()


def test_add_an_internal_note(page, lee) -> None:
    inquiry = new_inquiry()
    mail.outbox.clear()
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#internal-note-form")
    card.get_by_label("Internal note (never sent)").fill("Prefers to be called after 5 pm")
    submit(page, card.get_by_role("button", name="Add note"))

    assert messages(page) == ["Note added. It stays with the team and is never sent."]
    assert_back_at(page, inquiry, "internal-notes")
    note = InternalNote.objects.get(inquiry=inquiry)
    assert (note.author, note.text) == (lee, "Prefers to be called after 5 pm")
    assert mail.outbox == []
    assert inquiry.events.get(kind="note_added").actor == lee
    assert "Prefers to be called after 5 pm" in page.locator("#internal-notes").inner_text()
    assert "Internal note added — lee" in timeline(page)


def test_quarantine_then_release(page, lee) -> None:
    inquiry = new_inquiry()
    assert inquiry.priority == "routine" and not inquiry.is_spam
    acknowledgements = len(mail.outbox)
    sign_in(page, lee, case_path(inquiry))

    card = page.locator("#quarantine")
    submit(page, card.get_by_role("button", name="Move to quarantine (spam)"))

    assert messages(page) == ["Moved to quarantine."]
    assert_back_at(page, inquiry, "quarantine")
    inquiry.refresh_from_db()
    assert inquiry.is_spam
    assert inquiry.events.get(kind="marked_spam").actor == lee
    assert "Moved to quarantine — lee" in timeline(page)

    card = page.locator("#quarantine")
    submit(page, card.get_by_role("button", name="Not spam: release and acknowledge"))

    # It was acknowledged on arrival, so the message promises nothing more.
    assert messages(page) == ["Released from quarantine."]
    assert_back_at(page, inquiry, "quarantine")
    inquiry.refresh_from_db()
    assert not inquiry.is_spam
    assert inquiry.events.get(kind="released").actor == lee
    assert "Released from quarantine — lee" in timeline(page)
    # It was acknowledged on arrival: the acknowledgement is owed once, ever.
    assert len(mail.outbox) == acknowledgements
    assert page.locator("#quarantine").get_by_role("button").inner_text() == (
        "Move to quarantine (spam)"
    )


def test_retry_a_failed_message_from_the_conversation(page, lee) -> None:
    inquiry = new_inquiry()
    failed = OutboundMessage.objects.get(inquiry=inquiry, kind="acknowledgement")
    OutboundMessage.objects.filter(pk=failed.pk).update(status="failed")
    mail.outbox.clear()
    sign_in(page, lee, case_path(inquiry))

    conversation = page.locator("#conversation")
    assert conversation.get_by_role("button", name="Retry now").count() == 1
    submit(page, conversation.get_by_role("button", name="Retry now"))

    assert messages(page) == ["Sent back to the outbox: it goes out again in a moment."]
    assert_back_at(page, inquiry, "conversation")
    failed.refresh_from_db()
    assert failed.status == "sent"  # in-process delivery: it went out again at once
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]
    event = inquiry.events.get(kind="message_retry_now")
    assert (event.actor, event.from_state, event.to_state) == (lee, "failed", "pending")
    assert "Message retried by staff — lee" in timeline(page)
    assert page.locator("#conversation").get_by_role("button", name="Retry now").count() == 0


def test_each_field_on_the_inquiry_page_has_its_own_id_and_label(page, lee) -> None:
    inquiry = new_inquiry()
    assert inquiry.assigned_to == lee  # routed to lee, so the Unassign form is shown too
    sign_in(page, lee, case_path(inquiry))

    assert page.locator("#status").get_by_label("Reason").count() == 1
    ids = page.locator("[id]").evaluate_all("nodes => nodes.map(node => node.id)")
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


# --- clinical reviewers ------------------------------------------------------------------


@pytest.fixture
def draft(queue):
    """A clinician's reassessment note on an inquiry, marked ready for review by its author."""
    author = staff(CLINICIAN, "clin")
    inquiry = new_inquiry()
    note = services.note_add(
        actor=author,
        inquiry_id=inquiry.pk,
        fields={"what_changed": "Started a new job with evening hours", "current_needs": "x"},
    )
    return services.note_mark_ready(actor=author, note_id=note.pk)


@pytest.fixture
def reviewer(roles):
    user = staff(REVIEWER, "rev")
    authenticator(user)
    return user


def note_path(note: ReassessmentNote) -> str:
    return f"/admin/intake/reassessmentnote/{note.pk}/change/"


def test_a_reviewer_reads_a_draft_note_and_signs_it(page, draft, reviewer) -> None:
    sign_in(page, reviewer, note_path(draft))
    assert "Started a new job with evening hours" in page.locator("#content-main").inner_text()
    assert page.locator("#note-actions-title").inner_text() == "Review and sign"

    submit(page, page.get_by_role("button", name="Sign this note"))

    shown = messages(page)
    assert len(shown) == 1 and shown[0].startswith("Signed"), shown
    assert page.url.endswith(note_path(draft))
    draft.refresh_from_db()
    assert (draft.state, draft.signed_by) == ("signed", reviewer)
    event = draft.inquiry.events.get(kind="note_signed")
    assert (event.actor, event.data) == (reviewer, {"note": draft.pk})
    assert page.locator("#note-actions-title").inner_text() == "This note is signed"
    assert page.get_by_role("button", name="Sign this note").count() == 0


def test_a_reviewer_cannot_sign_a_note_that_changed_after_they_opened_it(
    page, draft, reviewer
) -> None:
    sign_in(page, reviewer, note_path(draft))
    assert "new words" not in page.locator("#content-main").inner_text()

    # Meanwhile the author edits the draft.
    services.note_update(actor=draft.author, note_id=draft.pk, fields={"what_changed": "new words"})
    submit(page, page.get_by_role("button", name="Sign this note"))

    assert messages(page) == []
    assert messages(page, "error") == [
        "The note changed after you opened it. Please read it again before you sign."
    ]
    draft.refresh_from_db()
    assert (draft.state, draft.signed_by) == ("ready", None)
    assert not draft.inquiry.events.filter(kind="note_signed").exists()
    assert "new words" in page.locator("#content-main").inner_text()

    # Having read it again, they can sign what they now see.
    submit(page, page.get_by_role("button", name="Sign this note"))
    assert messages(page)[0].startswith("Signed")
    draft.refresh_from_db()
    assert (draft.state, draft.what_changed) == ("signed", "new words")


# --- clinicians and program admins -------------------------------------------------------


def test_a_clinician_has_no_triage_controls_and_a_forced_post_is_refused(
    page, queue, settings
) -> None:
    clinician = staff(CLINICIAN, "clin")
    authenticator(clinician)
    inquiry = new_inquiry()
    assigned_before = inquiry.assigned_to_id
    sign_in(page, clinician, case_path(inquiry))

    # They read the inquiry, without any of the coordinators' controls.
    assert "I'm thinking about coming back." in page.locator("#message").inner_text()
    assert page.get_by_role("button", name="Assign to me").count() == 0
    assert page.locator("#triage").count() == 0
    assert page.get_by_role("heading", name="Triage").count() == 0
    assert page.locator("form[action*='/triage/']").count() == 0

    # A post made anyway, with a valid CSRF token, as a hand-made form would send it.
    token = next(
        c["value"] for c in page.context.cookies() if c["name"] == settings.CSRF_COOKIE_NAME
    )
    action = f"/admin/intake/inquiry/{inquiry.pk}/triage/assign-me/"
    with page.expect_navigation() as navigation:
        page.evaluate(
            """([action, token]) => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = action;
                const field = document.createElement("input");
                field.type = "hidden";
                field.name = "csrfmiddlewaretoken";
                field.value = token;
                form.append(field);
                document.body.append(form);
                form.submit();
            }""",
            [action, token],
        )
    assert navigation.value.status == 403
    assert page.locator("h1").inner_text() == "You can't do that here"
    assert "Your role doesn't include this action" in page.locator(".errornote").inner_text()
    assert page.locator("#site-name").inner_text() == "Reengage"  # the staff page, admin-styled
    assert "This page isn't available" not in page.content()

    inquiry.refresh_from_db()
    assert inquiry.assigned_to_id == assigned_before
    assert not inquiry.events.filter(actor=clinician).exists()
    assert not AuditEvent.objects.filter(action="change").exists()
    denied = AuditEvent.objects.get(action="denied")
    assert (denied.actor, denied.object_type, denied.object_id) == (
        clinician,
        "inquiry",
        str(inquiry.pk),
    )


def test_a_program_admin_opens_the_dashboard_but_no_inquiry(page, queue) -> None:
    admin = staff(PROGRAM_ADMIN, "pat")
    authenticator(admin)
    inquiry = new_inquiry(preferred_name="Rowan", email="rowan@example.com")
    sign_in(page, admin, "/admin/dashboard/")
    assert page.locator("h1").inner_text() == "Dashboard"

    opened = page.goto(case_path(inquiry))
    assert opened.status in (403, 404)
    shown = page.content()
    for private in ("Rowan", "rowan@example.com", "thinking about coming back"):
        assert private not in shown
    worklist = page.goto("/admin/intake/inquiry/")
    assert worklist.status == 403
    assert page.locator("#result_list").count() == 0
    assert inquiry.short_id not in page.content()


def test_a_program_admin_sees_messages_but_no_retry_action(page, browser, live_server, lee) -> None:
    admin = staff(PROGRAM_ADMIN, "pat")
    authenticator(admin)
    inquiry = new_inquiry()
    OutboundMessage.objects.filter(inquiry=inquiry).update(status="failed")
    listing = "/admin/intake/outboundmessage/"

    sign_in(page, admin, listing)
    assert page.locator("#result_list tbody tr").count() >= 1
    assert page.get_by_text("Retry now").count() == 0
    assert page.locator("select[name=action] option").filter(has_text="Retry now").count() == 0

    # A coordinator of the queue, on the same list, has the action.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    try:
        other = context.new_page()
        other.set_default_timeout(15000)
        sign_in(other, lee, listing)
        assert other.locator("#result_list tbody tr").count() >= 1
        action = other.locator("select[name=action] option").filter(has_text="Retry now")
        assert action.count() == 1
    finally:
        context.close()
