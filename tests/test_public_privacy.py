"""The public page never reveals that someone wrote before; floods fold, crises never do."""

from __future__ import annotations

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client

from intake import services
from intake.forms import RENDER_SALT
from intake.models import Inquiry, InquiryFollowUp
from tests.factories import default_queue, submission

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
TOKENS = re.compile(r'(value|content)="[A-Za-z0-9:_\-]{20,}"')


def post_form(client: Client, email: str, message: str = "Can I come back?") -> tuple:
    page = client.get("/")
    token = page.context["form"].initial["submission_token"]
    response = client.post(
        "/",
        {
            "message": message,
            "contact_method": "email",
            "email": email,
            "consent": "on",
            "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
            "submission_token": token,
        },
    )
    return response, client.get("/thanks/")


def masked(response) -> tuple:
    headers = {k: v for k, v in response.headers.items() if k.lower() not in ("set-cookie", "date")}
    return response.status_code, headers, TOKENS.sub(r'\1="…"', response.content.decode())


def test_fourth_message_in_a_day_joins_the_open_inquiry_without_a_new_acknowledgement(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(4):
            services.inquiry_submit(
                submission=submission(message=f"note {i}"), submission_token=f"t{i}"
            )
    assert Inquiry.objects.count() == 3
    follow_up = InquiryFollowUp.objects.get()
    assert follow_up.message == "note 3"
    assert follow_up.inquiry == Inquiry.objects.order_by("-created_at").first()
    assert len(mail.outbox) == 3
    assert follow_up.inquiry.events.filter(kind="follow_up_added").count() == 1


def test_crisis_message_past_the_flood_limit_makes_its_own_urgent_inquiry_and_alert(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):
            services.inquiry_submit(submission=submission(message=f"note {i}"))
        urgent = services.inquiry_submit(
            submission=submission(message="I don't want to live anymore")
        )
    assert urgent.priority == "urgent"
    assert Inquiry.objects.count() == 4
    assert InquiryFollowUp.objects.count() == 0
    assert [m for m in mail.outbox if m.to == ["on-duty@clinic.test"]]


@time_machine.travel(datetime(2026, 11, 18, 11, 0, tzinfo=NY), tick=False)
def test_known_and_unknown_contacts_get_identical_responses(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):  # a person who wrote three times today already
            services.inquiry_submit(
                submission=submission(email="known@example.com", message=f"n{i}")
            )
        known = post_form(Client(), "known@example.com")
        unknown = post_form(Client(), "new.person@example.com")
    assert InquiryFollowUp.objects.count() == 1  # the known one was folded
    for a, b in zip(known, unknown, strict=True):
        assert masked(a) == masked(b)


def test_a_double_submitted_follow_up_is_kept_once(django_capture_on_commit_callbacks) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):
            services.inquiry_submit(submission=submission(message=f"n{i}"))
        services.inquiry_submit(submission=submission(message="again"), submission_token="dup")
        services.inquiry_submit(submission=submission(message="again"), submission_token="dup")
    assert InquiryFollowUp.objects.count() == 1
