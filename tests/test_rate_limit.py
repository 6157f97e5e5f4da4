"""Per-address limits on form posts: nothing is lost to them.

Past INTAKE_RATE_LIMIT a post is saved, routed and held; past INTAKE_HARD_LIMIT an ordinary
post gets the kind 429 page, never one with a risk signal or a danger answer. Failed
validation counts toward neither; a cache outage accepts the post.
"""

from __future__ import annotations

import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client

from intake import services
from intake.forms import RENDER_SALT
from intake.models import Inquiry
from tests.factories import default_queue

pytestmark = pytest.mark.django_db


def post(client: Client, message: str = "Can I come back?", n: int = 0, **extra):
    return client.post(
        "/",
        {
            "message": message,
            "contact_method": "email",
            "email": f"p{n}-{time.monotonic_ns()}@example.com",
            "consent": "on",
            "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
            **extra,
        },
        REMOTE_ADDR="203.0.113.7",
    )


@pytest.fixture
def limited(settings):
    settings.INTAKE_RATE_LIMIT = "2/h"
    settings.INTAKE_HARD_LIMIT = "4/h"
    cache.clear()
    default_queue()
    yield
    cache.clear()


def test_over_the_rate_limit_a_post_is_saved_routed_and_held_with_the_normal_thanks(
    limited, django_capture_on_commit_callbacks
) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, n=1).status_code == 303
        assert post(client, n=2).status_code == 303
        third = post(client, "I'd like to come back next week", n=3)
    assert third.status_code == 303
    thanks = client.get(third["Location"]).content.decode()
    assert "We got your message. Thank you for reaching out." in thanks

    held = Inquiry.objects.get(is_held=True)
    assert held.held_reason == "rate_limit"
    assert held.message == "I'd like to come back next week"
    assert held.routed_at is not None and held.queue is not None
    assert not held.is_spam
    assert held.events.filter(kind="held", reason="rate_limit").exists()
    # Not acknowledged while held: two e-mails for the two ordinary posts only.
    assert not held.messages.filter(kind="acknowledgement").exists()
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_release_hold(actor=None, inquiry_id=held.pk)
    held.refresh_from_db()
    assert not held.is_held
    assert held.messages.get(kind="acknowledgement").status == "sent"
    assert len(mail.outbox) == 3
    assert held.events.filter(kind="hold_released").count() == 1


def test_failed_validation_counts_toward_neither_limit(limited) -> None:
    client = Client()
    for _ in range(6):
        refused = post(client, message="")
        assert refused.status_code == 200
        assert "even one sentence is enough" in refused.content.decode()
    assert post(client, n=1).status_code == 303
    assert not Inquiry.objects.filter(is_held=True).exists()


def test_over_the_hard_ceiling_an_ordinary_post_gets_the_kind_429_page(limited) -> None:
    client = Client()
    for n in range(4):
        assert post(client, n=n).status_code == 303
    refused = post(client, n=5)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "short pause" in body and "988" in body
    page = body[body.index("<body") :]
    assert page.index("988") < page.index("short pause")  # the crisis line leads
    assert Inquiry.objects.count() == 4


@pytest.mark.parametrize(
    ("message", "extra", "concept"),
    [
        ("I want to kill myself tonight", {}, "intent"),
        ("Can I come back?", {"safety": "not_safe"}, "self_report_not_safe"),
        ("Can I come back?", {"safety": "someone_else"}, "self_report_someone_else"),
    ],
)
def test_past_the_ceiling_a_risk_message_is_still_saved_urgent_and_never_held(
    limited, message, extra, concept
) -> None:
    client = Client()
    for n in range(4):
        post(client, n=n)
    response = post(client, message, n=9, **extra)
    assert response.status_code == 303
    urgent = Inquiry.objects.get(priority="urgent")
    assert not urgent.is_held and not urgent.is_spam
    assert urgent.events.get(kind="priority_changed").reason == concept


def test_off_means_no_limit_for_a_clinic_kiosk(settings) -> None:
    settings.INTAKE_RATE_LIMIT = "off"
    settings.INTAKE_HARD_LIMIT = "off"
    default_queue()
    client = Client()
    assert all(post(client, n=i).status_code == 303 for i in range(5))
    assert not Inquiry.objects.filter(is_held=True).exists()


def test_a_cache_outage_never_costs_a_person_their_message(limited, monkeypatch, caplog) -> None:
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("intake.views.is_ratelimited", down)
    assert post(Client(), n=9).status_code == 303
    assert Inquiry.objects.filter(is_held=False).count() == 1
    assert "rate limit unavailable" in caplog.text


def test_retention_never_purges_a_held_inquiry(limited) -> None:
    from datetime import timedelta

    from django.utils import timezone

    client = Client()
    for n in range(3):
        post(client, n=n)
    held = Inquiry.objects.get(is_held=True)
    later = timezone.now() + timedelta(days=400)
    result = services.purge_expired(now=later)
    assert result.spam_deleted == 0
    assert Inquiry.objects.filter(pk=held.pk, is_held=True).exists()
