"""A worker's delivery takes the due messages with it: one claim, one routing, one session.

``services.message_deliver(batch=n)`` is what the Celery task runs on a worker. These tests
hold it to the promises of the single delivery: every message sent by exactly one delivery,
routing as if one by one, each outcome on the timeline, and a mail server outage never
sending the rest of a batch into the same wall. Batching needs ``SELECT ... SKIP LOCKED``,
so these run on PostgreSQL (the servers it is for).
"""

from __future__ import annotations

import itertools
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intake import services, tasks
from intake.messaging import email as email_channel
from intake.models import CoordinatorProfile, Inquiry, InquiryEvent, OutboundMessage
from intake.services.common import _update_each
from tests import support
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

SENT = OutboundMessage.Status.SENT
PENDING = OutboundMessage.Status.PENDING
SENDING = OutboundMessage.Status.SENDING


@pytest.fixture(autouse=True)
def _postgres():
    if not connection.features.has_select_for_update_skip_locked:
        support.require("services", "batched delivery needs PostgreSQL: set DATABASE_URL")


_PEOPLE = itertools.count()


def owe(n: int, **overrides) -> list[OutboundMessage]:
    """``n`` inquiries saved with their acknowledgement pending (their tasks never ran), each
    from someone new (a second message from the same person would join their inquiry)."""
    owed = []
    for _ in range(n):
        inquiry = services.inquiry_submit(
            submission=submission(email=f"person{next(_PEOPLE)}@example.com", **overrides)
        )
        owed.append(inquiry.messages.get())
    return owed


def statuses(messages: list[OutboundMessage]) -> list[str]:
    current = dict(OutboundMessage.objects.values_list("pk", "status"))
    return [current[m.pk] for m in messages]


def sent_events(message: OutboundMessage) -> int:
    return sum(
        1
        for e in InquiryEvent.objects.filter(
            inquiry_id=message.inquiry_id, kind=InquiryEvent.Kind.MESSAGE_SENT
        )
        if e.data.get("message") == message.pk
    )


def test_one_delivery_sends_every_due_message_once_and_the_others_find_nothing() -> None:
    default_queue()
    first, *others = owe(5)

    result = services.message_deliver(message_id=first.pk, batch=10)

    assert result is not None and result.pk == first.pk and result.status == SENT
    assert sorted(m.to[0] for m in mail.outbox) == [f"person{i}@example.com" for i in range(5)]
    ids = {m.extra_headers["Message-ID"] for m in mail.outbox}
    for message in [first, *others]:
        message.refresh_from_db()
        assert message.status == SENT and message.sent_at is not None
        assert message.provider_id and message.message_id in ids
        assert message.attempts == 1 and message.lease_until is None
        assert sent_events(message) == 1
    # Their own tasks come later and have nothing left to do.
    for message in others:
        assert services.message_deliver(message_id=message.pk, batch=10) is None
    assert len(mail.outbox) == 5


def test_a_batch_takes_no_more_than_its_size_oldest_first() -> None:
    default_queue()
    owed = owe(6)
    services.message_deliver(message_id=owed[5].pk, batch=3)
    # Its own message, then the two oldest that were due.
    assert statuses(owed) == [SENT, SENT, PENDING, PENDING, PENDING, SENT]


def test_messages_held_by_another_worker_or_not_yet_due_are_left_alone() -> None:
    default_queue()
    mine, held, later, expired = owe(4)
    now = timezone.now()
    OutboundMessage.objects.filter(pk=held.pk).update(
        status=SENDING, lease_until=now + timedelta(minutes=2)
    )
    OutboundMessage.objects.filter(pk=later.pk).update(next_attempt_at=now + timedelta(hours=1))
    # A lease that ran out belongs to nobody: the batch may take it back.
    OutboundMessage.objects.filter(pk=expired.pk).update(
        status=SENDING, lease_until=now - timedelta(seconds=1)
    )

    services.message_deliver(message_id=mine.pk, batch=10)

    assert statuses([mine, held, later, expired]) == [SENT, SENDING, PENDING, SENT]
    assert len(mail.outbox) == 2


def test_a_batch_routes_its_inquiries_as_one_by_one_routing_would() -> None:
    queue = default_queue()
    ana, bo = coordinator(queue, "ana"), coordinator(queue, "bo")
    owed = owe(4)

    services.message_deliver(message_id=owed[0].pk, batch=10)

    inquiries = list(Inquiry.objects.order_by("pk"))
    assert all(i.queue_id == queue.pk and i.first_contact_due_at for i in inquiries)
    assert sorted(i.assigned_to.username for i in inquiries) == ["ana", "ana", "bo", "bo"]
    # Least loaded first, ties to whoever waited longest: they alternate.
    assert inquiries[0].assigned_to_id != inquiries[1].assigned_to_id
    assert inquiries[2].assigned_to_id != inquiries[3].assigned_to_id
    for inquiry in inquiries:
        kinds = list(inquiry.events.values_list("kind", flat=True))
        assert kinds == ["submitted", "message_queued", "routed", "message_sent"]
    ana.coordinator_profile.refresh_from_db()
    bo.coordinator_profile.refresh_from_db()
    assert ana.coordinator_profile.last_assigned_at is not None
    assert bo.coordinator_profile.last_assigned_at is not None


