"""WCAG 2.2 AA on the staff pages, for each role that can open them, in a real browser.

Staff sign in through the real sign-in form, then axe-core (from node_modules/, injected
through DevTools so the page's CSP stays in force) checks the page as that role sees it:
the worklist, an inquiry's page (a routine and an urgent one), the dashboard, a
reassessment note, and the settings pages. Nothing is excluded and no rule is turned off:
a violation is fixed on the page (static/css/admin-overrides.css for Django admin's own
styles, the admin options where a widget itself was at fault), never in the check.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth.models import Group

from intake import services
from intake.models import CoordinatorQueue, ReplyTemplate, RoutingRule
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from tests.browser.test_accessibility import (  # noqa: F401 - axe_js is a fixture
    assert_no_axe_violations,
    axe_js,
)
from tests.browser.test_crisis_path import PASSWORD
from tests.factories import SiteFactory, UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

# Staff work at a desk; the phone width is checked for the public pages.
DESKTOP = {"width": 1280, "height": 900}
ON_CALL = "+16175550199"

USERNAMES = {
    COORDINATOR: "lee",
    CLINICIAN: "clin",
    REVIEWER: "rev",
    PROGRAM_ADMIN: "padmin",
}


@pytest.fixture
def staff(roles, settings):
    """One person per role, a routine and an urgent inquiry, a draft note, the settings."""
    # Every case signs in from 127.0.0.1: more than the per-address limit allows in an hour.
    settings.ADMIN_LOGIN_RATE = "1000/h"
    queue = default_queue()
    lee = coordinator(queue, USERNAMES[COORDINATOR])
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    for role in (CLINICIAN, REVIEWER, PROGRAM_ADMIN):
        UserFactory(username=USERNAMES[role]).groups.add(Group.objects.get(name=role))
    site = SiteFactory(name="Downtown", slug="downtown")
    RoutingRule.objects.create(order=1, queue=queue, language="es")
    RoutingRule.objects.create(order=2, queue=queue, site=site, active=False)
    ReplyTemplate.objects.create(language="en", title="Welcome back", body="Hi {name}.")
    # The live server's database commits at once, so each is routed (eager task) on submit.
    routine = services.inquiry_submit(
        submission=submission(email="sam@example.com", phone="617 555 0134", text_ok=True)
    )
    urgent = services.inquiry_submit(
        submission=submission(
            email="river@example.com",
            phone="617 555 0135",
            contact_method="call",
            safety="not_safe",
        )
    )
    for inquiry in (routine, urgent):
        inquiry.refresh_from_db()
        assert inquiry.queue_id == queue.pk, "not routed: the coordinator would not see it"
    clinician = Group.objects.get(name=CLINICIAN).user_set.get()
    draft = services.note_add(
        actor=clinician,
        inquiry_id=routine.pk,
        fields={"what_changed": "Moved closer to the clinic", "plan": "resume"},
    )
    # Waiting for its code: the on-call page shows its confirm and resend forms.
    CoordinatorQueue.objects.filter(pk=queue.pk).update(
        on_call_phone=ON_CALL, on_call_phone_confirmed_at=None
    )
    return {
        "routine": routine.pk,
        "urgent": urgent.pk,
        "draft": draft.pk,
        "queue": queue.pk,
    }


# (page, the roles that can open it). Every role's pages, as far as its permissions reach.
PAGES = {
    "worklist": (lambda s: "/admin/intake/inquiry/", [COORDINATOR, CLINICIAN, REVIEWER]),
    "worklist, every status": (
        lambda s: "/admin/intake/inquiry/?status=all&quarantine=all",
        [COORDINATOR],
    ),
    "routine inquiry": (
        lambda s: f"/admin/intake/inquiry/{s['routine']}/change/",
        [COORDINATOR, CLINICIAN, REVIEWER],
    ),
    "urgent inquiry": (
        lambda s: f"/admin/intake/inquiry/{s['urgent']}/change/",
        [COORDINATOR, CLINICIAN, REVIEWER],
    ),
    "dashboard": (lambda s: "/admin/dashboard/", [COORDINATOR, PROGRAM_ADMIN]),
    "draft note": (
        lambda s: f"/admin/intake/reassessmentnote/{s['draft']}/change/",
        [REVIEWER, CLINICIAN],
    ),
    "note add page": (
        lambda s: f"/admin/intake/reassessmentnote/add/?inquiry={s['routine']}",
        [CLINICIAN],
    ),
    "queue page": (
        lambda s: f"/admin/intake/coordinatorqueue/{s['queue']}/change/",
        [PROGRAM_ADMIN, COORDINATOR],
    ),
    "on-call page": (
        lambda s: f"/admin/intake/coordinatorqueue/{s['queue']}/on-call/",
        [PROGRAM_ADMIN, COORDINATOR],
    ),
    "routing rules": (lambda s: "/admin/intake/routingrule/", [PROGRAM_ADMIN]),
}

# Every page for every role in the admin's light theme, and each page once more in its dark
# theme (Django admin follows the system setting unless the person picks one).
CASES = [
    *(
        pytest.param(name, role, "light", id=f"{name} as {role}")
        for name, (_url, roles) in PAGES.items()
        for role in roles
    ),
    *(
        pytest.param(name, roles[0], "dark", id=f"{name} as {roles[0]}, dark theme")
        for name, (_url, roles) in PAGES.items()
    ),
]


# Violations that CSS cannot fix, each (rule, element): the page's markup has to change in
# Python. Each case is reported as an expected failure naming the change; any other violation
# on the page still fails, and once the change is made the case fails until removed here.
def sign_in(page, username: str, next_path: str) -> None:
    """The real sign-in form (as tests/browser/test_crisis_path.py), with ``next`` quoted
    so a page's own query string survives the trip."""
    page.goto(f"/admin/login/?next={quote(next_path, safe='/')}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    here = urlsplit(page.url)
    assert here.path + (f"?{here.query}" if here.query else "") == next_path, page.url


@pytest.fixture
def desk_page(browser, live_server):
    """A fresh desktop browser context per call: desk_page(color_scheme="dark")."""
    contexts = []

    def make(color_scheme: str = "light"):
        context = browser.new_context(
            viewport=DESKTOP, base_url=live_server.url, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize(("name", "role", "scheme"), CASES)
def test_staff_pages_have_no_wcag_violations(desk_page, axe_js, staff, name, role, scheme) -> None:  # noqa: F811
    url = PAGES[name][0](staff)
    page = desk_page(scheme)
    sign_in(page, USERNAMES[role], url)
    assert page.locator("#user-tools").is_visible(), f"{role} is not signed in on {url}"
    assert page.locator("h1").count() >= 1
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark")
    assert_no_axe_violations(page, axe_js, f"{name} ({url}) as {role}, {scheme} theme")


def test_the_sign_in_page_has_no_wcag_violations(desk_page, axe_js, staff) -> None:  # noqa: F811
    page = desk_page()
    response = page.goto("/admin/login/?next=/admin/intake/inquiry/")
    assert response.ok
    assert_no_axe_violations(page, axe_js, "the staff sign-in page")
