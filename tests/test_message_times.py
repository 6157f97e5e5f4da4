"""Times in a message to the person are on their team's clock, not the server's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.template.defaultfilters import time as time_filter
from django.utils import timezone

from intake import services
from tests.factories import default_queue, submission

pytestmark = pytest.mark.django_db
LA = ZoneInfo("America/Los_Angeles")
NY = ZoneInfo("America/New_York")
# A Wednesday morning on the west coast, inside the team's working day.
WEDNESDAY_MORNING = datetime(2026, 11, 18, 10, 0, tzinfo=LA)


def shown(moment: datetime, zone: ZoneInfo) -> str:
    """The time as the English templates write it, on ``zone``'s clock."""
    return time_filter(timezone.localtime(moment, zone), "TIME_FORMAT")


def test_the_acknowledgement_promises_a_time_on_the_teams_clock(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue(time_zone="America/Los_Angeles", first_contact_promise_hours=2)
    with time_machine.travel(WEDNESDAY_MORNING, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = services.inquiry_submit(submission=submission())
    inquiry.refresh_from_db()
    due = inquiry.first_contact_due_at
    assert due is not None
    # The server's zone (New York) is three hours ahead: the two readings differ.
    assert shown(due, LA) != shown(due, NY)
    [acknowledgement] = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    assert shown(due, LA) in acknowledgement.body
    assert shown(due, NY) not in acknowledgement.body
