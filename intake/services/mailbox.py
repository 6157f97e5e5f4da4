"""The mailbox source: the program's real mailbox, read over IMAP, each reply stored once.

``mailbox_poll`` is one pass (``inbound_poll`` runs it when ``INBOUND_IMAP_URL`` is set). It
is safe to stop at any point, and safe to run twice at once:

- Reading never marks a message read (``BODY.PEEK[]``). A message is marked on the server
  (\\Seen and ``ReengageStored``, or moved to ``INBOUND_IMAP_MOVE_TO``) only after
  ``message_receive`` has committed it, and ``last_uid`` moves past it only after that. A
  pass that dies in between leaves the message unmarked: the next pass reads it again,
  ``message_receive`` returns the stored row (same Message-ID), and the pass marks it.
- One pass at a time per mailbox: on PostgreSQL a session advisory lock, tried and never
  waited for (a second pass skips; the lock goes with the connection of a pass that dies).
  The unique ``external_id`` is the backstop wherever the lock is not there (SQLite).
- A new UIDVALIDITY (the server renumbered the folder) means reading it from UID 1 again;
  what is already stored is recognised by its Message-ID. A message without one is known by
  the digest of its bytes (``parse_email``), which a renumbering does not change either; the
  price is that two byte-identical messages without a Message-ID are stored once.
- Too large (RFC822.SIZE, before any body is fetched) or unreadable: nothing stored, the
  message marked ``ReengageRefused`` and counted, never read again.
- The server cannot be reached, refuses the password or its certificate: the failure is
  counted and the next attempt put off (exponential, with jitter, capped), as the outbox does
  with a mail server that fails. Logs name the error's class and counts, never the password,
  an address or any text.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from ..messaging import imap
from ..messaging.inbound import parse_email
from ..messaging.policy import backoff_seconds
from ..models import InboundMailboxState, InboundMessage
from .common import logger
from .inbound import message_receive

# Failures put the next attempt off by about the poll interval, doubling, at most this long.
BACKOFF_CAP_SECONDS = 15 * 60

# What a pass did, for the command's output and the log.
READ = "read"  # the pass ran (possibly finding nothing)
BUSY = "busy"  # another pass was reading this mailbox: skipped
WAITING = "waiting"  # backing off after failures: not tried
FAILED = "failed"  # the server could not be reached, or refused us
STOPPED = "stopped"  # the database failed mid-pass: the rest waits for the next pass
OFF = "off"  # no mailbox configured

# What can go wrong between us and the mail server (ssl.SSLError is an OSError).
_SERVER_ERRORS = (OSError, EOFError, imaplib.IMAP4.error, imap.MailboxError)


@dataclass(frozen=True)
class MailboxPass:
    """One pass over the mailbox: what it stored, what it found stored already (a pass
    before it stopped before marking them), what it refused, and how it ended."""

    outcome: str = OFF
    stored: int = 0
    already: int = 0
    refused: int = 0
    next_attempt_at: datetime | None = None  # after a failure, or while backing off


def mailbox_poll(*, now: bool = False) -> MailboxPass:
    """One pass over the mailbox; ``now`` tries even while backing off (an operator's call
    after mending a password). Never raises for the mail server's faults: they are counted."""
    try:
        mailbox = imap.mailbox_configured()
    except imap.MailboxConfigError:
        logger.warning("mailbox not read: INBOUND_IMAP settings refused (see manage.py check)")
        return MailboxPass(outcome=FAILED)
    if mailbox is None:
        return MailboxPass()
    state, _created = InboundMailboxState.objects.get_or_create(key=mailbox.key)
    if not now and state.next_attempt_at and state.next_attempt_at > timezone.now():
        return MailboxPass(outcome=WAITING, next_attempt_at=state.next_attempt_at)
    with _one_pass_at_a_time(mailbox.key) as mine:
        if not mine:
            logger.info("mailbox pass skipped: another pass is reading it")
            return MailboxPass(outcome=BUSY)
        state.refresh_from_db()  # a pass that held the lock a moment ago moved it on
        try:
            session = imap.connect(
                mailbox.account,
                ca_file=settings.INBOUND_IMAP_CA_FILE,
                timeout=settings.INBOUND_IMAP_TIMEOUT,
            )
        except _SERVER_ERRORS as exc:
            return _failed(state, exc, MailboxPass(outcome=FAILED))
        tally = _Tally()
        try:
            outcome = _read(session, state, mailbox.folder, tally)
        except _SERVER_ERRORS as exc:
            return _failed(state, exc, tally.result(FAILED))
        finally:
            session.close()
    if outcome == READ:
        InboundMailboxState.objects.filter(pk=state.pk).update(
            last_success_at=timezone.now(), failures=0, next_attempt_at=None
        )
    result = tally.result(outcome)
    if result.stored or result.already or result.refused or outcome != READ:
        logger.info(
            "mailbox pass outcome=%s stored=%d already=%d refused=%d",
            outcome,
            result.stored,
            result.already,
            result.refused,
        )
    return result


