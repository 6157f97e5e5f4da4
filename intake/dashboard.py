"""The coordinators' dashboard: a few figures about the inquiries a user may see, as an admin page.

Selectors take a queryset of inquiries (already narrowed to what the user may see) and ``now``
and read the database; the helpers below them (nearest-rank percentile, time-to-first-contact
summary, duration text, bar-chart geometry) are pure. The page is server-rendered: inline SVG
charts with their numbers also in tables, no JavaScript and no request to any other host.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple, TypeVar

from django.contrib import admin
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .health import mailbox_health
from .models import ContactAttempt, Inquiry, OutboundMessage, Priority
from .selectors import overdue_q, sees_every_queue

Status = Inquiry.Status
OPEN_STATUSES: tuple[str, ...] = tuple(Inquiry.OPEN_STATUSES)
FIRST_CONTACT_WINDOWS_DAYS: tuple[int, ...] = (7, 30)
RETURNED_WINDOW_DAYS = 30

T = TypeVar("T")


# --- Figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One labelled figure: ``value`` sizes its bar, ``text`` is how it reads; ``query``
    opens the worklist on the inquiries it counts ("" when no list matches it)."""

    label: str
    value: float
    text: str
    query: str = ""


@dataclass(frozen=True)
class Counts:
    """Counts over the given inquiries at one moment."""

    open_by_status: list[Bar]
    overdue: int
    urgent_waiting: int
    review_waiting: int
    held: int
    returned_recent: int
    returned_all_time: int

    @property
    def open_total(self) -> int:
        return sum(int(bar.value) for bar in self.open_by_status)


class FirstContactRow(NamedTuple):
    """When an inquiry was received and when it first had contact."""

    inquiry_id: int
    received_at: datetime
    first_contact_at: datetime


@dataclass(frozen=True)
class FirstContactSummary:
    """Median and 90th percentile time to first contact over ``n`` inquiries."""

    days: int
    n: int
    median: timedelta | None
    p90: timedelta | None

    @property
    def median_text(self) -> str:
        return hours_minutes(self.median)

    @property
    def p90_text(self) -> str:
        return hours_minutes(self.p90)


@dataclass(frozen=True)
class DashboardFigures:
    """Everything the dashboard shows, worked out at ``now``."""

    now: datetime
    counts: Counts
    open_by_queue: list[Bar]
    first_contact: list[FirstContactSummary]


def dashboard_inquiries(user: AbstractBaseUser, *, every_queue: bool) -> QuerySet[Inquiry]:
    """The inquiries ``user`` may see on the dashboard, quarantined spam left out.

    ``every_queue`` is ``selectors.sees_every_queue(user)``: program admins and superusers see every
    queue (unrouted inquiries too), everyone else the queues they are a member of.
    """
    inquiries = Inquiry.objects.filter(is_spam=False)
    if every_queue:
        return inquiries
    return inquiries.filter(queue__members=user)


def inquiry_counts(inquiries: QuerySet[Inquiry], *, now: datetime) -> Counts:
    """Open inquiries by status, overdue now, urgent and review waiting, held, and returned to
    care: one query."""
    by_status = {
        f"status_{status}": Count("pk", filter=Q(status=status)) for status in OPEN_STATUSES
    }
    # The same "overdue" as the worklist: new, past its promise, and not paused by a snooze.
    overdue = overdue_q(now)
    # updated_at stands in for the day it returned (no return date is stored); a later
    # reassignment or snooze of a returned inquiry moves it, which is rare enough for a dashboard.
    returned_since = now - timedelta(days=RETURNED_WINDOW_DAYS)
    row = inquiries.aggregate(
        **by_status,
        overdue=Count("pk", filter=overdue),
        urgent_waiting=Count("pk", filter=Q(priority=Priority.URGENT, status=Status.NEW)),
        review_waiting=Count("pk", filter=Q(priority=Priority.REVIEW, status=Status.NEW)),
        held=Count("pk", filter=Q(is_held=True) & ~Q(status=Status.CLOSED)),
        returned_recent=Count(
            "pk", filter=Q(status=Status.RETURNED, updated_at__gte=returned_since)
        ),
        returned_all_time=Count("pk", filter=Q(status=Status.RETURNED)),
    )
    return Counts(
        open_by_status=[
            Bar(
                str(Status(status).label),
                row[f"status_{status}"],
                str(row[f"status_{status}"]),
                urlencode({"status": status}),
            )
            for status in OPEN_STATUSES
        ],
        overdue=row["overdue"],
        urgent_waiting=row["urgent_waiting"],
        review_waiting=row["review_waiting"],
        held=row["held"],
        returned_recent=row["returned_recent"],
        returned_all_time=row["returned_all_time"],
    )


