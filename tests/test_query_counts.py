"""The submit path runs a fixed number of queries, however many inquiries already exist.

Not timed (that is `make bench`): a form POST through the whole middleware stack, with the
on-commit enqueue captured and not run, so only the request's own queries are counted. The
changelist's count is kept independent of row count in tests/test_triage_admin.py.
"""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client

from intake.forms import RENDER_SALT
from intake.models import Inquiry, OutboundMessage
from tests.factories import default_queue

pytestmark = pytest.mark.django_db

# The open-inquiry check, then one transaction (here a savepoint inside the test's own, so two
# statements for it): the inquiry, its owed messages, their events, three INSERTs. A repeated
# submission token is caught by its unique constraint, not looked up first. Raising this number
# means every person's POST pays one more round trip to the database: look at it in review.
SUBMIT_QUERIES = 6
# Someone whose inquiry is open: the open-inquiry check (which also tells a resent form by its
# token), then one transaction that locks the inquiry with its queue, stores the message and
# does what any message from the person does: its event, the waiting flag and the clock started
# again, the notice to the team and its event. Three more read the routing setup (queues,
# holidays, rules), which the tests read afresh every time and a process keeps for
# ROUTING_SETUP_TTL_SECONDS.
FOLD_QUERIES = 12


def post_form(client: Client, n: int, **extra: str):
    data = {
        "message": "Hi, I stopped coming when my schedule changed. Could I come back?",
        "contact_method": "email",
        "email": f"person.{n}@example.com",
        "preferred_name": "Sam",
        "phone": "617 555 0134",
        "best_time": "evening",
        "voicemail_ok": "yes",
        "consent": "on",
        "website": "",
        "rendered_at": signing.dumps(int(time.time() - 30), salt=RENDER_SALT),
        "submission_token": f"query-count-token-{n}",
        **extra,
    }
    return client.post("/", data)


def test_a_form_post_runs_a_fixed_number_of_queries(
    django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    client = Client()
    for n in range(3):
        # The 2nd and 3rd post come from someone who wrote before (their inquiry closed since)
        # and find more rows in every table: the count must not move.
        email = "returning@example.com" if n else "first@example.com"
        with (
            django_capture_on_commit_callbacks(execute=False) as callbacks,
            django_assert_num_queries(SUBMIT_QUERIES),
        ):
            response = post_form(client, n, email=email)
        assert response.status_code == 303, response.content[:300]
        assert len(callbacks) == 1  # the enqueue of routing and delivery, after commit
        Inquiry.objects.update(status=Inquiry.Status.CLOSED)
    assert Inquiry.objects.count() == 3
    assert OutboundMessage.objects.filter(kind="acknowledgement").count() == 3


def test_a_further_message_joining_an_open_inquiry_runs_a_fixed_number_of_queries(
    django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, 0, email="returning@example.com")
    for n in range(1, 3):
        # Each further message finds one more in the conversation: the count must not move.
        with (
            django_capture_on_commit_callbacks(execute=False) as callbacks,
            django_assert_num_queries(FOLD_QUERIES),
        ):
            response = post_form(client, n, email="returning@example.com")
        assert response.status_code == 303, response.content[:300]
        assert len(callbacks) == 1  # the notice to the team, after commit
    assert Inquiry.objects.count() == 1
    assert Inquiry.objects.get().inbound_messages.count() == 2


def test_messages_get_their_ids_where_a_bulk_insert_returns_none(
    django_capture_on_commit_callbacks, monkeypatch
) -> None:
    """An old SQLite returns no ids from a bulk insert: the events still name each message."""
    from django.db import connection

    from intake.models import InquiryEvent

    default_queue()
    monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
    with django_capture_on_commit_callbacks(execute=False):
        assert post_form(Client(), 1).status_code == 303
    message = OutboundMessage.objects.get(kind="acknowledgement")
    queued = InquiryEvent.objects.get(kind="message_queued")
    assert queued.data["message"] == message.pk
