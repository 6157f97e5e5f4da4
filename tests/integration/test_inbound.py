"""A reply to a real acknowledgement comes back to its inquiry, on the real parts.

gunicorn takes the form post, a real Celery worker (with beat) routes it and sends the
acknowledgement to aiosmtpd; the reply written to that message (its Reply-To, its
Message-ID) is dropped in the mail folder as an .eml file, and the folder is polled twice
here while beat polls it too: the reply is on the right inquiry exactly once, its quoted
history apart. A forged token goes to Unmatched; an auto-reply flags nothing.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

import pytest
from django.core.management import call_command

from intake.models import InboundMessage, Inquiry, InquiryEvent, OutboundMessage
from tests import support
from tests.factories import coordinator, default_queue

pytestmark = pytest.mark.integration

PERSON = {
    "message": "I'd like to come back to group. Canary-5150",
    "contact_method": "email",
    "email": "river.reply@example.com",
    "preferred_name": "River",
    "consent": "on",
}
REPLY = "Tuesday morning works for me. Canary-reply-7788"


def reply_to(ack, *, to: str, message_id: str, body: str = REPLY, **headers) -> bytes:
    message = EmailMessage()
    message["From"] = "River <river.reply@example.com>"
    message["To"] = to
    message["Subject"] = "Re: " + ack["Subject"]
    message["Message-ID"] = message_id
    message["In-Reply-To"] = ack["Message-ID"]
    message["References"] = ack["Message-ID"]
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    quoted = "\n".join(f"> {line}" for line in ack.get_body(("plain",)).get_content().splitlines())
    message.set_content(f"{body}\n\nOn Wed, Nov 18, 2026 at 9:00 AM Reengage wrote:\n{quoted}\n")
    return message.as_bytes()


def test_a_reply_to_the_real_acknowledgement_lands_once_forged_and_automatic_apart(
    app_processes, stack_env, smtp_server, settings, tmp_path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = {
        **stack_env,
        "INBOUND_EMAIL_ADDRESS": "reply@reengage.invalid",
        "INBOUND_EMAIL_DIR": str(inbox),
        "INBOUND_POLL_INTERVAL": "1",
    }
    settings.INBOUND_EMAIL_ADDRESS = env["INBOUND_EMAIL_ADDRESS"]
    settings.INBOUND_EMAIL_DIR = inbox
    queue = default_queue()
    coordinator(queue, "lee")
    web = app_processes.web(env)
    worker = app_processes.worker(env)

    assert support.FormClient(web.url).submit(PERSON).status == 303
    support.wait_until(lambda: smtp_server.sink.count() >= 1, what="acknowledgement at SMTP")
    ack = smtp_server.sink.messages[0]
    inquiry = Inquiry.objects.get()
    assert inquiry.reply_token
    assert ack["Reply-To"] == f"reply+{inquiry.reply_token}@reengage.invalid"
    assert ack["Message-ID"] == inquiry.messages.get(kind="acknowledgement").message_id

    forged = inquiry.reply_token[:-2] + ("00" if inquiry.reply_token[-2:] != "00" else "11")
    (inbox / "1-reply.eml").write_bytes(
        reply_to(ack, to=ack["Reply-To"], message_id="<r1@mail.example.com>")
    )
    (inbox / "2-forged.eml").write_bytes(
        reply_to(
            ack,
            to=f"reply+{forged}@reengage.invalid",
            message_id="<r2@mail.example.com>",
            body="Let me in",
        )
    )
    (inbox / "3-away.eml").write_bytes(
        reply_to(
            ack,
            to=ack["Reply-To"],
            message_id="<r3@mail.example.com>",
            body="I am away until Monday.",
            Auto_Submitted="auto-replied",
        )
    )
    call_command("inbound_poll", stdout=io.StringIO())
    call_command("inbound_poll", stdout=io.StringIO())
    support.wait_until(
        lambda: not list(inbox.glob("*.eml")), what="every file in the folder moved aside"
    )

    mine = InboundMessage.objects.filter(inquiry=inquiry, is_automatic=False)
    assert mine.count() == 1
    reply = mine.get()
    assert reply.body == REPLY
    assert "Hi River" in reply.quoted and "Hi River" not in reply.body
    assert inquiry.events.filter(kind=InquiryEvent.Kind.MESSAGE_RECEIVED).count() == 1
    inquiry.refresh_from_db()
    assert inquiry.waiting_on_us_since is not None

    stray = InboundMessage.objects.get(external_id="<r2@mail.example.com>")
    assert stray.inquiry is None and stray.state == InboundMessage.State.UNMATCHED

    away = InboundMessage.objects.get(external_id="<r3@mail.example.com>")
    assert away.is_automatic and away.inquiry_id == inquiry.pk
    assert inquiry.events.filter(kind=InquiryEvent.Kind.AUTO_REPLY_RECEIVED).count() == 1
    # One notice for the one real reply: the auto-reply and the forged one told nobody.
    assert inquiry.messages.filter(kind=OutboundMessage.Kind.REPLY_NOTICE).count() == 1

    assert sorted(p.name for p in (inbox / "done").iterdir()) == [
        "1-reply.eml",
        "2-forged.eml",
        "3-away.eml",
    ]
    for secret in ("Canary-reply-7788", "river.reply", "Let me in"):
        assert secret not in worker.log()
