"""Urgent alerts escalate unless acknowledged; overdue notices; check-ins; retry now."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import Client

from intake import services
from intake.models import Inquiry, OutboundMessage
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
WEDNESDAY_NOON = datetime(2026, 11, 18, 12, 0, tzinfo=NY)


def urgent(capture) -> Inquiry:
    with capture(execute=True):
        inquiry = services.inquiry_submit(submission=submission(message="I want to end my life"))
    inquiry.refresh_from_db()
    return inquiry


def to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_unacknowledged_urgent_alert_escalates_once_after_the_queue_minutes(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue(escalation_minutes=30)
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        inquiry = urgent(django_capture_on_commit_callbacks)
        assert len(to("on-duty@clinic.test")) == 1
        clock.shift(timedelta(minutes=29))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.urgent_escalate() == []
        clock.shift(timedelta(minutes=2))
        with django_capture_on_commit_callbacks(execute=True):
            assert len(services.urgent_escalate()) == 1
            assert services.urgent_escalate() == []
    escalations = to("lead@clinic.test")
    assert len(escalations) == 1
    assert inquiry.short_id in escalations[0].body
    assert "end my life" not in escalations[0].subject + escalations[0].body
    assert inquiry.events.filter(kind="alert_escalated").count() == 1


def test_an_acknowledged_alert_never_escalates(django_capture_on_commit_callbacks) -> None:
    default_queue(escalation_minutes=10)
    lee = UserFactory(username="lee")
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        inquiry = urgent(django_capture_on_commit_callbacks)
        services.urgent_alert_acknowledge(actor=lee, inquiry_id=inquiry.pk)
        clock.shift(timedelta(hours=2))
        assert services.urgent_escalate() == []
    inquiry.refresh_from_db()
    assert inquiry.alert_acknowledged_by == lee
    assert inquiry.events.get(kind="alert_acknowledged").actor == lee
    assert to("lead@clinic.test") == []


def test_acknowledging_through_the_admin_action(django_capture_on_commit_callbacks, roles) -> None:
    from django.contrib.auth.models import Group

    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name="Intake coordinator"))
    inquiry = urgent(django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(lee)
    response = client.post(
        "/admin/intake/inquiry/",
        {"action": "acknowledge_urgent_alert", "_selected_action": [inquiry.pk]},
        follow=True,
    )
    assert response.status_code == 200
    inquiry.refresh_from_db()
    assert inquiry.alert_acknowledged_by == lee


def test_overdue_inquiries_notify_their_queue_once_and_snoozed_ones_wait(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            late = services.inquiry_submit(submission=submission(email="a@example.com"))
            snoozed = services.inquiry_submit(submission=submission(email="b@example.com"))
        Inquiry.objects.filter(pk=snoozed.pk).update(
            snoozed_until=WEDNESDAY_NOON + timedelta(days=3)
        )
        clock.shift(timedelta(days=1, hours=1))  # past the 8 working-hour promise
        with django_capture_on_commit_callbacks(execute=True):
            assert services.overdue_flag() == [late.pk]
            assert services.overdue_flag() == []
    notices = to("on-duty@clinic.test")
    assert len(notices) == 1
    late.refresh_from_db()
    assert late.short_id in notices[0].body
    assert "sam" not in notices[0].body.lower()


def test_not_now_inquiries_get_one_gentle_check_in_on_their_date(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=submission())
    Inquiry.objects.filter(pk=inquiry.pk).update(status="not_now", check_in_on=date(2026, 12, 1))
    mail.outbox.clear()
    assert services.check_in_due(today=date(2026, 11, 30)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert len(services.check_in_due(today=date(2026, 12, 1))) == 1
        assert services.check_in_due(today=date(2026, 12, 2)) == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Just checking in — Reengage"
    assert mail.outbox[0].reply_to == ["intake@clinic.test"]
    assert mail.outbox[0].body.rstrip().endswith("in an emergency.")


def test_retry_now_puts_a_failed_message_back_and_it_is_delivered(
    django_capture_on_commit_callbacks, roles
) -> None:
    from django.contrib.auth.models import Group

    queue = default_queue()
    program_admin = UserFactory(username="pat")
    program_admin.groups.add(Group.objects.get(name="Program admin"))
    admin_user = coordinator(queue, "lee")
    admin_user.groups.add(Group.objects.get(name="Intake coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(submission=submission())  # routed to lee's queue
    message = inquiry.messages.get()
    OutboundMessage.objects.filter(pk=message.pk).update(
        status="failed", attempts=8, last_error="x"
    )
    mail.outbox.clear()
    # Looking at deliveries is not running them: a program admin's retry does nothing.
    looker = Client()
    looker.force_login(program_admin)
    looker.post(
        "/admin/intake/outboundmessage/",
        {"action": "retry_now", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert message.status == "failed"
    client = Client()
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/intake/outboundmessage/",
            {"action": "retry_now", "_selected_action": [message.pk]},
        )
    message.refresh_from_db()
    assert message.status == "sent"
    assert message.attempts == 1
    assert inquiry.events.get(kind="message_retry_now").actor == admin_user
    assert len(mail.outbox) == 1
