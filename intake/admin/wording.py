"""Words the staff pages show: contact flags, risk concepts, warnings before a reply, and an
inquiry's page said in words (its timeline's events, the messages as the person read them,
people's names, languages and the time zone). Never a stored code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo

from django.template import TemplateDoesNotExist
from django.utils import dateparse, formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import screening, services, tone
from ..messaging.render import render_email, render_sms
from ..models import (
    ContactAttempt,
    HeldReason,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    OutboundMessage,
    Priority,
    ReassessmentNote,
)
from .settings_fields import COMMON_US_ZONES, language_name

# What set an inquiry's risk level, in words for staff (the timeline keeps the code only).
RISK_CONCEPTS = {
    "self_report_not_safe": _("They answered “I'm not safe right now”."),
    "self_report_someone_else": _("They are writing for someone who may not be safe."),
    "crisis_language": _("Their message has crisis language."),
    "struggling_with_risk_words": _(
        "They answered “I'm struggling, but safe”, and their message has words near crisis."
    ),
    "staff": _("Set by a staff member."),
    "learned": _(
        "Their message reads like messages from people at risk, though no listed phrase "
        "matched. Please read it today."
    ),
}
# The ideas screening reads in a message (``screening.concepts``), in plain words. A loose
# match or a single cue is named too, and says it is a reading for a person to check.
RISK_IDEAS = {
    "intent": _("wanting to end their life"),
    "plan": _("a plan: how, where or when"),
    "means": _("the means at hand (pills saved, a weapon)"),
    "preparatory": _("preparing: goodbyes, giving things away, affairs in order"),
    "self_harm_now": _("hurting themselves now"),
    "overdose_now": _("an overdose now"),
    "partner_danger": _("danger from someone now"),
    "someone_else_acute": _("someone else in danger now"),
    "relapse_danger": _("using again in a way that could kill them now"),
    "burden": _("feeling a burden to others"),
    "hopeless": _("hopelessness"),
    "past_attempt": _("a past attempt or crisis, told as past"),
    "worry_other": _("worry about someone else"),
    "death": _("dying or not being here"),
    "method": _("a way of dying"),
    "weapon": _("a weapon"),
    "farewell": _("a goodbye"),
    "harm": _("hurting themselves"),
    "overuse": _("taking far too much"),
    "body": _("a body in danger (bleeding, not breathing)"),
    "violence": _("someone hurting or threatening them"),
    "fear_self": _("being afraid of what they might do"),
    "voices": _("voices telling them to hurt themselves"),
}


# A review the danger-now model confirmed (``screening.second_reader_confirms``): what the
# rules or the first look read, then why it is urgent all the same.
CONFIRMED_WORDS = {
    "learned": _(
        "Their message reads like the messages of people in danger now, though no listed "
        "phrase matched. Treat it as urgent, and read it to be sure."
    ),
    "struggling_with_risk_words": _(
        "They answered “I'm struggling, but safe”, and their message reads like the messages "
        "of people in danger now. Treat it as urgent, and read it to be sure."
    ),
}
CONFIRMED_IDEA = _(
    "Their message %(reading)s, and as a whole it reads like the messages of people in danger "
    "now. Treat it as urgent, and read it to be sure."
)
# How the reading of one idea is put inside ``CONFIRMED_IDEA``, by what set the review.
CONFIRMED_READING = {
    "loose": _("comes close to telling of %(idea)s"),
    "cue": _("mentions %(idea)s"),
    "idea": _("tells of %(idea)s"),
}


# An urgent reading held at review (``screening.held_at_review``): what the rules read, and
# why it is read today rather than paged.
HELD_WORDS = {
    "crisis_language": _(
        "Their message has crisis language, but as a whole it reads like a danger told as "
        "past, denied, or said as a figure of speech. Read it today to be sure."
    ),
}
HELD_IDEA = _(
    "Their message tells of %(idea)s, but as a whole it reads like a danger told as past, "
    "denied, or said as a figure of speech. Read it today to be sure."
)


# What an idea's code says about how it was read, in a sentence of its own.
IDEA_WORDS = {
    "idea": _("Their message tells of %(idea)s."),
    "loose": _("Their message comes close to telling of %(idea)s (read it to be sure)."),
    "cue": _("Their message mentions %(idea)s; nothing else in it says it is urgent."),
}


def _idea_reading(code: str) -> tuple[str, str]:
    """(kind, words of the idea) for an idea's code, tight, loose (``plan_loose``) or a cue
    alone (``cue_weapon``); ("", "") for any other code."""
    for kind, idea in (
        ("idea", code),
        ("loose", code.removesuffix("_loose")),
        ("cue", code.removeprefix("cue_")),
    ):
        if (kind == "idea" or idea != code) and idea in RISK_IDEAS:
            return kind, str(RISK_IDEAS[idea])
    return "", ""


def risk_concept_words(code: str) -> str:
    """What set the risk level, for the risk card; "" for an unknown code."""
    confirmed = code.removeprefix(screening.learned.CONFIRMED)
    if confirmed != code:
        if confirmed in CONFIRMED_WORDS:
            return str(CONFIRMED_WORDS[confirmed])
        kind, idea = _idea_reading(confirmed)
        if not kind:
            return ""
        reading = CONFIRMED_READING[kind] % {"idea": idea}
        return str(CONFIRMED_IDEA % {"reading": reading})
    held = code.removeprefix(screening.learned.HELD)
    if held != code:
        if held in HELD_WORDS:
            return str(HELD_WORDS[held])
        kind, idea = _idea_reading(held)
        return str(HELD_IDEA % {"idea": idea}) if kind == "idea" else ""
    if code in RISK_CONCEPTS:
        return str(RISK_CONCEPTS[code])
    kind, idea = _idea_reading(code)
    return str(IDEA_WORDS[kind] % {"idea": idea}) if kind else ""


def contact_flags(obj: Inquiry) -> list[str]:
    flags = [str(obj.get_contact_method_display())]
    if obj.voicemail_ok is False:
        flags.append(str(_("No voicemail")))
    elif obj.voicemail_ok:
        flags.append(str(_("Voicemail OK")))
    if obj.text_ok:
        flags.append(str(_("Text OK")))
    if obj.best_time and obj.best_time != Inquiry.BestTime.ANY:
        flags.append(str(_("Best: %(when)s") % {"when": obj.get_best_time_display()}))
    return flags


SMS_DISCLOSING = (
    "treatment",
    "therapy",
    "therapist",
    "program",
    "iop",
    "rehab",
    "recovery",
    "clinic",
)


def reply_warnings(body: str, inquiry: Inquiry) -> list[str]:
    """Gentle warnings before a reply goes out: tone-guide words, and treatment words in a text."""
    warnings = [
        str(_("“%(word)s” can sound like blame. Could you say it another way?") % {"word": word})
        for word in tone.find_forbidden(body, inquiry.language)
    ]
    if services.acknowledgement_channel(inquiry) == OutboundMessage.Channel.SMS:
        lowered = screening.normalise(body)
        warnings += [
            str(
                _("A text can be seen by others on the phone: “%(word)s” says what this is about.")
                % {"word": word}
            )
            for word in SMS_DISCLOSING
            if re.search(rf"\b{word}\b", lowered)
        ]
    return warnings


# --- an inquiry's page, in words -------------------------------------------------------------


def staff_name(user) -> str:
    """A staff member as colleagues know them: the full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def language_words(code: str) -> str:
    """A language code as the language's name ("es" → "Español")."""
    return language_name(code) if code else ""