def open_by_queue(inquiries: QuerySet[Inquiry]) -> list[Bar]:
    """Open inquiries per queue, by queue name, unrouted ones last: one query."""
    rows = (
        inquiries.filter(status__in=OPEN_STATUSES)
        .values("queue_id", "queue__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # Sorted here: databases disagree on where NULL (not routed yet) sorts.
    ordered = sorted(rows, key=lambda r: (r["queue_id"] is None, r["queue__name"] or ""))
    return [
        Bar(
            r["queue__name"] or gettext("Not routed yet"),
            r["n"],
            str(r["n"]),
            urlencode(
                {"view": "open", "queue__id__exact": r["queue_id"]}
                if r["queue_id"] is not None
                else {"view": "open", "queue__isnull": "True"}
            ),
        )
        for r in ordered
    ]


def first_contact_rows(
    inquiries: QuerySet[Inquiry], *, now: datetime, days: int
) -> list[FirstContactRow]:
    """Inquiries received in the last ``days`` days that have had first contact: one query.

    First contact is the earlier of the first contact attempt that reached the person, left a
    voicemail or got their reply (``ContactAttempt.CONTACT_MADE``) and the first reply sent
    to them (``OutboundMessage`` of kind reply, by its ``sent_at``), as the product defines it.
    """
    first_attempt = (
        ContactAttempt.objects.filter(
            inquiry=OuterRef("pk"), outcome__in=ContactAttempt.CONTACT_MADE
        )
        .order_by()
        .values("inquiry")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    first_reply = (
        OutboundMessage.objects.filter(
            inquiry=OuterRef("pk"),
            kind=OutboundMessage.Kind.REPLY,
            status=OutboundMessage.Status.SENT,
        )
        .order_by()
        .values("inquiry")
        .annotate(first=Min("sent_at"))
        .values("first")
    )
    rows = (
        inquiries.filter(created_at__gte=now - timedelta(days=days))
        .annotate(first_attempt_at=Subquery(first_attempt), first_reply_at=Subquery(first_reply))
        .filter(Q(first_attempt_at__isnull=False) | Q(first_reply_at__isnull=False))
        .order_by()
        .values_list("pk", "created_at", "first_attempt_at", "first_reply_at")
    )
    # The earlier of the two in Python: SQL's LEAST/MIN treat a NULL differently per database.
    return [
        FirstContactRow(pk, received, min(t for t in (attempt, reply) if t is not None))
        for pk, received, attempt, reply in rows
    ]


def dashboard_figures(inquiries: QuerySet[Inquiry], *, now: datetime) -> DashboardFigures:
    """Every figure on the dashboard for these inquiries at ``now``, in three queries."""
    widest = max(FIRST_CONTACT_WINDOWS_DAYS)
    rows = first_contact_rows(inquiries, now=now, days=widest)
    return DashboardFigures(
        now=now,
        counts=inquiry_counts(inquiries, now=now),
        open_by_queue=open_by_queue(inquiries),
        first_contact=[
            time_to_first_contact(rows, since=now - timedelta(days=days), days=days)
            for days in FIRST_CONTACT_WINDOWS_DAYS
        ],
    )


# --- Pure helpers ----------------------------------------------------------------------


def nearest_rank(ordered: Sequence[T], percent: int) -> T:
    """The ``percent``-th percentile of ascending ``ordered`` values by the nearest-rank method.

    The value at rank ⌈percent/100 × n⌉ (1-based): always one of the observed values, never an
    interpolation. So with n = 5 the median (50) is the 3rd value and the 90th percentile the
    5th; with n = 4 the median is the 2nd (the lower middle value).
    """
    if not ordered:
        raise ValueError("no values")
    if not 0 < percent <= 100:
        raise ValueError("percent must be in 1..100")
    # Integer ceiling: float ceil(0.9 * 10) is 10, not 9.
    rank = max(1, (percent * len(ordered) + 99) // 100)
    return ordered[rank - 1]


def time_to_first_contact(
    rows: Iterable[FirstContactRow], *, since: datetime, days: int
) -> FirstContactSummary:
    """Median and 90th percentile (nearest rank) time to first contact of rows received since."""
    delays = sorted(r.first_contact_at - r.received_at for r in rows if r.received_at >= since)
    if not delays:
        return FirstContactSummary(days=days, n=0, median=None, p90=None)
    return FirstContactSummary(
        days=days, n=len(delays), median=nearest_rank(delays, 50), p90=nearest_rank(delays, 90)
    )


def hours_minutes(delta: timedelta | None) -> str:
    """A duration as hours and minutes, to the nearest minute ("26 h 15 min"); "—" for none."""
    if delta is None:
        return "—"
    hours, minutes = divmod(round(delta.total_seconds() / 60), 60)
    return gettext("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}


# --- Charts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartRow:
    """Where one bar and its two texts go in the SVG (user units)."""

    label: str
    text: str
    text_y: int
    bar_y: int
    bar_width: int
    value_x: int


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart laid out for inline SVG, with a text description of its data."""

    title: str
    description: str
    width: int
    height: int
    bar_x: int
    bar_height: int
    rows: list[ChartRow]

    @property
    def svg(self) -> SafeString:
        return chart_svg(self)


CHART_WIDTH = 560
CHART_LABEL_WIDTH = 220
CHART_BAR_SPACE = 240
CHART_ROW_HEIGHT = 28
CHART_BAR_HEIGHT = 18
CHART_LABEL_CHARS = 30


def bar_chart(*, title: str, bars: Sequence[Bar]) -> BarChart:
    """Lay out ``bars`` as horizontal bars scaled to the largest value."""
    largest = max((bar.value for bar in bars), default=0)
    rows = []
    for index, bar in enumerate(bars):
        width = round(CHART_BAR_SPACE * bar.value / largest) if largest else 0
        top = index * CHART_ROW_HEIGHT
        rows.append(
            ChartRow(
                label=_shorten(bar.label, CHART_LABEL_CHARS),
                text=bar.text,
                text_y=top + 19,
                bar_y=top + (CHART_ROW_HEIGHT - CHART_BAR_HEIGHT) // 2,
                bar_width=width,
                value_x=CHART_LABEL_WIDTH + width + 6,
            )
        )
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    return BarChart(
        title=title,
        description=f"{title}. {description}" if bars else title,
        width=CHART_WIDTH,
        height=max(1, len(bars)) * CHART_ROW_HEIGHT,
        bar_x=CHART_LABEL_WIDTH,
        bar_height=CHART_BAR_HEIGHT,
        rows=rows,
    )


def chart_svg(chart: BarChart) -> SafeString:
    """Inline SVG markup for ``chart``: an image with its data as its accessible name."""
    rows = format_html_join(
        "\n",
        '<text x="0" y="{}" fill="currentColor" font-size="13">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="#417690"></rect>'
        '<text x="{}" y="{}" fill="currentColor" font-size="13">{}</text>',
        (
            (
                row.text_y,
                row.label,
                chart.bar_x,
                row.bar_y,
                row.bar_width,
                chart.bar_height,
                row.value_x,
                row.text_y,
                row.text,
            )
            for row in chart.rows
        ),
    )
    return format_html(
        '<svg class="dashboard-chart" role="img" aria-label="{}" width="{}" height="{}" '
        'viewBox="0 0 {} {}" focusable="false"><title>{}</title>\n{}\n</svg>',
        chart.description,
        chart.width,
        chart.height,
        chart.width,
        chart.height,
        chart.title,
        rows,
    )


def _first_contact_bars(summaries: Iterable[FirstContactSummary]) -> list[Bar]:
    # Bars in minutes; a window with no first contact yet has no bar (its table row says so).
    bars = []
    for summary in summaries:
        if summary.median is None or summary.p90 is None:
            continue
        for label, value in (
            (gettext("Median"), summary.median),
            (gettext("90th percentile"), summary.p90),
        ):
            text = gettext("%(label)s, last %(days)d days") % {"label": label, "days": summary.days}
            bars.append(Bar(text, value.total_seconds() / 60, hours_minutes(value)))
    return bars


def _shorten(text: str, limit: int) -> str:
    # The full label is in the table and the description; the SVG column is narrow.
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- View ------------------------------------------------------------------------------

# The worklist that holds what each "Right now" figure counts: the same inquiries, the
# same definitions (returned in the last days has no list: no return date is stored).
FIGURE_QUERIES = {
    "open": urlencode({"view": "open"}),
    "overdue": urlencode({"view": "overdue"}),
    "urgent": urlencode({"priority__exact": Priority.URGENT, "status": Status.NEW}),
    "review": urlencode({"priority__exact": Priority.REVIEW, "status": Status.NEW}),
    "held": urlencode({"view": "held"}),
    "returned_all": urlencode({"status": Status.RETURNED}),
}


def dashboard_view(request: HttpRequest) -> HttpResponse:
    """The dashboard admin page (read-only). Staff with ``intake.view_dashboard`` only, else 403."""
    if not request.user.has_perm("intake.view_dashboard"):
        raise PermissionDenied
    every_queue = sees_every_queue(request.user)
    inquiries = dashboard_inquiries(request.user, every_queue=every_queue)
    figures = dashboard_figures(inquiries, now=timezone.now())
    context = {
        **admin.site.each_context(request),
        "title": _("Dashboard"),
        "figures": figures,
        "every_queue": every_queue,
        "counts": figures.counts,
        "returned_window_days": RETURNED_WINDOW_DAYS,
        # Each figure opens the worklist it counts, for those who may open it (program
        # admins see the figures only).
        "worklist_url": reverse("admin:intake_inquiry_changelist")
        if request.user.has_perm("intake.view_inquiry")
        else "",
        "figure_queries": FIGURE_QUERIES,
        # When replies are read from a mailbox: when it was last read (None: no mailbox).
        "mailbox": mailbox_health(),
        "status_chart": bar_chart(
            title=gettext("Open inquiries by status"), bars=figures.counts.open_by_status
        ),
        "queue_chart": bar_chart(
            title=gettext("Open inquiries by queue"), bars=figures.open_by_queue
        ),
        "first_contact_chart": bar_chart(
            title=gettext("Time to first contact"), bars=_first_contact_bars(figures.first_contact)
        ),
    }
    return TemplateResponse(request, "admin/intake/dashboard.html", context)
