"""Fault drills on the real parts: Redis, SMTP and worker processes fail on purpose.

Each drill runs gunicorn and/or a real prefork Celery worker (beat embedded, sweeping every
second, ROUTING_GRACE_SECONDS=2) against the PostgreSQL test database, breaks one part, and
checks the promise of the README's "How nothing gets lost": every inquiry is saved, every
message owed is delivered exactly once (or marked failed after its last attempt), and nothing
personal crosses the broker or reaches a log.
"""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from intake import services
from intake.models import Inquiry, InquiryEvent, OutboundMessage
from tests import support
from tests.factories import default_queue

pytestmark = pytest.mark.integration

DELIVER = "intake.tasks.message_deliver_task"
ACK = OutboundMessage.Kind.ACKNOWLEDGEMENT
SENT = OutboundMessage.Status.SENT
PENDING = OutboundMessage.Status.PENDING
FAILED = OutboundMessage.Status.FAILED

FORM = {
    "message": "Hey, I'm thinking about coming back. Is that okay?",
    "contact_method": "email",
    "consent": "on",
}


def form(email: str, **extra: str) -> dict[str, str]:
    return {**FORM, "email": email, **extra}


def row(message_id: int) -> OutboundMessage:
    return OutboundMessage.objects.get(pk=message_id)


def events(message: OutboundMessage, kind: str) -> list[InquiryEvent]:
    return [
        e
        for e in InquiryEvent.objects.filter(inquiry_id=message.inquiry_id, kind=kind)
        if e.data.get("message") == message.pk
    ]


def publish_delivery(redis_url: str, message_id: int, *, times: int = 1, task_id=None) -> None:
    """Publish the delivery task by name on the drill's Redis, as the web does on commit."""
    with support.broker_app(redis_url) as app:
        for _ in range(times):
            app.send_task(DELIVER, args=[message_id], queue="messages", task_id=task_id)


# --- 1. Redis down while forms are posted ----------------------------------------------

POSTS = 50
# Posting must leave the drill time to recover inside its 60 s: with Redis down each post
# must fail its publish at once (the row and the sweeper carry the work), not wait on it.
POSTING_BUDGET = 25.0
# Redis stays down at least this long, like a real restart or failover: longer than a few
# reconnect attempts, so a worker that gives up on the broker is caught.
MIN_OUTAGE = 10.0


def test_redis_down_while_50_forms_are_posted_loses_none_and_acknowledges_each_once_after_restart(
    stack_env, app_processes, redis_server, smtp_server
) -> None:
    default_queue()
    web = app_processes.web(stack_env)
    worker = app_processes.worker(stack_env)
    redis_server.stop()
    down_at = time.monotonic()

    client = support.FormClient(web.url, timeout=10)
    emails = [f"outage-{i}@example.com" for i in range(POSTS)]
    answers: list[support.Response] = []
    started = time.monotonic()
    for i, email in enumerate(emails):
        answers.append(client.submit(form(email)))
        spent = time.monotonic() - started
        assert spent < POSTING_BUDGET, (
            f"only {i + 1} of {POSTS} forms posted in {spent:.1f}s with Redis down "
            f"(last POST took {answers[-1].elapsed:.2f}s): the web waits on the dead broker"
        )
    assert [a.status for a in answers] == [303] * POSTS, [a.body[:200] for a in answers]
    slowest = max(a.elapsed for a in answers)
    assert slowest < 5.0, f"a POST took {slowest:.2f}s with Redis down"

    # Everything is saved and owed while the broker is down; nothing could be sent yet.
    assert Inquiry.objects.count() == POSTS
    assert OutboundMessage.objects.filter(kind=ACK, status=PENDING).count() == POSTS
    assert smtp_server.sink.count() == 0

    time.sleep(max(0.0, MIN_OUTAGE - (time.monotonic() - down_at)))
    assert worker.proc.poll() is None, (
        f"the worker exited during a {MIN_OUTAGE:.0f}s Redis outage instead of waiting for it:\n"
        + "\n".join(line for line in worker.log().splitlines() if "CRITICAL" in line)
    )
    redis_server.start()  # same port: the worker reconnects, the sweeper re-enqueues
    support.wait_until(
        lambda: smtp_server.sink.count() >= POSTS,
        timeout=30,
        interval=0.2,
        what=f"{POSTS} acknowledgements after Redis came back",
    )
    time.sleep(3)  # three more sweeps must send nothing again

    copies = smtp_server.sink.copies_by_message_id()
    assert smtp_server.sink.count() == POSTS
    assert len(copies) == POSTS and set(copies.values()) == {1}
    assert sorted(str(m["To"]) for m in smtp_server.sink.messages) == sorted(emails)
    for message in OutboundMessage.objects.filter(kind=ACK):
        assert message.status == SENT, (message.pk, message.status, message.last_error)
        assert copies.get(message.message_id) == 1
        assert len(events(message, InquiryEvent.Kind.MESSAGE_SENT)) == 1
    assert worker.proc.poll() is None, "the worker must ride out the outage, not exit"
    assert " 500 " not in web.log() and "Traceback" not in web.log()


