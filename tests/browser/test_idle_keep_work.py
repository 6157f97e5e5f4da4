"""The idle sign-out as staff meet it: in Chromium, signed in with both steps, real controls.

Two minutes before the idle limit a dialog says the session is about to end; "Stay signed in"
renews it on the server. Time in the page is Playwright's clock (no sleeping); time on the
server is the session row's expiry, moved as the idle limit would move it. An internal note
typed into a page whose session has ended comes back after signing in again, for the same
person only, and is saved only when they press "Add note" again.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone
from django_otp.oath import totp

from intake import keep_work, services
from intake.models import Inquiry, InternalNote
from intake.roles import COORDINATOR
from tests.browser.staff import (
    CODE_LABEL,
    PASSWORD,
    VERIFY_PATH,
    authenticator,
    messages,
    sign_in,
    submit,
)
from tests.browser.test_accessibility import (  # noqa: F401 - axe_js is a fixture
    assert_no_axe_violations,
    axe_js,
)
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.browser

NOTE = "Canary-4471: safety plan reviewed with her sister on the call"
NOTE_LABEL = "Internal note (never sent)"
KEPT = "We kept what you typed. Check it and press the button again."


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    settings.SESSION_COOKIE_AGE = 15 * 60
    cache.clear()


@pytest.fixture
def queue(roles):
    return default_queue()


def enrolled_coordinator(queue, username: str):
    user = coordinator(queue, username)
    user.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(user)
    return user


@pytest.fixture
def lee(queue):
    return enrolled_coordinator(queue, "lee")


def new_inquiry() -> Inquiry:
    made = services.inquiry_submit(submission=submission())
    return Inquiry.objects.get(pk=made.pk)


def case_path(inquiry: Inquiry) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


def sign_in_here(page, user, next_path: str) -> None:
    """The sign-in page the browser was sent to: password, then the code, then ``next_path``."""
    assert page.url.endswith(f"/admin/login/?next={quote(next_path, safe='')}"), page.url
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    assert VERIFY_PATH.search(page.url), f"no second step asked for: {page.url}"
    page.get_by_label(CODE_LABEL).fill(next_code(user.totpdevice_set.get()))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))


def next_code(device) -> str:
    """The code the app shows 30 seconds from now (accepted: django-otp allows one step).

    In real life the first sign-in's code is 15 minutes old by now; here it may be the current
    one, which django-otp never accepts twice.
    """
    device.refresh_from_db()
    code = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + 1,
    )
    return f"{code:0{device.digits}d}"


def server_session_ends() -> None:
    """The idle limit passes on the server: the session is gone from the store."""
    Session.objects.all().delete()


def kept_in_cache() -> list[str]:
    return [key for key in cache._cache if keep_work.CACHE_PREFIX in key]


def active_element(page) -> dict:
    return page.evaluate(
        """() => ({
            text: document.activeElement.textContent.trim(),
            name: document.activeElement.getAttribute('name'),
            inDialog: document.activeElement.closest('dialog') !== null,
        })"""
    )


# --- the warning ------------------------------------------------------------------------


def test_the_warning_comes_two_minutes_before_and_stay_signed_in_keeps_the_session(
    page,
    lee,
    axe_js,  # noqa: F811
) -> None:
    inquiry = new_inquiry()
    page.clock.install()
    sign_in(page, lee, case_path(inquiry))
    warning = page.get_by_role("dialog", name="Your session is about to end")
    note = page.get_by_label(NOTE_LABEL)

    # Typing never reaches the server, so it does not put the sign-out off.
    note.fill("Left a voicemail")
    page.clock.fast_forward("12:50")
    assert not warning.is_visible()
    page.clock.fast_forward("00:15")
    warning.wait_for(state="visible")
    assert "signed out in about 2 minutes" in warning.inner_text()
    assert active_element(page) == {"text": "Stay signed in", "name": None, "inDialog": True}
    assert_no_axe_violations(page, axe_js, "the idle warning over an inquiry's page")

    # Meanwhile the server has had nothing for 14½ minutes.
    Session.objects.update(expire_date=timezone.now() + timedelta(seconds=30))
    with page.expect_response("**/admin/keep-alive/") as ping:
        page.keyboard.press("Enter")
    assert ping.value.status == 200 and ping.value.request.method == "POST"
    warning.wait_for(state="hidden")
    renewed = Session.objects.get().expire_date
    assert renewed > timezone.now() + timedelta(minutes=14)
    # Focus goes back to where the person was, with what they typed.
    assert active_element(page)["name"] == "text"
    assert note.input_value() == "Left a voicemail"

    # The next warning counts from the keep-alive, not from the page's load.
    page.clock.fast_forward("12:50")
    assert not warning.is_visible()
    page.clock.fast_forward("00:15")
    warning.wait_for(state="visible")

    # Escape is an answer too: the person is here.
    with page.expect_response("**/admin/keep-alive/"):
        page.keyboard.press("Escape")
    warning.wait_for(state="hidden")

    # Left alone past the limit, the dialog says what happened and what to do.
    page.clock.fast_forward("13:05")
    warning.wait_for(state="visible")
    page.clock.fast_forward("02:00")
    ended = page.get_by_role("dialog", name="You've been signed out")
    ended.wait_for(state="visible")
    assert "what you typed will be waiting" in ended.inner_text()
    assert active_element(page)["text"] == "Close"
    page.keyboard.press("Enter")
    ended.wait_for(state="hidden")
    assert InternalNote.objects.count() == 0


def test_sign_out_from_the_warning_ends_the_session(page, lee) -> None:
    inquiry = new_inquiry()
    page.clock.install()
    sign_in(page, lee, case_path(inquiry))
    page.clock.fast_forward("13:05")
    warning = page.get_by_role("dialog", name="Your session is about to end")
    warning.wait_for(state="visible")
    submit(page, warning.get_by_role("button", name="Sign out"))
    assert "/admin/logout/" in page.url
    page.goto(case_path(inquiry))
    assert "/admin/login/" in page.url


# --- what was typed when the session ended ------------------------------------------------


def type_a_note_then_the_session_ends(page, inquiry: Inquiry) -> None:
    card = page.locator("#internal-note-form")
    card.get_by_label(NOTE_LABEL).fill(NOTE)
    server_session_ends()
    response = submit(page, card.get_by_role("button", name="Add note"))
    # The sign-in page, coming back to the inquiry's page: never the POST-only handler.
    assert response.status == 200
    assert page.url.endswith(f"/admin/login/?next={quote(case_path(inquiry), safe='')}")
    assert any("nothing was saved" in m for m in messages(page, "warning"))
    assert InternalNote.objects.count() == 0


def test_an_ended_sessions_note_comes_back_for_the_same_person(page, lee) -> None:
    inquiry = new_inquiry()
    sign_in(page, lee, case_path(inquiry))
    type_a_note_then_the_session_ends(page, inquiry)
    assert len(kept_in_cache()) == 1

    sign_in_here(page, lee, case_path(inquiry))
    card = page.locator("#internal-note-form")
    assert card.get_by_label(NOTE_LABEL).input_value() == NOTE
    assert card.locator(".kept-work-notice").inner_text() == KEPT
    assert active_element(page)["name"] == "text"  # where they were, ready to check it
    # Shown, not saved: nothing was posted for them.
    assert InternalNote.objects.count() == 0
    assert not any("Canary" in url or "safety" in url for url in page.requests_seen)
    assert not any("Canary" in c["value"] for c in page.context.cookies())
    assert kept_in_cache() == []

    submit(page, card.get_by_role("button", name="Add note"))
    assert messages(page) == ["Note added. It stays with the team and is never sent."]
    note = InternalNote.objects.get(inquiry=inquiry)
    assert (note.author, note.text) == (lee, NOTE)


def test_an_ended_sessions_note_is_not_shown_to_someone_else(page, lee, queue) -> None:
    sam = enrolled_coordinator(queue, "sam")
    inquiry = new_inquiry()
    sign_in(page, lee, case_path(inquiry))
    type_a_note_then_the_session_ends(page, inquiry)
    assert len(kept_in_cache()) == 1

    sign_in_here(page, sam, case_path(inquiry))
    card = page.locator("#internal-note-form")
    assert card.get_by_label(NOTE_LABEL).input_value() == ""
    assert card.locator(".kept-work-notice").count() == 0
    assert NOTE not in page.content()
    assert kept_in_cache() == []
    assert InternalNote.objects.count() == 0
