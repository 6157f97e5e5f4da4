"""Words the staff pages show: contact flags, risk concepts, and warnings before a reply."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from .. import screening, services, tone
from ..models import Inquiry, OutboundMessage

# What set an inquiry's risk level, in words for staff (the timeline keeps the code only).
RISK_CONCEPTS = {
    "self_report_not_safe": _("They answered “I'm not safe right now”."),
    "self_report_someone_else": _("They are writing for someone who may not be safe."),
    "crisis_language": _("Their message has crisis language."),
    "struggling_with_risk_words": _(
        "They answered “I'm struggling, but safe”, and their message has words near crisis."
    ),
    "staff": _("Set by a staff member."),
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
}


def risk_concept_words(code: str) -> str:
    """What set the risk level, for the risk card; "" for an unknown code."""
    if code in RISK_CONCEPTS:
        return str(RISK_CONCEPTS[code])
    if code in RISK_IDEAS:
        return str(_("Their message tells of %(idea)s.") % {"idea": RISK_IDEAS[code]})
    idea = code.removesuffix("_loose")
    if idea != code and idea in RISK_IDEAS:
        return str(
            _("Their message comes close to telling of %(idea)s (read it to be sure).")
            % {"idea": RISK_IDEAS[idea]}
        )
    cue = code.removeprefix("cue_")
    if cue != code and cue in RISK_IDEAS:
        return str(
            _("Their message mentions %(idea)s; nothing else in it says it is urgent.")
            % {"idea": RISK_IDEAS[cue]}
        )
    return ""


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
