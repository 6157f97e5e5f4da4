"""The program's mailbox over IMAP: the account ``INBOUND_IMAP_URL`` names, and one session.

The standard library's ``imaplib``, with exactly the commands a pass needs and nothing that
touches other people's mail: SELECT (its UIDVALIDITY), UID SEARCH for the messages after the
last one stored, UID FETCH of RFC822.SIZE before any body, ``BODY.PEEK[]`` (reading never
marks a message read), UID STORE of our keywords, UID MOVE. There is no EXPUNGE of a whole
folder: a message someone else marked deleted stays theirs to deal with.

Certificates are always verified (``ssl.create_default_context``; imaplib's own default does
not verify), against ``INBOUND_IMAP_CA_FILE`` when it is set. Exceptions carry the server's
words at most, never the password; callers log their class name only.

The pure parts (the URL, the mailbox's key, where a pass starts, a folder's name on the wire)
are plain functions, tested without a server; ``mailbox_configured`` reads them from the
settings for the pass (``services.mailbox``), health and the system check.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import imaplib
import ipaddress
import re
import ssl
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings

# Set on a message once it is stored (with \\Seen), and on one refused (too large, unreadable):
# a pass never reads either again. IMAP keywords are atoms: no spaces, no brackets.
STORED_KEYWORD = "ReengageStored"
REFUSED_KEYWORD = "ReengageRefused"

TLS = "tls"  # imaps://: TLS from the first byte
STARTTLS = "starttls"  # imap:// upgraded with STARTTLS before the password is sent
PLAIN = "plain"  # imap:// as it is: only to a server on this machine

_UID = re.compile(rb"\bUID (\d+)")
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)")
_LIST = re.compile(rb'^\((?P<flags>[^)]*)\) (?P<delimiter>NIL|"(?:[^"\\]|\\.)*") ')


class MailboxConfigError(ValueError):
    """``INBOUND_IMAP_URL`` (or a setting beside it) cannot be used; the text never quotes it."""


class MailboxError(Exception):
    """The server answered NO or BAD to a command a pass needs, or answered nonsense."""


@dataclass(frozen=True)
class ImapAccount:
    """Where the mailbox is and how to sign in: the parsed ``INBOUND_IMAP_URL``."""

    host: str
    port: int
    username: str
    password: str = field(repr=False)
    security: str = TLS

    def key(self, folder: str) -> str:
        """The mailbox's key: a digest of server, user and folder. Never the password."""
        material = "\x00".join((self.host.lower(), str(self.port), self.username, folder))
        return hashlib.sha256(b"reengage.mailbox\x00" + material.encode("utf-8")).hexdigest()


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def imap_account(url: str, *, starttls: bool = True) -> ImapAccount:
    """``imaps://user:password@host[:port]/`` or ``imap://…`` as an account.

    User name and password are percent-decoded (an app password's spaces, an address's @).
    ``imap://`` upgrades with STARTTLS; without it (``starttls=False``) only a loopback host
    is accepted, so a password never crosses a network in the clear.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("imap", "imaps"):
        raise MailboxConfigError("INBOUND_IMAP_URL must start with imaps:// or imap://.")
    try:
        port = parts.port
    except ValueError:
        raise MailboxConfigError("INBOUND_IMAP_URL has a port that is not a number.") from None
    host = parts.hostname or ""
    if not host:
        raise MailboxConfigError("INBOUND_IMAP_URL names no server.")
    username = unquote(parts.username or "")
    password = unquote(parts.password or "")
    if not username or not password:
        raise MailboxConfigError("INBOUND_IMAP_URL needs a user name and a password.")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise MailboxConfigError(
            "INBOUND_IMAP_URL ends at the server: the folder is INBOUND_IMAP_FOLDER."
        )
    if scheme == "imaps":
        return ImapAccount(host, port or 993, username, password, TLS)
    if not starttls and not _loopback(host):
        raise MailboxConfigError(
            "imap:// without STARTTLS would send the password unencrypted: use imaps://, or "
            "STARTTLS (INBOUND_IMAP_STARTTLS), for any server that is not on this machine."
        )
    return ImapAccount(host, port or 143, username, password, STARTTLS if starttls else PLAIN)


@dataclass(frozen=True)
class Mailbox:
    """The mailbox the settings name: the account, the folder and its key."""

    account: ImapAccount
    folder: str
    key: str


def mailbox_configured() -> Mailbox | None:
    """The mailbox ``INBOUND_IMAP_URL`` names; None when it is empty.

    Raises ``MailboxConfigError`` when it cannot be used (the check reports it at start).
    """
    url = settings.INBOUND_IMAP_URL
    if not url:
        return None
    account = imap_account(url, starttls=settings.INBOUND_IMAP_STARTTLS)
    if settings.INBOUND_IMAP_AFTER not in ("flag", "move"):
        raise MailboxConfigError("INBOUND_IMAP_AFTER must be flag or move.")
    folder = settings.INBOUND_IMAP_FOLDER or "INBOX"
    if settings.INBOUND_IMAP_AFTER == "move" and settings.INBOUND_IMAP_MOVE_TO in ("", folder):
        # Moved into the folder it is read from, a message would come back as a new UID.
        raise MailboxConfigError("INBOUND_IMAP_MOVE_TO must name another folder.")
    return Mailbox(account=account, folder=folder, key=account.key(folder))


def scan_from(*, stored_validity: int | None, validity: int, last_uid: int) -> int:
    """The first UID a pass reads: the one after the last stored, or 1 when the server's
    UIDVALIDITY is not the one those UIDs belong to (a first pass, or a renumbered folder)."""
    if stored_validity is None or stored_validity != validity:
        return 1
    return max(0, last_uid) + 1


def folder_name(name: str, delimiter: str = "/") -> str:
    """A folder's name as a quoted IMAP string: modified UTF-7 (RFC 3501, 5.1.3), with
    ``/`` in the setting standing for the server's own hierarchy delimiter."""
    if delimiter and delimiter != "/":
        name = name.replace("/", delimiter)
    out: list[str] = []
    wide: list[str] = []

    def flush() -> None:
        if wide:
            packed = base64.b64encode("".join(wide).encode("utf-16-be")).decode("ascii")
            out.append("&" + packed.rstrip("=").replace("/", ",") + "-")
            wide.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            wide.append(char)
    flush()
    encoded = "".join(out).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{encoded}"'


