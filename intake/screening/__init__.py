"""Pure screening of an inquiry's message: its risk level and its spam signals.

Four layers, in English, Spanish and Brazilian Portuguese, always all three (people mix):

* ``phrases``: the confident, listed crisis phrasings (urgent).
* ``concepts``: ideas of danger matched the way people write (stems and conjugations, extra
  words inside a phrase, no punctuation, one typo in a key word): a tight match of an urgent
  idea is urgent; a loose match, a history or a review idea (a burden, hopelessness, a past
  attempt, worry about someone) is "possible risk — review today". See ``CONCEPTS.md``.
* ``spam``: a score of independent signals; no single everyday word quarantines a message.
* ``learned``: a second reader. Small naive Bayes models trained on every labelled set
  (``scripts/screening_train.py``) read words, word pairs and letter pieces. When a message
  the rules leave routine reads like the crisis messages they learned from, it is raised to
  "possible risk — review today" (concept ``learned``). When a message read for review (a
  loose match, one cue, or that first look) also reads, to a stricter model, like the
  messages of danger now, two readers agree and it is urgent (``confirmed_…``). When the
  rules read a message as urgent but it holds a denial, a history or an idiom they did not
  place, and a fourth model reads it as told, not happening, it is held at review
  (``held_…``; ``held_at_review``). Alone, a loose match or a model never makes a message
  urgent, nothing lowers the person's own answer, and nothing lowers a reading below a
  same-day review. The spam model adds one spam signal (``spam.LEARNED_SPAM_WEIGHT``, or
  ``LEARNED_SPAM_SURE_WEIGHT``), never enough alone. See ``learned.py`` for what they can
  and cannot do; their cross-validated figures are in ``docs/safety.md``.

Policy decisions, kept here so they are reviewed with the code:

* The person's own answer to "Are you safe right now?" comes first.
* Any risk level beats every spam signal: urgent and review are never quarantined, a
  review raised by the learned layer included (a person in danger who pastes a link must
  not be hidden; a spam message it raises is read by a person, at the cost of a minute).
* Negation: an explicit denial of the present state (the tables' negations and idioms
  decide for the listed phrases too) ("I'm not suicidal, just tired", "no
  estoy pensando en hacerme daño", "não sou suicida") does not count. "I don't want to hurt
  myself but I'm scared I will" still does.
* History: an attempt told as past ("I tried to kill myself two years ago") is a past
  attempt, reviewed the same day; back to now ("...and I want to do it again") it is urgent.
  Someone else's suicide told as history ("my brother died by suicide") is neither.
* Honeypot and a too-fast post are each one signal below the threshold, and never count
  against someone who answered that something is wrong or whose message has a risk level.
* A message that asks to come back, tells the writer's own recovery story or asks for help
  gets a credit against its word and link signals: spam never does that. Another script
  alone is one signal below the threshold: a person writing in Russian or Chinese is never
  quarantined for it.

* The rules' reading of history, of a denial and of laughter stands: the learned layer never
  raises a message the rules read as denied or an idiom, nor confirms one they read as a
  past attempt or a laughed-off exaggeration. Where the rules' negation or history marker
  did not reach an idea they read as urgent, the layer may hold it at review; it never
  takes it further down.

Limits: the rules are lists of ways people say things, a safety net and not a classifier;
the learned layer reads resemblance, not meaning, and makes a message urgent only where the
rules already read something of danger. That
is why the person is asked, why every page shows crisis help and why every inquiry is read
by a person. Screening is judged on evaluation sets it was never tuned on
(``tests/data/screening/eval_*.jsonl``, ``make screening-eval``); a message it gets wrong in
use belongs in ``dev_*.jsonl`` and its idea in a concept table (then retrain the learned
layer). The learned layer never trains on ``eval_*``: the set measures the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import concepts, learned
from .laughter import laughing
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
    "held_at_review",
    "may_be_confirmed",
    "normalise",
    "risk_level",
    "screen",
    "second_look",
    "second_reader_confirms",
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
    who may not be safe" is urgent whatever the text says. Then the concept tables (a tight
    match of an urgent concept is urgent; a loose match, a past one or a review concept is
    review) and the listed crisis phrases (urgent, or review when told as history). "I'm
    struggling" with a word near crisis is review too.
    """
    if safety in SAFETY_URGENT:
        return Level.URGENT, SAFETY_URGENT[safety]
    level, concept = concepts.assess(text)
    if level == Level.URGENT:
        return level, concept
    if crisis if crisis is not None else has_crisis_language(text):
        if concepts.denied(text):
            # "no tengo ideas de suicidio", "my boss will kill me": the tables read the
            # phrase as denied or an idiom; what else they found (a loose match) stands.
            return (level, concept) if level == Level.REVIEW else (Level.ROUTINE, "")
        # A listed crisis phrase told as history ("i tried to kill myself two years ago")
        # is a past attempt: seen the same day, not a page at night.
        if concept == "past_attempt" or (not concept and concepts.told_as_past(text)):
            return Level.REVIEW, "past_attempt"
        # "reprobé y me quiero morir jajaja": an exaggeration, but still read the same day.
        if laughing(concepts.words(text)):
            return Level.REVIEW, "crisis_language"
        return Level.URGENT, "crisis_language"
    if safety == "struggling" and has_risk_words(text):
        return Level.REVIEW, "struggling_with_risk_words"
    if level == Level.REVIEW:
        return level, concept
    return Level.ROUTINE, ""