def test_routing_many_at_once_matches_routing_them_one_at_a_time() -> None:
    queue = default_queue()
    for name, languages in (("ana", ("en",)), ("bo", ("en", "es")), ("cy", ("es",))):
        coordinator(queue, name, languages=languages)
    languages = ["es", "en", "es", "en", "en", "es", "es", "en"]
    batch = [
        services.inquiry_submit(submission=submission(email=f"b{i}@example.com"))
        for i in range(len(languages))
    ]
    for inquiry, language in zip(batch, languages, strict=True):
        Inquiry.objects.filter(pk=inquiry.pk).update(language=language)

    routed = services.inquiries_route([i.pk for i in batch])
    together = [routed[i.pk].assigned_to_id for i in batch]

    # Undo, and route the same inquiries one at a time in the same order.
    Inquiry.objects.update(routed_at=None, assigned_to=None, queue=None)
    InquiryEvent.objects.filter(kind=InquiryEvent.Kind.ROUTED).delete()
    CoordinatorProfile.objects.update(last_assigned_at=None)
    one_by_one = [services.inquiry_route(inquiry_id=i.pk).assigned_to_id for i in batch]

    assert together == one_by_one
    assert len(set(together)) == 3


def test_a_mail_server_outage_gives_the_rest_of_the_batch_back_untried(monkeypatch) -> None:
    default_queue()
    first, *rest = owe(4)
    calls = []

    def refuse(self, messages):
        calls.append(len(messages))
        raise smtplib.SMTPConnectError(421, b"try later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    published = []
    monkeypatch.setattr(tasks, "publish", lambda task, ids: published.extend(ids))

    result = services.message_deliver(message_id=first.pk, batch=10)

    assert calls == [1], "only the first message may be tried against a server that refused"
    assert result.status == PENDING and result.next_attempt_at > timezone.now()
    assert result.attempts == 1
    for message in rest:
        message.refresh_from_db()
        # Back to pending, due now, and the claim was not counted as an attempt.
        assert message.status == PENDING and message.next_attempt_at <= timezone.now()
        assert message.attempts == 0 and message.lease_until is None
    assert published == [], "an outage must not turn into a storm of re-published tasks"
    # The next sweep finds them due (and, the server being back, sends them).
    monkeypatch.undo()
    swept = services.pending_sweep()
    assert sorted(swept.messages) == sorted(m.pk for m in rest)
    assert statuses(rest) == [SENT, SENT, SENT]


def test_what_was_accepted_is_recorded_even_if_a_later_message_breaks(monkeypatch) -> None:
    default_queue()
    owed = owe(3)
    real_send = email_channel.send_email
    sends = []

    def send(**kwargs):
        sends.append(kwargs["to"])
        if len(sends) == 3:
            raise RuntimeError("a bug while sending")
        return real_send(**kwargs)

    monkeypatch.setattr(email_channel, "send_email", send)
    with pytest.raises(RuntimeError):
        services.message_deliver(message_id=owed[0].pk, batch=10)

    assert statuses(owed) == [SENT, SENT, SENDING]  # the broken one waits for its lease to run out
    assert len(mail.outbox) == 2
    assert [sent_events(m) for m in owed] == [1, 1, 0]


def test_a_batch_pays_claim_and_routing_once_and_each_message_only_its_own_record() -> None:
    # Each message is recorded as the mail server accepts it (a crash repeats at most the
    # one in flight), so a message costs its own few statements; the rest is paid once.
    default_queue()
    coordinator(default_queue(), "ana")

    def statements(n: int) -> int:
        OutboundMessage.objects.filter(status=PENDING).update(status=SENT)
        owed = owe(n)
        with CaptureQueriesContext(connection) as queries:
            services.message_deliver(message_id=owed[0].pk, batch=20)
        assert OutboundMessage.objects.filter(pk__in=[m.pk for m in owed], status=SENT).count() == n
        return len(queries)

    two, three, twelve = statements(2), statements(3), statements(12)
    per_message = three - two
    assert per_message <= 4, per_message  # its UPDATE and its event, in one transaction
    assert twelve == two + 10 * per_message


def test_in_process_the_task_sends_only_its_own_message(settings) -> None:
    # The embedded default runs tasks inside the request that owed them: no batch there.
    settings.OUTBOX_BATCH_SIZE = 20
    default_queue()
    first, *others = owe(3)
    tasks.message_deliver_task.delay(first.pk)
    assert len(mail.outbox) == 1
    assert statuses(others) == [PENDING, PENDING]


def test_update_each_sets_shared_values_plainly_and_the_rest_per_row() -> None:
    default_queue()
    a, b = (m.inquiry for m in owe(2))
    when = timezone.now()
    a.best_time, b.best_time = "morning", "evening"
    a.updated_at = b.updated_at = when
    with CaptureQueriesContext(connection) as queries:
        updated = _update_each(Inquiry.objects.all(), [a, b], ["best_time", "updated_at"])
    assert updated == 2 and len(queries) == 1
    sql = queries[0]["sql"]
    assert sql.count("CASE") == 1  # only best_time differs
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.best_time, b.best_time) == ("morning", "evening")
    assert a.updated_at == b.updated_at == when