def zone_words(zone: str) -> str:
    """The line that says once which clock every time on the page is read on."""
    names = dict(COMMON_US_ZONES)
    if zone in names:
        return gettext("Times are %(name)s time (%(zone)s).") % {"name": names[zone], "zone": zone}
    return gettext("Times are in the %(zone)s time zone.") % {"zone": zone}


@dataclass(frozen=True)
class Said:
    """What a message said to the person, as they read it."""

    subject: str
    text: str


def message_said(message: OutboundMessage) -> Said | None:
    """A message to the person as they read it: a reply's own words, a template's text.

    Rendered again from the same templates and the inquiry as it is now, in the person's
    language, through the functions that rendered it for sending. Staff alerts say nothing
    here (their kind is enough), and nor does a message whose text is gone (erased).
    """
    if not message.to_person or message.inquiry is None or message.inquiry.erased_at:
        return None
    if message.kind == OutboundMessage.Kind.REPLY:
        return Said(subject="", text=message.body) if message.body else None
    from ..services.send import message_context

    try:
        # As it went out: an urgent promise depends on the hour it was sent.
        context = message_context(message, at=message.sent_at or message.created_at)
        if message.channel == OutboundMessage.Channel.SMS:
            return Said(
                subject="", text=render_sms(message.template_key, context, message.language)
            )
        rendered = render_email(message.template_key, context, message.language)
    except TemplateDoesNotExist:
        return None
    return Said(subject=rendered.subject, text=rendered.text.strip())