# --- 2. Pool child killed while the SMTP server holds the message ------------------------


def test_pool_child_killed_before_smtp_answers_data_acknowledges_exactly_once(
    stack_env, app_processes, redis_server
) -> None:
    sink = support.GatedSMTPSink()
    smtp = support.SMTPServer(sink=sink)
    smtp.start()
    try:
        # A short lease, so the sweeper takes the row back soon after its sender died; a long
        # client timeout, so only the kill (never the client giving up) ends the held send.
        env = {
            **stack_env,
            "EMAIL_URL": smtp.url,
            "OUTBOX_LEASE_SECONDS": "3",
            "EMAIL_TIMEOUT": "30",
        }
        default_queue()
        worker = app_processes.worker(env)
        message = support.owe_acknowledgement("held.mid.send@example.com")
        publish_delivery(redis_server.url, message.pk)

        # The whole DATA is in; the server has not answered: kill the process that sent it.
        assert sink.arrived.wait(20), "the delivery never reached DATA"
        pool = support.child_pids(worker.proc.pid)
        sender = support.tcp_socket_owner(sink.held_peer[1], pool)
        assert sender is not None, f"no pool child of {worker.proc.pid} holds the SMTP socket"
        assert row(message.pk).status == OutboundMessage.Status.SENDING
        assert not sink.abandoned.is_set()
        os.kill(sender, signal.SIGKILL)
        support.wait_until(sink.abandoned.is_set, timeout=5, what="SMTP session dropped")
        sink.release.set()
        assert sink.count() == 0, "the held copy must never have been accepted"

        support.wait_until(
            lambda: row(message.pk).status == SENT, timeout=30, what="delivery after the kill"
        )
        time.sleep(4)  # past another lease and several sweeps: no second copy
        message.refresh_from_db()
        assert sink.copies_by_message_id() == {message.message_id: 1}
        assert message.status == SENT and message.attempts >= 2
        assert len(events(message, InquiryEvent.Kind.MESSAGE_SENT)) == 1
        assert not support.pid_alive(sender)
        assert worker.proc.poll() is None, "the worker replaces its pool child and goes on"
    finally:
        sink.release.set()
        smtp.stop()


# --- 3. SMTP down, then back; SMTP that never answers -----------------------------------


def test_smtp_refusing_connections_is_retried_with_growing_waits_then_delivered_once(
    stack_env, app_processes
) -> None:
    smtp = support.SMTPServer()  # its port is reserved but nothing listens yet: refused
    env = {**stack_env, "EMAIL_URL": smtp.url}
    default_queue()
    app_processes.worker(env)
    message = support.owe_acknowledgement("smtp.down@example.com")  # the sweeper finds it

    failed: dict[int, OutboundMessage] = {}

    def three_failed_attempts() -> bool:
        current = row(message.pk)
        if current.status == PENDING and current.next_attempt_at and current.attempts:
            failed.setdefault(current.attempts, current)
        return len(failed) >= 3

    try:
        support.wait_until(
            three_failed_attempts, timeout=30, interval=0.05, what="three refused attempts"
        )
        smtp.start()  # the server comes back on the same port
        support.wait_until(
            lambda: row(message.pk).status == SENT, timeout=20, what="delivery once SMTP is back"
        )
        time.sleep(2)
    finally:
        smtp.stop()

    assert sorted(failed)[:3] == [1, 2, 3], sorted(failed)
    attempts = [failed[n] for n in (1, 2, 3)]
    for attempt in attempts:
        assert "ConnectionRefusedError" in attempt.last_error, attempt.last_error
    due = [a.next_attempt_at for a in attempts]
    assert due[0] < due[1] < due[2], due
    waits = [(a.next_attempt_at - a.updated_at).total_seconds() for a in attempts]
    assert waits[0] <= waits[1] <= waits[2] and waits[2] > waits[0], waits

    message.refresh_from_db()
    assert smtp.sink.copies_by_message_id() == {message.message_id: 1}
    assert message.attempts >= 4 and message.last_error == ""
    assert len(events(message, InquiryEvent.Kind.MESSAGE_RETRY)) == message.attempts - 1
    assert len(events(message, InquiryEvent.Kind.MESSAGE_SENT)) == 1


