"""The worklist's reads: saved views and their counts, search, the row details, neighbours.

Reads only, like ``selectors.py`` (whose ``inquiry_worklist`` these narrow): nothing here
writes, and nothing decrypts in SQL. A search by name compares keyed hashes
(``crypto.name_index``); a search by e-mail or phone compares the contact hashes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import crypto
from .models import ContactAttempt, Inquiry, InquiryEvent, Priority
from .selectors import COUNT_ROWS, WORKLIST_ORDER, not_snoozed_q, overdue_q

Status = Inquiry.Status
__all__ = ["WORKLIST_ORDER"]  # next / previous (``neighbours``) walk the selectors' order
# Never read for a row of the list: the person's words and contacts stay encrypted in the
# database (the name is read, and decrypted, for the rows of the page shown only).
NOT_LISTED = ("message", "safety", "email", "phone")


@dataclass(frozen=True)
class SavedView:
    """One of the worklist's saved views: a name, and the inquiries it holds."""

    slug: str
    label: str | Promise
    shown: bool = True  # False: reached from the dashboard's figures, not offered as a tab


SAVED_VIEWS: tuple[SavedView, ...] = (
    SavedView("mine", _("Mine")),
    SavedView("unassigned", _("Unassigned")),
    SavedView("urgent", _("Urgent & review")),
    SavedView("due-today", _("Due today")),
    SavedView("overdue", _("Overdue")),
    SavedView("held", _("Held")),
    SavedView("waiting", _("Waiting on the person")),
    SavedView("waiting-on-us", _("Waiting on us")),
    SavedView("scheduled", _("Scheduled")),
    SavedView("open", _("Open: new, contacted or scheduled"), shown=False),
)
VIEWS_BY_SLUG = {view.slug: view for view in SAVED_VIEWS}


def default_q() -> Q:
    """The worklist with no filter chosen: not closed, not quarantined (its filters' defaults)."""
    return ~Q(status=Status.CLOSED) & Q(is_spam=False)


# Views that hold closed inquiries too: their link shows every status (``status=all``).
WITH_CLOSED = frozenset({"waiting-on-us"})


def _today(now: datetime) -> tuple[datetime, datetime]:
    """The start of today and of tomorrow, in the current time zone."""
    day = timezone.localtime(now).date()
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def view_q(slug: str, *, user, now: datetime) -> Q | None:
    """What a saved view adds to the default worklist; None for an unknown view."""
    not_snoozed = not_snoozed_q(now)
    start, end = _today(now)
    views = {
        "mine": lambda: Q(assigned_to=user.pk),
        "unassigned": lambda: Q(assigned_to__isnull=True),
        "urgent": lambda: Q(priority__in=[Priority.URGENT, Priority.REVIEW]),
        # Still waiting for first contact, promised for today (earlier today included).
        "due-today": lambda: (
            Q(status=Status.NEW, first_contact_due_at__gte=start, first_contact_due_at__lt=end)
            & not_snoozed
        ),
        "overdue": lambda: overdue_q(now),
        "held": lambda: Q(is_held=True),
        # We reached out (a voicemail, a reply) and have not heard back yet.
        "waiting": lambda: Q(status=Status.CONTACTED, reached_at__isnull=True),
        # The person wrote back and nobody has answered yet: closed and not-now ones too.
        "waiting-on-us": lambda: Q(waiting_on_us_since__isnull=False),
        "scheduled": lambda: Q(status=Status.REASSESSMENT_SCHEDULED),
        "open": lambda: Q(status__in=Inquiry.OPEN_STATUSES),
    }
    make = views.get(slug)
    return make() if make else None


COUNTS_SECONDS = 60


def view_counts(visible: QuerySet[Inquiry], *, user, now: datetime) -> dict[str, int]:
    """How many inquiries each saved view holds (and "all": the default worklist), one query.

    Counting reads every open inquiry, so the figures are kept for this user until any
    inquiry changes (the newest ``updated_at``, read from its index) or the minute turns
    (due today and overdue move with the clock), at most a minute. A write that bypasses
    ``updated_at`` shows within that minute.
    """
    newest = Inquiry.objects.aggregate(newest=Max("updated_at"))["newest"]
    stamp = newest.timestamp() if newest else 0
    key = f"worklist-counts:{user.pk}:{now:%Y%m%d%H%M}:{stamp}"
    found = cache.get(key)
    if found is not None:
        return found
    counts = {
        view.slug: Count(
            "pk",
            filter=view_q(view.slug, user=user, now=now)
            & (Q() if view.slug in WITH_CLOSED else default_q()),
        )
        for view in SAVED_VIEWS
        if view.shown
    }
    # Closed inquiries are read only where someone wrote back to them (an indexed column).
    rows = default_q() | Q(is_spam=False, waiting_on_us_since__isnull=False)
    found = visible.filter(rows).order_by().aggregate(all=Count("pk", filter=default_q()), **counts)
    cache.set(key, found, COUNTS_SECONDS)
    return found