@dataclass
class _Tally:
    stored: int = 0
    already: int = 0
    refused: int = 0

    def result(self, outcome: str) -> MailboxPass:
        return MailboxPass(outcome, self.stored, self.already, self.refused)


def _read(
    session: imap.MailboxSession, state: InboundMailboxState, folder: str, tally: _Tally
) -> str:
    validity = session.select(folder)
    start = imap.scan_from(
        stored_validity=state.uidvalidity, validity=validity, last_uid=state.last_uid
    )
    if state.uidvalidity != validity:
        if state.uidvalidity is not None:
            logger.warning("mailbox renumbered by its server: reading the folder again")
        state.uidvalidity, state.last_uid = validity, 0
        state.save(update_fields=["uidvalidity", "last_uid"])
    moving = settings.INBOUND_IMAP_AFTER == "move"
    # Moved messages leave the folder; flagged ones stay and carry the keyword.
    skip = (imap.REFUSED_KEYWORD,) if moving else (imap.STORED_KEYWORD, imap.REFUSED_KEYWORD)
    uids = session.waiting(start - 1, skip=skip)[: max(1, settings.INBOUND_IMAP_BATCH)]
    sizes = session.sizes(uids)
    target = session.ensure_folder(settings.INBOUND_IMAP_MOVE_TO) if moving and uids else ""
    for uid in uids:
        size = sizes.get(uid)
        raw = None
        if size is not None and size <= settings.INBOUND_EMAIL_MAX_BYTES:
            raw = session.fetch(uid)
        elif size is not None:
            logger.warning("mailbox message refused: larger than INBOUND_EMAIL_MAX_BYTES")
            _refuse(session, uid, tally)
        if raw is not None:
            try:
                incoming = parse_email(raw)
            except Exception as exc:  # noqa: BLE001 - one broken message must not stop the rest
                logger.warning("mailbox message refused error=%s", type(exc).__name__)
                _refuse(session, uid, tally)
            else:
                try:
                    known = InboundMessage.objects.filter(external_id=incoming.external_id)
                    already = known.exists()
                    message_receive(incoming=incoming, source=InboundMessage.Source.IMAP)
                except DatabaseError as exc:
                    # Not the mailbox's fault: no back-off; this message is read again next pass.
                    logger.warning("mailbox pass stopped error=%s", type(exc).__name__)
                    return STOPPED
                # Committed: only now is it marked on the server, then passed over here.
                _mark_stored(session, uid, target)
                if already:
                    tally.already += 1
                else:
                    tally.stored += 1
        # Gone meanwhile (size None, body None), refused or stored: never read again.
        InboundMailboxState.objects.filter(
            pk=state.pk, uidvalidity=validity, last_uid__lt=uid
        ).update(last_uid=uid)
    return READ


def _mark_stored(session: imap.MailboxSession, uid: int, target: str) -> None:
    session.flag(uid, "\\Seen", imap.STORED_KEYWORD)
    if target:
        session.move(uid, target)


def _refuse(session: imap.MailboxSession, uid: int, tally: _Tally) -> None:
    session.flag(uid, imap.REFUSED_KEYWORD)
    tally.refused += 1


def _failed(state: InboundMailboxState, exc: BaseException, result: MailboxPass) -> MailboxPass:
    """Count a failure and put the next attempt off; the log names the error's class only."""
    failures = state.failures + 1
    wait = backoff_seconds(
        failures, base=max(1.0, settings.INBOUND_POLL_INTERVAL), cap=BACKOFF_CAP_SECONDS
    )
    now = timezone.now()
    next_attempt_at = now + timedelta(seconds=wait)
    InboundMailboxState.objects.filter(pk=state.pk).update(
        failures=failures, last_error_at=now, next_attempt_at=next_attempt_at
    )
    logger.warning(
        "mailbox not read error=%s failures=%d next_attempt_in=%ds",
        type(exc).__qualname__,
        failures,
        round(wait),
    )
    return replace(result, next_attempt_at=next_attempt_at)


@contextlib.contextmanager
def _one_pass_at_a_time(key: str) -> Iterator[bool]:
    """True while this pass holds the mailbox (PostgreSQL: a session advisory lock, tried,
    never waited for; it is freed with the connection of a pass that dies). Elsewhere always
    True: the unique Message-ID alone keeps a message from being stored twice."""
    if connection.vendor != "postgresql":
        yield True
        return
    digest = hashlib.sha256(b"reengage.mailbox-pass\x00" + key.encode("ascii")).digest()
    lock = int.from_bytes(digest[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock])
        mine = bool(cursor.fetchone()[0])
    try:
        yield mine
    finally:
        if mine:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [lock])
