"""A person fills the form with the keyboard only; a coordinator then finds it in admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from intake.models import Inquiry
from tests.factories import coordinator, default_queue

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has focus (proves it is reachable)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} never received keyboard focus")


def test_keyboard_only_inquiry_reaches_the_coordinators_list(
    page, live_server, settings, roles
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name="Intake coordinator"))

    page.goto("/")
    tab_to(page, "#id_message")
    page.keyboard.type("I'm thinking about coming back. Is that okay?")
    tab_to(page, "input[name=contact_method][value=email]")
    page.keyboard.press("Space")
    tab_to(page, "#id_email")
    page.keyboard.type("sky@example.com")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "input[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
    assert "We got your message" in page.inner_text("h1")
    assert "sky@example.com" not in page.content()

    inquiry = Inquiry.objects.get()
    assert not inquiry.is_spam
    assert inquiry.assigned_to == lee
    assert len(mail.outbox) == 1

    origin = live_server.url
    assert page.requests_seen and all(url.startswith(origin) for url in page.requests_seen)

    # The coordinator signs in and sees it in the worklist, then opens it.
    page.goto("/admin/login/?next=/admin/intake/inquiry/")
    page.fill("#id_username", "lee")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/intake/inquiry/")
    row = page.locator("#result_list tbody tr").first
    assert inquiry.short_id in row.inner_text()
    assert "thinking about coming back" not in page.content()  # never in a list
    row.locator("a").first.click()
    page.wait_for_url("**/change/")
    page.wait_for_load_state()
    assert "I'm thinking about coming back. Is that okay?" in page.content().replace("&#x27;", "'")

    # A triage action from the real page: log that the coordinator reached the person.
    attempt = page.locator("form[action$='/triage/attempt/']")
    attempt.locator("select[name=channel]").select_option("call")
    attempt.locator("select[name=outcome]").select_option("reached")
    attempt.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Contact attempt logged." in page.content()
    inquiry.refresh_from_db()
    assert inquiry.status == "contacted" and inquiry.first_contact_at is not None
    assert inquiry.events.filter(kind="contact_attempt", actor=lee).count() == 1
