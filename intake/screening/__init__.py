"""Pure screening of an inquiry's message: crisis language and spam signals.

Crisis detection looks for phrases, not single words, in English, Spanish and Brazilian
Portuguese: "I want to kill myself" is a crisis, "the schedule was killing me" is not. Spam
is a score built from several independent signals (links, markup, sales vocabulary, the
honeypot, a too-fast post); no single everyday word can quarantine a message. Crisis
language always wins over every spam signal.

Policy decisions, kept here so they are reviewed with the code:

* Negation: an explicit denial of the present state ("I'm not suicidal, just tired", "no
  estoy pensando en hacerme daño", "não sou suicida") is masked, so it alone does not make a
  message urgent. Any other crisis phrase in the same message still does. "I don't want to
  hurt myself" is *not* masked: it says the thought is there.
* History: a past suicide attempt or self-harm named in the first person ("I tried to kill
  myself last year") stays urgent; a past overdose told as history ("I overdosed in the
  spring and ended up in hospital") is not crisis language by itself. Someone else's
  suicide ("my brother died by suicide") is not.
* Honeypot and a too-fast post are each one signal below the threshold: a password
  manager can fill a hidden field, and a pasted message can be quick. Together, or with
  any other signal, they quarantine.
* A message that asks to come back, tells the writer's own recovery story or asks for help
  gets a credit against its word and link signals: spam never does that.

Limits: these are phrase lists, a safety net and not a classifier. They find the phrasings
they list and close variants (case, accents, apostrophes, hyphens, spelled-out letters,
"kiero" for "quiero"); a new way of saying the same thing can slip through. That is why every
page shows crisis help and every inquiry is read by a person. When a message is missed, add
it to ``tests/data/screening/dev_*.jsonl`` and the phrase here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import _CRISIS, _NEGATIONS, has_crisis_language, has_risk_words
from .spam import (
    _PERSONAL_CONTEXT,
    _SPAM_RULES,
    HONEYPOT_WEIGHT,
    SPAM_THRESHOLD,
    TOO_FAST_WEIGHT,
    spam_score,
)
from .text import MAX_SCREENED_CHARS, _plain, _rule, normalise

__all__ = [
    "HONEYPOT_WEIGHT",
    "MAX_SCREENED_CHARS",
    "SAFETY_CONCERN",
    "SAFETY_URGENT",
    "SPAM_THRESHOLD",
    "TOO_FAST_WEIGHT",
    "_CRISIS",
    "_NEGATIONS",
    "_PERSONAL_CONTEXT",
    "_SPAM_RULES",
    "Level",
    "Screening",
    "_plain",
    "_rule",
    "has_crisis_language",
    "has_risk_signal",
    "has_risk_words",
    "normalise",
    "risk_level",
    "screen",
    "spam_score",
]


class Level:
    """Risk levels screening can set; the same values as ``intake.models.Priority``."""

    ROUTINE = "routine"
    REVIEW = "review"
    URGENT = "urgent"


# The person's own answer to "Are you safe right now?" (``intake.models.Safety`` values).
# Either danger answer makes the inquiry urgent whatever the message says.
SAFETY_URGENT = {"not_safe": "self_report_not_safe", "someone_else": "self_report_someone_else"}
# Answers that say something is wrong: the form's bot signals never quarantine these.
SAFETY_CONCERN = frozenset({"struggling", *SAFETY_URGENT})


@dataclass(frozen=True)
class Screening:
    """The outcome of screening one message.

    ``level`` is a ``Level`` value and ``concept`` the code of what set it (for the timeline:
    a name such as ``self_report_not_safe`` or ``crisis_language``, never the text).
    """

    crisis: bool
    spam_score: int
    quarantine: bool
    level: str = Level.ROUTINE
    concept: str = ""


def risk_level(text: str, *, safety: str = "", crisis: bool | None = None) -> tuple[str, str]:
    """(level, concept) for a message and the person's own safety answer.

    The answer is asked, not guessed, so it comes first: "not safe" or "writing for someone
    who may not be safe" is urgent whatever the text says. Crisis language is urgent. "I'm
    struggling" with a word near crisis is possible risk, to be reviewed the same day.
    """
    if safety in SAFETY_URGENT:
        return Level.URGENT, SAFETY_URGENT[safety]
    if crisis if crisis is not None else has_crisis_language(text):
        return Level.URGENT, "crisis_language"
    if safety == "struggling" and has_risk_words(text):
        return Level.REVIEW, "struggling_with_risk_words"
    return Level.ROUTINE, ""


def has_risk_signal(text: str, *, safety: str = "") -> bool:
    """True when no limit may refuse this post: a danger answer or a review/urgent level."""
    return safety in SAFETY_CONCERN or risk_level(text, safety=safety)[0] != Level.ROUTINE


def screen(
    text: str, *, safety: str = "", honeypot_filled: bool = False, too_fast: bool = False
) -> Screening:
    """Risk level and spam score for one message; urgent and review are never quarantined.

    The form's bot signals (a filled honeypot, a too-fast post) are not counted when the
    person answered that something is wrong or the message carries a risk signal: a password
    manager or a quick paste must never hide someone who may be in danger.
    """
    crisis = has_crisis_language(text)
    level, concept = risk_level(text, safety=safety, crisis=crisis)
    concern = level != Level.ROUTINE or safety in SAFETY_CONCERN
    content = spam_score(text)
    form_signals = (HONEYPOT_WEIGHT if honeypot_filled else 0) + (
        TOO_FAST_WEIGHT if too_fast else 0
    )
    # The whole score is kept, so a coordinator can see why a form looked odd.
    score = content + form_signals
    return Screening(
        crisis=crisis,
        spam_score=score,
        quarantine=level == Level.ROUTINE and (content if concern else score) >= SPAM_THRESHOLD,
        level=level,
        concept=concept,
    )
