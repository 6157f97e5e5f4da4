"""The mailbox source without a mail server: the URL, the mailbox's key, where a pass starts,
folder names on the wire, reading FETCH answers, the back-off, health and the dashboard.

tests/integration/test_imap.py reads a real Dovecot.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from intake import checks, health, services
from intake.messaging import imap
from intake.models import InboundMailboxState
from intake.services import mailbox
from tests.factories import UserFactory
from tests.support import free_port

# --- INBOUND_IMAP_URL -----------------------------------------------------------------------


def test_imaps_is_tls_on_993_and_the_user_and_password_are_percent_decoded() -> None:
    account = imap.imap_account(
        "imaps://reply%40clinic.org:abcd%20efgh%3A%2F%25%40x@imap.gmail.com/"
    )
    assert (account.host, account.port, account.security) == ("imap.gmail.com", 993, imap.TLS)
    assert account.username == "reply@clinic.org"
    assert account.password == "abcd efgh:/%@x"
    assert "abcd" not in repr(account)


def test_an_at_sign_left_unencoded_in_the_user_name_still_reads() -> None:
    account = imap.imap_account("imaps://reply@clinic.org:secret@mail.clinic.org:1993")
    assert (account.username, account.password, account.port) == (
        "reply@clinic.org",
        "secret",
        1993,
    )


def test_imap_upgrades_with_starttls_and_goes_plain_only_to_this_machine() -> None:
    account = imap.imap_account("imap://u:p@mail.clinic.org")
    assert (account.port, account.security) == (143, imap.STARTTLS)
    for host in ("127.0.0.1", "localhost", "[::1]"):
        assert imap.imap_account(f"imap://u:p@{host}:1143/", starttls=False).security == imap.PLAIN
    with pytest.raises(imap.MailboxConfigError, match="unencrypted"):
        imap.imap_account("imap://u:p@mail.clinic.org", starttls=False)


@pytest.mark.parametrize(
    "url",
    [
        "pop3://u:p@mail.clinic.org",
        "imaps://mail.clinic.org",
        "imaps://u@mail.clinic.org",
        "imaps://u:p@:993",
        "imaps://u:p@mail.clinic.org:port",
        "imaps://u:p@mail.clinic.org/INBOX",
    ],
)
def test_an_unusable_url_is_refused_without_quoting_it(url: str) -> None:
    with pytest.raises(imap.MailboxConfigError) as refused:
        imap.imap_account(url)
    assert "u:p" not in str(refused.value) and "mail.clinic.org" not in str(refused.value)


def test_the_key_names_server_user_and_folder_never_the_password() -> None:
    one = imap.imap_account("imaps://u:first@mail.clinic.org")
    two = imap.imap_account("imaps://u:second@mail.clinic.org")
    assert one.key("INBOX") == two.key("INBOX") != one.key("Replies")
    assert one.key("INBOX") != imap.imap_account("imaps://v:first@mail.clinic.org").key("INBOX")
    assert re.fullmatch(r"[0-9a-f]{64}", one.key("INBOX"))


# --- Where a pass starts; names and answers on the wire ---------------------------------------


def test_a_pass_starts_after_the_last_uid_unless_the_server_renumbered() -> None:
    assert imap.scan_from(stored_validity=None, validity=7, last_uid=0) == 1
    assert imap.scan_from(stored_validity=7, validity=7, last_uid=41) == 42
    assert imap.scan_from(stored_validity=7, validity=8, last_uid=41) == 1


def test_folder_names_are_quoted_modified_utf7_with_the_servers_delimiter() -> None:
    assert imap.folder_name("INBOX") == '"INBOX"'
    assert imap.folder_name("Reengage/Stored", ".") == '"Reengage.Stored"'
    assert imap.folder_name("Reengage/Stored", "/") == '"Reengage/Stored"'
    # RFC 3501, 5.1.3's own example, and an ampersand.
    assert imap.folder_name("~peter/mail/台北/日本語") == '"~peter/mail/&U,BTFw-/&ZeVnLIqe-"'
    assert imap.folder_name('Tom & "Jerry"') == '"Tom &- \\"Jerry\\""'
    assert imap.folder_name("Respuestas/Año") == '"Respuestas/A&APE-o"'


def test_fetch_answers_are_read_for_sizes_and_bodies() -> None:
    sizes = [b"1 (UID 4 RFC822.SIZE 512)", b"2 (RFC822.SIZE 99 UID 9)", b")"]
    assert imap.fetched_sizes(sizes) == {4: 512, 9: 99}
    body = [(b"1 (UID 4 BODY[] {5}", b"Hello"), b")"]
    assert imap.fetched_body(body) == b"Hello"
    assert imap.fetched_body([None]) is None


# --- The back-off, the settings check -------------------------------------------------------


@pytest.mark.django_db
def test_a_server_that_cannot_be_reached_backs_off_doubling_up_to_the_cap(settings, caplog) -> None:
    settings.INBOUND_POLL_INTERVAL = 30
    # A free port: nothing listens there, every connection is refused.
    settings.INBOUND_IMAP_URL = f"imaps://reply:app%20password@127.0.0.1:{free_port()}/"
    started = timezone.now()
    result = services.inbound_poll().mailbox
    assert result.outcome == mailbox.FAILED
    state = InboundMailboxState.objects.get()
    assert state.failures == 1 and state.last_error_at >= started
    assert started + timedelta(seconds=15) <= state.next_attempt_at
    assert state.next_attempt_at <= timezone.now() + timedelta(seconds=30)
    assert result.next_attempt_at == state.next_attempt_at
    assert "error=ConnectionRefusedError" in caplog.text
    assert "app password" not in caplog.text and "app%20password" not in caplog.text

    # Waiting: the server is not asked until then.
    with mock.patch.object(imap, "connect") as connect:
        assert services.inbound_poll().mailbox.outcome == mailbox.WAITING
        connect.assert_not_called()

    # Many failures: never more than the cap between two tries.
    InboundMailboxState.objects.update(failures=20, next_attempt_at=None)
    services.inbound_poll()
    state.refresh_from_db()
    assert state.failures == 21
    assert state.next_attempt_at <= timezone.now() + timedelta(seconds=mailbox.BACKOFF_CAP_SECONDS)


@pytest.mark.django_db
def test_the_command_says_what_the_mailbox_pass_did(settings) -> None:
    InboundMailboxState.objects.create(
        key=imap.imap_account("imaps://u:p@mail.clinic.org").key("INBOX"),
        failures=2,
        next_attempt_at=timezone.now() + timedelta(minutes=5),
    )
    settings.INBOUND_IMAP_URL = "imaps://u:p@mail.clinic.org"
    out = io.StringIO()
    call_command("inbound_poll", stdout=out)
    assert "Mailbox not tried: waiting after failed attempts until" in out.getvalue()
    settings.INBOUND_IMAP_URL = ""
    out = io.StringIO()
    call_command("inbound_poll", stdout=out)
    assert "Mailbox" not in out.getvalue()


def test_the_check_refuses_unusable_mailbox_settings_without_the_password(settings) -> None:
    settings.INBOUND_IMAP_URL = ""
    assert checks.check_mailbox() == []
    settings.INBOUND_IMAP_URL = "imap://reply:hunter2@mail.clinic.org"
    settings.INBOUND_IMAP_STARTTLS = False
    [error] = checks.check_mailbox()
    assert error.id == "intake.E006" and "hunter2" not in error.msg
    settings.INBOUND_IMAP_STARTTLS = True
    assert checks.check_mailbox() == []
    settings.INBOUND_IMAP_AFTER = "delete"
    assert checks.check_mailbox()[0].id == "intake.E006"
    settings.INBOUND_IMAP_AFTER = "move"
    settings.INBOUND_IMAP_MOVE_TO = settings.INBOUND_IMAP_FOLDER
    assert "another folder" in checks.check_mailbox()[0].msg
    settings.INBOUND_IMAP_MOVE_TO = "Reengage/Stored"
    settings.INBOUND_IMAP_CA_FILE = "/nowhere/ca.pem"
    assert "INBOUND_IMAP_CA_FILE" in checks.check_mailbox()[0].msg


# --- Health and the dashboard ---------------------------------------------------------------

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_the_mailbox_is_stale_after_five_poll_intervals_and_failing_after_a_failure() -> None:
    def state(age: float | None, failures: int = 0) -> str:
        last = None if age is None else NOW - timedelta(seconds=age)
        return health.mailbox_state(last, failures, now=NOW, interval=30).state

    assert state(None) == "not read yet"
    assert state(10) == "ok" and state(150) == "ok"
    assert state(151) == "stale"
    assert state(10, failures=1) == "failing"
    assert health.mailbox_state(NOW - timedelta(minutes=7), 0, now=NOW, interval=30).minutes == 7


@pytest.mark.django_db
def test_health_tells_the_mailbox_only_in_detail_and_the_public_answer_reads_nothing_more(
    settings, django_assert_num_queries
) -> None:
    settings.HEALTHZ_TOKEN = "monitor-token"
    settings.INBOUND_IMAP_URL = "imaps://u:p@mail.clinic.org"
    with django_assert_num_queries(1):
        assert Client().get("/healthz").json() == {"status": "ok"}
    detail = Client().get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()
    assert detail["mailbox"] == {
        "state": "not read yet",
        "last_read_at": None,
        "last_read_seconds": None,
        "failures": 0,
    }
    assert detail["status"] == "degraded"
    InboundMailboxState.objects.create(
        key=imap.mailbox_configured().key, last_success_at=timezone.now()
    )
    detail = Client().get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()
    assert detail["mailbox"]["state"] == "ok" and detail["status"] == "ok"
    settings.INBOUND_IMAP_URL = ""
    detail = Client().get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()
    assert "mailbox" not in detail


def _dashboard(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("intake-dashboard"))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_dashboard_says_when_the_mailbox_was_last_read_and_warns_when_stale(
    roles, settings
) -> None:
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name="Program admin"))
    assert "Mailbox" not in _dashboard(pat)  # no mailbox read: nothing said

    settings.INBOUND_IMAP_URL = "imaps://u:p@mail.clinic.org"
    settings.INBOUND_POLL_INTERVAL = 60
    row = InboundMailboxState.objects.create(
        key=imap.mailbox_configured().key,
        last_success_at=timezone.now() - timedelta(minutes=3, seconds=10),
    )
    page = _dashboard(pat)
    assert '<p id="mailbox-read">Mailbox last read 3 minutes ago.</p>' in page
    assert "may be waiting" not in page

    row.last_success_at = timezone.now() - timedelta(minutes=61)
    row.save()
    page = _dashboard(pat)
    assert 'class="warning" id="mailbox-read"> Mailbox last read 61 minutes ago.' in page
    assert "Replies people sent by e-mail may be waiting there." in page
    assert "imaps" not in page and "mail.clinic.org" not in page