def test_smtp_that_accepts_but_never_answers_fails_within_email_timeout_and_is_retried(
    stack_env, app_processes
) -> None:
    silent = support.SilentTCPServer()
    silent.start()
    try:
        env = {**stack_env, "EMAIL_URL": f"smtp://127.0.0.1:{silent.port}"}
        timeout = float(env["EMAIL_TIMEOUT"])
        assert timeout == 3
        default_queue()
        app_processes.worker(env)
        message = support.owe_acknowledgement("smtp.hangs@example.com")

        first = support.wait_until(
            lambda: (r := row(message.pk)).attempts == 1 and r.status == PENDING and r,
            timeout=20,
            interval=0.05,
            what="the first attempt to give up",
        )
        took = first.updated_at.timestamp() - silent.accepted_at[0]
        assert timeout - 0.5 <= took <= timeout + 2, f"the hung send took {took:.1f}s"
        assert first.last_error and first.next_attempt_at is not None

        retried = support.wait_until(
            lambda: (r := row(message.pk)).attempts >= 2 and r.status == PENDING and r,
            timeout=20,
            interval=0.05,
            what="a second attempt to give up too",
        )
    finally:
        silent.stop()
    assert retried.last_error and retried.next_attempt_at is not None
    assert retried.next_attempt_at > first.next_attempt_at
    assert len(silent.accepted_at) >= 2
    assert len(events(message, InquiryEvent.Kind.MESSAGE_RETRY)) >= 2


# --- 4. A poison message --------------------------------------------------------------


def test_poison_message_exhausts_its_attempts_is_failed_and_other_messages_keep_flowing(
    stack_env, app_processes
) -> None:
    poison_email = "poison.pill@example.com"
    sink = support.RefusingSMTPSink(refuse=frozenset({poison_email}))
    smtp = support.SMTPServer(sink=sink)
    smtp.start()
    try:
        env = {**stack_env, "EMAIL_URL": smtp.url, "OUTBOX_MAX_ATTEMPTS": "3"}
        default_queue()
        web = app_processes.web(env)
        app_processes.worker(env)
        client = support.FormClient(web.url)

        assert client.submit(form(poison_email)).status == 303
        poison = OutboundMessage.objects.get(kind=ACK)
        others = [f"flowing-{i}@example.com" for i in range(6)]
        for email in others[:3]:
            assert client.submit(form(email)).status == 303
        support.wait_until(
            lambda: row(poison.pk).attempts >= 2, timeout=20, what="poison retried once"
        )
        for email in others[3:]:  # posted while the poison is still being retried
            assert client.submit(form(email)).status == 303

        support.wait_until(
            lambda: row(poison.pk).status == FAILED, timeout=25, what="poison marked failed"
        )
        support.wait_until(
            lambda: sink.count() >= len(others), timeout=20, what="the other acknowledgements"
        )
        time.sleep(2.5)  # more sweeps: a failed message stays failed
    finally:
        smtp.stop()

    poison.refresh_from_db()
    assert poison.status == FAILED and poison.attempts == 3
    assert "451" in poison.last_error, poison.last_error
    assert len(sink.refused) == 3
    failed = events(poison, InquiryEvent.Kind.MESSAGE_FAILED)
    assert [e.reason for e in failed] == ["too_many_attempts"]
    copies = sink.copies_by_message_id()
    assert poison.message_id not in copies
    assert sorted(str(m["To"]) for m in sink.messages) == sorted(others)
    assert set(copies.values()) == {1}
    assert OutboundMessage.objects.filter(kind=ACK, status=SENT).count() == len(others)


# --- 5. The same delivery twice at once -----------------------------------------------


