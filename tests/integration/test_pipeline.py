"""One inquiry from an HTTP form post to a coordinator, on the real parts.

gunicorn serves the app, PostgreSQL stores it, a private redis-server brokers, a real prefork
Celery worker (with beat) routes and delivers, and aiosmtpd on loopback receives the mail.
"""

from __future__ import annotations

import json
import time

import pytest
from django.db import connection

from intake.models import Inquiry, OutboundMessage
from tests import support
from tests.factories import coordinator, default_queue

pytestmark = pytest.mark.integration

PERSON = {
    "message": "Hey, I'm thinking about coming back. Is that okay? Canary-4242",
    "contact_method": "email",
    "email": "river.canary@example.com",
    "preferred_name": "River",
    "consent": "on",
    "best_time": "evening",
    "voicemail_ok": "no",
}


def test_form_post_is_saved_encrypted_routed_and_acknowledged_exactly_once(
    web, worker, smtp_server
) -> None:
    queue = default_queue()
    lee = coordinator(queue, "lee")

    response = support.FormClient(web.url).submit(PERSON)
    assert response.status == 303, response.body[:500]
    assert response.headers["Location"] == "/thanks/"

    inquiry = support.wait_until(
        lambda: Inquiry.objects.filter(routed_at__isnull=False).first(), what="routing"
    )
    assert inquiry.queue == queue
    assert inquiry.assigned_to == lee
    assert inquiry.first_contact_due_at is not None
    assert inquiry.voicemail_ok is False and inquiry.best_time == "evening"

    support.wait_until(lambda: smtp_server.sink.count() >= 1, what="acknowledgement at SMTP")
    time.sleep(3)  # a few sweeps (every second) must not send it again
    assert smtp_server.sink.count() == 1
    mail = smtp_server.sink.messages[0]
    assert mail["To"] == "river.canary@example.com"
    assert mail["Subject"] == "We got your message — Reengage"
    ack = OutboundMessage.objects.get(inquiry=inquiry)
    assert ack.status == "sent" and ack.attempts == 1
    assert mail["Message-ID"] == ack.message_id
    assert mail["Reply-To"] == "intake@clinic.test"
    text = mail.get_body(("plain",)).get_content()
    assert "Hi River," in text and "Canary-4242" not in text

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT message, email, preferred_name FROM intake_inquiry WHERE id = %s", [inquiry.pk]
        )
        raw = " ".join(cursor.fetchone())
    assert "Canary-4242" not in raw and "river" not in raw.lower()

    # Nothing personal crossed the broker or reached the worker's log.
    log = worker.log()
    for secret in ("Canary-4242", "river.canary", "River"):
        assert secret not in log
        assert secret not in web.log()
    assert "intake.tasks.message_deliver_task" in log


def test_thanks_page_and_health_on_the_real_stack(web, worker) -> None:
    default_queue()
    client = support.FormClient(web.url)
    assert client.submit(PERSON).status == 303
    thanks = client.request("/thanks/")
    assert thanks.status == 200
    assert "We got your message" in thanks.body
    assert "Canary-4242" not in thanks.body and "River" not in thanks.body

    # In public, status only; the detailed report from heartbeats is drilled in
    # test_hardening_drills.py.
    assert json.loads(client.request("/healthz").body) == {"status": "ok"}


def test_a_worker_started_without_queues_consumes_routing_and_messages(
    app_processes, stack_env
) -> None:
    """`celery -A reengage worker` with no -Q must not skip the routing queue (sweeps, routing)."""
    from celery import Celery

    bare = app_processes.worker(stack_env, name="bare", beat=False, queues=None)
    banner = bare.log()
    assert ".> routing" in banner and ".> messages" in banner, banner[-2000:]

    sender = Celery(broker=stack_env["REDIS_URL"])
    sender.conf.task_default_queue = "messages"
    sender.send_task("intake.tasks.pending_sweep_task", queue="routing")
    support.wait_until(
        lambda: "intake.tasks.pending_sweep_task[" in bare.log() and "succeeded" in bare.log(),
        what="the routing queue's sweep run by the bare worker",
    )