# --- search ------------------------------------------------------------------------------


def search_q(term: str) -> Q:
    """Inquiries a search term finds, without decrypting anything.

    An e-mail address or a phone number matches exactly, through the contact hashes. Anything
    else matches whole words of the preferred name through the name index ("jordan" finds
    Jordan, not Jordana or Marisol; "jordan lee" needs both words), and, when it could be
    one, the start of an inquiry's id.
    """
    term = term.strip()
    hashes = {crypto.contact_hash(crypto.normalise_email(term))} if "@" in term else set()
    phone = crypto.normalise_phone(term)
    if phone:
        hashes.add(crypto.contact_hash(phone))
    if hashes:
        return Q(contact_hash__in=hashes) | Q(other_contact_hash__in=hashes)
    found = Q(pk__in=[])
    tokens = crypto.name_tokens(term)
    if tokens:
        name = Q()
        for token in tokens:
            name &= Q(name_index__contains=f" {crypto.name_token_hash(token)} ")
        found |= name
    cleaned = term.lower().replace("-", "")
    if all(c in "0123456789abcdef" for c in cleaned) and 4 <= len(cleaned) <= 32:
        # The start of the public id, on its canonical hyphenated text.
        found |= Q(public_id__startswith=str(uuid.UUID(cleaned.ljust(32, "0")))[: len(term)])
    return found


def people_found(visible: QuerySet[Inquiry], term: str, *, limit: int) -> list[Inquiry]:
    """The newest ``limit`` inquiries of ``visible`` a search finds, for picking one (a note
    is written for it, a message attached to it): never a quarantined or an erased one, and
    what the list leaves unread stays unread."""
    return list(
        visible.filter(search_q(term), is_spam=False, erased_at__isnull=True)
        .defer(*NOT_LISTED)
        .order_by("-created_at", "-pk")[:limit]
    )


# --- the rows shown ------------------------------------------------------------------------


def with_row_details(queryset: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
    """The worklist's rows as the list shows them: ``last_activity`` (the latest timeline
    event) and ``attempts_count``; the message, safety answer and contacts left unread."""
    latest = (
        InquiryEvent.objects.filter(inquiry=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    attempts = (
        ContactAttempt.objects.filter(inquiry=OuterRef("pk"))
        .order_by()
        .annotate(n=COUNT_ROWS)
        .values("n")
    )
    return queryset.defer(*NOT_LISTED).annotate(
        last_activity=Subquery(latest),
        attempts_count=Coalesce(Subquery(attempts[:1]), Value(0), output_field=IntegerField()),
    )


def neighbours(queryset: QuerySet[Inquiry], current: Inquiry) -> tuple[int | None, int | None]:
    """The ids before and after ``current`` in ``queryset`` (a view of the worklist), in the
    worklist's order, found from ``current``'s own place: two one-row queries at any size.

    ``current`` comes from the worklist's queryset (``risk_rank`` and ``is_overdue``
    annotated); it need not be in the view any more (an inquiry just assigned away from
    "Unassigned" still has a next one).
    """
    rank, overdue, created, pk = (
        current.risk_rank,
        current.is_overdue,
        current.created_at,
        current.pk,
    )
    same_rank = Q(risk_rank=rank)
    same_place = same_rank & Q(is_overdue=overdue)
    after = (
        Q(risk_rank__gt=rank)
        | (same_rank & Q(is_overdue=False) if overdue else Q(pk__in=[]))
        | (same_place & Q(created_at__gt=created))
        | (same_place & Q(created_at=created, pk__lt=pk))
    )
    before = (
        Q(risk_rank__lt=rank)
        | (Q(pk__in=[]) if overdue else same_rank & Q(is_overdue=True))
        | (same_place & Q(created_at__lt=created))
        | (same_place & Q(created_at=created, pk__gt=pk))
    )
    reverse = [f[1:] if f.startswith("-") else f"-{f}" for f in WORKLIST_ORDER]
    ids = queryset.values_list("pk", flat=True)
    following = ids.filter(after).order_by(*WORKLIST_ORDER).first()
    preceding = ids.filter(before).order_by(*reverse).first()
    return preceding, following
