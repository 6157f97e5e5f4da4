"""The conversation on an inquiry's page, and the worklist's "Waiting on us" view."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from intake import services
from intake.messaging.inbound import Incoming
from intake.models import Inquiry
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 3, 14, 0, tzinfo=NY)


@pytest.fixture(autouse=True)
def _tuesday_afternoon():
    with time_machine.travel(NOW, tick=False) as clock:
        yield clock


@pytest.fixture
def lee(roles):
    queue = default_queue(time_zone="America/Los_Angeles")
    user = coordinator(queue, "lee")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user


def new_inquiry(capture, **overrides) -> Inquiry:
    with capture(execute=True):
        made = services.inquiry_submit(submission=submission(**overrides))
    return Inquiry.objects.get(pk=made.pk)


def write_back(capture, inquiry: Inquiry, body: str, **fields):
    """The person's reply, through the one way in, matched by the sender's number."""
    incoming = Incoming(
        channel=fields.pop("channel", "sms"),
        sender=fields.pop("sender", "+16175550134"),
        body=body,
        external_id=fields.pop("external_id", f"SM-{body[:12]}"),
        **fields,
    )
    with capture(execute=True):
        return services.message_receive(incoming=incoming, source="sms")


def page_of(user, path: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}".*?</section>', page, re.S)
    assert found, f"no #{name} section"
    return found.group()


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_message_in_and_out_reads_oldest_first_on_the_queues_clock(
    lee, django_capture_on_commit_callbacks, _tuesday_afternoon
) -> None:
    inquiry = new_inquiry(django_capture_on_commit_callbacks, phone="617 555 0134", text_ok=True)
    _tuesday_afternoon.shift(timedelta(minutes=10))
    write_back(
        django_capture_on_commit_callbacks,
        inquiry,
        "Thursday after 5 works.",
        quoted="On Tue, Lee wrote:\n> When suits you?",
        attachments_dropped=2,
    )
    _tuesday_afternoon.shift(timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_send(actor=lee, inquiry_id=inquiry.pk, body="Thursday at 5:30 it is.")
    _tuesday_afternoon.shift(timedelta(minutes=10))
    write_back(
        django_capture_on_commit_callbacks,
        inquiry,
        "I am out of the office.",
        is_automatic=True,
        external_id="auto-1",
    )

    html = section(page_of(lee, f"/admin/intake/inquiry/{inquiry.pk}/change/"), "conversation")
    text = words(html)
    order = [
        text.index("Acknowledgement"),
        text.index("Thursday after 5 works."),
        text.index("Thursday at 5:30 it is."),
        text.index("I am out of the office."),
    ]
    assert order == sorted(order)
    # Pacific time, as the rest of the page: 14:10 in New York is 11:10 there.
    assert "Tue 3 Mar, 11:10 Message from the person · Text message" in text
    assert "Automatic reply (not written by the person)" in text
    # The quoted history is folded away under its own summary, apart from the new words.
    quoted = re.search(r'<details class="case-said-quoted">(.*?)</details>', html, re.S)
    assert quoted and "Show quoted text" in quoted.group(1)
    assert "&gt; When suits you?" in quoted.group(1)
    assert "When suits you" not in html.replace(quoted.group(0), "")
    assert "2 attachments were not kept" in text


def test_a_further_message_through_the_form_is_in_the_conversation(
    lee, django_capture_on_commit_callbacks
) -> None:
    new_inquiry(django_capture_on_commit_callbacks, message="First message")
    inquiry = new_inquiry(
        django_capture_on_commit_callbacks,
        message="One more thing: evenings",
        phone="617 555 0134",  # a number they had not given before
    )
    [further] = inquiry.inbound_messages.filter(channel="form")
    assert further.sender == "+16175550134" and inquiry.phone == ""
    text = words(
        section(page_of(lee, f"/admin/intake/inquiry/{inquiry.pk}/change/"), "conversation")
    )
    assert "Further message through the form" in text
    assert "A new way to reach them, given with this message: +16175550134" in text
    assert "One more thing: evenings" in text
    # The same address again is nothing new.
    again = new_inquiry(django_capture_on_commit_callbacks, message="And mornings too")
    assert [(m.body, m.sender) for m in again.inbound_messages.filter(channel="form")][-1] == (
        "And mornings too",
        "",
    )


def test_clinicians_read_the_conversation_and_program_admins_never_see_the_inquiry(
    lee, django_capture_on_commit_callbacks
) -> None:
    inquiry = new_inquiry(django_capture_on_commit_callbacks, phone="617 555 0134", text_ok=True)
    write_back(django_capture_on_commit_callbacks, inquiry, "Thursday after 5 works.")
    clinician = UserFactory(username="dr-ana")
    clinician.groups.add(Group.objects.get(name=CLINICIAN))
    text = words(page_of(clinician, f"/admin/intake/inquiry/{inquiry.pk}/change/"))
    assert "Thursday after 5 works." in text

    admin = UserFactory(username="pat-admin")
    admin.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    client = Client()
    client.force_login(admin)
    answer = client.get(f"/admin/intake/inquiry/{inquiry.pk}/change/")
    assert answer.status_code in (403, 404)
    assert "Thursday after 5 works." not in answer.content.decode()


def test_waiting_on_us_lists_who_wrote_back_closed_ones_included(
    lee, django_capture_on_commit_callbacks, _tuesday_afternoon
) -> None:
    quiet = new_inquiry(django_capture_on_commit_callbacks, preferred_name="Quinn")
    closed = new_inquiry(
        django_capture_on_commit_callbacks,
        preferred_name="Robin",
        email="",
        phone="617 555 0134",
        contact_method="text",
        text_ok=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_set_status(
            actor=lee, inquiry_id=closed.pk, status="closed", reason="unreachable"
        )
    _tuesday_afternoon.shift(timedelta(hours=1))
    Inquiry.objects.filter(pk=closed.pk).update(waiting_on_us_since=NOW)
    assert Inquiry.objects.get(pk=quiet.pk).waiting_on_us_since is None

    page = page_of(lee, "/admin/intake/inquiry/")
    link = re.search(
        r'<a href="([^"]*)"[^>]*><span class="wl-view-name">Waiting on us</span> '
        r'<span class="wl-count">(\d+)</span>',
        page,
    )
    assert link, "no Waiting on us view"
    assert link.group(2) == "1"
    listed = page_of(lee, "/admin/intake/inquiry/" + unescape(link.group(1)))
    rows = words(section_rows(listed))
    assert "Robin" in rows and "Quinn" not in rows
    assert "Closed Wrote back 1 h ago" in rows
    # The default worklist still leaves closed inquiries out (and counts them so).
    assert "Robin" not in words(section_rows(page))


def section_rows(page: str) -> str:
    found = re.search(r'<table id="result_list".*?</table>', page, re.S)
    return found.group() if found else ""


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_further_messages_into_the_conversation_and_back() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = ("intake", "0110_conversation")
    after = ("intake", "0112_follow_ups_into_conversation")
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        MigrationExecutor(connection).migrate([before])
        old = MigrationExecutor(connection).loader.project_state(before).apps
        inquiry = old.get_model("intake", "Inquiry").objects.create(
            message="First", contact_method="email", contact_hash="h1"
        )
        follow_up = old.get_model("intake", "InquiryFollowUp").objects.create(
            inquiry=inquiry, message="Evenings are better", language="es", submission_token="t-9"
        )
        event = old.get_model("intake", "InquiryEvent").objects.create(
            inquiry=inquiry, kind="follow_up_added", data={"follow_up": follow_up.pk}
        )

        MigrationExecutor(connection).migrate([after])
        new = MigrationExecutor(connection).loader.project_state(after).apps
        moved = new.get_model("intake", "InboundMessage").objects.get()
        assert (moved.inquiry_id, moved.channel, moved.source, moved.state) == (
            inquiry.pk,
            "form",
            "form",
            "attached",
        )
        assert (moved.body, moved.language, moved.external_id) == (
            "Evenings are better",
            "es",
            "form:t-9",
        )
        assert moved.received_at == follow_up.created_at
        assert new.get_model("intake", "InquiryEvent").objects.get(pk=event.pk).data == {
            "inbound": moved.pk
        }

        MigrationExecutor(connection).migrate([before])
        old = MigrationExecutor(connection).loader.project_state(before).apps
        back = old.get_model("intake", "InquiryFollowUp").objects.get()
        assert (back.message, back.submission_token) == ("Evenings are better", "t-9")
        assert old.get_model("intake", "InboundMessage").objects.count() == 0
        assert old.get_model("intake", "InquiryEvent").objects.get(pk=event.pk).data == {
            "follow_up": back.pk
        }
    finally:
        MigrationExecutor(connection).migrate(leaves)
