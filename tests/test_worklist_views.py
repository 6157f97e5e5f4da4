"""The worklist's saved views, rows, next / previous and the dashboard's links into it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intake import selectors, worklist
from intake.admin.worklist import short_duration
from intake.models import Inquiry
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from tests.factories import UserFactory, coordinator, default_queue

pytestmark = pytest.mark.django_db

WORKLIST = "/admin/intake/inquiry/"


def many(queue, n: int, *, assignee=None, start: int = 0) -> list[Inquiry]:
    """``n`` inquiries in a spread of states: every saved view holds some."""
    now = timezone.now()
    statuses = ["new", "new", "contacted", "reassessment_scheduled", "not_now", "closed"]
    rows = [
        Inquiry(
            message="the person's own words",
            preferred_name=f"Person {i}",
            email=f"p{i}@example.com",
            contact_method="email",
            consent=True,
            queue=queue,
            routed_at=now,
            first_contact_due_at=now + timedelta(hours=(i % 9) - 4),
            status=statuses[i % len(statuses)],
            priority="urgent" if i % 11 == 0 else "review" if i % 7 == 0 else "routine",
            assigned_to=assignee if i % 3 == 0 else None,
            is_held=i % 13 == 0,
            is_spam=i % 17 == 5,
            reached_at=now if i % 4 == 0 else None,
            snoozed_until=now + timedelta(hours=1) if i % 10 == 1 else None,
            # The person wrote back (closed and not-now ones too).
            waiting_on_us_since=now - timedelta(hours=1) if i % 5 == 2 else None,
        )
        for i in range(start, start + n)
    ]
    return Inquiry.objects.bulk_create(rows)


@pytest.fixture
def lee(roles):
    queue = default_queue()
    user = coordinator(queue, "lee")
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def shown(response) -> list[int]:
    return [row.pk for row in response.context["cl"].result_list]


def test_each_saved_view_count_is_the_number_of_its_rows(lee) -> None:
    many(default_queue(), 120, assignee=lee)
    client = client_for(lee)
    first = client.get(WORKLIST)
    views = first.context["saved_views"]
    assert [str(v["label"]) for v in views][:3] == ["All", "Mine", "Unassigned"]
    assert all(v["count"] > 0 for v in views), views
    now = timezone.now()
    visible = selectors.inquiries_visible_to(lee).filter(worklist.default_q())
    for view in views:
        page = client.get(WORKLIST + view["url"])
        assert page.context["cl"].result_count == view["count"], view["label"]
        rows = set(page.context["cl"].queryset.values_list("pk", flat=True))
        assert len(rows) == view["count"], view["label"]
    # ...and each view holds what its name says.
    expected = {
        "mine": visible.filter(assigned_to=lee),
        "overdue": visible.filter(selectors.overdue_q(now)),
        "held": visible.filter(is_held=True),
        "waiting": visible.filter(status="contacted", reached_at__isnull=True),
        "scheduled": visible.filter(status="reassessment_scheduled"),
    }
    for slug, rows in expected.items():
        page = client.get(WORKLIST, {"view": slug})
        assert page.context["cl"].result_count == rows.count(), slug
    # "Waiting on us" holds closed inquiries too: whoever wrote back, whatever the status.
    wrote_back = selectors.inquiries_visible_to(lee).filter(
        is_spam=False, waiting_on_us_since__isnull=False
    )
    assert wrote_back.filter(status="closed").exists()
    page = client.get(WORKLIST, {"view": "waiting-on-us", "status": "all"})
    assert set(page.context["cl"].queryset.values_list("pk", flat=True)) == set(
        wrote_back.values_list("pk", flat=True)
    )


def test_the_worklist_makes_the_same_queries_at_10_and_200_inquiries(
    lee, django_assert_num_queries
) -> None:
    # The views' counts are kept per minute: the clock starts here at the top of a minute, so
    # a minute turning between two pages cannot add a query to one of them.
    start = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=True):
        _same_queries_at_10_and_200(lee, django_assert_num_queries)


def _same_queries_at_10_and_200(lee, django_assert_num_queries) -> None:
    queue = default_queue()
    client = client_for(lee)
    search = client.post(f"{WORKLIST}search/", {"find": "person"})["Location"]
    urls = [WORKLIST, f"{WORKLIST}?view=overdue", f"{WORKLIST}?view=mine", search]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            found.append(len(captured))
        return found

    many(queue, 10, assignee=lee)
    small = counts()
    many(queue, 190, assignee=lee, start=10)
    assert Inquiry.objects.count() == 200
    assert counts() == small
    # Seen again with nothing changed, the saved views' counts are kept: one query fewer.
    with django_assert_num_queries(small[0] - 1):
        before = held_count(client.get(WORKLIST))
    # Any change to an inquiry counts them afresh.
    one = Inquiry.objects.filter(is_held=False, is_spam=False).exclude(status="closed").first()
    Inquiry.objects.filter(pk=one.pk).update(is_held=True, updated_at=timezone.now())
    with django_assert_num_queries(small[0]):
        assert held_count(client.get(WORKLIST)) == before + 1


def held_count(page) -> int:
    found = re.search(
        r'wl-view-name">Held</span> <span class="wl-count">(\d+)', page.content.decode()
    )
    assert found, "the Held view and its count"
    return int(found.group(1))


def test_rows_never_read_the_message_and_the_name_only_on_the_page_shown(lee) -> None:
    many(default_queue(), 120)
    page = client_for(lee).get(WORKLIST)
    rows = page.context["cl"].result_list
    assert len(rows) == 50
    assert all({"message", "email", "phone", "safety"} <= row.get_deferred_fields() for row in rows)
    html = page.content.decode()
    assert "the person's own words" not in html and "@example.com" not in html
    names = set(re.findall(r"Person \d+", html))
    assert len(names) == 50  # the 50 rows of the page, not every row of the view


def test_next_and_previous_walk_the_view_in_its_order(lee) -> None:
    queue = default_queue()
    made = many(queue, 40, assignee=lee)
    # Ties on the received time: the order falls back on the id.
    Inquiry.objects.filter(pk__in=[i.pk for i in made[:6]]).update(created_at=timezone.now())
    client = client_for(lee)
    for query in ("", "view=unassigned", "view=urgent", "status=all&quarantine=all"):
        listing = client.get(f"{WORKLIST}?{query}")
        order = list(listing.context["cl"].queryset.values_list("pk", flat=True))
        assert len(order) > 3, query
        walked = [order[0]]
        while True:
            page = client.get(
                f"{WORKLIST}{walked[-1]}/change/", {"_changelist_filters": query} if query else {}
            )
            nav = page.context["case_nav"]
            if not nav["next"]:
                break
            assert nav["next"].endswith(
                f"?_changelist_filters={query.replace('=', '%3D').replace('&', '%26')}"
                if query
                else "/change/"
            )
            walked.append(int(nav["next"].split("/")[-3]))
        assert walked == order, query
        last = client.get(f"{WORKLIST}{order[-1]}/change/", {"_changelist_filters": query})
        assert f"/{order[-2]}/change/" in last.context["case_nav"]["previous"]
        first = client.get(f"{WORKLIST}{order[0]}/change/", {"_changelist_filters": query})
        assert first.context["case_nav"]["previous"] == ""
        # The page's action forms carry the view, so an action comes back still inside it.
        if query:
            assert f"/triage/assign-me/{first.context['case_nav']['query']}" in (
                first.content.decode().replace("&amp;", "&")
            )


def test_times_are_told_in_short_words() -> None:
    assert short_duration(timedelta(seconds=30)) == "0 min"
    assert short_duration(timedelta(minutes=59)) == "59 min"
    assert short_duration(timedelta(hours=2, minutes=50)) == "2 h"
    assert short_duration(timedelta(hours=47)) == "47 h"
    assert short_duration(timedelta(days=3, hours=5)) == "3 days"
    assert short_duration(timedelta(seconds=-5)) == "0 min"


def test_dashboard_figures_open_the_worklist_they_count(lee) -> None:
    many(default_queue(), 80, assignee=lee)
    client = client_for(lee)
    dashboard = client.get("/admin/dashboard/").content.decode()
    links = re.findall(r'<a href="(/admin/intake/inquiry/\?[^"]+)">(\d+)</a>', dashboard)
    assert len(links) >= 9  # six figures, three statuses, one queue
    for href, figure in links:
        page = client.get(href.replace("&amp;", "&"))
        assert page.status_code == 200, href
        assert page.context["cl"].result_count == int(figure), href


def test_program_admins_see_the_figures_without_links(lee) -> None:
    many(default_queue(), 10)
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    dashboard = client_for(pat).get("/admin/dashboard/").content.decode()
    assert re.search(r'id="figure-open">\d+</td>', dashboard)
    assert "/admin/intake/inquiry/" not in dashboard
