"""Coordinators' worklist and inquiry page: who sees what, and every action leaves a trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from intake import selectors, services
from intake.models import ContactAttempt, Inquiry, InquiryEvent, InternalNote, OutboundMessage
from tests.factories import QueueFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_queues(roles, django_capture_on_commit_callbacks):
    queue_a = default_queue()
    queue_b = QueueFactory(name="Eastside", slug="eastside")
    from intake.models import RoutingRule

    RoutingRule.objects.create(order=1, queue=queue_b, language="es")
    ana = coordinator(queue_a, "ana")
    bo = coordinator(queue_b, "bo")
    cy = coordinator(queue_a, "cy")
    for user in (ana, bo, cy):
        user.groups.add(Group.objects.get(name="Intake coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.inquiry_submit(
            submission=submission(email="a@example.com", phone="617 555 0134")
        )
        theirs = services.inquiry_submit(
            submission=submission(email="b@example.com", language="es")
        )
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.queue == queue_a and theirs.queue == queue_b
    client = Client()
    client.force_login(ana)
    return {"client": client, "ana": ana, "bo": bo, "cy": cy, "mine": mine, "theirs": theirs}


def results(client: Client, term: str) -> list[int]:
    """The search box: a POST, answered with the worklist at an opaque search id."""
    page = client.post("/admin/intake/inquiry/search/", {"find": term}, follow=True)
    assert term not in page.redirect_chain[-1][0]
    return [row.pk for row in page.context["cl"].result_list]


def triage(ctx: dict, inquiry: Inquiry, action: str, **data):
    return ctx["client"].post(
        f"/admin/intake/inquiry/{inquiry.pk}/triage/{action}/", data, follow=True
    )


def test_a_coordinator_never_reaches_another_queues_inquiry(two_queues) -> None:
    ctx, theirs = two_queues, two_queues["theirs"]
    client = ctx["client"]
    listing = client.get("/admin/intake/inquiry/").content.decode()
    assert ctx["mine"].short_id in listing and theirs.short_id not in listing
    for url in (
        f"/admin/intake/inquiry/{theirs.pk}/change/",
        f"/admin/intake/inquiry/{theirs.pk}/history/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/admin/intake/inquiry/{theirs.pk}/triage/assign-me/").status_code == 404
    assert results(client, "b@example.com") == []
    assert results(client, theirs.short_id) == []
    export = client.get(
        "/admin/intake/inquiry/export.csv?status=all&quarantine=all"
    ).content.decode()
    assert str(ctx["mine"].public_id) in export and str(theirs.public_id) not in export
    bulk = client.post(
        "/admin/intake/inquiry/", {"action": "assign_to_me", "_selected_action": [theirs.pk]}
    )
    assert bulk.status_code in (200, 302)
    theirs.refresh_from_db()
    assert theirs.assigned_to == ctx["bo"]


def test_search_finds_a_person_by_exact_email_or_phone_through_the_hash(two_queues) -> None:
    client, mine = two_queues["client"], two_queues["mine"]
    for term in ("A@Example.com", "(617) 555-0134", "+16175550134", mine.short_id):
        assert results(client, term) == [mine.pk], term
    assert results(client, "a@example.co") == []


def test_the_list_never_shows_the_message_and_the_page_shows_discreet_contact_first(
    two_queues,
) -> None:
    client, mine = two_queues["client"], two_queues["mine"]
    Inquiry.objects.filter(pk=mine.pk).update(voicemail_ok=False, text_ok=True, best_time="evening")
    listing = client.get("/admin/intake/inquiry/").content.decode()
    assert "thinking about coming back" not in listing
    assert "No voicemail" in listing and "Text OK" in listing
    page = client.get(f"/admin/intake/inquiry/{mine.pk}/change/").content.decode()
    assert page.index("No voicemail") < page.index("thinking about coming back")
    assert "Best: After 5 pm" in page


def test_assign_unassign_and_reassign_write_events(two_queues) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    triage(ctx, mine, "assign-me")
    mine.refresh_from_db()
    assert mine.assigned_to == ctx["ana"]
    refused = triage(ctx, mine, "unassign", reason="")
    assert "Please give a reason for unassigning." in refused.content.decode()
    nobody = triage(ctx, mine, "assign", assignee="")
    assert "Please choose who should take it." in nobody.content.decode()
    done = triage(ctx, mine, "assign", assignee=str(ctx["cy"].pk))
    assert "Assigned to cy." in done.content.decode()
    triage(ctx, mine, "unassign", reason="on leave")
    mine.refresh_from_db()
    assert mine.assigned_to is None
    unassigned = mine.events.get(kind="unassigned")
    assert unassigned.actor == ctx["ana"] and unassigned.reason == "on leave"
    assert unassigned.from_state == str(ctx["cy"].pk)


def test_status_moves_along_allowed_transitions_only(two_queues) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    illegal = triage(ctx, mine, "status", status="returned")
    assert "cannot go there from its current status" in illegal.content.decode()
    no_reason = triage(ctx, mine, "status", status="closed")
    assert "Please choose a reason" in no_reason.content.decode()
    triage(ctx, mine, "status", status="not_now", reason="timing", check_in_on="2027-01-15")
    mine.refresh_from_db()
    assert (mine.status, mine.not_now_reason, str(mine.check_in_on)) == (
        "not_now",
        "timing",
        "2027-01-15",
    )
    event = mine.events.filter(kind="status_changed").last()
    assert (event.from_state, event.to_state, event.actor) == ("new", "not_now", ctx["ana"])
    triage(ctx, mine, "status", status="closed", reason="declined")
    mine.refresh_from_db()
    assert mine.status == "closed" and mine.close_reason == "declined"


def test_contact_attempts_count_first_contact_and_needs_decision(two_queues) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    for _ in range(3):
        triage(ctx, mine, "attempt", channel="call", outcome="no_answer", note="rang twice")
    page = ctx["client"].get(f"/admin/intake/inquiry/{mine.pk}/change/").content.decode()
    assert "Needs decision: 3 unanswered attempts" in page
    triage(ctx, mine, "attempt", channel="call", outcome="left_voicemail")
    mine.refresh_from_db()
    assert mine.status == "contacted" and mine.first_contact_at is not None
    assert ContactAttempt.objects.filter(inquiry=mine).count() == 4
    assert mine.events.filter(kind="contact_attempt").count() == 4
    assert "rang twice" not in str(list(mine.events.values_list("reason", "data")))


def test_contact_attempts_cannot_be_edited_or_deleted_by_anyone(two_queues, admin_client) -> None:
    services.contact_attempt_record(
        actor=two_queues["ana"], inquiry_id=two_queues["mine"].pk, channel="call", outcome="reached"
    )
    attempt = ContactAttempt.objects.get()
    for url in (
        "/admin/intake/contactattempt/",
        f"/admin/intake/contactattempt/{attempt.pk}/change/",
        f"/admin/intake/contactattempt/{attempt.pk}/delete/",
    ):
        assert admin_client.get(url).status_code == 404, url
    page = admin_client.get(
        f"/admin/intake/inquiry/{two_queues['mine'].pk}/change/"
    ).content.decode()
    assert 'name="contact_attempts-0-outcome"' not in page  # shown read-only, not as a form field


def test_snooze_pauses_the_clock_without_changing_status(two_queues) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    before = mine.first_contact_due_at
    until = timezone.localtime() + timedelta(days=2)
    triage(ctx, mine, "snooze", until=until.strftime("%Y-%m-%dT%H:%M"))
    mine.refresh_from_db()
    assert mine.status == "new"
    assert mine.snoozed_until is not None
    assert mine.first_contact_due_at > before + timedelta(days=1, hours=23)
    assert (
        triage(ctx, mine, "snooze", until="2001-01-01T10:00").content.decode().count("future") >= 1
    )


def test_quarantine_and_release_sends_the_missed_acknowledgement(
    two_queues, django_capture_on_commit_callbacks
) -> None:
    ctx = two_queues
    with django_capture_on_commit_callbacks(execute=True):
        spam = services.inquiry_submit(
            submission=submission(email="c@example.com"), too_fast=True, honeypot_filled=True
        )
    assert Inquiry.objects.get(pk=spam.pk).is_spam
    mail.outbox.clear()
    listing = ctx["client"].get("/admin/intake/inquiry/").content.decode()
    assert spam.short_id not in listing
    assert (
        spam.short_id in ctx["client"].get("/admin/intake/inquiry/?quarantine=yes").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        triage(ctx, spam, "release")
    spam.refresh_from_db()
    assert not spam.is_spam and spam.assigned_to is not None
    assert [m.to for m in mail.outbox] == [["c@example.com"]]
    with django_capture_on_commit_callbacks(execute=True):
        triage(ctx, spam, "spam")
        triage(ctx, spam, "release")
    assert len(mail.outbox) == 1  # the acknowledgement is owed once, ever


def test_urgent_inquiries_are_never_quarantined_and_lead_the_list(
    two_queues, django_capture_on_commit_callbacks
) -> None:
    ctx = two_queues
    with django_capture_on_commit_callbacks(execute=True):
        urgent = services.inquiry_submit(
            submission=submission(email="d@example.com", message="I want to end my life")
        )
    refused = triage(ctx, urgent, "spam")
    assert "never quarantined" in refused.content.decode()
    rows = ctx["client"].get("/admin/intake/inquiry/").context["cl"].result_list
    assert rows[0].pk == urgent.pk
    triage(ctx, urgent, "acknowledge")
    assert Inquiry.objects.get(pk=urgent.pk).alert_acknowledged_by == ctx["ana"]


def test_reply_preview_warns_on_tone_then_sends_through_the_outbox_with_reply_to(
    two_queues, django_capture_on_commit_callbacks
) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    mail.outbox.clear()
    preview = triage(ctx, mine, "reply", body="Why did you leave? You must explain.", preview="1")
    html = preview.content.decode()
    assert "Before you send" in html and "why did you leave" in html
    assert "We got your message" not in html
    unconfirmed = triage(ctx, mine, "reply", body="Why did you leave? You must explain.", send="1")
    assert "Before you send" in unconfirmed.content.decode()
    assert not OutboundMessage.objects.filter(kind="reply").exists()
    with django_capture_on_commit_callbacks(execute=True):
        triage(
            ctx, mine, "reply", body="Hi Sam, we'd love to talk whenever you're ready.", send="1"
        )
    reply = OutboundMessage.objects.get(kind="reply")
    assert reply.status == "sent" and reply.created_by == ctx["ana"]
    sent = mail.outbox[-1]
    assert sent.subject == "A note from Reengage"
    assert sent.reply_to == ["intake@clinic.test"]
    assert "we'd love to talk" in sent.body
    mine.refresh_from_db()
    assert mine.first_contact_at is not None and mine.status == "contacted"
    assert "love to talk" not in str(list(mine.events.values_list("reason", "data")))


def test_internal_notes_are_encrypted_and_never_sent(two_queues) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    mail.outbox.clear()
    triage(ctx, mine, "note", text="Prefers a woman coordinator")
    note = InternalNote.objects.get()
    assert note.text == "Prefers a woman coordinator"
    assert mail.outbox == []
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM intake_internalnote")
        assert "woman" not in cursor.fetchone()[0]


def test_bulk_assign_and_bulk_status_change(two_queues, django_capture_on_commit_callbacks) -> None:
    ctx = two_queues
    with django_capture_on_commit_callbacks(execute=True):
        more = [
            services.inquiry_submit(submission=submission(email=f"x{i}@example.com"))
            for i in range(3)
        ]
    ids = [i.pk for i in more] + [ctx["mine"].pk]
    ctx["client"].post(
        "/admin/intake/inquiry/", {"action": "assign_to_me", "_selected_action": ids}
    )
    assert set(Inquiry.objects.filter(pk__in=ids).values_list("assigned_to", flat=True)) == {
        ctx["ana"].pk
    }
    form = ctx["client"].post(
        "/admin/intake/inquiry/", {"action": "set_status", "_selected_action": ids}
    )
    assert "Change the status of 4 inquiries" in form.content.decode()
    ctx["client"].post(
        "/admin/intake/inquiry/",
        {
            "action": "set_status",
            "_selected_action": ids,
            "apply": "1",
            "status": "contacted",
            "reason": "",
        },
    )
    assert set(Inquiry.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"contacted"}
    assert InquiryEvent.objects.filter(kind="status_changed", actor=ctx["ana"]).count() == 4


def test_csv_export_has_no_free_text_and_no_contact_details(two_queues) -> None:
    ctx = two_queues
    export = ctx["client"].get("/admin/intake/inquiry/export.csv")
    assert export["Content-Type"].startswith("text/csv")
    body = export.content.decode()
    assert body.splitlines()[0].startswith("inquiry,received,status,priority,queue")
    for private in ("a@example.com", "+1617", "Sam", "thinking about coming back"):
        assert private not in body


def bulk_inquiries(queue, n: int) -> None:
    now = timezone.now()
    rows = [
        Inquiry(
            message="m",
            email=f"p{i}@example.com",
            contact_method="email",
            consent=True,
            queue=queue,
            routed_at=now,
            first_contact_due_at=now + timedelta(hours=i % 48 - 24),
            contact_hash=f"{i % 97:064x}",
            status=["new", "contacted", "not_now"][i % 3],
            priority="urgent" if i % 50 == 0 else "review" if i % 7 == 0 else "routine",
        )
        for i in range(n)
    ]
    Inquiry.objects.bulk_create(rows, batch_size=1000)


def count_queries(client: Client, url: str, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_changelist_query_count_does_not_grow_with_rows(
    two_queues, django_assert_max_num_queries
) -> None:
    ctx = two_queues
    queue = ctx["mine"].queue
    # Both sizes span several pages (a single page is fetched without the paginator).
    bulk_inquiries(queue, 60)
    small = count_queries(ctx["client"], "/admin/intake/inquiry/", django_assert_max_num_queries)
    bulk_inquiries(queue, 4950)
    large = count_queries(ctx["client"], "/admin/intake/inquiry/", django_assert_max_num_queries)
    assert small == large
    with django_assert_max_num_queries(small):
        ctx["client"].get("/admin/intake/inquiry/")


def test_changelist_pages_follow_the_worklist_order(two_queues) -> None:
    """Pages found through ids (WorklistPaginator) hold the worklist's rows in its order."""
    ctx = two_queues
    bulk_inquiries(ctx["mine"].queue, 130)
    expected = list(
        selectors.inquiries_visible_to(ctx["ana"])
        .exclude(status="closed")
        .filter(is_spam=False)
        .values_list("pk", flat=True)
    )
    assert len(expected) > 100
    shown = []
    for page in (1, 2, 3):
        response = ctx["client"].get("/admin/intake/inquiry/", {"p": page})
        assert response.status_code == 200
        rows = response.context["cl"].result_list
        assert all(hasattr(row, "earlier_count") for row in rows)  # whole rows, annotated
        shown += [row.pk for row in rows]
    assert shown == expected
    # Urgent, then review, then overdue, then oldest (checked on the rows themselves).
    now = timezone.now()
    rows = {
        row.pk: row
        for row in Inquiry.objects.filter(pk__in=shown).only(
            "priority", "status", "first_contact_due_at", "snoozed_until", "created_at"
        )
    }
    rank = {"urgent": 0, "review": 1, "routine": 2}

    def key(pk: int) -> tuple:
        row = rows[pk]
        overdue = row.status == "new" and row.first_contact_due_at < now
        return (rank[row.priority], not overdue, row.created_at)

    keys = [key(pk) for pk in shown]
    assert keys == sorted(keys)
    assert [rank[rows[pk].priority] for pk in shown[:3]] == [0, 0, 0]
    assert {rows[pk].priority for pk in shown} == {"urgent", "review", "routine"}