def second_look(text: str) -> bool:
    """True when the learned layer asks for a same-day read of a message the rules leave
    routine. It defers to the rules where they found an idea of danger and read it as
    denied or an idiom ("im not trying to hurt myself", "this commute is killing me"): the
    layer is for what no table foresaw, not a second opinion on what one did."""
    return learned.raises_to_review(text) and not concepts.denied(text)


# Reviews the danger-now model may not confirm: the rules read a story told as past or a
# laughed-off exaggeration there ("crisis_language" at review is only ever set for laughter).
_UNCONFIRMABLE = frozenset({"past_attempt", "crisis_language"})


def may_be_confirmed(text: str, concept: str) -> bool:
    """True when a review ``concept`` set may be made urgent by the danger-now model: the
    rules found no history, denial or laughter there, and something of danger in its words
    (a loose match or a cue, which set the review; after the crisis model's review, a word
    near crisis or any idea of danger the tables find). A short message the model is sure
    of for its tone alone ("i dont really know what to say") is not enough."""
    if concept in _UNCONFIRMABLE or concepts.denied(text):
        return False
    if concept == learned.CONCEPT:
        return has_risk_words(text) or concepts.mentions_danger(text)
    return True


def second_reader_confirms(text: str, concept: str) -> bool:
    """True when a message read for review (``concept`` set it) is urgent all the same: the
    danger-now model reads it as danger now, and the rules allow it (``may_be_confirmed``).
    The model alone never sets a level; it agrees with what was read."""
    return learned.reads_as_danger_now(text) and may_be_confirmed(text, concept)


def held_at_review(text: str, concept: str) -> bool:
    """True when an urgent reading of the rules (``concept`` set it) is held at review: the
    message also holds a denial, a history or an idiom the tables did not place
    (``concepts.tells_otherwise``), every stretch of it reads like the past, negated and
    idiom messages rather than the crisis messages of danger now (``learned.reads_as_told``),
    and the danger-now model does not read danger now. The person's own answer is never
    held, and a held message is still read the same day: two readers agree it is told, not
    happening, and neither alone lowers anything."""
    return (
        concept not in SAFETY_URGENT.values()
        and learned.reads_as_told(text)
        and not learned.reads_as_danger_now(text)
        # Last: it reads the message through the tables again.
        and concepts.tells_otherwise(text)
    )


def has_risk_signal(text: str, *, safety: str = "") -> bool:
    """True when no limit may refuse this post: a danger answer or a review/urgent level
    (the learned layer's review included, as ``screen`` sets it)."""
    return (
        safety in SAFETY_CONCERN
        or risk_level(text, safety=safety)[0] != Level.ROUTINE
        or second_look(text)
    )


def screen(
    text: str,
    *,
    safety: str = "",
    honeypot_filled: bool = False,
    too_fast: bool = False,
    learned_layer: bool = True,
) -> Screening:
    """Risk level and spam score for one message; urgent and review are never quarantined.

    The form's bot signals (a filled honeypot, a too-fast post) are not counted when the
    person answered that something is wrong or the message carries a risk signal: a password
    manager or a quick paste must never hide someone who may be in danger.

    A message the rules leave routine gets the learned layer's second look (``learned``),
    which can only raise it to review; a message at review, from the rules or that look, is
    urgent when the danger-now model confirms it (``second_reader_confirms``); the learned
    spam model is one signal in the score.
    ``learned_layer=False`` gives the rules alone, for measuring what the layer adds
    (``scripts/screening_train.py``).
    """
    crisis = has_crisis_language(text)
    level, concept = risk_level(text, safety=safety, crisis=crisis)
    if level == Level.ROUTINE and learned_layer and second_look(text):
        level, concept = Level.REVIEW, learned.CONCEPT
    if level == Level.REVIEW and learned_layer and second_reader_confirms(text, concept):
        level, concept = Level.URGENT, learned.CONFIRMED + concept
    elif level == Level.URGENT and learned_layer and held_at_review(text, concept):
        level, concept = Level.REVIEW, learned.HELD + concept
    concern = level != Level.ROUTINE or safety in SAFETY_CONCERN
    content = spam_score(text, learned_spam=None if learned_layer else False)
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
