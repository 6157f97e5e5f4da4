"""Two-step sign-in is set up only from a one-time link a program admin sent; recovery codes.

A leaked first password alone never puts anyone's authenticator on an account: the set-up
page needs a link that was e-mailed to the account's own address (or printed by an operator
with ``manage.py enrolment_link``). The link works once and expires, only its hash is kept,
and each enrolment, replacement and recovery-code sign-in is audited and e-mailed to the
account. The session key changes when the second step is passed.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import services
from intake.exceptions import EnrolmentReason, EnrolmentRefused
from intake.models import (
    AuditEvent,
    EnrolmentLink,
    OutboundMessage,
    RecoveryCode,
    RecoveryCodeDevice,
)
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from intake.security import RedactPersonalData
from tests import support
from tests.factories import UserFactory, default_queue, submission

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
CODE = re.compile(r"<code>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})</code>")
# Words that would say what this is about, and what a person wrote (see tests/test_i18n.py).
HEALTH_WORDS = ("treatment", "therapy", "therapist", "clinic", "recovery program", "rehab")


@pytest.fixture(autouse=True)
def _two_step(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"


@pytest.fixture
def lee(roles):
    user = UserFactory(username="lee", email="lee@clinic.test")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user


@pytest.fixture
def pat(roles):
    """A program admin, already enrolled."""
    user = UserFactory(username="pat", email="pat@clinic.test")
    user.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client: Client, username: str):
    return client.post("/admin/login/", {"username": username, "password": PASSWORD})


def verified_client(user) -> Client:
    """A session past both steps (for the staff screens)."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    response = client.post("/admin/2fa/verify/", {"token": code_for(device)})
    assert response.status_code == 302, response.content.decode()
    return client


def issue(user, captured, actor=None) -> str:
    """Send a set-up link the way a program admin does; the URL from the e-mail."""
    mail.outbox.clear()
    with captured(execute=True):
        services.enrolment_link_issue(actor=actor, user_id=user.pk)
    assert len(mail.outbox) == 1
    found = re.search(r"https?://\S+/admin/2fa/enrol/[\w-]+/", mail.outbox[0].body)
    assert found, mail.outbox[0].body
    return found.group(0)


def enrol(client: Client, user, link_url: str, captured) -> list[str]:
    """Open the link, sign in, scan, type the code: the recovery codes the page shows."""
    opened = client.get(path_of(link_url))
    assert opened.status_code == 302
    if not client.session.get("_auth_user_id"):
        assert urlsplit(opened["Location"]).path == "/admin/login/"
        assert sign_in(client, user.get_username()).status_code == 302
    setup = client.get("/admin/2fa/setup/")
    assert setup.status_code == 200 and 'class="qr"' in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    with captured(execute=True):
        done = client.post("/admin/2fa/setup/", {"token": code_for(device)})
    assert done.status_code == 200, done.content.decode()
    return CODE.findall(done.content.decode())


# --- the link -------------------------------------------------------------------------------


