"""Property-based: whatever a person (or a robot) types, the form never breaks or leaks."""

from __future__ import annotations

import time

import pytest
from django.core import mail, signing
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.forms import RENDER_SALT, ComebackForm
from intake.models import Inquiry
from tests.factories import default_queue

HEADER_INJECTION = st.sampled_from(
    [
        "\r\nBcc: victim@example.com",
        "\nSubject: hi",
        "%0d%0aX-Injected: 1",
        "\r\n\r\n<html>",
        "\x00",
    ]
)
ANY_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.builds(lambda a, b: a + b, st.text(max_size=50), HEADER_INJECTION),
    st.just("x" * 6000),
)


def hidden() -> dict:
    return {
        "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
        "submission_token": "",
    }


def strip_controls(value: str) -> str:
    return "".join(ch for ch in value if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    message=ANY_TEXT,
    name=ANY_TEXT,
    email=st.one_of(st.emails(), ANY_TEXT),
    phone=st.one_of(st.just("617 555 0134"), ANY_TEXT),
    method=st.sampled_from(["email", "call", "text", "", "fax", "\r\n"]),
)
def test_any_input_is_answered_without_5xx_injection_or_losing_text(
    message, name, email, phone, method
) -> None:
    default_queue()
    mail.outbox.clear()
    Inquiry.objects.all().delete()
    data = {
        **hidden(),
        "message": message,
        "preferred_name": name,
        "email": email,
        "phone": phone,
        "contact_method": method,
        "consent": "on",
        "text_ok": "on",
    }
    response = Client(raise_request_exception=False).post("/", data)
    assert response.status_code in (200, 303, 400)
    for header, value in response.headers.items():
        assert "\n" not in value and "\r" not in value, header
        assert header.lower() not in ("bcc", "x-injected", "subject")
    if response.status_code == 303:
        inquiry = Inquiry.objects.get()
        # The person's words are kept (only control characters a keyboard cannot type go).
        assert inquiry.message == strip_controls(message).strip()
        for sent in mail.outbox:
            message_bytes = sent.message().as_bytes()
            assert b"\nBcc:" not in message_bytes and b"X-Injected" not in message_bytes
            assert "\n" not in sent.subject


@given(message=st.text(max_size=200))
@settings(max_examples=200)
def test_form_validation_never_raises(message) -> None:
    form = ComebackForm(
        data={"message": message, "contact_method": "email", "email": "a@b.co", "consent": "on"}
    )
    form.is_valid()  # must not raise, valid or not
    if form.is_valid():
        assert form.cleaned_data["message"] == strip_controls(message).strip()
