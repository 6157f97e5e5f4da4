"""Two findings of the attack review, drilled on the real parts (gunicorn, Celery, Redis, SMTP).

1. ``/healthz`` with the broker's Redis accepting connections and never answering: gunicorn
   answers in well under 100 ms (it used to wait on a Celery ping and a Redis read).
2. A worker killed with ``kill -9`` in the middle of a batch: at most one person gets a second
   copy (it used to be every message the batch had sent so far, 7 of 20 in the review).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import threading
import time
from dataclasses import dataclass, field

import pytest

from intake.models import InquiryEvent, OutboundMessage
from tests import support
from tests.factories import default_queue

pytestmark = pytest.mark.integration

SENT = OutboundMessage.Status.SENT
SENDING = OutboundMessage.Status.SENDING


# --- 1. /healthz with a broker that never answers ---------------------------------------------


def test_healthz_answers_in_under_100_ms_while_redis_accepts_and_never_answers(
    stack_env, app_processes
) -> None:
    silent = support.SilentTCPServer()
    silent.start()
    try:
        env = {
            **stack_env,
            "REDIS_URL": f"redis://127.0.0.1:{silent.port}/0",
            "HEALTHZ_TOKEN": "drill-token",
        }
        web = app_processes.web(env)
        public = support.FormClient(web.url, timeout=10)
        # gunicorn listens before its worker has loaded the app: the first answer waits for
        # that (seconds), so it is not timed.
        assert public.request("/healthz").status == 200
        timings = []
        for _ in range(10):
            answer = public.request("/healthz")
            timings.append(answer.elapsed)
            assert answer.status == 200 and json.loads(answer.body) == {"status": "ok"}
        monitor = _Monitor(web.url, "drill-token")
        first = monitor.get()  # a process's first detailed answer also imports the client
        assert first["broker"] == "unavailable" and first["status"] == "degraded", first
        detail_timings = []
        for _ in range(5):
            started = time.monotonic()
            body = monitor.get()
            detail_timings.append(time.monotonic() - started)
            assert body["database"] == "ok" and body["broker"] == "unavailable", body
    finally:
        silent.stop()
    print(
        f"\n/healthz with a silent broker: public max {max(timings) * 1000:.1f} ms, "
        f"detailed max {max(detail_timings) * 1000:.1f} ms"
    )
    assert max(timings) < 0.1, [round(t, 3) for t in timings]
    assert max(detail_timings) < 0.1, [round(t, 3) for t in detail_timings]


class _Monitor:
    def __init__(self, base_url: str, token: str) -> None:
        import urllib.request

        self.request = urllib.request.Request(
            base_url + "/healthz", headers={"Authorization": f"Bearer {token}"}
        )

    def get(self) -> dict:
        import urllib.request

        with urllib.request.urlopen(self.request, timeout=10) as response:
            return json.loads(response.read())


def test_the_detailed_healthz_reads_each_queues_heartbeat_on_the_real_stack(
    stack_env, app_processes
) -> None:
    env = {**stack_env, "HEALTHZ_TOKEN": "drill-token", "HEALTH_HEARTBEAT_SECONDS": "1"}
    default_queue()
    web = app_processes.web(env)
    monitor = _Monitor(web.url, "drill-token")
    assert monitor.get()["worker"].startswith("no heartbeat yet")
    worker = app_processes.worker(env)
    health = support.wait_until(
        lambda: (h := monitor.get()) and h["worker"] == "ok" and h["beat"] == "ok" and h,
        timeout=30,
        interval=0.5,
        what="a heartbeat from each queue and a sweep",
    )
    assert health["broker"] == "ok" and health["status"] == "ok"
    assert set(health["heartbeats"]) == {"routing", "messages", "sweep"}
    worker.stop()
    stopped = support.wait_until(
        lambda: (h := monitor.get()) and h["worker"].startswith("no heartbeat from") and h,
        timeout=30,
        interval=0.5,
        what="the stopped worker to show",
    )
    assert stopped["status"] == "degraded"
    assert json.loads(support.FormClient(web.url).request("/healthz").body) == {"status": "ok"}


# --- 2. kill -9 in the middle of a batch --------------------------------------------------------


@dataclass
class AcceptThenHoldSink(support.SMTPSink):
    """Accepts every message; the ``hold_at``-th is kept (the server has it) and then its
    "250" is held back until ``release``: the worker dies between the server's acceptance
    and its own record of it, the one window no system can close."""

    hold_at: int = 8
    seen: int = 0
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    abandoned: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server, session, envelope) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        self.seen += 1
        if self.seen == self.hold_at:
            self.arrived.set()
            try:
                while not self.release.is_set():
                    await asyncio.sleep(0.02)
            except asyncio.CancelledError:
                self.abandoned.set()
                raise
            if server.transport is None or server.transport.is_closing():
                self.abandoned.set()
        return answer


BATCH = 20


def test_a_worker_killed_mid_batch_sends_at_most_one_message_twice(
    stack_env, app_processes, redis_server
) -> None:
    sink = AcceptThenHoldSink(hold_at=8)
    smtp = support.SMTPServer(sink=sink)
    smtp.start()
    try:
        # A lease long enough that the batch keeps every message it claimed until the kill
        # (it gives back what is left at half its lease); a client timeout longer than that.
        env = {
            **stack_env,
            "EMAIL_URL": smtp.url,
            "OUTBOX_BATCH_SIZE": str(BATCH),
            "OUTBOX_LEASE_SECONDS": "8",
            "EMAIL_TIMEOUT": "30",
        }
        default_queue()
        owed = [support.owe_acknowledgement(f"batch-{i}@example.com") for i in range(BATCH)]
        worker = app_processes.worker(env, beat=False)
        with support.broker_app(redis_server.url) as app:
            app.send_task("intake.tasks.message_deliver_task", args=[owed[0].pk], queue="messages")

        assert sink.arrived.wait(30), "the batch never reached its 8th message"
        held = OutboundMessage.objects.filter(pk__in=[m.pk for m in owed])
        at_kill = dict(held.values_list("pk", "status"))
        # Everything the server accepted before the held one is recorded already.
        assert [at_kill[m.pk] for m in owed] == [SENT] * 7 + [SENDING] * (BATCH - 7), at_kill

        os.killpg(worker.proc.pid, signal.SIGKILL)  # the whole worker: master and pool
        worker.proc.wait(10)
        support.wait_until(sink.abandoned.is_set, timeout=10, what="the SMTP session to drop")
        sink.release.set()

        # A new worker (with beat) takes the rest once their lease has run out.
        app_processes.worker(env, name="after-kill")
        support.wait_until(
            lambda: held.filter(status=SENT).count() == BATCH,
            timeout=60,
            interval=0.25,
            what="every acknowledgement of the batch to be sent",
        )
        time.sleep(3)  # more sweeps: nothing goes out again
    finally:
        sink.release.set()
        smtp.stop()

    copies = sink.copies_by_message_id()
    duplicates = {mid: n for mid, n in copies.items() if n > 1}
    print(f"\ncrash drill: {len(duplicates)} duplicate(s) among {BATCH} acknowledgements")
    assert set(copies) == {m.message_id for m in owed}
    assert sum(n - 1 for n in copies.values()) <= 1, duplicates
    assert set(duplicates) <= {owed[7].message_id}, duplicates  # only the one in flight
    for message in owed:
        sent = [
            e
            for e in InquiryEvent.objects.filter(
                inquiry_id=message.inquiry_id, kind=InquiryEvent.Kind.MESSAGE_SENT
            )
            if e.data.get("message") == message.pk
        ]
        assert len(sent) == 1, message.pk