Event = InquiryEvent.Kind
# Why a message was not sent, or not yet, in words.
MESSAGE_REASONS = {
    "quarantined": _("the inquiry was in quarantine"),
    "no_consent": _("they did not agree to be contacted"),
    "no_text_consent": _("they did not agree to texts"),
    "opted_out": _("they replied STOP to texts"),
    "no_recipient": _("no address or confirmed phone was set up for it"),
    "permanent": _("the address or number refused it for good"),
    "too_many_attempts": _("it could not go out after several tries"),
    "transient": _("a passing problem; it tries again by itself"),
    "quiet_hours": _("texts wait for daytime in the queue's time zone"),
}
# Why the status moved, when no close or not-now reason says it.
STATUS_REASONS = {
    "scheduled": _("the reassessment was scheduled"),
    "first_contact": _("first contact was made"),
}
OTHER_REASONS = {
    (Event.SUBMITTED, "quarantined"): _("quarantined as spam"),
    (Event.ROUTED, "rules"): _("by the routing rules"),
    (Event.ASSIGNED, "release"): _("on release from quarantine"),
    (Event.ALERT_ESCALATED, "not_acknowledged"): _("nobody acknowledged it in time"),
    (Event.SMS_OPTED_OUT, "stop_keyword"): _("they replied STOP"),
    (Event.FOLLOW_UP_ADDED, "resubmitted"): _("the form was sent again with edited words"),
    (Event.NOTE_STARTED, "amendment"): _("an amendment"),
}
MESSAGE_TROUBLE = (
    Event.MESSAGE_RETRY,
    Event.MESSAGE_DEFERRED,
    Event.MESSAGE_FAILED,
    Event.MESSAGE_SKIPPED,
)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else ""


def _when(value: str, zone: tzinfo) -> str:
    moment = dateparse.parse_datetime(value or "")
    if moment is None:
        return ""
    return formats.date_format(moment.astimezone(zone), "D j M, H:i")


