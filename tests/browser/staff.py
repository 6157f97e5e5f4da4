"""Staff in the browser: the real sign-in page with its second step, and reading the result.

``sign_in`` goes through the password page and then the two-step page (``/admin/2fa/verify/``)
with the current code of the user's confirmed TOTP device, as a person with an authenticator
app would. The tests turn ``ADMIN_REQUIRE_2FA`` on and give each user a fresh device, so a
code is never used twice within its 30 seconds.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

PASSWORD = "a-long-test-password"
CODE_LABEL = "Six-digit code from your authenticator app"
VERIFY_PATH = re.compile(r"/admin/2fa/verify/\?next=")


def staff(role: str, username: str, **fields):
    """A staff user in one role group (queue membership is up to the caller)."""
    user = UserFactory(username=username, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def authenticator(user) -> TOTPDevice:
    """A confirmed TOTP device, as if the user had enrolled their authenticator app."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """What the authenticator app shows right now."""
    device.refresh_from_db()
    code = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{code:0{device.digits}d}"


def sign_in(page, user, next_path: str) -> None:
    """Password, then the six-digit code, then the page asked for (``next_path``)."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    # The password alone does not open the page: the second step is asked for first.
    assert VERIFY_PATH.search(page.url), f"no second step asked for: {page.url}"
    page.get_by_label(CODE_LABEL).fill(current_code(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))


def submit(page, control):
    """Click a control that posts its form; wait for the page it leads to. Its response."""
    with page.expect_navigation() as navigation:
        control.click()
    page.wait_for_load_state()
    return navigation.value


def messages(page, level: str = "success") -> list[str]:
    """The admin messages of one level shown on the page."""
    return [t.strip() for t in page.locator(f".messagelist li.{level}").all_inner_texts()]


def timeline(page, details: bool = False) -> list[str]:
    """The inquiry's timeline as shown, each entry without its date: "Assigned — lee"; with
    ``details``, what the entry adds below it too: "Assigned — lee to Cy Jones"."""
    entries = page.locator("#timeline li").evaluate_all(
        """(items, details) => items.map(li => {
            const copy = li.cloneNode(true);
            copy.querySelector('span').remove();
            if (!details) copy.querySelectorAll('.event-detail').forEach(d => d.remove());
            return copy.textContent;
        })""",
        details,
    )
    return [" ".join(entry.split()) for entry in entries]
