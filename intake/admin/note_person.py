"""What a person told us on the public form, in words, for the reassessment note's page.

The page shows their answers beside the note (``person_facts``) and a new note's
preferences start from them (``told_us``): labels in the staff member's language, never a
stored code.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..forms import AWAY_REASONS
from ..models import Inquiry

AWAY_REASON_LABELS = dict(AWAY_REASONS)
# The public form's answers, as a note's preferences say them ("Told us: virtual; ...").
TOLD_US_FORMAT = {
    Inquiry.CareFormat.IN_PERSON: _("in person"),
    Inquiry.CareFormat.VIRTUAL: _("virtual"),
    Inquiry.CareFormat.HYBRID: _("a mix of in person and virtual"),
}
TOLD_US_PACE = {
    Inquiry.Pace.ONE_SESSION: _("one session to start"),
    Inquiry.Pace.TWO_THREE_DAYS: _("2–3 days a week"),
    Inquiry.Pace.MORE: _("more than 3 days a week"),
}
TOLD_US_ONE_ON_ONE = {True: _("one-on-one first"), False: _("would rather not start one-on-one")}
TOLD_US_GROUP = {
    True: _("open to a different group or therapist"),
    False: _("would rather keep their group or therapist"),
}
TOLD_US_TIME = {
    Inquiry.BestTime.MORNING: _("best reached in the mornings"),
    Inquiry.BestTime.AFTERNOON: _("best reached in the afternoons"),
    Inquiry.BestTime.EVENING: _("best reached after 5 pm"),
}


def told_us(inquiry: Inquiry) -> str:
    """The preferences the person gave on the form, as one line a note starts from ("")."""
    parts = [
        TOLD_US_FORMAT.get(inquiry.care_format),
        TOLD_US_PACE.get(inquiry.pace),
        TOLD_US_ONE_ON_ONE.get(inquiry.one_on_one_first),
        TOLD_US_GROUP.get(inquiry.open_to_new_group),
        TOLD_US_TIME.get(inquiry.best_time),
    ]
    said = "; ".join(str(part) for part in parts if part)
    return str(_("Told us: %(preferences)s") % {"preferences": said}) if said else ""


def away_reason_words(inquiry: Inquiry) -> list[str]:
    """What took them away, in words (a code no longer offered is left out, never shown)."""
    reasons = inquiry.away_reasons or []
    return [str(AWAY_REASON_LABELS[code]) for code in reasons if code in AWAY_REASON_LABELS]


def person_facts(inquiry: Inquiry) -> list[tuple[str, str]]:
    """The person's answers to the optional questions, each (label, value) in words."""
    yes_no = {True: _("yes"), False: _("no")}
    away = away_reason_words(inquiry)
    facts = [
        (_("How they'd like to meet"), inquiry.get_care_format_display()),
        (_("Pace to start"), inquiry.get_pace_display()),
        (_("One-on-one first"), yes_no.get(inquiry.one_on_one_first, "")),
        (_("Open to a different group or therapist"), yes_no.get(inquiry.open_to_new_group, "")),
        (_("Best time to reach them"), inquiry.get_best_time_display()),
        (_("Location"), inquiry.site.local_name() if inquiry.site else ""),
        (_("Last with us"), inquiry.get_last_attended_display()),
        (_("What took them away"), ", ".join(away)),
    ]
    return [(str(label), str(value)) for label, value in facts if value]
