"""Parsing an incoming e-mail: plain text only, quotes apart, attachments dropped, sizes capped."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.test import override_settings

from intake.messaging.inbound import (
    InboundTooLarge,
    html_to_text,
    parse_email,
    reply_address,
    reply_token_new,
    reply_token_valid,
    reply_tokens_in,
    split_reply,
)


def raw_mail(body: str = "Yes, I'd like to come back.", *, html: str = "", **headers) -> bytes:
    message = EmailMessage()
    message["From"] = headers.pop("sender", "Sam <Sam@Example.com>")
    message["To"] = headers.pop("to", "reply+abc@reengage.invalid")
    message["Subject"] = headers.pop("subject", "Re: We got your message")
    message["Message-ID"] = headers.pop("message_id", "<m1@mail.example.com>")
    message["Date"] = "Wed, 18 Nov 2026 12:00:00 -0500"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    if body:
        message.set_content(body)
    if html:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    return message.as_bytes()


def test_a_plain_reply_gives_sender_recipients_subject_ids_and_time() -> None:
    incoming = parse_email(
        raw_mail(
            In_Reply_To="<a@reengage.invalid>",
            References="<z@reengage.invalid> <a@reengage.invalid>",
            Cc="Other <other@example.org>",
        )
    )
    assert incoming.channel == "email"
    assert incoming.sender == "sam@example.com"
    assert incoming.recipients == ("reply+abc@reengage.invalid", "other@example.org")
    assert incoming.subject == "Re: We got your message"
    assert incoming.external_id == "<m1@mail.example.com>"
    assert incoming.references == ("<a@reengage.invalid>", "<z@reengage.invalid>")
    assert incoming.body == "Yes, I'd like to come back."
    assert incoming.quoted == ""
    assert incoming.is_automatic is False
    assert incoming.received_at is not None and incoming.received_at.utcoffset() is not None
    assert "Yes, I'd like to come back." in incoming.original


def test_markup_in_a_plain_body_stays_as_the_characters_written() -> None:
    body = 'Hi <b>there</b> <script>alert("x")</script>'
    assert parse_email(raw_mail(body)).body == body


def test_an_html_only_message_becomes_text_and_its_script_is_dropped() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>I want to <b>come back</b>"
        "</p><script>alert('x')</script><p>Thanks &amp; bye</p></body></html>"
    )
    incoming = parse_email(raw_mail("", html=html))
    assert incoming.body == "I want to come back\n\nThanks & bye"
    assert "<" not in incoming.body and "alert" not in incoming.body


def test_the_plain_part_wins_over_the_html_part_and_neither_counts_as_an_attachment() -> None:
    incoming = parse_email(raw_mail("plain words", html="<p>html words</p>"))
    assert incoming.body == "plain words"
    assert incoming.attachments_dropped == 0


def test_attachments_are_dropped_and_counted() -> None:
    message = EmailMessage()
    message["From"] = "sam@example.com"
    message["To"] = "reply@reengage.invalid"
    message["Message-ID"] = "<att@example.com>"
    message.set_content("See attached.")
    message.add_attachment(
        b"%PDF-1.4 secret", maintype="application", subtype="pdf", filename="a.pdf"
    )
    message.add_attachment(b"\x89PNG", maintype="image", subtype="png", filename="b.png")
    message.add_attachment("notes", subtype="plain", filename="notes.txt")
    incoming = parse_email(message.as_bytes())
    assert incoming.body == "See attached."
    assert incoming.attachments_dropped == 3
    assert "secret" not in incoming.body


@pytest.mark.parametrize(
    ("text", "new", "quoted_start"),
    [
        (
            "Yes please, call me.\n\nOn Mon, 3 Mar 2025 at 10:00, Reengage <hello@x.org> wrote:\n"
            "> We got your message.\n",
            "Yes please, call me.",
            "On Mon, 3 Mar 2025",
        ),
        (
            "Sí, quiero volver.\n\nEl lun, 3 mar 2025 a las 10:00, Reengage (<hello@x.org>) "
            "escribió:\n> Recibimos tu mensaje.\n",
            "Sí, quiero volver.",
            "El lun, 3 mar 2025",
        ),
        (
            "Quero voltar, sim.\n\nEm seg., 3 de mar. de 2025 às 10:00, Reengage <hello@x.org> "
            "escreveu:\n> Recebemos sua mensagem.\n",
            "Quero voltar, sim.",
            "Em seg., 3 de mar.",
        ),
        (
            "Quero voltar.\n\nDe: Reengage <hello@x.org>\nEnviado: segunda-feira\n"
            "Para: sam@example.com\nAssunto: Recebemos\n\nOlá",
            "Quero voltar.",
            "De: Reengage",
        ),
        (
            "Yes.\n\n-----Original Message-----\nFrom: Reengage\nSent: Monday\nTo: sam\n"
            "Subject: hi\n\nWe got it",
            "Yes.",
            "-----Original Message-----",
        ),
    ],
)
def test_quote_headers_in_english_spanish_and_portuguese_are_split_off(
    text: str, new: str, quoted_start: str
) -> None:
    body, quoted = split_reply(text)
    assert body == new
    assert quoted.startswith(quoted_start)
    incoming = parse_email(raw_mail(text))
    assert incoming.body == new
    assert quoted_start in incoming.quoted


def test_a_signature_is_kept_apart() -> None:
    body, quoted = split_reply("Yes, Tuesday works.\n\nSent from my iPhone")
    assert body == "Yes, Tuesday works."
    assert "iPhone" in quoted


def test_a_message_that_is_only_a_quote_keeps_its_text() -> None:
    body, quoted = split_reply("> only quoted")
    assert body == "> only quoted"
    assert quoted == ""


@override_settings(INBOUND_EMAIL_MAX_BYTES=2000)
def test_a_message_over_the_size_cap_is_refused() -> None:
    with pytest.raises(InboundTooLarge):
        parse_email(raw_mail("x" * 3000))
    assert parse_email(raw_mail("x" * 100)).body == "x" * 100


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "auto-replied"},
        {"Auto_Submitted": "auto-generated"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"X_Autoreply": "yes"},
        {"sender": "MAILER-DAEMON@mx.example.com"},
    ],
)
def test_auto_replies_and_bounces_are_marked_automatic(headers) -> None:
    assert parse_email(raw_mail("I am out of the office.", **headers)).is_automatic is True


def test_auto_submitted_no_is_a_person() -> None:
    assert parse_email(raw_mail("Hello", Auto_Submitted="no")).is_automatic is False


def test_a_delivery_report_is_automatic() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example.com\r\nTo: hello@reengage.invalid\r\n"
        b"Message-ID: <bounce@mx>\r\nContent-Type: multipart/report; "
        b'report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
        b"Delivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Status: 5.1.1\r\n--b--\r\n"
    )
    assert parse_email(raw).is_automatic is True


def test_a_message_without_message_id_is_named_by_its_content() -> None:
    raw = b"From: sam@example.com\r\nTo: reply@reengage.invalid\r\n\r\nHello\r\n"
    first, second = parse_email(raw), parse_email(raw)
    assert first.external_id == second.external_id
    assert first.external_id.startswith("<") and first.external_id.endswith("@inbound.invalid>")
    assert parse_email(raw + b"more").external_id != first.external_id


def test_html_to_text_unescapes_entities_once() -> None:
    assert html_to_text("<p>&lt;script&gt;</p>") == "<script>"


@override_settings(INBOUND_EMAIL_ADDRESS="reply@reengage.invalid")
def test_reply_tokens_are_random_keyed_and_checked_before_any_lookup() -> None:
    token = reply_token_new()
    other = reply_token_new()
    assert token != other
    assert len(token) >= 16
    assert all(c.isalnum() or c in "-_" for c in token)
    assert reply_token_valid(token)
    assert reply_token_valid(token.upper())  # a server that folds case still matches
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert not reply_token_valid(forged)
    assert not reply_token_valid("1")
    assert not reply_token_valid("../../etc/passwd")
    address = reply_address(token)
    assert address == f"reply+{token}@reengage.invalid"
    assert reply_tokens_in(("Other@x.org", address.upper())) == [token]
    assert reply_tokens_in(("reply+x@elsewhere.org",)) == []


@override_settings(INBOUND_EMAIL_ADDRESS="")
def test_no_inbound_address_means_no_reply_address() -> None:
    assert reply_address(reply_token_new()) == ""
    assert reply_tokens_in(("reply+abc@reengage.invalid",)) == []


def test_a_token_made_under_another_secret_is_refused() -> None:
    with override_settings(SECRET_KEY="x" * 50):
        token = reply_token_new()
    assert not reply_token_valid(token)
    with override_settings(SECRET_KEY_FALLBACKS=["x" * 50]):
        assert reply_token_valid(token)
