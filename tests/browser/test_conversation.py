"""The conversation in Chromium: the person's e-mail reply is on their inquiry's page, the
coordinator answers from a template, and the answer leaves threaded to what came before."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from intake import services
from intake.messaging.inbound import parse_email
from intake.models import Inquiry, OutboundMessage, ReplyTemplate
from intake.roles import COORDINATOR
from tests.browser.staff import authenticator, messages, sign_in, submit
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.browser

THEIR_WORDS = "Thursday after 5 works for me. <b>Thanks</b>"
QUOTED = "When would suit you for a first call?"


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    settings.INBOUND_EMAIL_ADDRESS = "reply@reengage.invalid"


@pytest.fixture
def lee(roles):
    user = coordinator(default_queue(), "lee")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(user)
    return user


def their_reply(acknowledgement: mail.EmailMessage) -> bytes:
    """What Sam's mail program sends back: to the Reply-To, answering the Message-ID, the
    acknowledgement quoted below the new words."""
    message = acknowledgement.message()
    quoted = "\n".join(f"> {line}" for line in [QUOTED, *acknowledgement.body.splitlines()[:3]])
    return (
        f"From: Sam <sam@example.com>\r\n"
        f"To: {message['Reply-To']}\r\n"
        f"Subject: Re: {message['Subject']}\r\n"
        f"Message-ID: <sam-reply-1@mail.example.com>\r\n"
        f"In-Reply-To: {message['Message-ID']}\r\n"
        f"References: {message['Message-ID']}\r\n"
        "Date: Tue, 03 Mar 2026 13:55:00 -0500\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{THEIR_WORDS}\r\n\r\n"
        "On Tue, 3 Mar 2026 at 13:00, Reengage <hello@reengage.invalid> wrote:\r\n"
        f"{quoted}\r\n"
    ).encode()


def test_a_coordinator_reads_the_reply_and_answers_it_from_a_template_threaded(page, lee) -> None:
    made = services.inquiry_submit(submission=submission(preferred_name="Sam"))
    inquiry = Inquiry.objects.get(pk=made.pk)
    [acknowledgement] = mail.outbox
    assert acknowledgement.message()["Reply-To"].startswith("reply+")
    stored = services.message_receive(
        incoming=parse_email(their_reply(acknowledgement)), source="folder"
    )
    assert stored.inquiry_id == inquiry.pk
    assert Inquiry.objects.get(pk=inquiry.pk).waiting_on_us_since is not None
    ReplyTemplate.objects.create(
        title="Confirm a time", body="Hi {name}, Thursday at 5:30 works for us. Talk then!"
    )
    mail.outbox.clear()

    # From the worklist's "Waiting on us" view to the person's page.
    sign_in(page, lee, "/admin/intake/inquiry/")
    submit(page, page.locator(".wl-views").get_by_role("link", name="Waiting on us"))
    row = page.locator("#result_list tbody tr", has_text="Sam")
    assert "Wrote back" in row.inner_text()
    submit(page, row.get_by_role("link", name="Sam"))

    said = page.locator("#conversation li", has_text="Message from the person")
    assert said.count() == 1
    # Their words as text (the <b> they typed is not bold), the quoted history folded away.
    assert THEIR_WORDS in said.locator(".case-said-body").inner_text()
    assert said.locator(".case-said-body b").count() == 0
    assert not said.get_by_text(QUOTED).is_visible()
    said.get_by_text("Show quoted text").click()
    assert said.get_by_text(QUOTED).is_visible()

    # Answer from the template, preview, send.
    submit(page, page.locator("#reply").get_by_role("link", name="Confirm a time"))
    body = page.locator("#reply").get_by_label("Reply")
    assert body.input_value() == "Hi Sam, Thursday at 5:30 works for us. Talk then!"
    submit(page, page.locator("#reply").get_by_role("button", name="Preview"))
    submit(page, page.get_by_role("button", name="Send"))
    assert messages(page) == ["Reply queued. You can follow its delivery under Conversation."]

    reply = OutboundMessage.objects.get(inquiry=inquiry, kind="reply")
    assert reply.status == "sent" and reply.created_by == lee
    [answer] = mail.outbox
    headers = answer.message()
    assert "Thursday at 5:30 works for us" in answer.body
    # Threaded: it answers the person's own message, after our acknowledgement.
    assert headers["In-Reply-To"] == "<sam-reply-1@mail.example.com>"
    assert headers["References"].split() == [
        acknowledgement.message()["Message-ID"],
        "<sam-reply-1@mail.example.com>",
    ]
    assert headers["Reply-To"] == acknowledgement.message()["Reply-To"]
    assert Inquiry.objects.get(pk=inquiry.pk).waiting_on_us_since is None
    conversation = page.locator("#conversation").inner_text()
    assert conversation.index(THEIR_WORDS) < conversation.index("Reply — lee")


def write_through_the_form(page, message: str, *, best_time: str = "") -> None:
    page.goto("/")
    page.fill("#id_message", message)
    page.get_by_role("radio", name="E-mail").check()
    page.fill("#id_email", "sam@example.com")
    page.check("#id_consent")
    if best_time:
        page.get_by_text("Tell us more, if you'd like").click()
        page.get_by_label("Best time to reach you").select_option(label=best_time)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_url("**/thanks/")


def test_writing_again_through_the_form_joins_the_open_conversation(
    page, lee, settings, browser, live_server
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    lee.email = "lee@clinic.test"
    lee.save(update_fields=["email"])
    write_through_the_form(page, "I'm thinking about coming back. Is that okay?")
    inquiry = Inquiry.objects.get()
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]
    mail.outbox.clear()

    # The next day, the same person writes again from the same form, with a new best time.
    write_through_the_form(page, "Also: evenings are easier for me now.", best_time="After 5 pm")
    thanks = page.locator("main").inner_text()
    assert "We got your message" in thanks
    assert Inquiry.objects.count() == 1  # one conversation, not a second inquiry
    # No second acknowledgement; the coordinator it was routed to is told, with no words.
    assert Inquiry.objects.get().assigned_to == lee
    assert [m.to for m in mail.outbox] == [["lee@clinic.test"]]
    assert "evenings" not in mail.outbox[0].body

    context = browser.new_context(base_url=live_server.url)
    staff = context.new_page()
    try:
        sign_in(staff, lee, "/admin/intake/inquiry/")
        submit(staff, staff.locator(".wl-views").get_by_role("link", name="Waiting on us"))
        row = staff.locator("#result_list tbody tr")
        assert row.count() == 1
        submit(staff, row.locator("a").first)
        assert f"/admin/intake/inquiry/{inquiry.pk}/change/" in staff.url
        further = staff.locator("#conversation li", has_text="Further message through the form")
        assert further.count() == 1
        assert "Also: evenings are easier for me now." in further.inner_text()
        received = staff.locator("#timeline li", has_text="Message received from the person")
        assert "Through the form" in received.inner_text()
        # Their newest answer is the one the team sees, and the timeline says it changed.
        assert "Best: After 5 pm" in staff.locator("main").inner_text()
        changed = staff.locator("#timeline li", has_text="They changed their preferences")
        assert "best time" in changed.inner_text().lower()
        assert Inquiry.objects.get().best_time == Inquiry.BestTime.EVENING
    finally:
        context.close()
