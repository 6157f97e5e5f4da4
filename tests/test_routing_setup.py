"""Routing reads its configuration once per ROUTING_SETUP_TTL_SECONDS, and a save forgets it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from intake import services
from intake.models import CoordinatorQueue, Inquiry, RoutingRule
from tests.factories import QueueFactory, default_queue

pytestmark = pytest.mark.django_db


def _inquiry(language: str) -> Inquiry:
    return Inquiry(language=language, kind="come_back", priority="routine")


@pytest.fixture
def cached():
    services.routing_setup_clear()
    with override_settings(ROUTING_SETUP_TTL_SECONDS=3600):
        yield
    services.routing_setup_clear()


def test_the_configuration_is_read_once_then_served_from_memory(cached) -> None:
    default = default_queue()
    assert services.queue_for(_inquiry("en")) == default
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert services.queue_for(_inquiry("en")) == default
            services.queue_clock(default)
    assert len(queries) == 0


def test_a_rule_saved_in_this_process_applies_at_once(cached) -> None:
    default = default_queue()
    spanish = QueueFactory(name="Spanish", slug="spanish")
    assert services.queue_for(_inquiry("es")) == default
    rule = RoutingRule.objects.create(order=1, queue=spanish, language="es")
    assert services.queue_for(_inquiry("es")) == spanish
    rule.delete()
    assert services.queue_for(_inquiry("es")) == default


def test_a_change_made_elsewhere_applies_once_the_ttl_has_passed(cached) -> None:
    default = default_queue()
    spanish = QueueFactory(name="Spanish", slug="spanish")
    assert services.queue_for(_inquiry("es")) == default
    # As another process would: no signal reaches this one.
    RoutingRule.objects.bulk_create([RoutingRule(order=1, queue=spanish, language="es")])
    assert services.queue_for(_inquiry("es")) == default  # still the cached rules
    with override_settings(ROUTING_SETUP_TTL_SECONDS=0):
        assert services.queue_for(_inquiry("es")) == spanish


def test_a_holiday_saved_here_moves_the_promise_at_once(cached) -> None:
    import datetime as dt

    default = default_queue()
    received = dt.datetime(2026, 12, 23, 15, 0, tzinfo=dt.UTC)  # a Wednesday
    before = services.first_contact_due(default, received)
    default.holidays.create(date=before.astimezone(ZoneInfo(default.time_zone)).date())
    after = services.first_contact_due(default, received)
    assert after > before


def test_without_any_queue_routing_makes_the_default_one(cached) -> None:
    CoordinatorQueue.objects.all().delete()
    queue = services.queue_for(_inquiry("en"))
    assert queue.is_default and CoordinatorQueue.objects.filter(pk=queue.pk).exists()
