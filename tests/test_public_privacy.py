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
from intake.models import InboundMessage, Inquiry
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


def test_a_second_message_joins_the_open_inquiry_without_a_new_acknowledgement(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):
            services.inquiry_submit(
                submission=submission(message=f"note {i}"), submission_token=f"t{i}"
            )
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "note 0"
    assert [(m.channel, m.body) for m in InboundMessage.objects.filter(inquiry=inquiry)] == [
        ("form", "note 1"),
        ("form", "note 2"),
    ]
    assert [m.to for m in mail.outbox].count(["sam@example.com"]) == 1
    assert inquiry.events.filter(kind="message_received").count() == 2


def test_a_risk_message_from_someone_with_an_open_inquiry_makes_its_own_urgent_inquiry(
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
    assert Inquiry.objects.count() == 2
    assert not InboundMessage.objects.filter(inquiry=urgent).exists()
    assert [m for m in mail.outbox if m.to == ["on-duty@clinic.test"]]


@time_machine.travel(datetime(2026, 11, 18, 11, 0, tzinfo=NY), tick=False)
def test_known_and_unknown_contacts_get_identical_responses(
    django_capture_on_commit_callbacks,
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        # A person whose inquiry is open: their message joins it, and nothing on the page
        # says so, nor that this address has written before.
        services.inquiry_submit(submission=submission(email="known@example.com", message="n0"))
        known = post_form(Client(), "known@example.com")
        unknown = post_form(Client(), "new.person@example.com")
    assert InboundMessage.objects.filter(channel="form").count() == 1  # the known one joined
    for a, b in zip(known, unknown, strict=True):
        assert masked(a) == masked(b)


def test_a_double_submitted_follow_up_is_kept_once(django_capture_on_commit_callbacks) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_submit(submission=submission(message="n0"))
        services.inquiry_submit(submission=submission(message="again"), submission_token="dup")
        services.inquiry_submit(submission=submission(message="again"), submission_token="dup")
    assert InboundMessage.objects.filter(channel="form").count() == 1
    assert InboundMessage.objects.get().external_id == "form:dup"