def test_inquiry_page_query_count_does_not_grow_with_its_timeline(
    two_queues, django_assert_max_num_queries
) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    url = f"/admin/intake/inquiry/{mine.pk}/change/"
    few = count_queries(ctx["client"], url, django_assert_max_num_queries)
    for _ in range(50):
        services.contact_attempt_record(
            actor=ctx["ana"], inquiry_id=mine.pk, channel="call", outcome="no_answer"
        )
    assert mine.events.count() >= 50
    many = count_queries(ctx["client"], url, django_assert_max_num_queries)
    assert many == few


def test_scheduling_the_reassessment_from_the_triage_panel(
    two_queues, django_capture_on_commit_callbacks
) -> None:
    ctx, mine = two_queues, two_queues["mine"]
    when = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    refused = triage(ctx, mine, "schedule", when=when, care_format="virtual")
    assert "cannot go from" in refused.content.decode()  # new: reach them first
    triage(ctx, mine, "attempt", channel="call", outcome="reached")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = triage(ctx, mine, "schedule", when=when, care_format="virtual")
    assert "Reassessment scheduled" in done.content.decode()
    mine.refresh_from_db()
    assert mine.status == "reassessment_scheduled" and mine.reassessment_format == "virtual"
    assert [m.to for m in mail.outbox] == [["a@example.com"]]
    assert mine.events.filter(kind="reassessment_scheduled", actor=ctx["ana"]).count() == 1
