"""Every staff page speaks in words: no choice code, reason code or list literal shows.

The data sets every value of every choice the staff pages show (statuses, risk levels,
kinds, formats, paces, best times, when they were last with us, close and not-now reasons,
what took them away, every timeline event with its reasons and states, every message kind,
channel and delivery state, every attempt outcome, every note state and plan, every audit
action), then each page is rendered as the role that uses it, and its visible text (no
tags, scripts, styles or attribute values) is read for codes:

- a code with an underscore (``not_now``, ``one_on_one_first``, ``urgent_alert``) anywhere,
  as a whole word;
- any code standing alone, exactly as stored (``in_person`` or ``en`` as a cell's whole
  text, ``rules`` after "Routed —"): a piece of text between separators that is a code
  shown as stored, where its label says something else. English words that happen to be
  codes ("Draft", "Sent") pass when they are shown as the label shows them;
- a Python list literal (``['`` or ``["``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse

from intake import services, worklist
from intake.forms import AWAY_REASONS
from intake.messaging.inbound import Incoming, reply_token_new
from intake.models import (
    AuditEvent,
    ContactAttempt,
    HeldReason,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    Kind,
    OutboundMessage,
    Priority,
    ReassessmentNote,
    ReplyTemplate,
    RoutingRule,
    Safety,
)
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from tests.factories import SiteFactory, UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
# A Tuesday afternoon in the queue's zone: the team is working and texts may go out.
NOW = datetime(2026, 3, 3, 14, 0, tzinfo=NY)

# Every choice the staff pages show, with where its values are set below.
CHOICES: tuple[type[models.TextChoices], ...] = (
    Kind,
    Priority,
    Safety,
    HeldReason,
    Inquiry.ContactMethod,
    Inquiry.Status,
    Inquiry.CareFormat,
    Inquiry.Pace,
    Inquiry.BestTime,
    Inquiry.LastAttended,
    Inquiry.CloseReason,
    Inquiry.NotNowReason,
    InquiryEvent.Kind,
    OutboundMessage.Kind,
    OutboundMessage.Channel,
    OutboundMessage.Status,
    ContactAttempt.Channel,
    ContactAttempt.Outcome,
    ReassessmentNote.State,
    ReassessmentNote.Plan,
    AuditEvent.Action,
)
# Mail to one staff account (a set-up link, a sign-in notice, a note ready for review)
# belongs to no inquiry: no page here shows it.
ACCOUNT_KINDS = {
    OutboundMessage.Kind.ENROLMENT_LINK,
    OutboundMessage.Kind.ACCOUNT_NOTICE,
    OutboundMessage.Kind.NOTE_READY,
}


# --- reading a page as a person sees it ------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a person sees: every text node outside head, scripts, styles and templates."""

    HIDDEN = {"head", "script", "style", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.nodes.append(" ".join(data.split()))


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.nodes


# What sits between two pieces of one line of text: "Routed — rules", "Status: a → b", "a, b".
SEPARATORS = re.compile(r"\s*(?:[—–:;,()·→|\[\]]|\s-\s)\s*")


# Words the pages say on purpose that are also stored codes: the worklist tags a person who
# asked for "After 5 pm" with the word "evening".
WORDS_ALSO_CODES = frozenset({"evening"})


@dataclass
class Codes:
    """The codes a page must never show, each with its labels (the words it should be)."""

    labelled: dict[str, set[str]] = field(default_factory=dict)  # code -> its labels
    bare: set[str] = field(default_factory=set)  # reason and state codes with no label

    def add_choices(self, choices) -> None:
        for value, label in choices:
            if value:
                self.labelled.setdefault(str(value), set()).add(str(label))

    def shown_as_code(self, piece: str) -> bool:
        """A piece of text that is a code as stored, where no label of it says the same."""
        if piece in WORDS_ALSO_CODES:
            return False
        if piece in self.bare:
            return True
        labels = self.labelled.get(piece)
        return labels is not None and piece.lower() not in {label.lower() for label in labels}

    def leaks(self, nodes: list[str]) -> list[tuple[str, str]]:
        """(what showed, where) for every code or list literal in a page's text nodes."""
        found = set()
        text = "\n".join(nodes)
        for marker in ("['", '["'):
            if marker in text:
                found.add((marker, _around(text, marker)))
        every = set(self.labelled) | self.bare
        for code in (c for c in every if "_" in c):
            if match := re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text):
                found.add((code, _around(text, match.group())))
        # A label is the words themselves ("On-call alert (text)"): read what is around them.
        labels = sorted({la for las in self.labelled.values() for la in las}, key=len, reverse=True)
        for node in nodes:
            rest = node
            for label in labels:
                rest = rest.replace(label, "|")
            for piece in SEPARATORS.split(rest):
                piece = piece.strip(" .!?\"'“”")
                if "_" not in piece and self.shown_as_code(piece):
                    found.add((piece, node))
        return sorted(found)


