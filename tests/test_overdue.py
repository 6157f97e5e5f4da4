"""One "overdue": the worklist, the dashboard and the overdue notices agree on every case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from intake import dashboard, selectors, services
from intake.models import Inquiry
from tests.factories import default_queue

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 12, 16, 0, tzinfo=UTC)
H = timedelta(hours=1)


def make(*, status: str = Inquiry.Status.NEW, due=None, snoozed=None) -> Inquiry:
    return Inquiry.objects.create(
        message="I'm thinking about coming back.",
        contact_method=Inquiry.ContactMethod.EMAIL,
        email="sam@example.com",
        consent=True,
        queue=default_queue(),
        status=status,
        first_contact_due_at=NOW + due if due is not None else None,
        snoozed_until=NOW + snoozed if snoozed is not None else None,
    )


def test_the_worklist_the_dashboard_and_the_notices_share_one_definition() -> None:
    overdue = {
        make(due=-H).pk,  # new, past its promise
        make(due=-3 * H, snoozed=-H).pk,  # the snooze has ended
    }
    make(due=H)  # not due yet
    make(due=-2 * H, snoozed=H)  # paused by a snooze
    make(status=Inquiry.Status.CONTACTED, due=-H)  # no longer new
    make()  # not routed: no promise yet

    worklist = set(
        selectors.inquiry_worklist(NOW).filter(is_overdue=True).values_list("pk", flat=True)
    )
    counted = dashboard.inquiry_counts(Inquiry.objects.all(), now=NOW).overdue
    flagged = set(services.overdue_flag(now=NOW))

    assert worklist == overdue
    assert counted == len(overdue)
    assert flagged == overdue
    assert set(Inquiry.objects.filter(selectors.overdue_q(NOW)).values_list("pk", flat=True)) == (
        overdue
    )
