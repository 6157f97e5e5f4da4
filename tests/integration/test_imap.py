"""Replies read from a real mailbox: a private Dovecot, over STARTTLS and over TLS.

Messages reach the mailbox as a mail client puts them there (IMAP APPEND), and the test looks
at them the same way (FETCH FLAGS). A reply to a real acknowledgement (gunicorn, a Celery
worker, aiosmtpd) is stored once on its inquiry after two passes, and marked on the server
only after it was stored; two ``manage.py inbound_poll`` processes at once store each message
once; a poller killed between storing and marking leaves the message for the next pass, which
marks it; a renumbered folder (new UIDVALIDITY) is read again without doubling anything; a
wrong password or an unknown certificate backs off, and /healthz and the dashboard say when
the mailbox was last read.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from datetime import timedelta
from email.message import EmailMessage
from unittest import mock

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from intake import services
from intake.messaging import imap
from intake.messaging.inbound import reply_token_new
from intake.models import InboundMailboxState, InboundMessage, Inquiry, OutboundMessage
from intake.services import mailbox as mailbox_service
from tests import support
from tests.factories import UserFactory, coordinator, default_queue, submission
from tests.integration.test_inbound import PERSON, REPLY, reply_to

pytestmark = pytest.mark.integration

ADDRESS = "reply@reengage.invalid"
STORED = {"\\Seen", imap.STORED_KEYWORD}


def untouched(flags: set[str]) -> bool:
    """Neither read nor marked by us (\\Recent comes and goes with who looked first)."""
    return not flags & {"\\Seen", imap.STORED_KEYWORD, imap.REFUSED_KEYWORD}


def counts(output: str) -> tuple[int, int, int]:
    found = re.search(r"stored (\d+), already stored (\d+), refused (\d+)", output)
    assert found, output
    return int(found[1]), int(found[2]), int(found[3])


def read_from(settings, server: support.DovecotServer, scheme: str, **overrides) -> None:
    """The test process reads ``server`` as the settings would have it."""
    settings.INBOUND_EMAIL_ADDRESS = ADDRESS
    settings.INBOUND_IMAP_URL = server.url(scheme)
    settings.INBOUND_IMAP_CA_FILE = server.ca_file
    settings.INBOUND_IMAP_AFTER = "flag"
    settings.INBOUND_IMAP_FOLDER = "INBOX"
    for name, value in overrides.items():
        setattr(settings, f"INBOUND_IMAP_{name.upper()}", value)


def env_for(stack_env: dict, server: support.DovecotServer, scheme: str, tmp_path, **extra):
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    return {
        **stack_env,
        "INBOUND_EMAIL_ADDRESS": ADDRESS,
        "INBOUND_EMAIL_DIR": str(inbox),
        "INBOUND_IMAP_URL": server.url(scheme),
        "INBOUND_IMAP_CA_FILE": server.ca_file,
        **extra,
    }


def inquiry_with_token(email: str = "sky@example.com") -> Inquiry:
    with mock.patch("intake.services.outbox.tasks_enqueue"):
        inquiry = services.inquiry_submit(submission=submission(email=email))
    Inquiry.objects.filter(pk=inquiry.pk).update(reply_token=reply_token_new())
    inquiry.refresh_from_db()
    return inquiry


def written(to: str, number: int, *, message_id: bool = True, body: str = "") -> bytes:
    message = EmailMessage()
    message["From"] = "Sky <sky@example.com>"
    message["To"] = to
    message["Subject"] = f"Re: hello {number}"
    if message_id:
        message["Message-ID"] = f"<sky-{number}@mail.example.com>"
    message.set_content(body or f"Reply number {number}. Canary-imap-{number}")
    return message.as_bytes()


def manage(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(support.VENV_BIN / "python"), "manage.py", *args],
        cwd=support.ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


# --- A reply to a real acknowledgement, over STARTTLS --------------------------------------


def test_a_reply_to_the_real_acknowledgement_is_read_once_and_marked_only_after_it_is_stored(
    app_processes, stack_env, smtp_server, settings, imap_mailbox, tmp_path
) -> None:
    env = env_for(stack_env, imap_mailbox, "imap", tmp_path, INBOUND_IMAP_URL="")
    read_from(settings, imap_mailbox, "imap")
    settings.INBOUND_EMAIL_DIR = tmp_path / "inbox"
    coordinator(default_queue(), "lee")
    web = app_processes.web(env)
    worker = app_processes.worker(env)  # its beat polls the folder only: these passes are ours

    assert support.FormClient(web.url).submit(PERSON).status == 303
    support.wait_until(lambda: smtp_server.sink.count() >= 1, what="acknowledgement at SMTP")
    ack = smtp_server.sink.messages[0]
    inquiry = Inquiry.objects.get()
    assert ack["Reply-To"] == f"reply+{inquiry.reply_token}@reengage.invalid"
    imap_mailbox.append(reply_to(ack, to=ack["Reply-To"], message_id="<imap-r1@mail.example.com>"))
    assert [untouched(flags) for flags in imap_mailbox.messages().values()] == [True]

    flags_while_storing = []
    receive = mailbox_service.message_receive

    def receive_and_look(**kwargs):
        flags_while_storing.append(imap_mailbox.messages())
        return receive(**kwargs)

    outputs = []
    with mock.patch.object(mailbox_service, "message_receive", receive_and_look):
        for _ in range(2):
            out = io.StringIO()
            call_command("inbound_poll", stdout=out)
            outputs.append(out.getvalue())

    assert [counts(output) for output in outputs] == [(1, 0, 0), (0, 0, 0)]
    assert "Mailbox read" in outputs[0]
    # Read once, and at that moment neither read nor marked on the server.
    assert len(flags_while_storing) == 1
    assert [untouched(flags) for flags in flags_while_storing[0].values()] == [True]
    [(uid, flags)] = imap_mailbox.messages().items()
    assert flags >= STORED

    reply = InboundMessage.objects.get(inquiry=inquiry)
    assert reply.body == REPLY and reply.source == InboundMessage.Source.IMAP
    assert reply.external_id == "<imap-r1@mail.example.com>"
    assert inquiry.messages.filter(kind=OutboundMessage.Kind.REPLY_NOTICE).count() == 1
    state = InboundMailboxState.objects.get()
    assert state.last_uid == uid and state.failures == 0 and state.last_success_at
    for secret in ("Canary-reply-7788", "river.reply", support.DovecotServer.PASSWORD):
        assert secret not in worker.log()


# --- Two pollers at once, and one killed mid-pass, over TLS ------------------------------


def test_two_pollers_at_once_store_each_message_once_and_move_it(
    stack_env, settings, imap_mailbox, tmp_path
) -> None:
    read_from(settings, imap_mailbox, "imaps", after="move")
    inquiry = inquiry_with_token()
    to = f"reply+{inquiry.reply_token}@reengage.invalid"
    for number in range(12):
        imap_mailbox.append(written(to, number))
    env = env_for(stack_env, imap_mailbox, "imaps", tmp_path, INBOUND_IMAP_AFTER="move")

    # While a pass holds the mailbox, another skips it and touches nothing.
    mailbox = imap.mailbox_configured()
    with mailbox_service._one_pass_at_a_time(mailbox.key) as mine:
        assert mine
        skipped = manage(env, "inbound_poll")
        output = skipped.communicate(timeout=60)[0]
    assert skipped.returncode == 0, output
    assert "skipped: another pass is reading it" in output and counts(output) == (0, 0, 0)
    assert len(imap_mailbox.messages()) == 12 and not InboundMessage.objects.exists()

    pollers = [manage(env, "inbound_poll") for _ in range(2)]
    outputs = [poller.communicate(timeout=60)[0] for poller in pollers]
    assert [poller.returncode for poller in pollers] == [0, 0], outputs
    stored = [counts(output) for output in outputs]
    assert sum(s[0] for s in stored) == 12 and sum(s[1] for s in stored) == 0, outputs

    assert InboundMessage.objects.filter(inquiry=inquiry).count() == 12
    assert inquiry.messages.filter(kind=OutboundMessage.Kind.REPLY_NOTICE).count() == 12
    assert imap_mailbox.messages() == {}
    moved = imap_mailbox.messages("Reengage.Stored")  # Dovecot's delimiter is "."
    assert len(moved) == 12 and all(flags >= STORED for flags in moved.values())


def test_a_poller_killed_between_storing_and_marking_leaves_it_to_the_next_pass(
    stack_env, settings, imap_mailbox, tmp_path
) -> None:
    # imap:// without STARTTLS: allowed because the server is on this machine.
    read_from(settings, imap_mailbox, "imap", starttls=False)
    inquiry = inquiry_with_token()
    imap_mailbox.append(written(f"reply+{inquiry.reply_token}@reengage.invalid", 1))
    env = env_for(stack_env, imap_mailbox, "imap", tmp_path, INBOUND_IMAP_STARTTLS="false")
    dies = (
        "import os, django\n"
        "django.setup()\n"
        "from unittest import mock\n"
        "from intake import services\n"
        "from intake.services import mailbox\n"
        "with mock.patch.object(mailbox, '_mark_stored', lambda *a: os._exit(3)):\n"
        "    services.inbound_poll()\n"
    )
    killed = subprocess.run(
        [str(support.VENV_BIN / "python"), "-c", dies],
        cwd=support.ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert killed.returncode == 3, killed.stdout + killed.stderr

    # Stored and committed; on the server untouched, and not passed over in the database.
    assert InboundMessage.objects.filter(inquiry=inquiry).count() == 1
    assert [untouched(flags) for flags in imap_mailbox.messages().values()] == [True]
    assert InboundMailboxState.objects.get().last_uid == 0

    out = io.StringIO()
    call_command("inbound_poll", stdout=out)
    assert counts(out.getvalue()) == (0, 1, 0)
    assert InboundMessage.objects.filter(inquiry=inquiry).count() == 1
    [(uid, flags)] = imap_mailbox.messages().items()
    assert flags >= STORED and InboundMailboxState.objects.get().last_uid == uid


# --- A renumbered folder, refused messages ----------------------------------------------------


def test_a_new_uidvalidity_reads_the_folder_again_without_doubling(
    db, settings, imap_mailbox
) -> None:
    read_from(settings, imap_mailbox, "imaps", folder="Replies")
    settings.INBOUND_EMAIL_MAX_BYTES = 4000
    inquiry = inquiry_with_token()
    to = f"reply+{inquiry.reply_token}@reengage.invalid"
    first = [written(to, 1), written(to, 2, message_id=False)]
    imap_mailbox.create_folder("Replies")
    for raw in first:
        imap_mailbox.append(raw, "Replies")
    imap_mailbox.append(written(to, 3, body="x" * 5000), "Replies")  # over the size cap

    assert services.inbound_poll().mailbox == mailbox_service.MailboxPass("read", 2, 0, 1)
    assert services.inbound_poll().mailbox == mailbox_service.MailboxPass("read", 0, 0, 0)
    before = InboundMailboxState.objects.get()
    assert before.last_uid == 3
    flags = imap_mailbox.messages("Replies")
    assert flags[3] >= {imap.REFUSED_KEYWORD} and "\\Seen" not in flags[3]

    # The folder made anew: same messages, new UIDs, a new UIDVALIDITY; and one more.
    imap_mailbox.delete_folder("Replies")
    imap_mailbox.create_folder("Replies")
    for raw in [*first, written(to, 4)]:
        imap_mailbox.append(raw, "Replies")

    assert services.inbound_poll().mailbox == mailbox_service.MailboxPass("read", 1, 2, 0)
    after = InboundMailboxState.objects.get()
    assert after.uidvalidity != before.uidvalidity and after.last_uid == 3
    assert InboundMessage.objects.filter(inquiry=inquiry).count() == 3
    assert all(flags >= STORED for flags in imap_mailbox.messages("Replies").values())


# --- Failures back off; health and the dashboard tell ----------------------------------------


def test_a_wrong_password_backs_off_and_health_and_dashboard_say_when_it_was_last_read(
    db, roles, settings, imap_mailbox, caplog
) -> None:
    read_from(settings, imap_mailbox, "imaps")
    settings.INBOUND_POLL_INTERVAL = 30
    settings.HEALTHZ_TOKEN = "monitor-token"
    settings.INBOUND_IMAP_URL = imap_mailbox.url("imaps", password="not the password")
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name="Program admin"))
    staff = Client()
    staff.force_login(pat)

    def health() -> dict:
        return Client().get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()

    def dashboard() -> str:
        html = staff.get(reverse("intake-dashboard")).content.decode()
        return re.sub(r"\s+", " ", html.split('id="mailbox-read">', 1)[1].split("</", 1)[0])

    result = services.inbound_poll().mailbox
    assert result.outcome == mailbox_service.FAILED
    state = InboundMailboxState.objects.get()
    assert state.failures == 1 and state.last_error_at and state.next_attempt_at > timezone.now()
    assert "error=IMAP4.error" in caplog.text
    assert imap_mailbox.PASSWORD not in caplog.text and "not the password" not in caplog.text
    assert health()["mailbox"]["state"] == "failing" and health()["status"] == "degraded"
    assert "has not been read yet" in dashboard() and "last try to read it failed" in dashboard()

    with mock.patch.object(imap, "connect", wraps=imap.connect) as connect:
        assert services.inbound_poll().mailbox.outcome == mailbox_service.WAITING
        assert connect.call_count == 0  # backing off: the server is not asked

        # The right password, but no certificate authority: the server's is not trusted.
        settings.INBOUND_IMAP_URL = imap_mailbox.url("imaps")
        settings.INBOUND_IMAP_CA_FILE = ""
        assert services.inbound_poll(now=True).mailbox.outcome == mailbox_service.FAILED
        assert "error=SSLCertVerificationError" in caplog.text
        assert InboundMailboxState.objects.get().failures == 2

        settings.INBOUND_IMAP_CA_FILE = imap_mailbox.ca_file
        out = io.StringIO()
        call_command("inbound_poll", "--now", stdout=out)
        assert "Mailbox read: stored 0" in out.getvalue() and connect.call_count == 2
    state = InboundMailboxState.objects.get()
    assert state.failures == 0 and state.next_attempt_at is None and state.last_success_at

    report = health()["mailbox"]
    assert report["state"] == "ok" and 0 <= report["last_read_seconds"] < 30
    assert report["last_read_at"] == state.last_success_at.isoformat()
    assert dashboard() == "Mailbox last read less than a minute ago."
    with time_machine.travel(state.last_success_at + timedelta(minutes=12, seconds=5)):
        report = health()
        assert report["mailbox"]["state"] == "stale" and report["status"] == "degraded"
        assert 725 <= report["mailbox"]["last_read_seconds"] < 730
        assert dashboard().startswith(" Mailbox last read 12 minutes ago.")
        assert "Replies people sent by e-mail may be waiting there." in dashboard()
    assert Client().get("/healthz").json() == {"status": "ok"}
    assert os.environ.get("INBOUND_IMAP_URL") is None  # nothing leaked to other tests
