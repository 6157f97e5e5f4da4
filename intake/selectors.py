"""Reads used by pages and admin: querysets shaped so nothing runs N+1."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import routing_cache  # the same rule evaluation routing uses
from .models import (
    PRIORITY_RANK,
    ContactAttempt,
    EnrolmentLink,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    Priority,
    RecoveryCode,
    ReplyTemplate,
    Site,
)

logger = logging.getLogger(__name__)


# COUNT(*) as a plain function, so a correlated subquery counts its rows without GROUP BY.
COUNT_ROWS = Func(Value(1), function="COUNT", output_field=IntegerField())

# The worklist's order: urgent, possible risk, past the promise, oldest; newest id last on a
# tie. Next / previous on an inquiry's page walk the same order.
WORKLIST_ORDER = ("risk_rank", "-is_overdue", "created_at", "-pk")


def not_snoozed_q(now: datetime) -> Q:
    """Inquiries no snooze holds back at ``now``."""
    return Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=now)


def overdue_q(now: datetime) -> Q:
    """Inquiries "overdue" at ``now``: still new, past the first-contact promise, not snoozed.

    The one definition: the worklist's ``is_overdue``, the dashboard's count and the overdue
    notices (``services.overdue_flag``) all read it from here.
    """
    return Q(status=Inquiry.Status.NEW, first_contact_due_at__lt=now) & not_snoozed_q(now)


def overdue_annotation(now: datetime) -> Case:
    """``overdue_q`` as a boolean annotation (the worklist's ``is_overdue``)."""
    return Case(
        When(overdue_q(now), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def inquiry_worklist(now: datetime | None = None) -> QuerySet[Inquiry]:
    """Inquiries with what the worklist shows joined in and counted, in one query.

    Annotations: ``risk_rank`` (0 urgent, 1 review, 2 routine), ``is_overdue``
    (``overdue_q``: new, past its promise, not snoozed), ``earlier_count`` (other inquiries
    from the same contact), and ``unanswered_attempts`` (no answer / wrong number). Ordered
    urgent, review, overdue, oldest.
    """
    now = now or timezone.now()
    same_person = (
        Inquiry.objects.filter(
            Q(contact_hash=OuterRef("contact_hash"))
            | Q(other_contact_hash=OuterRef("contact_hash"))
        )
        .exclude(pk=OuterRef("pk"))
        .order_by()
        .annotate(n=COUNT_ROWS)
        .values("n")
    )
    unanswered = (
        ContactAttempt.objects.filter(
            inquiry=OuterRef("pk"),
            outcome__in=[ContactAttempt.Outcome.NO_ANSWER, ContactAttempt.Outcome.WRONG_NUMBER],
        )
        .order_by()
        .annotate(n=COUNT_ROWS)
        .values("n")
    )
    return (
        Inquiry.objects.select_related("queue", "assigned_to", "site")
        .annotate(
            risk_rank=Case(
                *(When(priority=level, then=Value(rank)) for level, rank in PRIORITY_RANK.items()),
                default=Value(len(PRIORITY_RANK)),
            ),
            is_overdue=overdue_annotation(now),
            earlier_count=Case(
                When(contact_hash="", then=Value(0)),
                default=Coalesce(Subquery(same_person[:1]), Value(0)),
            ),
            unanswered_attempts=Coalesce(Subquery(unanswered[:1]), Value(0)),
        )
        .order_by(*WORKLIST_ORDER)
    )


def sees_every_queue(user) -> bool:
    """Program admins and clinical staff work across queues; coordinators in their own."""
    from .roles import EVERY_QUEUE_ROLES

    return user.is_superuser or user.groups.filter(name__in=EVERY_QUEUE_ROLES).exists()


def inquiries_visible_to(user, now: datetime | None = None) -> QuerySet[Inquiry]:
    """The worklist a user may see: every queue for program admins and clinical staff."""
    qs = inquiry_worklist(now)
    if sees_every_queue(user):
        return qs
    return qs.filter(queue__members=user)


def upcoming_reassessments(user, *, now: datetime, past_days: int = 14) -> QuerySet[Inquiry]:
    """Scheduled reassessments this user may see, soonest first, in one query.

    From a day before ``now`` on (so every queue's "today" is whole), and the ``past_days``
    before that whose note is not signed yet. Each has its queue, sites, ``note_pk`` and
    ``note_state`` (its latest note, or None) and ``note_signed``; what the person wrote and
    their contacts are not read.
    """
    from .models import ReassessmentNote

    notes = ReassessmentNote.objects.filter(inquiry=OuterRef("pk")).order_by("-created_at", "-pk")
    signed = notes.filter(state=ReassessmentNote.State.SIGNED)
    return (
        inquiries_visible_to(user, now)
        .filter(
            reassessment_at__isnull=False,
            status__in=[Inquiry.Status.REASSESSMENT_SCHEDULED, Inquiry.Status.RETURNED],
            is_spam=False,
            erased_at__isnull=True,
        )
        .annotate(
            note_pk=Subquery(notes.values("pk")[:1]),
            note_state=Subquery(notes.values("state")[:1]),
            note_signed=Exists(signed),
        )
        .filter(
            Q(reassessment_at__gte=now - timedelta(days=1))
            | Q(reassessment_at__gte=now - timedelta(days=past_days), note_signed=False)
        )
        .select_related("reassessment_site")
        .defer("message", "safety", "email", "phone")
        .order_by("reassessment_at", "pk")
    )


def earlier_inquiries(inquiry: Inquiry) -> QuerySet[Inquiry]:
    """Other inquiries from the same person, linked by contact hash (never decrypted)."""
    if not inquiry.contact_hash:
        return Inquiry.objects.none()
    return (
        Inquiry.objects.filter(
            Q(contact_hash=inquiry.contact_hash) | Q(other_contact_hash=inquiry.contact_hash)
        )
        .exclude(pk=inquiry.pk)
        .only("pk", "public_id", "created_at", "status")
        .order_by("-created_at")
    )


def reply_templates_for(inquiry: Inquiry) -> QuerySet[ReplyTemplate]:
    """Active templates for the inquiry's queue (or every queue) in the person's language.

    Templates marked "not for urgent" ("no pressure, no deadline" wording) are not offered
    when the person may be in danger.
    """
    templates = ReplyTemplate.objects.filter(active=True, language=inquiry.language).filter(
        Q(queue__isnull=True) | Q(queue=inquiry.queue_id)
    )
    if inquiry.priority == Priority.URGENT:
        templates = templates.filter(not_for_urgent=False)
    return templates


@dataclass(frozen=True)
class RiskSummary:
    """What the top of an inquiry's page says about risk, the promise and how to reach them."""

    level: str
    concept: str  # the code that set the level ("" when routine)
    alert_acknowledged: bool
    reached: bool
    due: object  # aware datetime in the queue's zone, or None
    phone: str  # E.164, for tel: and sms: links
    phone_display: str
    can_text: bool
    phone_only: bool
    email: str
    held: bool


def risk_summary(inquiry: Inquiry) -> RiskSummary:
    """Risk level and what set it (its latest ``priority_changed`` event), and the contacts."""
    concept = ""
    if inquiry.priority != Priority.ROUTINE:
        concept = (
            inquiry.events.filter(kind=InquiryEvent.Kind.PRIORITY_CHANGED)
            .order_by("-created_at", "-pk")
            .values_list("reason", flat=True)
            .first()
            or ""
        )
    tz = ZoneInfo(inquiry.queue.time_zone if inquiry.queue else settings.TIME_ZONE)
    phone = inquiry.phone
    return RiskSummary(
        level=inquiry.priority,
        concept=concept,
        alert_acknowledged=inquiry.alert_acknowledged_at is not None,
        reached=inquiry.reached_at is not None,
        due=inquiry.first_contact_due_at.astimezone(tz) if inquiry.first_contact_due_at else None,
        phone=phone,
        phone_display=phone_display(phone, region=queue_phone_region(inquiry.queue)),
        can_text=bool(phone and inquiry.text_ok),
        phone_only=bool(phone) and not inquiry.email and not inquiry.text_ok,
        email=inquiry.email,
        held=inquiry.is_held,
    )


@dataclass(frozen=True)
class CaseSections:
    """The lists on an inquiry's page, each read in one query (none grows with the others)."""

    messages: list
    inbound: list  # what the person sent later (e-mail, text, the form), unless discarded
    attempts: list
    internal_notes: list
    notes: list  # reassessment notes: state and people only, never their clinical text
    events: list
    earlier: list  # the person's other inquiries this viewer may open
    earlier_elsewhere: int  # ...and how many more sit in queues the viewer cannot open


def case_sections(inquiry: Inquiry, *, viewer) -> CaseSections:
    """What an inquiry's page lists below the person and their message."""
    from .models import InternalNote, ReassessmentNote

    earlier_all = list(earlier_inquiries(inquiry))
    visible = set(
        inquiries_visible_to(viewer)
        .filter(pk__in=[e.pk for e in earlier_all])
        .values_list("pk", flat=True)
    )
    return CaseSections(
        messages=list(inquiry.messages.select_related("created_by")),
        inbound=list(inquiry.inbound_messages.exclude(state="discarded").defer("original")),
        attempts=list(inquiry.contact_attempts.select_related("coordinator")),
        internal_notes=list(InternalNote.objects.filter(inquiry=inquiry).select_related("author")),
        notes=list(
            ReassessmentNote.objects.filter(inquiry=inquiry)
            .select_related("author", "signed_by", "amends", "start_site")
            .defer(
                *ReassessmentNote.CLINICAL_FIELDS,
                *(f"amends__{name}" for name in ReassessmentNote.CLINICAL_FIELDS),
            )
        ),
        events=list(inquiry.events.select_related("actor")),
        earlier=[e for e in earlier_all if e.pk in visible],
        earlier_elsewhere=sum(1 for e in earlier_all if e.pk not in visible),
    )


def phone_display(phone: str, region: str | None = None) -> str:
    """An E.164 number written the way people read it ("(617) 555-0188"): in its country's
    own format, or, given the ``region`` it is read from, international when from elsewhere."""
    if not phone:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    abroad = region and phonenumbers.region_code_for_number(number) != region.upper()
    style = phonenumbers.PhoneNumberFormat
    return phonenumbers.format_number(number, style.INTERNATIONAL if abroad else style.NATIONAL)


def queue_phone_region(queue) -> str:
    """Where a queue's team dials from: its time zone's country in the time zone database
    (America/New_York: US), else ``PHONE_DEFAULT_REGION`` (unrouted, or a zone of no one
    country such as UTC)."""
    countries = _zone_countries()
    return countries.get(queue.time_zone if queue else "", settings.PHONE_DEFAULT_REGION)


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """zone.tab, beside the system's time zones: each zone's one country code."""
    import zoneinfo
    from pathlib import Path

    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            rows = (line.split("\t") for line in table.read_text().splitlines())
            return {row[2]: row[0] for row in rows if len(row) >= 3 and not row[0].startswith("#")}
    return {}


def staff_by_id(ids) -> dict:
    """The staff accounts named by id (in an inquiry's events), by id: one query."""
    from django.contrib.auth import get_user_model

    wanted = {int(i) for i in ids if i and str(i).isdigit() and len(str(i)) < 12}
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=wanted)} if wanted else {}


@dataclass(frozen=True)
class CallNumber:
    """A number the public form offers to call: E.164 for the link, national for the eye."""

    tel: str
    display: str
    place: str = ""


@dataclass(frozen=True)
class CallUs:
    """The public form's "Prefer to talk?" line: the program's number and the sites' own."""

    main: CallNumber | None
    sites: tuple[CallNumber, ...] = ()

    def __bool__(self) -> bool:
        return self.main is not None or bool(self.sites)


def call_us() -> CallUs:
    """The numbers a person may call instead of writing, in the active language.

    PROGRAM_PHONE is the number for everyone; an active site with a number of its own that
    differs from it is listed with its (translated) name. With no program number and one
    number shared by every site that has one, that number is the program's. Nothing
    configured: nothing to show.
    """
    from . import crypto

    main = crypto.normalise_phone(settings.PROGRAM_PHONE) if settings.PROGRAM_PHONE else ""
    numbers = (
        (site, crypto.normalise_phone(site.phone))
        for site in Site.objects.filter(active=True).exclude(phone="")
    )
    own = [(site, phone) for site, phone in numbers if phone and phone != main]
    if not main and len({phone for _site, phone in own}) == 1:
        main, own = own[0][1], []
    return CallUs(
        main=CallNumber(main, phone_display(main)) if main else None,
        sites=tuple(
            CallNumber(phone, phone_display(phone), site.local_name()) for site, phone in own
        ),
    )


def thanks_context(submission_token: str) -> dict:
    """What the thanks page may say about one submission: urgency and the queue's promise.

    Worked out from this submission alone (its language, site, kind, time), with the queue the
    routing rules pick, so the page is the same whether or not the person wrote before.
    """
    inquiry = (
        Inquiry.objects.filter(submission_token=submission_token)
        .only("site_id", "language", "kind", "priority", "created_at", "is_spam")
        .first()
    )
    if inquiry is None:
        # A further message that joined the person's open inquiry: judged as itself.
        further = (
            InboundMessage.objects.filter(
                external_id=InboundMessage.form_external_id(submission_token)
            )
            .only("site_id", "language", "kind", "received_at")
            .first()
        )
        if further is None:
            return {"known": False}
        inquiry = Inquiry(
            site_id=further.site_id,
            language=further.language,
            kind=further.kind,
            priority=Priority.ROUTINE,
            created_at=further.received_at,
        )
    urgent = inquiry.priority == Priority.URGENT
    context: dict = {"known": True, "urgent": urgent}
    if inquiry.is_spam:
        return context
    queue = routing_cache.queue_for(inquiry)
    tz = ZoneInfo(queue.time_zone)
    clock = routing_cache.queue_clock(queue)
    now = timezone.now()
    due = routing_cache.first_contact_due(queue, inquiry.created_at, priority=inquiry.priority)
    context.update(
        {
            "open_now": clock.is_open(now),
            "next_open": clock.next_open(now).astimezone(tz),
            "due": due.astimezone(tz),
        }
    )
    if urgent:
        # Promised in minutes only when the whole promise fits in today's working time;
        # otherwise the person is told to call or text 988 now, never to wait for us.
        minutes = queue.urgent_promise_minutes
        context["urgent_minutes"] = minutes
        context["urgent_soon"] = clock.is_open(now) and due - now <= timedelta(minutes=minutes)
    return context


# --- staff two-step sign-in ----------------------------------------------------------------


def enrolment_link_by_token(token: str) -> EnrolmentLink | None:
    """The set-up link a token opens, in whatever state it is, found by the token's hash."""
    if not token or len(token) > 128:
        return None
    return (
        EnrolmentLink.objects.select_related("user")
        .filter(token_hash=EnrolmentLink.hash_token(token))
        .first()
    )


def enrolment_link_usable(*, user, link_id: object) -> EnrolmentLink | None:
    """This user's set-up link ``link_id`` if it still works (not used, replaced or expired)."""
    if not isinstance(link_id, int) or not getattr(user, "is_authenticated", False):
        return None
    return EnrolmentLink.objects.filter(
        EnrolmentLink.usable_q(timezone.now()), pk=link_id, user=user
    ).first()


def staff_two_step(queryset: QuerySet) -> QuerySet:
    """Users with ``two_step_set_up`` (a confirmed authenticator), ``link_expires`` (when the
    set-up link waiting for them stops working, or None) and ``recovery_codes_left``."""
    live_links = EnrolmentLink.objects.filter(
        EnrolmentLink.usable_q(timezone.now()), user=OuterRef("pk")
    ).order_by("-expires_at")
    codes_left = (
        RecoveryCode.objects.filter(
            device__user=OuterRef("pk"), device__confirmed=True, used_at__isnull=True
        )
        .order_by()
        .annotate(n=COUNT_ROWS)
        .values("n")
    )
    return queryset.annotate(
        two_step_set_up=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        link_expires=Subquery(live_links.values("expires_at")[:1]),
        recovery_codes_left=Coalesce(Subquery(codes_left[:1]), Value(0)),
    )
