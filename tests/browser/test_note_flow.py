"""A reassessment note from search to signature, as staff meet it in Chromium.

A clinician signs in with both steps, opens the note's add page, finds the person by name
(the search posts: the name never reaches the address bar), picks them, reads their message
and preferences beside the form (a new note starts from them), writes the note and its
scheduling facts, saves, and marks it ready for review. The reviewer gets the e-mail, signs
in, finds the note on their landing list and signs it. The coordinator then opens the case
and never sees the note's clinical text.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import services
from intake.models import Inquiry, ReassessmentNote
from intake.roles import CLINICIAN, COORDINATOR, REVIEWER
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
from tests.factories import SiteFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}
WHAT_CHANGED = "Canary-7731 new job with evening hours; sleeping better"
NEEDS = "Canary-needs a later start and one-on-one time first"
GROUP = "Tuesday evening group with Dana"
MESSAGE = "I miss the Tuesday group and I'd like to come back."
TOLD_US = (
    "Told us: virtual; 2–3 days a week; one-on-one first; "
    "open to a different group or therapist; best reached in the mornings"
)


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"


@pytest.fixture
def desk(browser, live_server):
    """desk(): a fresh desktop browser (its own cookies) per person."""
    contexts = []

    def make(color_scheme: str = "light"):
        context = browser.new_context(
            viewport=DESK, base_url=live_server.url, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def clinic(roles):
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    clin = staff(CLINICIAN, "clin", email="clin@clinic.test")
    rev = staff(REVIEWER, "rev", email="rev@clinic.test")
    for user in (lee, clin, rev):
        authenticator(user)
    site = SiteFactory(name="Riverside", slug="riverside")
    sam = services.inquiry_submit(
        submission=submission(
            preferred_name="Sam Rivera",
            message=MESSAGE,
            care_format="virtual",
            pace="two_three_days",
            one_on_one_first=True,
            open_to_new_group=True,
            best_time="morning",
            site_id=site.pk,
        )
    )
    services.inquiry_submit(
        submission=submission(preferred_name="Jordan Lee", email="jordan@example.com")
    )
    mail.outbox.clear()
    return {
        "lee": lee,
        "clin": clin,
        "rev": rev,
        "site": site,
        "sam": Inquiry.objects.get(pk=sam.pk),
    }


def sign_in_to_landing(page, user) -> None:
    """The sign-in page with no page asked for: both steps, then the role's landing page."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    page.goto("/admin/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    assert VERIFY_PATH.search(page.url), page.url
    page.get_by_label(CODE_LABEL).fill(current_code(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def note_path(note: ReassessmentNote) -> str:
    return f"/admin/intake/reassessmentnote/{note.pk}/change/"


def test_a_note_goes_from_search_to_signature_and_the_coordinator_never_reads_it(
    desk, clinic
) -> None:
    sam, clin, rev = clinic["sam"], clinic["clin"], clinic["rev"]

    # --- the clinician finds the person by name --------------------------------------------
    page = desk()
    sign_in(page, clin, "/admin/intake/reassessmentnote/add/")
    page.get_by_label("Find a person").fill("Rivera")
    submit(page, page.get_by_role("button", name="Search"))
    assert "?search=" in page.url and "Rivera" not in page.url
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1  # Jordan Lee is not a match
    row = rows.first
    assert "Sam Rivera" in row.inner_text() and sam.short_id in row.inner_text()
    submit(page, row.get_by_role("link", name="Write the note"))
    assert urlsplit(page.url).query == f"inquiry={sam.pk}"

    # --- their words beside the form, and the note starting from them ----------------------
    panel = page.locator("#person")
    assert MESSAGE in panel.inner_text()
    for said in ("Virtual", "2–3 days a week", "Mornings", "Riverside"):
        assert said in panel.inner_text(), said
    form = page.locator("#reassessmentnote_form")
    panel_box, form_box = panel.bounding_box(), form.bounding_box()
    assert panel_box["x"] >= form_box["x"] + form_box["width"] - 1  # beside it, on the right
    assert page.get_by_label("Preferences").input_value() == TOLD_US
    assert page.get_by_label("One-on-one first", exact=True).is_checked()
    assert not page.get_by_label("Different group", exact=True).is_checked()
    assert page.get_by_label("Site").locator("option:checked").inner_text() == "Riverside"

    # --- the note and its scheduling facts ---------------------------------------------------
    page.get_by_label("What changed since they left").fill(WHAT_CHANGED)
    page.get_by_label("What they need now").fill(NEEDS)
    page.get_by_label("Starts on").fill("2027-03-02")
    page.get_by_label("Group or therapist:", exact=True).fill(GROUP)
    scheduling = page.locator("fieldset", has_text="For scheduling (coordinators see this)")
    assert "never see the clinical text" in scheduling.inner_text()
    submit(page, page.get_by_role("button", name="Save", exact=True))

    note = ReassessmentNote.objects.get()
    assert page.url.endswith(note_path(note))
    assert messages(page) == [
        "Saved as a draft. When it says what you mean, mark it ready for review."
    ]
    assert (note.inquiry, note.author, note.state) == (sam, clin, "draft")
    assert (note.what_changed, note.preferences) == (WHAT_CHANGED, TOLD_US)
    assert (note.start_on, note.group, note.start_site) == (
        date(2027, 3, 2),
        GROUP,
        clinic["site"],
    )
    assert note.plan_codes == ["one_on_one_first"]
    assert mail.outbox == []

    # --- ready for review ---------------------------------------------------------------------
    submit(page, page.get_by_role("button", name="Mark ready for review"))
    assert messages(page)[0].startswith("Ready for review.")
    note.refresh_from_db()
    assert note.state == "ready" and note.ready_at is not None
    assert page.locator("#note-actions-title").inner_text() == "Ready for review"
    assert page.get_by_role("button", name="Mark ready for review").count() == 0
    assert sam.events.get(kind="note_ready").actor == clin

    # --- the reviewer's e-mail: a link, nothing clinical, no name ---------------------------
    sent = [m for m in mail.outbox if m.to == ["rev@clinic.test"]]
    assert len(sent) == 1 and len(mail.outbox) == 1
    assert sent[0].subject == "A reassessment note is ready for your review — Reengage"
    link = re.search(r"https?://\S+/reassessmentnote/\d+/change/", sent[0].body).group(0)
    assert urlsplit(link).path == note_path(note)
    for private in ("Canary", "Sam", "Rivera", sam.short_id, "Tuesday"):
        assert private not in sent[0].subject + sent[0].body

    # --- the reviewer finds it on their list and signs it -----------------------------------
    page = desk()
    sign_in_to_landing(page, rev)
    assert page.url.endswith("/admin/intake/reassessmentnote/?state__exact=ready")
    row = page.locator("#result_list tbody tr", has_text="Sam Rivera")
    assert row.count() == 1 and sam.short_id in row.inner_text() and "clin" in row.inner_text()
    submit(page, row.get_by_role("link", name="Read and sign"))
    assert urlsplit(page.url).path == note_path(note)
    assert WHAT_CHANGED in page.locator("#content-main").inner_text()
    assert page.locator("#note-actions-title").inner_text() == "Review and sign"
    submit(page, page.get_by_role("button", name="Sign this note"))
    assert messages(page)[0].startswith("Signed")
    note.refresh_from_db()
    assert (note.state, note.signed_by) == ("signed", rev)
    assert page.locator("#note-actions-title").inner_text() == "This note is signed"

    # --- the coordinator opens the case: the note exists, its text never shows --------------
    page = desk()
    sign_in(page, clinic["lee"], f"/admin/intake/inquiry/{sam.pk}/change/")
    case = page.locator("#content-main").inner_text()
    assert "Signed" in page.locator("#reassessment").inner_text()
    for clinical in ("Canary", "sleeping better", "one-on-one time first", TOLD_US):
        assert clinical not in case, clinical
    assert page.locator('a[href*="/reassessmentnote/"]').count() == 0


def test_the_coordinator_sees_when_and_with_whom_the_person_starts(desk, clinic) -> None:
    sam, clin = clinic["sam"], clinic["clin"]
    note = services.note_add(
        actor=clin,
        inquiry_id=sam.pk,
        fields={
            "what_changed": WHAT_CHANGED,
            "start_on": date(2027, 3, 2),
            "group": GROUP,
            "start_site": clinic["site"],
        },
    )
    services.note_mark_ready(actor=clin, note_id=note.pk)
    services.note_sign(actor=clinic["rev"], note_id=note.pk)
    page = desk()
    sign_in(page, clinic["lee"], f"/admin/intake/inquiry/{sam.pk}/change/")
    case = page.locator("#content-main").inner_text()
    assert GROUP in case
    assert any(shown in case for shown in ("2 Mar 2027", "March 2, 2027", "2027-03-02")), case
    assert "Canary" not in case


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_note_pages_have_no_wcag_violations(desk, clinic, axe_js, scheme) -> None:  # noqa: F811
    sam, clin = clinic["sam"], clinic["clin"]
    ready = services.note_add(actor=clin, inquiry_id=sam.pk, fields={"what_changed": "x"})
    services.note_mark_ready(actor=clin, note_id=ready.pk)
    page = desk(scheme)
    sign_in(page, clin, "/admin/intake/reassessmentnote/add/")
    assert_no_axe_violations(page, axe_js, f"the note's search page, {scheme}")
    page.get_by_label("Find a person").fill("Rivera")
    submit(page, page.get_by_role("button", name="Search"))
    assert page.locator("#result_list tbody tr").count() == 1
    assert_no_axe_violations(page, axe_js, f"the note's search results, {scheme}")
    submit(page, page.get_by_role("link", name="Write the note"))
    assert page.locator("#person").is_visible()
    assert_no_axe_violations(page, axe_js, f"the note's add page with the person, {scheme}")
    page.goto(note_path(ready))
    assert page.locator("#note-actions-title").inner_text() == "Ready for review"
    assert_no_axe_violations(page, axe_js, f"a ready note, its author, {scheme}")

    page = desk(scheme)
    sign_in(page, clinic["rev"], "/admin/intake/reassessmentnote/?state__exact=ready")
    assert page.get_by_role("link", name="Read and sign").count() == 1
    assert_no_axe_violations(page, axe_js, f"the reviewers' list, {scheme}")
