"""Per-address limit on form posts: a kind 429, never for a crisis, and open if the cache fails."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client

from intake.forms import RENDER_SALT
from intake.models import Inquiry
from tests.factories import default_queue

pytestmark = pytest.mark.django_db


def post(client: Client, message: str = "Can I come back?", n: int = 0):
    return client.post(
        "/",
        {
            "message": message,
            "contact_method": "email",
            "email": f"p{n}-{time.monotonic_ns()}@example.com",
            "consent": "on",
            "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
        },
        REMOTE_ADDR="203.0.113.7",
    )


@pytest.fixture
def limited(settings):
    settings.INTAKE_RATE_LIMIT = "2/h"
    cache.clear()
    default_queue()
    yield
    cache.clear()


def test_over_the_limit_gets_a_kind_429_and_crisis_still_gets_through(limited) -> None:
    client = Client()
    assert post(client, n=1).status_code == 303
    assert post(client, n=2).status_code == 303
    third = post(client, n=3)
    assert third.status_code == 429
    body = third.content.decode()
    assert "short pause" in body and "988" in body
    assert Inquiry.objects.count() == 2
    crisis = post(client, "I want to kill myself tonight", n=4)
    assert crisis.status_code == 303
    assert Inquiry.objects.filter(priority="urgent").count() == 1


def test_off_means_no_limit_for_a_clinic_kiosk(settings) -> None:
    settings.INTAKE_RATE_LIMIT = "off"
    default_queue()
    client = Client()
    assert all(post(client, n=i).status_code == 303 for i in range(5))


def test_a_cache_outage_never_costs_a_person_their_message(limited, monkeypatch, caplog) -> None:
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("intake.views.is_ratelimited", down)
    assert post(Client(), n=9).status_code == 303
    assert "rate limit unavailable" in caplog.text