def test_the_password_alone_cannot_set_up_an_authenticator(lee) -> None:
    client = Client()
    assert sign_in(client, "lee").status_code == 302
    gate = client.get("/admin/intake/inquiry/")
    assert urlsplit(gate["Location"]).path == "/admin/2fa/setup/"
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 403
    text = html.unescape(page.content.decode())
    assert "one-time link your program admin sends" in text and 'class="qr"' not in text
    assert client.post("/admin/2fa/setup/", {"token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=lee).exists()


def test_a_link_sets_up_the_authenticator_once(lee, django_capture_on_commit_callbacks) -> None:
    url = issue(lee, django_capture_on_commit_callbacks)
    client = Client()
    codes = enrol(client, lee, url, django_capture_on_commit_callbacks)
    assert len(codes) == services.RECOVERY_CODE_COUNT == len(set(codes))
    assert TOTPDevice.objects.get(user=lee).confirmed
    assert client.get("/admin/intake/inquiry/").status_code == 200  # verified already

    again = Client().get(path_of(url))
    assert again.status_code == 410
    assert "This link has been used" in html.unescape(again.content.decode())
    assert EnrolmentLink.objects.get(user=lee).used_at is not None


def test_a_link_opened_in_two_places_enrols_only_one(
    lee, django_capture_on_commit_callbacks
) -> None:
    url = issue(lee, django_capture_on_commit_callbacks)
    first, second = Client(), Client()
    for client in (first, second):
        client.get(path_of(url))
        sign_in(client, "lee")
    second.get("/admin/2fa/setup/")  # the second place saw a secret of its own
    enrol(first, lee, url, django_capture_on_commit_callbacks)
    late = second.post("/admin/2fa/setup/", {"token": "123456"})
    assert late.status_code in (302, 403)  # no set-up page any more: on to the code instead
    assert TOTPDevice.objects.filter(user=lee).count() == 1
    assert TOTPDevice.objects.get(user=lee).confirmed


def test_the_link_is_used_up_by_the_first_confirmation_even_in_a_race(
    lee, django_capture_on_commit_callbacks
) -> None:
    issued = services.enrolment_link_issue(actor=None, user_id=lee.pk, send=False)
    first = services.authenticator_start(user=lee, link_id=issued.link.pk)
    services.authenticator_enrol(user=lee, link_id=issued.link.pk, device_id=first.pk)
    second = TOTPDevice.objects.create(user=lee, name="authenticator", confirmed=False)
    with pytest.raises(EnrolmentRefused) as refused:
        services.authenticator_enrol(user=lee, link_id=issued.link.pk, device_id=second.pk)
    assert refused.value.reason == EnrolmentReason.USED
    assert list(TOTPDevice.objects.filter(user=lee, confirmed=True)) == [first]


def test_only_a_hash_of_the_token_is_kept(lee, django_capture_on_commit_callbacks) -> None:
    url = issue(lee, django_capture_on_commit_callbacks)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = EnrolmentLink.objects.get(user=lee)
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    for row in EnrolmentLink.objects.values():
        assert token not in " ".join(str(v) for v in row.values())
    # The e-mail carried it; once sent, the outbox row no longer holds the link.
    message = OutboundMessage.objects.get(recipient=lee)
    assert message.status == OutboundMessage.Status.SENT and message.body == ""


def test_a_link_expires(lee, settings, django_capture_on_commit_callbacks) -> None:
    settings.ENROLMENT_LINK_HOURS = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        url = issue(lee, django_capture_on_commit_callbacks)
        assert "for the next 2 hours" in mail.outbox[0].body
        clock.shift(timedelta(hours=2, minutes=-1))
        assert Client().get(path_of(url)).status_code == 302  # still good
        client = Client()
        client.get(path_of(url))
        sign_in(client, "lee")
        assert client.get("/admin/2fa/setup/").status_code == 200
        clock.shift(timedelta(minutes=2))
        late = Client().get(path_of(url))
        assert late.status_code == 410
        assert "This link has expired" in html.unescape(late.content.decode())
        # A set-up page opened before the end stops working too.
        assert client.get("/admin/2fa/setup/").status_code == 403
    assert not TOTPDevice.objects.filter(user=lee, confirmed=True).exists()


def test_a_newer_link_replaces_the_older_one(lee, django_capture_on_commit_callbacks) -> None:
    older = issue(lee, django_capture_on_commit_callbacks)
    newer = issue(lee, django_capture_on_commit_callbacks)
    page = Client().get(path_of(older))
    assert page.status_code == 410
    assert "This link has been replaced" in html.unescape(page.content.decode())
    assert Client().get(path_of(newer)).status_code == 302


def test_an_unknown_link_is_a_kind_404(lee) -> None:
    page = Client().get("/admin/2fa/enrol/not-a-real-token/")
    assert page.status_code == 404
    assert "This link doesn't work" in html.unescape(page.content.decode())


def test_a_link_for_someone_else_does_nothing_in_this_session(
    lee, pat, django_capture_on_commit_callbacks, caplog
) -> None:
    url = issue(lee, django_capture_on_commit_callbacks)
    token = url.rstrip("/").rsplit("/", 1)[1]
    client = Client()
    sign_in(client, "pat")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        page = client.get(path_of(url))
    assert page.status_code == 403
    assert "This link is for someone else" in html.unescape(page.content.decode())
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/2fa/verify/")
    # The refusal is audited and logged, without the (still good) token.
    denied = AuditEvent.objects.get(actor=pat, action="denied")
    assert denied.path == "/admin/2fa/enrol/-/"
    refused = [r for r in caplog.records if r.name == "django.request"]
    assert refused
    for record in refused:
        assert RedactPersonalData().filter(record)
        assert token not in record.getMessage()
        assert "/admin/2fa/enrol/[link]/" in record.getMessage()


def test_a_link_replaces_a_lost_authenticator(lee, django_capture_on_commit_callbacks) -> None:
    lost = TOTPDevice.objects.create(user=lee, name="authenticator", confirmed=True)
    url = issue(lee, django_capture_on_commit_callbacks)
    client = Client()
    client.get(path_of(url))
    sign_in(client, "lee")
    # With the link open, the gate asks to set up, not for the lost phone's code.
    assert urlsplit(client.get("/admin/start/")["Location"]).path == "/admin/2fa/setup/"
    page = client.get("/admin/2fa/setup/")
    assert "This replaces the authenticator" in page.content.decode()
    device = TOTPDevice.objects.get(user=lee, confirmed=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/admin/2fa/setup/", {"token": code_for(device)})
    assert "the old one no longer works" in html.unescape(done.content.decode())
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert AuditEvent.objects.filter(
        actor=lee, action="change", object_type="totpdevice", object_id=str(device.pk)
    ).exists()
    assert [m.to for m in mail.outbox] == [["lee@clinic.test"]]
    assert "A new authenticator was added" in mail.outbox[0].subject


# --- who sends it, and what the e-mails say --------------------------------------------------


def test_a_program_admin_sends_a_link_from_the_accounts_page(
    lee, pat, django_capture_on_commit_callbacks
) -> None:
    client = verified_client(pat)
    page = client.get(f"/admin/auth/user/{lee.pk}/change/").content.decode()
    assert "Send a set-up link by e-mail" in page and "Not set up" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/auth/user/{lee.pk}/enrolment-link/", follow=True)
    text = html.unescape(response.content.decode())
    assert "A set-up link is on its way to lee's e-mail" in text
    assert "/admin/2fa/enrol/" not in text  # whoever sends it never sees it
    assert [m.to for m in mail.outbox] == [["lee@clinic.test"]]
    assert "set-up link sent, works until" in client.get("/admin/auth/user/").content.decode()
    audit = AuditEvent.objects.get(object_type="enrolmentlink")
    assert audit.actor == pat and audit.action == "create"
    assert EnrolmentLink.objects.get(user=lee).created_by == pat


def test_a_program_admin_sends_links_to_several_accounts_at_once(
    lee, pat, django_capture_on_commit_callbacks
) -> None:
    kim = UserFactory(username="kim", email="kim@clinic.test")
    nobody = UserFactory(username="nomail", email="")
    client = verified_client(pat)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/auth/user/",
            {
                "action": "send_enrolment_link",
                "index": "0",
                "_selected_action": [lee.pk, kim.pk, nobody.pk],
            },
            follow=True,
        )
    text = html.unescape(response.content.decode())
    assert "Set-up link sent by e-mail to: kim, lee." in text
    assert "nomail: this account has no e-mail address" in text.lower()
    assert sorted(m.to[0] for m in mail.outbox) == ["kim@clinic.test", "lee@clinic.test"]
    assert not EnrolmentLink.objects.filter(user=nobody).exists()


def test_only_those_allowed_send_links_and_never_to_a_superuser(lee, pat, roles) -> None:
    coordinator = verified_client(lee_with_device(lee))
    refused = coordinator.post(f"/admin/auth/user/{lee.pk}/enrolment-link/")
    assert refused.status_code == 403
    root = UserFactory(username="root", email="root@clinic.test", is_superuser=True)
    client = verified_client(pat)
    response = client.post(f"/admin/auth/user/{root.pk}/enrolment-link/", follow=True)
    assert "Only a superuser can send a set-up link" in html.unescape(response.content.decode())
    assert not EnrolmentLink.objects.filter(user=root).exists()
    assert client.get(f"/admin/auth/user/{pat.pk}/enrolment-link/").status_code == 405


def lee_with_device(lee):
    TOTPDevice.objects.create(user=lee, name="authenticator", confirmed=True)
    lee.user_permissions.clear()
    return lee


def test_account_mail_says_nothing_about_any_inquiry_or_health(
    lee, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_submit(submission=submission(message="I relapsed and need treatment"))
    url = issue(lee, django_capture_on_commit_callbacks)
    enrol(Client(), lee, url, django_capture_on_commit_callbacks)
    account_mail = [m for m in mail.outbox if m.to == ["lee@clinic.test"]]
    assert len(account_mail) == 2  # the link, then "a new authenticator was added"
    for message in account_mail:
        shown = " ".join(
            [message.subject, message.body, *(alt[0] for alt in message.alternatives)]
        ).lower()
        for word in (*HEALTH_WORDS, "relapsed", "sam", "sam@example.com", "inquiry"):
            assert word not in shown, (message.subject, word)
    assert "if this wasn't you, tell your program admin" in account_mail[1].body.lower()
    rows = OutboundMessage.objects.filter(recipient=lee)
    assert {m.kind for m in rows} == {"enrolment_link", "account_notice"}
    assert all(m.inquiry_id is None for m in rows)


def test_account_mail_is_skipped_when_the_account_has_no_address_at_send_time(
    lee, django_capture_on_commit_callbacks
) -> None:
    services.enrolment_link_issue(actor=None, user_id=lee.pk)  # queued, not yet sent
    message = OutboundMessage.objects.get(recipient=lee)
    assert message.body.startswith("http")
    type(lee).objects.filter(pk=lee.pk).update(email="")
    services.message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SKIPPED and message.body == ""
    assert mail.outbox == []
    # A failed link mail is not retried (its address is gone): a new link is sent instead.
    OutboundMessage.objects.filter(pk=message.pk).update(status=OutboundMessage.Status.FAILED)
    assert services.message_retry_now(actor=None, message_id=message.pk) is None


def test_a_workers_batch_sends_account_mail_with_the_rest(lee) -> None:
    """On a worker a delivery takes due messages together: account mail among them."""
    if not connection.features.has_select_for_update_skip_locked:
        support.require("services", "batched delivery needs PostgreSQL: set DATABASE_URL")
    default_queue()
    inquiry = services.inquiry_submit(submission=submission())  # its tasks never ran
    services.enrolment_link_issue(actor=None, user_id=lee.pk)
    acknowledgement = inquiry.messages.get()
    link_mail = OutboundMessage.objects.get(recipient=lee)
    services.message_deliver(message_id=acknowledgement.pk, batch=5)
    for message in (acknowledgement, link_mail):
        message.refresh_from_db()
        assert message.status == OutboundMessage.Status.SENT
    assert link_mail.body == ""  # the link left the outbox with its mail
    assert sorted(m.to[0] for m in mail.outbox) == ["lee@clinic.test", "sam@example.com"]
    assert inquiry.events.filter(kind="message_sent").count() == 1


def test_an_outbound_message_is_about_an_inquiry_or_to_an_account(lee) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundMessage.objects.create(kind="account_notice", channel="email", template_key="x")


# --- the command ----------------------------------------------------------------------------


def test_the_command_prints_a_link_that_works_once(lee, django_capture_on_commit_callbacks):
    out, err = StringIO(), StringIO()
    call_command("enrolment_link", "lee", stdout=out, stderr=err)
    url = out.getvalue().strip()
    assert re.fullmatch(r"https?://\S+/admin/2fa/enrol/[\w-]+/", url), url
    assert "works once" in err.getvalue()
    assert mail.outbox == []  # printed only
    enrol(Client(), lee, url, django_capture_on_commit_callbacks)
    assert Client().get(path_of(url)).status_code == 410
    audit = AuditEvent.objects.get(object_type="enrolmentlink")
    assert audit.actor is None and audit.action == "create"


def test_the_command_can_also_send_the_link(lee, django_capture_on_commit_callbacks) -> None:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enrolment_link", "lee", "--send", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() in mail.outbox[0].body


def test_the_command_refuses_unknown_and_inactive_accounts(lee) -> None:
    with pytest.raises(CommandError, match="No account is called"):
        call_command("enrolment_link", "nobody", stdout=StringIO())
    type(lee).objects.filter(pk=lee.pk).update(is_active=False)
    with pytest.raises(CommandError, match="only for active staff"):
        call_command("enrolment_link", "lee", stdout=StringIO())
    assert not EnrolmentLink.objects.exists()


# --- recovery codes, audit and the session key -----------------------------------------------


def test_recovery_codes_are_kept_hashed_and_each_signs_in_once(
    lee, django_capture_on_commit_callbacks
) -> None:
    codes = enrol(
        Client(),
        lee,
        issue(lee, django_capture_on_commit_callbacks),
        django_capture_on_commit_callbacks,
    )
    stored = RecoveryCode.objects.filter(device__user=lee)
    assert stored.count() == 10
    for row in stored:
        assert all(code.replace("-", "") not in row.code_hash for code in codes)
        assert row.code_hash.startswith("sha256$")

    def sign_in_with(code: str) -> Client:
        client = Client()
        sign_in(client, "lee")
        client.post("/admin/2fa/verify/", {"token": code, "next": "/admin/start/"})
        return client

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = Client()
        sign_in(first, "lee")
        used = first.post("/admin/2fa/verify/", {"token": codes[0], "next": "/admin/start/"})
    assert used.status_code == 302 and used["Location"] == "/admin/start/"
    assert first.get("/admin/intake/inquiry/").status_code == 200
    assert "one-time code was used to sign in" in mail.outbox[0].subject
    assert "One of your recovery codes was used" in mail.outbox[0].body
    assert "You have 9 recovery codes left." in mail.outbox[0].body

    with time_machine.travel(timezone.now() + timedelta(seconds=2)):  # past the back-off
        again = Client()
        sign_in(again, "lee")
        refused = again.post("/admin/2fa/verify/", {"token": codes[0]})
        assert refused.status_code == 200 and "did not match" in refused.content.decode()
        assert again.get("/admin/intake/inquiry/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        # Typed as people type them: capitals and spaces instead of hyphens.
        typed = codes[1].upper().replace("-", " ")
        other = sign_in_with(typed)
        assert other.get("/admin/intake/inquiry/").status_code == 200
    assert stored.filter(used_at__isnull=True).count() == 8
    assert (
        AuditEvent.objects.filter(
            actor=lee, action="change", object_type="recoverycodedevice"
        ).count()
        == 2
    )


def test_enrolment_is_audited(lee, pat, django_capture_on_commit_callbacks) -> None:
    url = issue(lee, django_capture_on_commit_callbacks, actor=pat)
    enrol(Client(), lee, url, django_capture_on_commit_callbacks)
    rows = {
        (e.actor.username if e.actor else None, e.action, e.object_type, e.path)
        for e in AuditEvent.objects.all()
    }
    device = TOTPDevice.objects.get(user=lee)
    recovery = RecoveryCodeDevice.objects.get(user=lee)
    assert ("pat", "create", "enrolmentlink", "") in rows
    assert ("lee", "create", "totpdevice", "/admin/2fa/setup/") in rows
    assert ("lee", "create", "recoverycodedevice", "/admin/2fa/setup/") in rows
    assert AuditEvent.objects.filter(object_type="totpdevice", object_id=str(device.pk)).exists()
    assert AuditEvent.objects.filter(
        object_type="recoverycodedevice", object_id=str(recovery.pk)
    ).exists()


def test_the_session_key_changes_at_the_second_step(lee) -> None:
    device = TOTPDevice.objects.create(user=lee, name="authenticator", confirmed=True)
    client = Client()
    sign_in(client, "lee")
    before = client.session.session_key
    assert client.get("/admin/intake/inquiry/").status_code == 302
    client.post("/admin/2fa/verify/", {"token": code_for(device)})
    after = client.session.session_key
    assert before and after and before != after
    assert client.get("/admin/intake/inquiry/").status_code == 200
    # The key seen before the second step opens nothing.
    stale = Client()
    stale.cookies["sessionid"] = before
    assert stale.get("/admin/intake/inquiry/").status_code == 302


def test_the_session_key_changes_when_an_authenticator_is_set_up(
    lee, django_capture_on_commit_callbacks
) -> None:
    url = issue(lee, django_capture_on_commit_callbacks)
    client = Client()
    client.get(path_of(url))
    sign_in(client, "lee")
    client.get("/admin/2fa/setup/")
    before = client.session.session_key
    device = TOTPDevice.objects.get(user=lee, confirmed=False)
    client.post("/admin/2fa/setup/", {"token": code_for(device)})
    after = client.session.session_key
    assert before != after
    assert client.get("/admin/intake/inquiry/").status_code == 200


def test_the_second_step_gate_is_anchored_to_the_whole_path(lee) -> None:
    TOTPDevice.objects.create(user=lee, name="authenticator", confirmed=True)
    client = Client()
    sign_in(client, "lee")
    for sneaky in (
        "/admin/intake/inquiry/login/",
        "/admin/intake/inquiry/2fa/verify/",
        "/admin/auth/user/logout/",
        "/admin/intake/inquiry/?x=/login/",
    ):
        response = client.get(sneaky)
        assert response.status_code == 302, sneaky
        assert urlsplit(response["Location"]).path == "/admin/2fa/verify/", sneaky
