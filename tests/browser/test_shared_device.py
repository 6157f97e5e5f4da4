"""A shared phone or a kiosk, in Chromium: the crisis thanks page is shown once, to its sender.

The person taps 988 and comes back (phones often reload the page then), or the next person
picks up the device: either way the neutral thanks page, which still leads with the crisis
line, never the previous person's.
"""

from __future__ import annotations

import pytest

from intake.models import Inquiry
from tests.factories import default_queue

pytestmark = pytest.mark.browser


def test_a_reload_or_the_next_person_gets_the_neutral_page_led_by_the_crisis_line(
    page, live_server, settings
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()
    page.goto("/")
    page.fill("#id_message", "Can I come back? Things got hard again.")
    page.get_by_label("I'm not safe right now").check()
    page.get_by_role("radio", name="E-mail").check()
    page.fill("#id_email", "kiosk.person@example.com")
    page.locator("#id_consent").check()
    page.locator("#submit-id-send").click()
    page.wait_for_url("**/thanks/")
    assert page.locator(".crisis-first").count() == 1
    assert Inquiry.objects.get().priority == "urgent"

    page.reload()  # back from the 988 call
    assert page.locator(".crisis-first").count() == 0
    assert "Thank you for reaching out" in page.locator("h1").inner_text()
    crisis = page.locator(".crisis-banner a[href='tel:988']")
    assert crisis.is_visible()
    assert crisis.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    assert not [c for c in page.context.cookies() if "thanks" in c["name"]]

    # The next person on the device: the browser's history and its cookies, nothing else.
    page.go_back()
    page.go_forward()
    assert page.locator(".crisis-first").count() == 0
    assert "kiosk.person" not in page.content()