def uid_set(uids: list[int]) -> str:
    return ",".join(str(uid) for uid in uids)


def fetched_sizes(data: list) -> dict[int, int]:
    """``{uid: RFC822.SIZE}`` from a UID FETCH answer."""
    sizes = {}
    for item in data:
        line = item[0] if isinstance(item, tuple) else item
        if not isinstance(line, bytes):
            continue
        uid, size = _UID.search(line), _SIZE.search(line)
        if uid and size:
            sizes[int(uid.group(1))] = int(size.group(1))
    return sizes


def fetched_body(data: list) -> bytes | None:
    """The message from a ``UID FETCH … (BODY.PEEK[])`` answer; None when it is gone."""
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    return None


def _ok(answer: tuple, what: str) -> list:
    typ, data = answer
    if typ != "OK":
        raise MailboxError(what)
    return data


class MailboxSession:
    """One signed-in connection. ``connect()`` makes it; ``close()`` always ends it."""

    def __init__(self, client: imaplib.IMAP4) -> None:
        self.client = client
        self._delimiter: str | None = None

    def select(self, folder: str) -> int:
        """Open ``folder`` for reading and writing; its UIDVALIDITY."""
        delimiter = self.delimiter() if "/" in folder else "/"
        _ok(self.client.select(folder_name(folder, delimiter)), "SELECT")
        _typ, values = self.client.response("UIDVALIDITY")
        try:
            return int(values[-1])
        except (TypeError, ValueError, IndexError):
            raise MailboxError("SELECT gave no UIDVALIDITY") from None

    def delimiter(self) -> str:
        """The server's hierarchy delimiter ("/" on most, "." on some), asked once."""
        if self._delimiter is None:
            data = _ok(self.client.list('""', '""'), "LIST")
            found = _LIST.match(data[0]) if data and isinstance(data[0], bytes) else None
            value = found.group("delimiter") if found else b"NIL"
            self._delimiter = "" if value == b"NIL" else value.strip(b'"').decode("ascii")
        return self._delimiter

    def waiting(self, after_uid: int, *, skip: tuple[str, ...]) -> list[int]:
        """UIDs after ``after_uid`` not deleted and carrying none of ``skip``, in order."""
        criteria = [f"UID {after_uid + 1}:*", "NOT DELETED", *(f"NOT KEYWORD {k}" for k in skip)]
        data = _ok(self.client.uid("SEARCH", " ".join(criteria)), "UID SEARCH")
        found = (data[0] or b"").split() if data else []
        # "n:*" always matches the newest message, even one below n: hence the filter.
        return sorted(uid for uid in (int(value) for value in found) if uid > after_uid)

    def sizes(self, uids: list[int]) -> dict[int, int]:
        if not uids:
            return {}
        return fetched_sizes(_ok(self.client.uid("FETCH", uid_set(uids), "(RFC822.SIZE)"), "SIZE"))

    def fetch(self, uid: int) -> bytes | None:
        """The whole message, without marking it read; None when it is gone meanwhile."""
        return fetched_body(_ok(self.client.uid("FETCH", str(uid), "(BODY.PEEK[])"), "FETCH"))

    def flag(self, uid: int, *flags: str) -> None:
        _ok(self.client.uid("STORE", str(uid), "+FLAGS.SILENT", f"({' '.join(flags)})"), "STORE")

    def ensure_folder(self, name: str) -> str:
        """``name`` on the wire, created (and subscribed) when the server has no such folder."""
        wire = folder_name(name, self.delimiter())
        if not any(_ok(self.client.list('""', wire), "LIST")):
            _ok(self.client.create(wire), "CREATE")
            self.client.subscribe(wire)  # a client that shows subscribed folders only sees it
        return wire

    def move(self, uid: int, wire_folder: str) -> None:
        """Move one message (UID MOVE; COPY, then deleted and expunged by its UID alone)."""
        if "MOVE" in self.client.capabilities:
            _ok(self.client.uid("MOVE", str(uid), wire_folder), "UID MOVE")
            return
        _ok(self.client.uid("COPY", str(uid), wire_folder), "UID COPY")
        self.flag(uid, "\\Deleted")
        if "UIDPLUS" in self.client.capabilities:
            _ok(self.client.uid("EXPUNGE", str(uid)), "UID EXPUNGE")

    def close(self) -> None:
        try:
            self.client.logout()
        except (OSError, imaplib.IMAP4.error, EOFError):
            with contextlib.suppress(OSError):
                self.client.shutdown()


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """Certificates verified, host name checked; against ``ca_file`` when one is given."""
    return ssl.create_default_context(cafile=ca_file or None)


def connect(account: ImapAccount, *, ca_file: str = "", timeout: float = 20.0) -> MailboxSession:
    """Connect, secure the connection as the account says, and sign in."""
    if account.security == TLS:
        client: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            account.host, account.port, ssl_context=tls_context(ca_file), timeout=timeout
        )
    else:
        client = imaplib.IMAP4(account.host, account.port, timeout=timeout)
    try:
        if account.security == STARTTLS:
            client.starttls(ssl_context=tls_context(ca_file))
        if account.username.isascii() and account.password.isascii():
            client.login(account.username, account.password)
        else:
            # LOGIN is ASCII-only in imaplib: a UTF-8 name or password goes by AUTH=PLAIN.
            secret = b"\0" + account.username.encode() + b"\0" + account.password.encode()
            client.authenticate("PLAIN", lambda _challenge: secret)
        # Servers say more once signed in (MOVE, UIDPLUS); imaplib keeps the greeting's list.
        typ, data = client.capability()
        if typ == "OK" and data and isinstance(data[0], bytes):
            client.capabilities = tuple(data[0].decode("ascii", "replace").upper().split())
    except BaseException:
        client.shutdown()
        raise
    return MailboxSession(client)
