"""The worklist as coordinators meet it: in Chromium, signed in with both steps.

The list fits a 1280 px screen and turns into cards on a 390 px phone without sideways
scrolling; each saved view's count is the number of rows it shows; next / previous on an
inquiry's page walks the view it was opened from; a search by name finds that person only,
and no address the browser asks for ever holds a name, an e-mail address or a phone number
that was searched.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import quote, unquote

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from intake import services
from intake.models import ContactAttempt, Inquiry
from intake.roles import COORDINATOR
from tests.browser.staff import authenticator, sign_in, submit
from tests.factories import coordinator, default_queue, submission

pytestmark = pytest.mark.browser

WORKLIST = "/admin/intake/inquiry/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"
    cache.clear()


def made(**overrides) -> Inquiry:
    return Inquiry.objects.get(pk=services.inquiry_submit(submission=submission(**overrides)).pk)


def age(inquiry: Inquiry, *, hours: float, due_in: float | None = None) -> None:
    """Move an inquiry back in time (received ``hours`` ago; due ``due_in`` hours from now)."""
    now = timezone.now()
    fields = {"created_at": now - timedelta(hours=hours)}
    if due_in is not None:
        fields["first_contact_due_at"] = now + timedelta(hours=due_in)
    Inquiry.objects.filter(pk=inquiry.pk).update(**fields)


@pytest.fixture
def clinic(roles):
    """A coordinator and a worklist of fictional people in every state the views name."""
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    authenticator(lee)
    people = {
        "jordan": made(
            preferred_name="Jordan Lee",
            email="jordan.lee@example.com",
            phone="617 555 0141",
            kind="come_back",
            best_time="evening",
            care_format="virtual",
            one_on_one_first=True,
            voicemail_ok=False,
            text_ok=True,
        ),
        "marisol": made(
            preferred_name="Marisol Ortega",
            email="marisol@example.com",
            kind="question",
            safety="not_safe",
        ),
        "jose": made(
            preferred_name="José Álvarez",
            email="jose.alvarez@example.com",
            phone="617 555 0142",
            contact_method="call",
            kind="not_sure",
            care_format="in_person",
        ),
        "nameless": made(preferred_name="", email="quiet.person@example.com"),
        "riley": made(preferred_name="Riley", email="riley@example.com", best_time="morning"),
        "held": made(preferred_name="Avery", email="avery@example.com"),
        "sky": made(preferred_name="Sky Jordana", email="sky@example.com"),
    }
    for inquiry in people.values():
        # Routing gave each one to the only coordinator: most wait for someone to take them.
        if Inquiry.objects.filter(pk=inquiry.pk, assigned_to__isnull=False).exists():
            services.inquiry_assign(
                actor=lee, inquiry_id=inquiry.pk, assignee=None, reason="back to the queue"
            )
    age(people["jose"], hours=75, due_in=-50)  # long overdue
    age(people["nameless"], hours=30, due_in=-2)  # overdue
    age(people["riley"], hours=5, due_in=3)  # due later today (unless it is nearly midnight)
    age(people["sky"], hours=2)
    services.inquiry_assign(actor=lee, inquiry_id=people["jordan"].pk, assignee=lee)
    services.contact_attempt_record(
        actor=lee,
        inquiry_id=people["jordan"].pk,
        channel=ContactAttempt.Channel.CALL,
        outcome=ContactAttempt.Outcome.LEFT_VOICEMAIL,
    )
    services.inquiry_assign(actor=lee, inquiry_id=people["sky"].pk, assignee=lee)
    services.inquiry_set_status(
        actor=lee, inquiry_id=people["sky"].pk, status=Inquiry.Status.CONTACTED
    )
    services.reassessment_schedule(
        actor=lee,
        inquiry_id=people["sky"].pk,
        when=timezone.now() + timedelta(days=2),
        care_format=Inquiry.CareFormat.VIRTUAL,
    )
    Inquiry.objects.filter(pk=people["held"].pk).update(is_held=True, held_reason="rate_limit")
    return {"lee": lee, **{k: Inquiry.objects.get(pk=v.pk) for k, v in people.items()}}


def row_ids(page) -> list[str]:
    """The short ids of the rows shown, top to bottom."""
    metas = page.locator("#result_list tbody .wl-meta").all_inner_texts()
    return [meta.split("·")[0].strip() for meta in metas]


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_worklist_fits_a_desktop_and_a_phone_without_sideways_scrolling(
    page, live_server, clinic
) -> None:
    page.set_viewport_size(DESKTOP)
    sign_in(page, clinic["lee"], WORKLIST)
    assert page.locator("#result_list tbody tr").count() == 7
    assert no_sideways_scroll(page)
    first = page.locator("#result_list tbody tr").first
    # Urgent first; the story in words, never the message.
    assert "Marisol Ortega" in first.inner_text() and "Urgent" in first.inner_text()
    text = page.locator("#result_list").inner_text()
    assert "thinking about coming back" not in text
    jordan = page.locator("#result_list tbody tr", has_text="Jordan Lee")
    for words in ("come back", "evening", "virtual", "one-on-one first"):
        assert words in jordan.inner_text()
    assert jordan.locator("[title='No voicemail']").count() == 1
    assert jordan.locator(".visually-hidden", has_text="Text OK").count() == 1
    assert "lee" in jordan.locator(".field-assignee").inner_text()
    assert jordan.locator(".field-attempts").inner_text().strip().endswith("1")
    jose = page.locator("#result_list tbody tr", has_text="José Álvarez")
    assert re.search(r"overdue by 2 days", jose.inner_text())
    assert "3 days" in jose.locator(".field-waiting").inner_text()
    assert "no name given" in page.locator("#result_list").inner_text()

    page.set_viewport_size(PHONE)
    page.reload()
    assert no_sideways_scroll(page)
    assert not page.locator("#result_list thead").is_visible()
    card = page.locator("#result_list tbody tr").first
    assert card.evaluate("tr => getComputedStyle(tr).display") == "block"
    assert "Waiting:" in card.inner_text()  # each value says what it is on a card


def test_each_saved_view_shows_as_many_rows_as_its_count(page, live_server, clinic) -> None:
    page.set_viewport_size(DESKTOP)
    sign_in(page, clinic["lee"], WORKLIST)
    links = page.locator(".wl-views a")
    names = links.locator(".wl-view-name").all_inner_texts()
    assert names[:1] == ["All"] and "Waiting on the person" in names and len(names) == 10
    expected = {
        "Mine": 2,
        "Unassigned": 5,
        "Urgent & review": 1,
        "Overdue": 2,
        "Held": 1,
        "Waiting on the person": 1,
        "Waiting on us": 0,  # nobody here wrote back (tests/browser/test_conversation.py)
        "Scheduled": 1,
    }
    for index, name in enumerate(names):
        link = page.locator(".wl-views a").nth(index)
        count = int(link.locator(".wl-count").inner_text())
        submit(page, link)
        assert page.locator(".wl-views a[aria-current='page'] .wl-view-name").inner_text() == name
        rows = page.locator("#result_list tbody tr").count()
        assert rows == count, name
        if name in expected:
            assert count == expected[name], name


def test_next_and_previous_follow_the_view_the_inquiry_was_opened_from(
    page, live_server, clinic
) -> None:
    page.set_viewport_size(DESKTOP)
    sign_in(page, clinic["lee"], WORKLIST)
    submit(page, page.locator(".wl-views a", has_text="Unassigned"))
    shown = row_ids(page)
    assert len(shown) == 5
    submit(page, page.locator("#result_list tbody th a").first)
    visited = [page.locator("h1").inner_text().split()[-1]]
    while page.locator(".case-nav a[rel=next]").count():
        submit(page, page.locator(".case-nav a[rel=next]"))
        visited.append(page.locator("h1").inner_text().split()[-1])
    assert visited == shown
    assert "Back to Unassigned" in page.locator(".case-nav").inner_text()
    submit(page, page.locator(".case-nav a[rel=prev]"))
    assert page.locator("h1").inner_text().split()[-1] == shown[-2]
    # An action on the page comes back to it still walking the same view.
    submit(page, page.get_by_role("button", name="Assign to me"))
    assert "Assigned to you." in page.locator(".messagelist").inner_text()
    assert "Back to Unassigned" in page.locator(".case-nav").inner_text()
    submit(page, page.locator(".case-nav a[rel=next]"))
    assert page.locator("h1").inner_text().split()[-1] == shown[-1]
    submit(page, page.locator(".case-nav a", has_text="Back to Unassigned"))
    assert row_ids(page) == [short for short in shown if short != shown[-2]]


def search(page, term: str) -> None:
    page.get_by_label("Find a person").fill(term)
    submit(page, page.get_by_role("button", name="Search"))


def test_a_search_finds_only_that_person_and_never_reaches_an_address(
    page, live_server, clinic
) -> None:
    page.set_viewport_size(DESKTOP)
    sign_in(page, clinic["lee"], WORKLIST)
    searches = {
        "jordan": ["Jordan Lee"],  # not Sky Jordana, not Marisol
        "JOSE": ["José Álvarez"],
        "marisol@example.com": ["Marisol Ortega"],
        "(617) 555-0142": ["José Álvarez"],
    }
    for term, people in searches.items():
        search(page, term)
        names = page.locator("#result_list tbody .wl-name").all_inner_texts()
        assert names == people, term
        assert "search=" in page.url
        assert term in page.locator(".wl-heading").inner_text()
        # ...and the row opens with the search id only, with next / previous inside it.
        submit(page, page.locator("#result_list tbody th a").first)
        assert "Back to the search results" in page.locator(".case-nav").inner_text()
        page.go_back()
    searched = [t.lower() for t in searches] + ["555-0142", "5550142", "marisol@", "álvarez"]
    for url in page.requests_seen:
        seen = unquote(url).lower()
        for term in searched:
            assert term not in seen and quote(term) not in url.lower(), (term, url)
