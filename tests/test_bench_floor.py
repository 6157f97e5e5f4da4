"""The bench's design floor writes what the design makes every inquiry cost, and no more.

`make bench` reports ``floor / minimal`` as the best ``intake / minimal`` any implementation
of this design can reach on the machine (bench/views.py). That only holds if the floor writes
the same rows an accepted inquiry gets, so these tests compare it with ``inquiry_submit``; and
its rows must never be sent to anyone, nor outlive the run.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

import pytest
import redis
from django.test import Client, override_settings

from bench.views import FLOOR_REDIS_KEY, FLOOR_TOKEN_PREFIX, floor_clear, floor_write
from intake import services
from intake.models import Inquiry, InquiryEvent, OutboundMessage
from tests.factories import default_queue

pytestmark = pytest.mark.django_db


def _rows(inquiry_id: int) -> tuple[Counter, Counter]:
    messages = Counter(
        OutboundMessage.objects.filter(inquiry_id=inquiry_id).values_list("kind", "status")
    )
    events = Counter(InquiryEvent.objects.filter(inquiry_id=inquiry_id).values_list("kind"))
    return messages, events


def test_the_floor_writes_the_rows_a_submission_writes() -> None:
    default_queue()
    real = services.inquiry_submit(
        submission=services.Submission(
            message="I'm thinking about coming back. Is that okay?",
            contact_method="email",
            consent=True,
            email="real.person@example.com",
        ),
        submission_token="a-real-token",
    )
    first, second = floor_write(), floor_write()

    assert _rows(first) == _rows(real.pk) == _rows(second)
    a, b = Inquiry.objects.get(pk=first), Inquiry.objects.get(pk=second)
    # Every unique column gets a fresh value, so a run can write thousands.
    assert a.public_id != b.public_id
    assert a.submission_token != b.submission_token
    assert a.submission_token.startswith(FLOOR_TOKEN_PREFIX)
    assert a.contact_hash != b.contact_hash
    # A real inquiry's row: the model reads it back, encrypted fields included.
    assert a.message.startswith("Hi, I stopped coming")
    assert a.status == Inquiry.Status.NEW and a.consent


def test_no_worker_ever_sends_a_floor_message() -> None:
    default_queue()
    inquiry_id = floor_write()
    message = OutboundMessage.objects.get(inquiry_id=inquiry_id)

    assert services.message_claim(message_id=message.pk) is None
    assert message.pk not in services.pending_sweep().messages
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.PENDING and message.attempts == 0


def test_clearing_the_floor_leaves_real_inquiries_alone() -> None:
    default_queue()
    real = services.inquiry_submit(
        submission=services.Submission(
            message="Could I come back?", contact_method="email", consent=True, email="r@e.com"
        ),
        submission_token="another-real-token",
    )
    floor_write()
    floor_write()

    assert floor_clear() > 0
    assert list(Inquiry.objects.values_list("pk", flat=True)) == [real.pk]
    assert OutboundMessage.objects.count() == OutboundMessage.objects.filter(inquiry=real).count()
    assert InquiryEvent.objects.exclude(inquiry=real).count() == 0


def test_the_floor_view_answers_like_the_minimal_form(redis_server) -> None:
    default_queue()
    client = Client()
    data = {"name": "Pat", "email": "pat@example.com", "message": "Is it okay to come back?"}
    with override_settings(CELERY_BROKER_URL=redis_server.url, ROOT_URLCONF="bench.urls"):
        assert client.get("/bench/floor/").status_code == 200
        response = client.post(
            "/bench/floor/", urlencode(data), content_type="application/x-www-form-urlencoded"
        )
        refused = client.post("/bench/floor/", {"name": "Pat"})

    assert response.status_code == 303
    assert refused.status_code == 200  # an invalid form writes nothing
    assert Inquiry.objects.filter(submission_token__startswith=FLOOR_TOKEN_PREFIX).count() == 1
    assert redis.Redis.from_url(redis_server.url).llen(FLOOR_REDIS_KEY) == 1