def _run_together(fn, n: int) -> list:
    """Run ``fn`` in ``n`` threads released at the same instant; results (or exceptions)."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait(5)
            results[i] = fn()
        except Exception as exc:
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_same_delivery_run_concurrently_in_threads_sends_one_email(
    transactional_db, smtp_server
) -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        support.require("services", "integration tests need PostgreSQL: set DATABASE_URL")
    default_queue()
    messages = [support.owe_acknowledgement(f"twice-{i}@example.com") for i in range(8)]
    smtp_settings = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": smtp_server.port,
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
    }
    with override_settings(**smtp_settings):
        for message in messages:
            results = _run_together(
                lambda pk=message.pk: services.message_deliver(message_id=pk), 4
            )
            errors = [r for r in results if isinstance(r, Exception)]
            assert errors == []
            winners = [r for r in results if r is not None]
            assert len(winners) == 1 and winners[0].status == SENT, results

    assert smtp_server.sink.copies_by_message_id() == {m.message_id: 1 for m in messages}
    for message in messages:
        message.refresh_from_db()
        assert message.status == SENT and message.attempts == 1
        assert len(events(message, InquiryEvent.Kind.MESSAGE_SENT)) == 1


def test_same_task_published_twice_to_a_two_process_worker_sends_one_email(
    stack_env, app_processes, redis_server, smtp_server
) -> None:
    smtp_server.sink.delay = 0.5  # the first copy is still mid-send when the second one runs
    default_queue()
    worker = app_processes.worker(stack_env, beat=False, concurrency=2)
    message = support.owe_acknowledgement("published.twice@example.com")
    task_id = str(uuid.uuid4())
    publish_delivery(redis_server.url, message.pk, times=2, task_id=task_id)

    # No beat in this worker: the two copies are the only delivery tasks it ever runs. (Log
    # lines are matched without the task id, which log redaction may rewrite.)
    support.wait_until(
        lambda: len(re.findall(rf"{DELIVER}\[.*\] succeeded", worker.log())) == 2,
        timeout=20,
        what="both copies of the task to run",
    )
    assert len(re.findall(rf"{DELIVER}\[.*\] received", worker.log())) == 2
    message.refresh_from_db()
    assert smtp_server.sink.copies_by_message_id() == {message.message_id: 1}
    assert message.status == SENT and message.attempts == 1
    assert len(events(message, InquiryEvent.Kind.MESSAGE_SENT)) == 1


# --- 6. Nothing personal on the broker, in logs or in the subject ----------------------

CANARY_FORM = {
    "message": "Hi, this is CanaryMsgQx. I'm thinking about coming back. Is that okay?",
    "preferred_name": "Wrenqx",
    "email": "wren.qxcanary@example.com",
    "phone": "617-555-0142",
    "contact_method": "email",
    "consent": "on",
}
SECRETS = ("canarymsgqx", "wrenqx", "qxcanary", "6175550142", "555-0142", "555 0142")
IDS_ONLY = re.compile(r"^\((\d+,\s*)*(\d+,?)?\)$")


def _leaks(blob: bytes | str) -> list[str]:
    text = (blob.decode("utf-8", "replace") if isinstance(blob, bytes) else blob).lower()
    return [s for s in SECRETS if s in text]


def test_no_message_name_email_or_phone_in_any_broker_message_log_or_subject(
    stack_env, app_processes, redis_server, smtp_server
) -> None:
    default_queue()
    monitor = support.RedisMonitor(redis_server.port, app_processes.logdir)
    monitor.start()  # before any process connects: every command they send is recorded
    try:
        web = app_processes.web(stack_env)
        worker = app_processes.worker(stack_env)
        assert support.FormClient(web.url).submit(CANARY_FORM).status == 303
        support.wait_until(
            lambda: OutboundMessage.objects.filter(kind=ACK, status=SENT).exists(),
            timeout=20,
            what="the acknowledgement to be sent",
        )
        time.sleep(1.5)  # a sweep or two pass through Redis as well
    finally:
        monitor.stop()

    inquiry = Inquiry.objects.get()
    assert inquiry.email == CANARY_FORM["email"] and inquiry.phone == "+16175550142"
    message = OutboundMessage.objects.get(kind=ACK)

    commands = monitor.commands()
    assert commands, "MONITOR recorded nothing"
    for args in commands:
        for arg in args:
            assert _leaks(arg) == [], arg[:300]

    envelopes = monitor.celery_messages()
    published = [e for e in envelopes if e["headers"].get("task") == DELIVER]
    assert published, "no delivery task seen on the broker: the capture missed the publish"
    assert any(e["headers"]["argsrepr"] == f"({message.pk},)" for e in published)
    for envelope in envelopes:
        headers = envelope["headers"]
        assert _leaks(json.dumps(headers)) == [], headers
        assert _leaks(envelope["body"]) == [], envelope["body"][:300]
        if "task" not in headers:
            continue  # a worker control message (pidbox), not a task
        args, kwargs, _embed = json.loads(envelope["body"])
        assert all(isinstance(a, int) for a in args) and kwargs == {}, envelope["body"]
        assert IDS_ONLY.match(headers["argsrepr"]), headers["argsrepr"]
        assert headers["kwargsrepr"] == "{}", headers["kwargsrepr"]

    mail = smtp_server.sink.messages[0]
    assert mail["To"] == CANARY_FORM["email"]
    assert _leaks(str(mail["Subject"])) == [], mail["Subject"]
    assert mail["Subject"] == "We got your message — Reengage"

    for log in (worker.log(), web.log()):
        assert _leaks(log) == []
    assert DELIVER in worker.log()