def event_words(event: InquiryEvent, *, messages: dict, people: dict, zone: tzinfo) -> str:
    """What an event adds to its name on the timeline ("New → Not now · Wants time to think").

    ``messages`` and ``people`` are the inquiry's messages and the staff named by id in its
    events; ``zone`` the queue's. A code no words are known for is left out, never shown.
    """
    kind, reason, data = event.kind, event.reason, event.data or {}
    message = messages.get(data.get("message"))
    what = str(message.get_kind_display()) if message else _label(OutboundMessage.Kind, reason)
    words: list[str] = []
    if kind == Event.SUBMITTED:
        level = _label(Priority, reason)
        words.append(gettext("risk level: %(level)s") % {"level": level} if level else "")
        words.append(str(OTHER_REASONS.get((kind, reason), "")))
    elif kind == Event.STATUS_CHANGED:
        moved = [_label(Inquiry.Status, event.from_state), _label(Inquiry.Status, event.to_state)]
        words.append(" → ".join(m for m in moved if m))
        why = _label(Inquiry.CloseReason, reason) or _label(Inquiry.NotNowReason, reason)
        words.append(why or str(STATUS_REASONS.get(reason, "")))
        if data.get("check_in_on"):
            day = dateparse.parse_date(data["check_in_on"])
            if day:
                on = formats.date_format(day, "D j M Y")
                words.append(gettext("gentle check-in on %(day)s") % {"day": on})
    elif kind == Event.PRIORITY_CHANGED:
        moved = [_label(Priority, event.from_state), _label(Priority, event.to_state)]
        words.append(" → ".join(m for m in moved if m))
        words.append(risk_concept_words(reason))
    elif kind == Event.ROUTED:
        words.append(str(OTHER_REASONS.get((kind, reason), "")))
        if data.get("assigned_to") in people:
            name = staff_name(people[data["assigned_to"]])
            words.append(gettext("assigned to %(name)s") % {"name": name})
    elif kind in (Event.ASSIGNED, Event.UNASSIGNED):
        assigned = kind == Event.ASSIGNED
        who = people.get(_id(event.to_state if assigned else event.from_state))
        if who is not None:
            template = gettext("to %(name)s") if assigned else gettext("from %(name)s")
            words.append(template % {"name": staff_name(who)})
        # An unassignment's reason is what the coordinator typed; an assignment's is a code.
        if assigned:
            words.append(str(OTHER_REASONS.get((kind, reason), "")))
        elif reason:
            words.append(gettext("why: %(reason)s") % {"reason": reason})
    elif kind in (Event.MESSAGE_QUEUED, Event.MESSAGE_SENT, Event.MESSAGE_RETRY_NOW):
        words.append(what)
        channel = _label(OutboundMessage.Channel, data.get("channel", ""))
        words.append(gettext("by %(channel)s") % {"channel": channel.lower()} if channel else "")
    elif kind in MESSAGE_TROUBLE:
        words += [what, str(MESSAGE_REASONS.get(reason, ""))]
    elif kind == Event.REPLY_QUEUED:
        channel = _label(OutboundMessage.Channel, reason)
        words.append(gettext("by %(channel)s") % {"channel": channel.lower()} if channel else "")
    elif kind == Event.CONTACT_ATTEMPT:
        words.append(_label(ContactAttempt.Channel, data.get("channel", "")))
        words.append(_label(ContactAttempt.Outcome, reason))
    elif kind == Event.SNOOZED:
        until = _when(data.get("until", ""), zone)
        words.append(gettext("until %(when)s") % {"when": until} if until else "")
    elif kind == Event.REASSESSMENT_SCHEDULED:
        words.append(_when(data.get("at", ""), zone))
        words.append(_label(Inquiry.CareFormat, reason))
    elif kind == Event.HELD:
        words.append(_label(HeldReason, reason))
    elif kind in (Event.MESSAGE_RECEIVED, Event.AUTO_REPLY_RECEIVED):
        channel = _label(InboundMessage.Channel, reason)
        if reason == InboundMessage.Channel.FORM:
            words.append(gettext("through the form"))
        elif channel:
            words.append(gettext("by %(channel)s") % {"channel": channel.lower()})
    elif kind == Event.PREFERENCES_CHANGED:
        names = {f.attname: str(f.verbose_name) for f in Inquiry._meta.concrete_fields}
        words.append(", ".join(names[f] for f in data.get("fields", []) if f in names))
    elif kind == Event.WROTE_AGAIN:
        level = _label(Priority, reason)
        words.append(gettext("risk level: %(level)s") % {"level": level} if level else "")
    elif kind in (Event.NOTE_READY, Event.NOTE_SIGNED):
        pass  # the name says it all (the states are the note's)
    else:
        words.append(str(OTHER_REASONS.get((kind, reason), "")))
    return " · ".join(w for w in words if w)


def _id(value: str) -> int | None:
    return int(value) if value and value.isdigit() else None


def note_start_words(note: ReassessmentNote) -> str:
    """A plan's scheduling facts, for everyone who books the return (never clinical):
    "Starts Tue 10 Mar · Tuesday evening group · Downtown"; "" when none is set."""
    place = note.start_site.local_name() if note.start_site else ""
    if not (note.start_on or note.group or place):
        return ""
    if note.start_on:
        # The year only when it is not this one: "Tue 10 Mar", "Tue 2 Mar 2027".
        shape = "D j M" if note.start_on.year == timezone.localdate().year else "D j M Y"
        first = gettext("Starts %(day)s") % {"day": formats.date_format(note.start_on, shape)}
    else:
        first = gettext("No start date yet")
    return " · ".join(part for part in (first, note.group, place) if part)
