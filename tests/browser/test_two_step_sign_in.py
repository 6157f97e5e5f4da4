"""Signing in as staff meet it, in Chromium: each role's landing page, set-up links, recovery codes.

Each role signs in through the real form with nothing asked for and lands on its own page
after the code from the authenticator app. A program admin sends a set-up link from an
account's page; the new colleague opens it from the e-mail, signs in, scans, confirms, keeps
the recovery codes shown once and lands on their page; the same link then shows a kind
"this link has been used" page. A recovery code signs in once, and only once.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import services
from intake.models import Inquiry
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from tests.browser.staff import (
    CODE_LABEL,
    PASSWORD,
    VERIFY_PATH,
    authenticator,
    current_code,
    messages,
    sign_in,
    staff,
    submit,
)
from tests.browser.test_accessibility import (  # noqa: F401 - axe_js is a fixture
    assert_no_axe_violations,
    axe_js,
)
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://\S+(/admin/2fa/enrol/[\w-]+/)")
RECOVERY_CODE = re.compile(r"^[a-z2-9]{4}(-[a-z2-9]{4}){3}$")


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    # The per-address sign-in limit counts every sign-in of the whole run (one address).
    settings.ADMIN_LOGIN_RATE = "1000/h"


@pytest.fixture
def new_page(browser, live_server):
    """Another person's browser: a fresh context per call, closed at the end."""
    contexts = []

    def make():
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=live_server.url
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


