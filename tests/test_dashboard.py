"""The coordinators' dashboard: every figure against a hand-computed fixture, and who may see it.

The fixture, at NOW (queue North has coordinator casey; South is another team's queue):

| inquiry | queue | status / priority | received | first contact | other |
|---|---|---|---|---|---|
| a1 | North | new | −2 h | — | due −1 h: overdue |
| a2 | North | new, urgent | −30 min | — | due +30 min |
| a3 | North | new | −1 d | — | due −2 h, snoozed to +1 h: not overdue |
| a4 | North | new | −1 d | — | due −3 h, snooze ended −1 h: overdue |
| c1 | North | contacted | −1 d | 1 h (voicemail; a reply at 3 h) | acknowledgement at 5 min |
| c2 | North | contacted, urgent | −2 d | 2 h (reply; reached at 5 h) | |
| c3 | North | reassessment scheduled | −3 d | 3 h (they replied) | |
| c4 | North | contacted | −5 d | 4 h (no answer at 1 h first) | |
| c5 | North | returned | −7 d exactly | 10 h (wrong number at 30 min) | updated −1 d |
| c6 | North | closed | −12 d | 6 h 45 min | |
| c7 | North | returned | −20 d | 26 h 15 min (reply) | updated −15 d |
| c8 | North | returned | −40 d | 2 h | updated −35 d |
| s1 | North | new, quarantined spam | −1 h | 30 min | due −30 min |
| b1 | South | new, urgent | −3 h | — | due −1 h: overdue |
| b2 | South | contacted | −2 d | 30 min | |
| b3 | South | returned | −10 d | 8 h | updated −2 d |
| u1 | none | new | −10 min | — | not routed yet |
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from intake import dashboard
from intake.models import ContactAttempt, CoordinatorQueue, Inquiry, OutboundMessage
from tests.factories import QueueFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 12, 16, 0, tzinfo=UTC)  # a Wednesday, 11:00 in New York
H = timedelta(hours=1)
M = timedelta(minutes=1)
D = timedelta(days=1)


def hm(hours: int, minutes: int = 0) -> timedelta:
    return timedelta(hours=hours, minutes=minutes)


def make_inquiry(
    queue: CoordinatorQueue | None,
    *,
    received: timedelta,
    status: str = "new",
    priority: str = "routine",
    due: timedelta | None = None,
    snoozed: timedelta | None = None,
    updated: timedelta | None = None,
    is_spam: bool = False,
) -> Inquiry:
    """An inquiry received ``received`` before NOW; other times are offsets from NOW."""
    inquiry = Inquiry.objects.create(
        message="I'm thinking about coming back. Is that okay?",
        contact_method="email",
        email="sam@example.com",
        consent=True,
        queue=queue,
        status=status,
        priority=priority,
        is_spam=is_spam,
        first_contact_due_at=NOW + due if due is not None else None,
        snoozed_until=NOW + snoozed if snoozed is not None else None,
    )
    # created_at and updated_at are automatic: set the fixture's times afterwards.
    Inquiry.objects.filter(pk=inquiry.pk).update(
        created_at=NOW - received,
        updated_at=NOW + updated if updated is not None else NOW,
    )
    inquiry.refresh_from_db()
    return inquiry


def attempt(inquiry: Inquiry, outcome: str, after: timedelta) -> None:
    """A contact attempt ``after`` the inquiry was received."""
    row = ContactAttempt.objects.create(inquiry=inquiry, channel="call", outcome=outcome)
    ContactAttempt.objects.filter(pk=row.pk).update(created_at=inquiry.created_at + after)


def message(inquiry: Inquiry, kind: str, after: timedelta) -> None:
    """An outbound message of ``kind`` sent ``after`` the inquiry was received."""
    row = OutboundMessage.objects.create(
        inquiry=inquiry,
        kind=kind,
        channel="email",
        template_key=kind,
        dedupe_key=f"{kind}-{after}",
        status="sent",
        body="Hi, thank you for writing." if kind == "reply" else "",
    )
    at = inquiry.created_at + after
    OutboundMessage.objects.filter(pk=row.pk).update(created_at=at, sent_at=at)


@pytest.fixture
def clinic(roles) -> dict:
    """The fixture in the module docstring, plus casey (coordinator of North) and pat (admin)."""
    with time_machine.travel(NOW, tick=False):
        north = QueueFactory(name="North team", slug="north")
        south = QueueFactory(name="South team", slug="south")
        casey = UserFactory(username="casey")
        casey.groups.add(Group.objects.get(name="Intake coordinator"))
        north.members.add(casey)
        pat = UserFactory(username="pat")
        pat.groups.add(Group.objects.get(name="Program admin"))

        make_inquiry(north, received=2 * H, due=-H)
        make_inquiry(north, received=30 * M, priority="urgent", due=30 * M)
        make_inquiry(north, received=D, due=-2 * H, snoozed=H)
        make_inquiry(north, received=D, due=-3 * H, snoozed=-H)

        c1 = make_inquiry(north, received=D, status="contacted")
        message(c1, "acknowledgement", 5 * M)
        attempt(c1, "left_voicemail", H)
        message(c1, "reply", 3 * H)
        c2 = make_inquiry(north, received=2 * D, status="contacted", priority="urgent")
        message(c2, "reply", 2 * H)
        attempt(c2, "reached", 5 * H)
        c3 = make_inquiry(north, received=3 * D, status="reassessment_scheduled")
        attempt(c3, "replied", 3 * H)
        c4 = make_inquiry(north, received=5 * D, status="contacted")
        attempt(c4, "no_answer", H)
        attempt(c4, "reached", 4 * H)
        c5 = make_inquiry(north, received=7 * D, status="returned", updated=-D)
        attempt(c5, "wrong_number", 30 * M)
        attempt(c5, "reached", 10 * H)
        c6 = make_inquiry(north, received=12 * D, status="closed")
        attempt(c6, "reached", hm(6, 45))
        c7 = make_inquiry(north, received=20 * D, status="returned", updated=-15 * D)
        message(c7, "reply", hm(26, 15))
        c8 = make_inquiry(north, received=40 * D, status="returned", updated=-35 * D)
        attempt(c8, "reached", 2 * H)

        s1 = make_inquiry(north, received=H, due=-30 * M, is_spam=True)
        attempt(s1, "reached", 30 * M)

        make_inquiry(south, received=3 * H, priority="urgent", due=-H)
        b2 = make_inquiry(south, received=2 * D, status="contacted")
        attempt(b2, "reached", 30 * M)
        b3 = make_inquiry(south, received=10 * D, status="returned", updated=-2 * D)
        attempt(b3, "reached", 8 * H)

        make_inquiry(None, received=10 * M)
    return {"casey": casey, "pat": pat}


def figures_for(user) -> dashboard.DashboardFigures:
    every_queue = dashboard.sees_every_queue(user)
    inquiries = dashboard.dashboard_inquiries(user, every_queue=every_queue)
    return dashboard.dashboard_figures(inquiries, now=NOW)


def as_table(bars: list[dashboard.Bar]) -> list[tuple[str, str]]:
    return [(bar.label, bar.text) for bar in bars]


def test_a_coordinator_sees_their_queues_figures_without_spam(clinic) -> None:
    figures = figures_for(clinic["casey"])
    counts = figures.counts

    assert as_table(counts.open_by_status) == [
        ("New", "4"),
        ("Contacted", "3"),
        ("Reassessment scheduled", "1"),
    ]
    assert counts.open_total == 8
    assert as_table(figures.open_by_queue) == [("North team", "8")]
    assert counts.overdue == 2  # a1, a4 (a3 is snoozed, s1 is spam)
    assert counts.urgent_waiting == 1  # a2 (c2 is urgent but contacted)
    assert counts.returned_recent == 2  # c5, c7
    assert counts.returned_all_time == 3  # c5, c7, c8

    week, month = figures.first_contact
    # 7 days: 1, 2, 3, 4, 10 h → median rank ⌈2.5⌉ = 3, p90 rank ⌈4.5⌉ = 5.
    assert (week.days, week.n, week.median, week.p90) == (7, 5, hm(3), hm(10))
    # 30 days adds 6 h 45 and 26 h 15 → n 7, median rank ⌈3.5⌉ = 4, p90 rank ⌈6.3⌉ = 7.
    assert (month.days, month.n, month.median, month.p90) == (30, 7, hm(4), hm(26, 15))
    assert (month.median_text, month.p90_text) == ("4 h 00 min", "26 h 15 min")


def test_a_program_admin_sees_every_queue_and_unrouted_inquiries(clinic) -> None:
    figures = figures_for(clinic["pat"])
    counts = figures.counts

    assert as_table(counts.open_by_status) == [
        ("New", "6"),
        ("Contacted", "4"),
        ("Reassessment scheduled", "1"),
    ]
    assert as_table(figures.open_by_queue) == [
        ("North team", "8"),
        ("South team", "2"),
        ("Not routed yet", "1"),
    ]
    assert counts.overdue == 3  # a1, a4, b1
    assert counts.urgent_waiting == 2  # a2, b1
    assert counts.returned_recent == 3  # c5, c7, b3
    assert counts.returned_all_time == 4  # c5, c7, c8, b3

    week, month = figures.first_contact
    # 7 days: 0.5, 1, 2, 3, 4, 10 h → median rank 3 (2 h), p90 rank ⌈5.4⌉ = 6 (10 h).
    assert (week.n, week.median, week.p90) == (6, hm(2), hm(10))
    # 30 days adds 6 h 45, 8 h, 26 h 15 → n 9, median rank ⌈4.5⌉ = 5, p90 rank ⌈8.1⌉ = 9.
    assert (month.n, month.median, month.p90) == (9, hm(4), hm(26, 15))


def test_a_superuser_sees_every_queue(clinic) -> None:
    root = UserFactory(username="root", is_superuser=True)
    assert figures_for(root).counts.open_total == 11


def test_the_figures_take_three_queries(clinic, django_assert_num_queries) -> None:
    inquiries = dashboard.dashboard_inquiries(clinic["casey"], every_queue=False)
    with django_assert_num_queries(3):
        dashboard.dashboard_figures(inquiries, now=NOW)


def test_nearest_rank_percentiles() -> None:
    assert dashboard.nearest_rank([1, 2, 3, 4, 10], 50) == 3
    assert dashboard.nearest_rank([1, 2, 3, 4, 10], 90) == 10
    assert dashboard.nearest_rank([1, 2, 3, 4], 50) == 2  # the lower middle value
    # 0.9 × 10 is 9.000000000000002 in floating point: the rank must still be 9.
    assert dashboard.nearest_rank(list(range(1, 11)), 90) == 9
    assert dashboard.nearest_rank([7], 90) == 7
    assert dashboard.nearest_rank([1, 2, 3], 100) == 3
    with pytest.raises(ValueError):
        dashboard.nearest_rank([], 50)


def test_no_first_contact_yet_reads_as_a_dash() -> None:
    summary = dashboard.time_to_first_contact([], since=NOW - 7 * D, days=7)
    assert (summary.n, summary.median_text, summary.p90_text) == (0, "—", "—")
    assert dashboard.hours_minutes(timedelta(minutes=89, seconds=31)) == "1 h 30 min"


def test_bar_chart_scales_to_the_largest_value() -> None:
    chart = dashboard.bar_chart(
        title="Open",
        bars=[dashboard.Bar("New", 4, "4"), dashboard.Bar("Contacted", 1, "1")],
    )
    assert [row.bar_width for row in chart.rows] == [dashboard.CHART_BAR_SPACE, 60]
    assert chart.description == "Open. New: 4; Contacted: 1"
    empty = dashboard.bar_chart(title="Open", bars=[dashboard.Bar("New", 0, "0")])
    assert [row.bar_width for row in empty.rows] == [0]


def test_chart_labels_are_escaped() -> None:
    chart = dashboard.bar_chart(title="Queues", bars=[dashboard.Bar("<b>North</b>", 1, "1")])
    assert "<b>" not in chart.svg
    assert "&lt;b&gt;North&lt;/b&gt;" in chart.svg


def dashboard_page(user) -> str:
    client = Client()
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("intake-dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def cell(html: str, figure: str) -> str:
    # A figure is a link to the worklist it counts for those who may open it (not for
    # program admins): tests/test_worklist_views.py follows the links.
    found = re.search(rf'<td id="figure-{figure}">(?:<a href="[^"]+">)?(\d+)(?:</a>)?</td>', html)
    assert found, figure
    return found.group(1)


def test_the_page_shows_a_coordinator_their_figures_as_charts_and_text(clinic) -> None:
    html = dashboard_page(clinic["casey"])

    figures = {name: cell(html, name) for name in ("open", "overdue", "urgent")}
    assert figures == {"open": "8", "overdue": "2", "urgent": "1"}
    assert (cell(html, "returned-recent"), cell(html, "returned-all")) == ("2", "3")
    assert "North team" in html
    assert "South team" not in html
    assert "Not routed yet" not in html
    assert "3 h 00 min" in html and "10 h 00 min" in html  # 7-day median and p90
    assert "4 h 00 min" in html and "26 h 15 min" in html  # 30-day median and p90
    charts = re.findall(r"<svg [^>]*>", html)
    charts = [tag for tag in charts if 'class="dashboard-chart"' in tag]
    assert len(charts) == 3
    assert all('role="img"' in tag and "aria-label=" in tag for tag in charts)
    assert 'aria-label="Open inquiries by status. New: 4; Contacted: 3;' in html
    assert "<title>Open inquiries by status</title>" in html
    assert "<table" in html


def test_the_page_shows_a_program_admin_every_queue(clinic) -> None:
    html = dashboard_page(clinic["pat"])
    assert cell(html, "open") == "11"
    assert "South team" in html and "Not routed yet" in html


def test_the_page_makes_no_request_to_another_host(clinic) -> None:
    html = dashboard_page(clinic["pat"])
    # An XML namespace (the admin's own icon sprite declares one) names, it fetches nothing.
    fetchable = re.sub(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"', "", html)
    hosts = set(re.findall(r"https?://([^/\"'\s>]+)", fetchable))
    assert hosts <= {"testserver"}
    assert "<script" not in html.split('<div id="content-main">')[1]


def test_an_empty_dashboard_renders(roles) -> None:
    pat = UserFactory(username="pat")
    pat.groups.add(Group.objects.get(name="Program admin"))
    html = dashboard_page(pat)
    assert cell(html, "open") == "0"
    assert "No open inquiries." in html
    assert html.count("—") >= 4


def test_staff_without_view_inquiry_are_refused(roles) -> None:
    client = Client()
    client.force_login(UserFactory(username="nobody"))
    assert client.get(reverse("intake-dashboard")).status_code == 403


def test_visitors_who_are_not_staff_are_sent_to_log_in(roles) -> None:
    url = reverse("intake-dashboard")
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))

    client = Client()
    client.force_login(UserFactory(username="client", is_staff=False))
    assert client.get(url).status_code == 302


def test_review_and_held_inquiries_are_counted(clinic) -> None:
    north = CoordinatorQueue.objects.get(name="North team")
    review = make_inquiry(north, received=timedelta(hours=1), priority="review")
    make_inquiry(north, received=timedelta(hours=2), priority="review", status="contacted")
    held = make_inquiry(north, received=timedelta(minutes=5))
    Inquiry.objects.filter(pk__in=[held.pk, review.pk]).update(
        is_held=True, held_reason="rate_limit"
    )
    counts = figures_for(clinic["casey"]).counts
    assert counts.review_waiting == 1  # the contacted one is no longer waiting
    assert counts.held == 2
    assert counts.urgent_waiting == 1  # unchanged: a2