def _around(text: str, code: str) -> str:
    at = text.find(code)
    return " ".join(text[max(0, at - 60) : at + len(code) + 60].split())


# --- the data: every value of every choice, set somewhere ------------------------------------


def staff(role: str, username: str, first: str = "", last: str = ""):
    user = UserFactory(username=username, first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name=role))
    return user


def submit(capture, **overrides) -> Inquiry:
    held = overrides.pop("held", False)
    with capture(execute=True):
        made = services.inquiry_submit(submission=submission(**overrides), over_rate_limit=held)
    return Inquiry.objects.get(pk=made.pk)


def event(inquiry: Inquiry, kind: str, **fields) -> None:
    """An event written as the services write it (for the few no quick flow reaches)."""
    InquiryEvent.objects.create(inquiry=inquiry, kind=kind, **fields)


def message(inquiry: Inquiry, kind: str, channel: str, status: str, **fields) -> OutboundMessage:
    return OutboundMessage.objects.create(
        inquiry=inquiry,
        kind=kind,
        channel=channel,
        status=status,
        template_key=kind,
        language=inquiry.language,
        dedupe_key=f"{kind}-{channel}-{status}",
        **fields,
    )


@pytest.fixture
def world(roles, django_capture_on_commit_callbacks, settings):
    settings.INBOUND_EMAIL_ADDRESS = "reply@reengage.invalid"
    capture = django_capture_on_commit_callbacks
    with time_machine.travel(NOW, tick=True):
        yield _build(capture)