def here(page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def password_step(page, username: str) -> None:
    """The sign-in page with no page asked for: user name and password."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()


def code_step(page, code: str) -> None:
    page.get_by_label(CODE_LABEL).fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


# --- landing pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "landing", "shown"),
    [
        (COORDINATOR, "/admin/intake/inquiry/?assigned=me", "Assigned to me"),
        (CLINICIAN, "/admin/intake/inquiry/reassessments/", "heading:Upcoming reassessments"),
        (REVIEWER, "/admin/intake/reassessmentnote/?state__exact=ready", "Ready for review"),
        (PROGRAM_ADMIN, "/admin/dashboard/", "heading:Dashboard"),
    ],
)
def test_each_role_lands_on_its_own_page_after_both_steps(
    page, roles, role, landing, shown
) -> None:
    queue = default_queue()
    user = coordinator(queue, "sam") if role == COORDINATOR else staff(role, "sam")
    user.groups.add(Group.objects.get(name=role))
    device = authenticator(user)

    password_step(page, "sam")
    assert VERIFY_PATH.search(page.url), page.url  # the password alone opens nothing
    code_step(page, current_code(device))

    assert here(page) == landing
    assert page.locator("#user-tools").is_visible()
    if shown.startswith("heading:"):
        assert shown.removeprefix("heading:") in page.locator("h1").inner_text()
    else:
        # The filter the landing chose is the one shown as chosen (among "More filters").
        chosen = page.locator("li.selected").all_text_contents()
        assert shown in [text.strip() for text in chosen], chosen


def test_a_coordinator_lands_on_the_inquiries_assigned_to_them(page, roles) -> None:
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    kim = coordinator(queue, "kim")
    theirs, mine = (
        services.inquiry_submit(submission=submission(email=f"p{n}@example.com")) for n in range(2)
    )
    Inquiry.objects.filter(pk=theirs.pk).update(assigned_to=kim)
    Inquiry.objects.filter(pk=mine.pk).update(assigned_to=lee)
    device = authenticator(lee)

    password_step(page, "lee")
    code_step(page, current_code(device))

    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert rows.locator(f"a[href*='/admin/intake/inquiry/{mine.pk}/change/']").count() >= 1
    assert page.locator(f"a[href*='/admin/intake/inquiry/{theirs.pk}/change/']").count() == 0


# --- set-up link --------------------------------------------------------------------------


def test_a_set_up_link_works_once(page, new_page, roles, axe_js) -> None:  # noqa: F811
    pat = staff(PROGRAM_ADMIN, "pat")
    authenticator(pat)
    newcomer = coordinator(default_queue(), "ren")
    newcomer.email = "ren@clinic.test"
    newcomer.save()
    newcomer.groups.add(Group.objects.get(name=COORDINATOR))

    # The program admin sends the link from the new colleague's page.
    sign_in(page, pat, f"/admin/auth/user/{newcomer.pk}/change/")
    assert "Not set up" in page.locator(".two-step-status").inner_text()
    mail.outbox.clear()
    submit(page, page.get_by_role("button", name="Send a set-up link by e-mail"))
    assert messages(page) == [
        "A set-up link is on its way to ren's e-mail. It works once; any link sent before "
        "no longer works."
    ]
    assert "/admin/2fa/enrol/" not in page.content()
    assert [m.to for m in mail.outbox] == [["ren@clinic.test"]]
    link = LINK.search(mail.outbox[0].body).group(1)

    # The new colleague opens it from the e-mail, on their own browser.
    ren = new_page()
    ren.goto(link)
    assert urlsplit(ren.url).path == "/admin/login/"
    ren.fill("#id_username", "ren")
    ren.fill("#id_password", PASSWORD)
    with ren.expect_navigation():
        ren.locator("input[type=submit]").click()
    assert urlsplit(ren.url).path == "/admin/2fa/setup/"
    assert ren.locator(".qr svg").count() == 1
    assert_no_axe_violations(ren, axe_js, "the set-up page")
    # What the authenticator app shows once the code is scanned.
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    ren.get_by_label(CODE_LABEL).fill(current_code(device))
    with ren.expect_navigation():
        ren.get_by_role("button", name="Confirm").click()

    codes = [c.strip() for c in ren.locator("ol.recovery-codes code").all_inner_texts()]
    assert len(codes) == 10 and all(RECOVERY_CODE.match(c) for c in codes), codes
    assert "this is the only time they are shown" in ren.locator("#content-main").inner_text()
    assert_no_axe_violations(ren, axe_js, "the recovery codes page")
    with ren.expect_navigation():
        ren.get_by_role("link", name="I've kept them safe. Continue").click()
    assert here(ren) == "/admin/intake/inquiry/?assigned=me"
    assert TOTPDevice.objects.get(user=newcomer).confirmed
    assert [m.subject for m in mail.outbox[1:]] == [
        "A new authenticator was added to your account — Reengage"
    ]

    # The same link again, even in the same browser: a kind page, and nothing changes.
    response = ren.goto(link)
    assert response.status == 410
    assert "This link has been used" in ren.locator("h1").inner_text()
    assert "Each set-up link works once" in ren.locator("#content-main").inner_text()
    assert_no_axe_violations(ren, axe_js, "the used-link page")
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1

    # The program admin now sees the account set up.
    page.reload()
    assert "Set up; 10 recovery codes left" in page.locator(".two-step-status").inner_text()


# --- recovery codes -----------------------------------------------------------------------


def test_a_recovery_code_signs_in_once(new_page, roles) -> None:
    lee = coordinator(default_queue(), "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    issued = services.enrolment_link_issue(actor=None, user_id=lee.pk, send=False)
    started = services.authenticator_start(user=lee, link_id=issued.link.pk)
    codes = services.authenticator_enrol(
        user=lee, link_id=issued.link.pk, device_id=started.pk
    ).codes

    first = new_page()
    password_step(first, "lee")
    assert VERIFY_PATH.search(first.url)
    code_step(first, codes[3])
    assert here(first) == "/admin/intake/inquiry/?assigned=me"

    again = new_page()
    password_step(again, "lee")
    code_step(again, codes[3])
    assert VERIFY_PATH.search(again.url), again.url  # still at the second step
    assert "That code did not match" in again.locator("#content-main, #content").first.inner_text()
    again.goto("/admin/intake/inquiry/")
    assert VERIFY_PATH.search(again.url), again.url
