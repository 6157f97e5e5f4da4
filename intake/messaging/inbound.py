"""What comes in: one e-mail parsed into plain values, and the per-inquiry reply address.

Parsing is the standard library's ``email`` with ``policy.default``: plain text only (an HTML
part is converted to text and never rendered; pages escape whatever is shown), attachments
dropped and counted, sizes capped. The new text is kept apart from quoted history and
signatures by ``mail-parser-reply`` (English, Spanish and Portuguese quote headers).

The reply address is ``reply+<token>@<domain>``: the token is random and carries a keyed tag,
so a made-up token is refused before any lookup, and it is never derived from an inquiry's id.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import getaddresses
from html.parser import HTMLParser

from django.conf import settings
from mailparser_reply import EmailReplyParser
from mailparser_reply.constants import MAIL_LANGUAGES

# The quote headers the library does not know (Portuguese), or misses (Spanish Gmail writes
# one space before "escribió", the library's pattern wants two). Added under our own names so
# the library's entries are untouched.
MAIL_LANGUAGES.setdefault(
    "pt",
    {
        "wrote_header": r"^((?:> ?)*Em\s.+(?:\n.+)?\s?escreveu:)$",
        "from_header": (
            r"((?:(?:^|\n|\n(?:> ?)*)[* ]*(?:De|Enviado|Enviada|Para|Assunto|Data|Cc):"
            r"[ *]*(?:\s{,2}).*){2,}(?:\n.*){,1})"
        ),
        "disclaimers": ["Aviso:", "Confidencialidade:"],
        "signatures": ["Atenciosamente,", "Abraços,", "Obrigado,", "Obrigada,", "Att,"],
        "sent_from": "Enviado do meu.*",
    },
)
MAIL_LANGUAGES.setdefault(
    "es-gmail",
    {"wrote_header": r"^((?:> ?)*El\s.+(?:\n.+)?\s?escribió:)$"},
)
REPLY_LANGUAGES = ("en", "es", "es-gmail", "pt")

# The original kept for its audited page, and the new text, are capped (characters).
ORIGINAL_MAX_CHARS = 200_000
BODY_MAX_CHARS = 20_000
SUBJECT_MAX_CHARS = 300

_MESSAGE_ID = re.compile(r"<[^<>\s]{1,250}>")
_TOKEN_RANDOM_HEX = 16
_TOKEN_TAG_HEX = 12
_TOKEN = re.compile(rf"^[0-9a-f]{{{_TOKEN_RANDOM_HEX + _TOKEN_TAG_HEX}}}$")


class InboundTooLarge(ValueError):
    """The message is larger than ``INBOUND_EMAIL_MAX_BYTES``: refused, never stored."""


@dataclass(frozen=True)
class Incoming:
    """One message from a person, parsed: plain values only, nothing rendered."""

    channel: str  # InboundMessage.Channel value: "email" or "sms"
    sender: str  # e-mail address or E.164 phone
    body: str  # the new text, plain (HTML converted to text, never rendered)
    external_id: str = ""  # Message-ID (or the SMS provider's id)
    recipients: tuple[str, ...] = ()  # To / Cc / Delivered-To addresses
    subject: str = ""
    quoted: str = ""  # quoted history and signature, apart
    original: str = ""  # the whole original, capped
    references: tuple[str, ...] = ()  # Message-IDs from In-Reply-To and References
    attachments_dropped: int = 0
    is_automatic: bool = False  # auto-replies, bulk mail, delivery reports
    received_at: datetime | None = None


# --- The reply address -------------------------------------------------------------------


def _token_tag(random_part: str, secret: str) -> str:
    key = hashlib.sha256(b"reengage.reply-token\x00" + secret.encode("utf-8")).digest()
    return hmac.new(key, random_part.encode("ascii"), hashlib.sha256).hexdigest()[:_TOKEN_TAG_HEX]


def reply_token_new() -> str:
    """A fresh token: 16 random hex characters and a 12-character keyed tag (lower case, so a
    mail server that folds the local part's case does not break it)."""
    random_part = secrets.token_hex(_TOKEN_RANDOM_HEX // 2)
    return random_part + _token_tag(random_part, settings.SECRET_KEY)


def reply_token_valid(token: str) -> bool:
    """True when ``token`` carries our tag (the current key or a fallback): checked before
    any lookup, so a guessed token never reaches the database."""
    token = token.lower()
    if not _TOKEN.match(token):
        return False
    random_part, tag = token[:_TOKEN_RANDOM_HEX], token[_TOKEN_RANDOM_HEX:]
    secrets_ = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(hmac.compare_digest(tag, _token_tag(random_part, s)) for s in secrets_)


def _inbound_parts() -> tuple[str, str] | None:
    address = (settings.INBOUND_EMAIL_ADDRESS or "").strip().lower()
    if "@" not in address:
        return None
    local, domain = address.rsplit("@", 1)
    return local.split("+", 1)[0], domain


def reply_address(token: str) -> str:
    """``reply+<token>@<domain>`` for ``INBOUND_EMAIL_ADDRESS``; empty when it is not set."""
    parts = _inbound_parts()
    if parts is None or not token:
        return ""
    local, domain = parts
    return f"{local}+{token}@{domain}"


def reply_tokens_in(recipients: tuple[str, ...] | list[str]) -> list[str]:
    """Every ``reply+<token>`` among the recipients, valid or not (lower case), in order."""
    parts = _inbound_parts()
    if parts is None:
        return []
    local, domain = parts
    found = []
    for address in recipients:
        address = address.strip().lower()
        if "@" not in address:
            continue
        box, at = address.rsplit("@", 1)
        if at == domain and box.startswith(local + "+"):
            found.append(box[len(local) + 1 :])
    return found


# --- Parsing -------------------------------------------------------------------------------


class _TextFromHTML(HTMLParser):
    """HTML to plain text: tags dropped, script and style dropped with their content."""

    _SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})
    _BREAK = frozenset(
        {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextFromHTML()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def split_reply(text: str) -> tuple[str, str]:
    """(new text, quoted history and signature) of a reply's plain text."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return "", ""
    replies = EmailReplyParser(languages=list(REPLY_LANGUAGES)).read(text).replies
    if not replies:
        return text, ""
    new = replies[0].body.strip()
    if not new:
        # Nothing above the quote (a reply written below it, or only a forward): keep it all.
        return text, ""
    quoted = [replies[0].signatures, *(reply.content for reply in replies[1:])]
    return new, "\n\n".join(part for part in quoted if part).strip()


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header is no header
        return ""
    return str(value or "").strip()


def _addresses(message: EmailMessage, *names: str) -> tuple[str, ...]:
    values: list[str] = []
    for name in names:
        try:
            values.extend(str(v) for v in message.get_all(name, []))
        except (ValueError, IndexError, TypeError):
            continue
    found = []
    for _name, address in getaddresses(values):
        address = address.strip().lower()
        if address and "@" in address and address not in found:
            found.append(address)
    return tuple(found)


def _is_automatic(message: EmailMessage, sender: str) -> bool:
    auto = _header(message, "Auto-Submitted").lower()
    if auto and auto != "no":
        return True
    if _header(message, "Precedence").lower() in {"bulk", "junk", "list", "auto_reply"}:
        return True
    if message.get_content_type() == "multipart/report":
        return True
    if any(_header(message, h) for h in ("X-Autoreply", "X-Autorespond", "X-Autoresponder")):
        return True
    if _header(message, "Return-Path") == "<>":
        return True
    local = sender.split("@", 1)[0]
    return local in {"mailer-daemon", "postmaster"}


def _text_of(part: EmailMessage | MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset or broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        return html_to_text(content)
    return content


def _attachments(message: EmailMessage, body_parts: set[int]) -> int:
    count = 0
    for part in message.walk():
        if part.is_multipart() or id(part) in body_parts:
            continue
        disposition = part.get_content_disposition()
        maintype = part.get_content_maintype()
        if disposition == "attachment" or maintype not in ("text", "message", "multipart"):
            count += 1
    return count


def _received_at(message: EmailMessage) -> datetime | None:
    try:
        value = message.get("Date")
        when = getattr(value, "datetime", None)
    except (ValueError, IndexError, TypeError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return when


def parse_email(raw: bytes) -> Incoming:
    """One raw RFC 5322 message as plain values; raises ``InboundTooLarge`` above the cap."""
    if len(raw) > settings.INBOUND_EMAIL_MAX_BYTES:
        raise InboundTooLarge(len(raw))
    message = BytesParser(policy=policy.default).parsebytes(raw)
    senders = _addresses(message, "From") or _addresses(message, "Sender")
    sender = senders[0] if senders else ""
    body_part = message.get_body(preferencelist=("plain", "html"))
    body_parts = set()
    text = ""
    if body_part is not None:
        text = _text_of(body_part)
        body_parts.add(id(body_part))
        # The other version of the same text (text/html beside text/plain) is no attachment.
        for part in message.walk():
            if part.get_content_type() in ("text/plain", "text/html") and (
                part.get_content_disposition() != "attachment"
            ):
                body_parts.add(id(part))
    new, quoted = split_reply(text)
    message_id = _MESSAGE_ID.search(_header(message, "Message-ID"))
    references = []
    for name in ("In-Reply-To", "References"):
        for found in _MESSAGE_ID.findall(_header(message, name)):
            if found not in references:
                references.append(found)
    original = raw.decode("utf-8", errors="replace")[:ORIGINAL_MAX_CHARS]
    return Incoming(
        channel="email",
        sender=sender,
        body=new[:BODY_MAX_CHARS],
        # No Message-ID: the content's digest, so the same file twice is still one message.
        external_id=message_id.group(0)
        if message_id
        else f"<{hashlib.sha256(raw).hexdigest()}@inbound.invalid>",
        recipients=_addresses(message, "To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"),
        subject=_header(message, "Subject")[:SUBJECT_MAX_CHARS],
        quoted=quoted[:BODY_MAX_CHARS],
        original=original,
        references=tuple(references[:50]),
        attachments_dropped=_attachments(message, body_parts),
        is_automatic=_is_automatic(message, sender),
        received_at=_received_at(message),
    )
