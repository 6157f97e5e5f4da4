"""The Unmatched list in Chromium: a coordinator attaches a stray reply, or discards one,
and reads a message's whole original on its own audited page."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest
from django.contrib.auth.models import Group

from intake import services
from intake.messaging.inbound import parse_email
from intake.models import AuditEvent, InboundMessage, Inquiry, InquiryEvent
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from tests.browser.staff import authenticator, messages, sign_in, staff, submit
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.browser
UNMATCHED = "/admin/intake/inboundmessage/"


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    settings.INBOUND_EMAIL_ADDRESS = "reply@reengage.invalid"


@pytest.fixture
def queue(roles):
    return default_queue()


@pytest.fixture
def lee(queue):
    user = coordinator(queue, "lee")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(user)
    return user


def stray(body: str, message_id: str, to: str = "intake@clinic.test") -> InboundMessage:
    message = EmailMessage()
    message["From"] = "Sam <sam.other@example.net>"
    message["To"] = to
    message["Subject"] = "About coming back"
    message["Message-ID"] = message_id
    message.set_content(body)
    return services.message_receive(incoming=parse_email(message.as_bytes()), source="folder")


def test_a_coordinator_attaches_an_unmatched_reply_found_by_search(page, lee) -> None:
    inquiry = services.inquiry_submit(submission=submission(preferred_name="Sam Rivera"))
    inquiry = Inquiry.objects.get(pk=inquiry.pk)
    inbound = stray("Hi, it's Sam <b>again</b> — Tuesday works.", "<s1@example.net>")
    assert inbound.state == InboundMessage.State.UNMATCHED

    sign_in(page, lee, UNMATCHED)
    row = page.locator("#result_list tbody tr")
    assert row.count() == 1
    assert "sam.other@example.net" in row.inner_text()
    assert "Tuesday works." in row.inner_text()
    with page.expect_navigation():
        row.get_by_role("link", name="Attach or discard").click()
    # Markup in a message is shown as the characters written, never rendered.
    assert "<b>again</b>" in page.locator(".inbound-body").inner_text()
    assert page.locator(".inbound-body b").count() == 0

    page.get_by_label("Find a person").fill("Rivera")
    submit(page, page.get_by_role("button", name="Search"))
    assert "Rivera" not in page.url  # nothing searched in an address
    submit(page, page.get_by_role("button", name=f"Attach to {inquiry.short_id}"))

    assert messages(page) == [f"The message is now on inquiry {inquiry.short_id}."]
    assert re.search(rf"/admin/intake/inquiry/{inquiry.pk}/change/$", page.url)
    inbound.refresh_from_db()
    assert inbound.state == InboundMessage.State.ATTACHED
    assert (inbound.inquiry_id, inbound.handled_by) == (inquiry.pk, lee)
    assert inquiry.events.get(kind=InquiryEvent.Kind.MESSAGE_RECEIVED).actor == lee
    assert AuditEvent.objects.filter(
        actor=lee, action=AuditEvent.Action.CHANGE, object_type="inboundmessage"
    ).exists()
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None

    page.goto(UNMATCHED)
    assert page.locator("#result_list tbody tr").count() == 0


def test_a_coordinator_discards_an_unmatched_message(page, lee) -> None:
    inbound = stray("Buy cheap watches", "<junk@example.net>")
    sign_in(page, lee, UNMATCHED)
    with page.expect_navigation():
        page.get_by_role("link", name="Attach or discard").click()
    submit(page, page.get_by_role("button", name="Discard"))

    assert messages(page) == ["The message was set aside. It stays on record."]
    assert page.url.endswith(UNMATCHED)
    assert page.locator("#result_list tbody tr").count() == 0
    inbound.refresh_from_db()
    assert inbound.state == InboundMessage.State.DISCARDED and inbound.handled_by == lee
    assert AuditEvent.objects.filter(
        actor=lee, object_type="inboundmessage", object_id=str(inbound.pk)
    ).exists()


def test_the_whole_original_is_shown_as_text_and_its_reading_audited(page, lee) -> None:
    inbound = stray('<script>document.title="owned"</script> Please call me.', "<o1@example.net>")
    sign_in(page, lee, UNMATCHED)
    with page.expect_navigation():
        page.get_by_role("link", name="Attach or discard").click()
    with page.expect_navigation():
        page.get_by_role("link", name="See the whole message as it came").click()

    original = page.locator("pre.inbound-original").inner_text()
    assert "Message-ID: <o1@example.net>" in original
    assert "<script>" in original
    assert "owned" not in page.title()
    assert page.locator("pre.inbound-original script").count() == 0
    assert AuditEvent.objects.filter(
        actor=lee,
        action=AuditEvent.Action.VIEW,
        object_type="inboundmessage",
        object_id=str(inbound.pk),
    ).exists()


def test_unmatched_messages_of_another_queue_and_program_admins_are_kept_apart(
    page, lee, queue, browser, live_server
) -> None:
    from tests.factories import QueueFactory

    other = QueueFactory(name="Eastside", slug="eastside", reply_to_email="east@clinic.test")
    theirs = stray("For the east team", "<e1@example.net>", to=other.reply_to_email)
    assert theirs.queue == other
    stray("For us", "<g1@example.net>")
    sign_in(page, lee, UNMATCHED)
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert "For us" in rows.inner_text()

    admin = staff(PROGRAM_ADMIN, "pat")
    authenticator(admin)
    context = browser.new_context(base_url=live_server.url)
    try:
        theirs_page = context.new_page()
        sign_in(theirs_page, admin, "/admin/dashboard/")
        response = theirs_page.goto(UNMATCHED)
        assert response.status == 403
        assert "For us" not in theirs_page.content()
    finally:
        context.close()