def _build(capture) -> dict:
    queue = default_queue(video_visit_url="https://visit.example.org/intake")
    downtown = SiteFactory(name="Downtown", slug="downtown", address="12 Main St, 2nd floor")
    queue.sites.add(downtown)
    queue.languages = ["en", "es", "pt-br"]
    queue.save()
    lee = coordinator(queue, "lee", languages=("en", "es", "pt-br"))
    lee.first_name, lee.last_name = "Lee", "Park"
    lee.save()
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    cy = coordinator(queue, "cy", languages=("en",), active=False)
    cy.groups.add(Group.objects.get(name=COORDINATOR))
    cam = staff(CLINICIAN, "cam", "Cam", "Diaz")
    rey = staff(REVIEWER, "rey", "Rey", "Ortiz")
    pat = staff(PROGRAM_ADMIN, "pat", "Pat", "Kim")
    for number, (kind, priority, language) in enumerate(
        [
            (Kind.COME_BACK, Priority.URGENT, "es"),
            (Kind.QUESTION, Priority.REVIEW, "pt-br"),
            (Kind.NOT_SURE, "", ""),
        ],
        start=1,
    ):
        RoutingRule.objects.create(
            order=number,
            queue=queue,
            site=downtown,
            kind=kind,
            priority=priority,
            language=language,
        )
    ReplyTemplate.objects.create(title="Welcome back", body="Hi {name}", language="es")
    ReplyTemplate.objects.create(title="Olá", body="Olá {name}", language="pt-br", queue=queue)
    ReplyTemplate.objects.create(title="Hello", body="Hi {name}", not_for_urgent=True)

    everything = [code for code, _label in AWAY_REASONS]
    # Urgent, by text, in the morning, in person, one session to start, under a month.
    urgent = submit(
        capture,
        message="I'm not safe right now.",
        safety=Safety.NOT_SAFE,
        contact_method=Inquiry.ContactMethod.TEXT,
        phone="617 555 0188",
        text_ok=True,
        voicemail_ok=True,
        best_time=Inquiry.BestTime.MORNING,
        kind=Kind.COME_BACK,
        site_id=downtown.pk,
        care_format=Inquiry.CareFormat.IN_PERSON,
        pace=Inquiry.Pace.ONE_SESSION,
        last_attended=Inquiry.LastAttended.UNDER_MONTH,
        away_reasons=everything,
        one_on_one_first=True,
        open_to_new_group=False,
    )
    with capture(execute=True):
        services.urgent_escalate(now=NOW + timedelta(hours=2))
        services.urgent_alert_acknowledge(actor=lee, inquiry_id=urgent.pk)
        services.sms_inbound(phone="+16175550188", body="STOP")
    # Possible risk, by phone (no voicemail), afternoons, virtual, 2–3 days, 1–3 months.
    review = submit(
        capture,
        message="I feel hopeless lately.",
        contact_method=Inquiry.ContactMethod.CALL,
        email="",
        phone="+44 20 7946 0958",
        voicemail_ok=False,
        best_time=Inquiry.BestTime.AFTERNOON,
        kind=Kind.QUESTION,
        safety=Safety.STRUGGLING,
        care_format=Inquiry.CareFormat.VIRTUAL,
        pace=Inquiry.Pace.TWO_THREE_DAYS,
        last_attended=Inquiry.LastAttended.ONE_THREE_MONTHS,
        language="pt-br",
    )
    with capture(execute=True):
        for channel, outcome in [
            (ContactAttempt.Channel.CALL, ContactAttempt.Outcome.NO_ANSWER),
            (ContactAttempt.Channel.CALL, ContactAttempt.Outcome.WRONG_NUMBER),
            (ContactAttempt.Channel.TEXT, ContactAttempt.Outcome.LEFT_VOICEMAIL),
            (ContactAttempt.Channel.EMAIL, ContactAttempt.Outcome.REPLIED),
            (ContactAttempt.Channel.CALL, ContactAttempt.Outcome.REACHED),
        ]:
            services.contact_attempt_record(
                actor=lee, inquiry_id=review.pk, channel=channel, outcome=outcome, note="Later."
            )
    # Scheduled, by e-mail, evenings, a mix of both, more than that, 3–12 months; notes.
    scheduled = submit(
        capture,
        message="Somebody else wrote with me.",
        safety=Safety.SOMEONE_ELSE,
        best_time=Inquiry.BestTime.EVENING,
        kind=Kind.NOT_SURE,
        care_format=Inquiry.CareFormat.HYBRID,
        pace=Inquiry.Pace.MORE,
        last_attended=Inquiry.LastAttended.THREE_TWELVE_MONTHS,
        email="kai@example.com",
        preferred_name="Kai",
    )
    with capture(execute=True):
        services.inquiry_assign(actor=lee, inquiry_id=scheduled.pk, assignee=lee)
        services.inquiry_assign(actor=lee, inquiry_id=scheduled.pk, assignee=None, reason="away")
        services.inquiry_assign(actor=lee, inquiry_id=scheduled.pk, assignee=lee)
        services.reply_send(actor=lee, inquiry_id=scheduled.pk, body="Hi Kai, welcome back.")
        services.internal_note_add(actor=lee, inquiry_id=scheduled.pk, text="Prefers e-mail.")
        services.inquiry_snooze(actor=lee, inquiry_id=scheduled.pk, until=NOW + timedelta(hours=3))
        services.inquiry_set_status(
            actor=lee, inquiry_id=scheduled.pk, status=Inquiry.Status.CONTACTED
        )
        services.reassessment_schedule(
            actor=lee,
            inquiry_id=scheduled.pk,
            when=NOW + timedelta(days=2),
            care_format=Inquiry.CareFormat.VIRTUAL,
        )
    Inquiry.objects.filter(pk=scheduled.pk).update(reassessment_site=downtown)
    plans = [code for code, _label in ReassessmentNote.Plan.choices]
    signed = services.note_add(
        actor=cam,
        inquiry_id=scheduled.pk,
        fields={"what_changed": "SECRET", "plan": ",".join(plans)},
    )
    ReassessmentNote.objects.filter(pk=signed.pk).update(
        start_on=date(2026, 3, 10), group="Tuesday evening group", start_site=downtown
    )
    services.note_mark_ready(actor=cam, note_id=signed.pk)
    services.note_sign(actor=rey, note_id=signed.pk)
    amendment = services.note_add(
        actor=cam, inquiry_id=scheduled.pk, fields={"plan": "resume,modified"}, amends_id=signed.pk
    )
    services.note_mark_ready(actor=cam, note_id=amendment.pk)
    draft = services.note_add(actor=cam, inquiry_id=scheduled.pk, fields={"plan": "refer"})
    # Returned to care: any time, not sure of format or pace, more than a year ago.
    returned = submit(
        capture,
        best_time=Inquiry.BestTime.ANY,
        care_format=Inquiry.CareFormat.NOT_SURE,
        pace=Inquiry.Pace.NOT_SURE,
        last_attended=Inquiry.LastAttended.OVER_YEAR,
        email="ash@example.com",
    )
    with capture(execute=True):
        services.contact_attempt_record(
            actor=lee,
            inquiry_id=returned.pk,
            channel=ContactAttempt.Channel.EMAIL,
            outcome=ContactAttempt.Outcome.REPLIED,
        )
        services.reassessment_schedule(
            actor=lee,
            inquiry_id=returned.pk,
            when=NOW + timedelta(days=1),
            care_format=Inquiry.CareFormat.IN_PERSON,
        )
        services.inquiry_set_status(
            actor=lee, inquiry_id=returned.pk, status=Inquiry.Status.RETURNED
        )
    # "Not now", for every reason in turn; a check-in comes due.
    not_now = submit(
        capture,
        email="ren@example.com",
        safety=Safety.OK,
        last_attended=Inquiry.LastAttended.NOT_SURE,
    )
    with capture(execute=True):
        services.inquiry_set_priority(actor=lee, inquiry_id=not_now.pk, priority=Priority.REVIEW)
        services.inquiry_set_priority(actor=lee, inquiry_id=not_now.pk, priority=Priority.ROUTINE)
    with capture(execute=True):
        for reason in Inquiry.NotNowReason.values:
            services.inquiry_set_status(
                actor=lee,
                inquiry_id=not_now.pk,
                status=Inquiry.Status.NOT_NOW,
                reason=reason,
                check_in_on=NOW.date(),
            )
            if reason != Inquiry.NotNowReason.values[-1]:
                services.inquiry_set_status(
                    actor=lee, inquiry_id=not_now.pk, status=Inquiry.Status.CONTACTED
                )
        services.check_in_due(today=NOW.date())
    # Closed, for every reason in turn; quarantined once and released.
    closed = submit(capture, email="jo@example.com")
    with capture(execute=True):
        services.inquiry_mark_spam(actor=lee, inquiry_id=closed.pk, spam=True)
        services.inquiry_mark_spam(actor=lee, inquiry_id=closed.pk, spam=False)
        for reason in Inquiry.CloseReason.values:
            services.inquiry_set_status(
                actor=lee, inquiry_id=closed.pk, status=Inquiry.Status.CLOSED, reason=reason
            )
            if reason != Inquiry.CloseReason.values[-1]:
                services.inquiry_set_status(
                    actor=lee, inquiry_id=closed.pk, status=Inquiry.Status.CONTACTED
                )
    # Held over the rate limit (one released), quarantined, overdue.
    held = submit(capture, email="max@example.com", held=True, language="es")
    released = submit(capture, email="rio@example.com", held=True)
    with capture(execute=True):
        services.inquiry_release_hold(actor=lee, inquiry_id=released.pk)
    spam = submit(capture, email="spam@example.com")
    with capture(execute=True):
        services.inquiry_mark_spam(actor=lee, inquiry_id=spam.pk, spam=True)
        services.overdue_flag(now=NOW + timedelta(days=5))
    with capture(execute=True):
        services.inquiry_submit(
            submission=submission(
                email="rio@example.com", message="One more thing.", best_time="evening"
            )
        )
    event(released, InquiryEvent.Kind.FOLLOW_UP_ADDED, reason="resubmitted", data={})
    event(released, InquiryEvent.Kind.WROTE_AGAIN, reason="urgent", data={})
    # The person writes back (a reply and an automatic one), through the one service.
    Inquiry.objects.filter(pk=released.pk).update(reply_token=reply_token_new())
    released.refresh_from_db()
    with capture(execute=True):
        for n, automatic in enumerate((False, True)):
            services.message_receive(
                incoming=Incoming(
                    channel=InboundMessage.Channel.EMAIL,
                    sender="rio@example.com",
                    body="Thanks, Thursday works for me." if not automatic else "Out of office.",
                    external_id=f"<reply-{n}@mail.example.com>",
                    recipients=(f"reply+{released.reply_token}@reengage.invalid",),
                    subject="Re: We got your message",
                    is_automatic=automatic,
                ),
                source=InboundMessage.Source.FOLDER,
            )

    # The delivery states and events no quick flow reaches, as the outbox writes them.
    for status in OutboundMessage.Status.values:
        message(
            released,
            OutboundMessage.Kind.CHECK_IN,
            OutboundMessage.Channel.SMS,
            status,
            attempts=3,
            last_error="SMTPRecipientsRefused 550" if status == "failed" else "",
        )
    sending = OutboundMessage.Status.SENDING
    pending = OutboundMessage.Status.PENDING
    for kind, fields in [
        (
            InquiryEvent.Kind.MESSAGE_RETRY,
            {"from_state": sending, "to_state": pending, "reason": "transient"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_DEFERRED,
            {"from_state": sending, "to_state": pending, "reason": "quiet_hours"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_FAILED,
            {"from_state": sending, "to_state": "failed", "reason": "too_many_attempts"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_FAILED,
            {"from_state": sending, "to_state": "failed", "reason": "permanent"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_SKIPPED,
            {"from_state": sending, "to_state": "skipped", "reason": "no_text_consent"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_SKIPPED,
            {"from_state": sending, "to_state": "skipped", "reason": "opted_out"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_SKIPPED,
            {"from_state": sending, "to_state": "skipped", "reason": "no_consent"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_SKIPPED,
            {"from_state": sending, "to_state": "skipped", "reason": "quarantined"},
        ),
        (
            InquiryEvent.Kind.MESSAGE_RETRY_NOW,
            {"from_state": "failed", "to_state": pending, "reason": "check_in", "actor": lee},
        ),
        (InquiryEvent.Kind.ERASED, {"reason": "retention"}),
    ]:
        event(released, kind, **fields)
    for action in AuditEvent.Action.values:
        AuditEvent.objects.create(
            actor=lee, action=action, object_type="inquiry", object_id=str(urgent.pk)
        )
    AuditEvent.objects.create(
        actor=cam, action="view", object_type="reassessmentnote", object_id=str(signed.pk)
    )
    return {
        "queue": queue,
        "lee": lee,
        "cam": cam,
        "rey": rey,
        "pat": pat,
        "inquiries": [urgent, review, scheduled, returned, not_now, closed, held, released, spam],
        "notes": [signed, amendment, draft],
        "scheduled": scheduled,
        "site": downtown,
    }


def codes_in_data() -> Codes:
    """Every code the pages could show, from the choices and from the events as written."""
    codes = Codes()
    for choices in CHOICES:
        codes.add_choices(choices.choices)
    codes.add_choices(AWAY_REASONS)
    codes.add_choices(settings.LANGUAGES)
    # An unassignment's reason is the words a coordinator typed, not a code.
    events = InquiryEvent.objects.exclude(kind=InquiryEvent.Kind.UNASSIGNED)
    for row in events.values("reason", "from_state", "to_state"):
        for value in row.values():
            if value and not value.isdigit() and value not in codes.labelled:
                codes.bare.add(value)
    codes.bare |= set(AuditEvent.objects.values_list("object_type", flat=True))
    return codes


def stored(model, field: str, **where) -> set[str]:
    return set(model.objects.filter(**where).values_list(field, flat=True))


def test_the_data_sets_every_value_of_every_choice(world) -> None:
    """The page test below proves nothing for a value no row holds: every one is held,
    in the field that holds it."""
    status_reasons = stored(InquiryEvent, "reason", kind=InquiryEvent.Kind.STATUS_CHANGED)
    plans = {code for note in ReassessmentNote.objects.all() for code in note.plan_codes}
    held = {
        Kind: stored(Inquiry, "kind"),
        Priority: stored(Inquiry, "priority"),
        Safety: stored(Inquiry, "safety"),
        HeldReason: stored(Inquiry, "held_reason"),
        Inquiry.ContactMethod: stored(Inquiry, "contact_method"),
        Inquiry.Status: stored(Inquiry, "status"),
        Inquiry.CareFormat: stored(Inquiry, "care_format"),
        Inquiry.Pace: stored(Inquiry, "pace"),
        Inquiry.BestTime: stored(Inquiry, "best_time"),
        Inquiry.LastAttended: stored(Inquiry, "last_attended"),
        Inquiry.CloseReason: status_reasons,
        Inquiry.NotNowReason: status_reasons,
        InquiryEvent.Kind: stored(InquiryEvent, "kind"),
        OutboundMessage.Kind: stored(OutboundMessage, "kind") | ACCOUNT_KINDS,
        OutboundMessage.Channel: stored(OutboundMessage, "channel"),
        OutboundMessage.Status: stored(OutboundMessage, "status"),
        ContactAttempt.Channel: stored(ContactAttempt, "channel"),
        ContactAttempt.Outcome: stored(ContactAttempt, "outcome"),
        ReassessmentNote.State: stored(ReassessmentNote, "state"),
        ReassessmentNote.Plan: plans,
        AuditEvent.Action: stored(AuditEvent, "action"),
    }
    assert set(held) == set(CHOICES)
    missing = {
        f"{choices.__qualname__}.{value}"
        for choices, values in held.items()
        for value in choices.values
        if value not in values
    }
    away = {code for inquiry in Inquiry.objects.all() for code in inquiry.away_reasons}
    missing |= {f"away_reasons.{code}" for code, _label in AWAY_REASONS if code not in away}
    assert not missing


def pages(world) -> list[tuple[str, object, str]]:
    """(what, who, address) for every staff page, as the role that uses it."""
    lee, cam, rey, pat = world["lee"], world["cam"], world["rey"], world["pat"]
    listing = reverse("admin:intake_inquiry_changelist")
    found = [
        ("the worklist", lee, listing),
        ("the whole worklist", lee, f"{listing}?status=all&quarantine=all"),
        ("the clinicians' worklist", cam, f"{listing}?note=waiting"),
        ("the dashboard", lee, reverse("intake-dashboard")),
        ("the dashboard", pat, reverse("intake-dashboard")),
        ("the notes", cam, reverse("admin:intake_reassessmentnote_changelist")),
        ("the notes", rey, reverse("admin:intake_reassessmentnote_changelist") + "?state=ready"),
        ("the audit log", pat, reverse("admin:intake_auditevent_changelist")),
    ]
    found += [
        (f"the {view.slug} view", lee, f"{listing}?view={view.slug}")
        for view in worklist.SAVED_VIEWS
    ]
    found += [
        (
            f"inquiry {inquiry.short_id}",
            lee,
            reverse("admin:intake_inquiry_change", args=[inquiry.pk]),
        )
        for inquiry in world["inquiries"]
    ]
    scheduled = reverse("admin:intake_inquiry_change", args=[world["scheduled"].pk])
    found += [("an inquiry, as a clinician", cam, scheduled)]
    found += [
        (f"note {note.pk}", who, reverse("admin:intake_reassessmentnote_change", args=[note.pk]))
        for note in world["notes"]
        for who in (cam, rey)
    ]
    for model in ("site", "coordinatorqueue", "routingrule", "replytemplate"):
        found.append((f"the {model} settings", pat, reverse(f"admin:intake_{model}_changelist")))
        found.append((f"a new {model}", pat, reverse(f"admin:intake_{model}_add")))
        row = {
            "site": world["site"],
            "coordinatorqueue": world["queue"],
            "routingrule": RoutingRule.objects.first(),
            "replytemplate": ReplyTemplate.objects.filter(language="pt-br").first(),
        }[model]
        found.append((f"a {model}", pat, reverse(f"admin:intake_{model}_change", args=[row.pk])))
    audit = AuditEvent.objects.first()
    found.append(
        ("an audit record", pat, reverse("admin:intake_auditevent_change", args=[audit.pk]))
    )
    return found


def test_no_staff_page_shows_a_code(world) -> None:
    codes = codes_in_data()
    leaks = {}
    for what, who, address in pages(world):
        client = Client()
        client.force_login(who)
        response = client.get(address)
        assert response.status_code == 200, f"{what} ({address}) as {who}: {response.status_code}"
        found = codes.leaks(visible_text(response.content.decode()))
        if found:
            leaks[f"{what} as {who.get_username()} ({address})"] = found
    assert not leaks, "\n".join(
        f"{page}:\n" + "".join(f"  {code!r} in: {where}\n" for code, where in found)
        for page, found in leaks.items()
    )


def test_the_upcoming_reassessments_page_shows_no_code(world) -> None:
    try:
        address = reverse("admin:intake_inquiry_reassessments")
    except NoReverseMatch:
        pytest.skip("the upcoming reassessments page is not registered yet")
    client = Client()
    client.force_login(world["cam"])  # the clinicians' list
    response = client.get(address)
    assert response.status_code == 200
    assert codes_in_data().leaks(visible_text(response.content.decode())) == []


def test_the_reader_finds_what_it_looks_for() -> None:
    """The check itself: each kind of leak is found, and words that are also codes pass."""
    codes = Codes(bare={"rules"})
    codes.add_choices([("not_now", "Not now"), ("en", "English"), ("draft", "Draft")])
    page = (
        "<dl><dt>Language</dt><dd>en</dd></dl><p>Routed — rules</p>"
        "<p>It can go to: closed, not_now</p><p>['work']</p><p>A draft, in English.</p>"
        '<p title="not_now"><script>var a = ["x"];</script>Draft</p>'
    )
    assert [code for code, _where in codes.leaks(visible_text(page))] == [
        "['",
        "en",
        "not_now",
        "rules",
    ]
