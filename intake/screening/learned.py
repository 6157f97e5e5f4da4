"""The learned layer: a second reader for what the rules leave routine or only half read.

The rules (``phrases``, ``concepts``) find the ways of saying danger their tables foresee;
each fresh set of messages shows phrasings they do not. Four small naive Bayes models read
a message's words, word pairs and 3–5 letter pieces (lower case, accents folded); they are
trained on every labelled message in ``tests/data/screening`` by
``scripts/screening_train.py``, which writes ``learned_model.json``.

* **Crisis** (crisis messages against ordinary, past/negated/idiom and spam ones).
  ``screen()`` asks it only when the rules leave a message routine, and not when they found
  an idea of danger there and read it as denied or an idiom (``screening.second_look``); a
  yes makes the message "possible risk — review today" (concept ``learned``). It never
  lowers what the rules set.
* **Danger now** (the crisis messages to act on within the hour against everything else,
  a burden or hopelessness told alone among the rest). ``screen()`` asks it only of a
  message already read for review, by the rules' loose match or one cue, or by the crisis
  model, and never where the rules read history, a denial or laughter
  (``screening.second_reader_confirms``). When it is sure as well, two readers agree and
  the message is urgent (concept ``confirmed_`` + what set the review). Its threshold is
  stricter than the crisis model's and was chosen so that, in cross-validation, it almost
  never picks an ordinary message; alone it never sets any level.
* **Told, not happening** (the past, negated and idiom messages against the crisis messages
  of danger now, nothing else: the same heavy words on both sides, so what it weighs is
  what tells them apart). ``screen()`` asks it only of a message the rules read as urgent
  that holds a denial, a history or an idiom somewhere (``concepts.tells_otherwise``), and
  the danger-now model does not read as danger now. When every stretch of the message reads
  as told, it is held at review (concept ``held_`` + what the rules read); the person's own
  answer is never held (``screening.held_at_review``).
* **Spam** (spam against everything else): one signal in the spam score,
  ``spam.LEARNED_SPAM_WEIGHT`` points, or ``spam.LEARNED_SPAM_SURE_WEIGHT`` above a stricter
  threshold at which, in cross-validation, no person's message would be quarantined (and
  only when nobody in the message speaks of themselves). Either is below the threshold
  alone, and the credit a message gets for asking to come back takes most of it back.

A long message is read in stretches of ``WINDOW`` words, so one sentence of danger inside a
long letter is not drowned out. The thresholds were chosen by cross-validation (the
figures are in ``docs/safety.md``). What the models read is resemblance to the training
messages, not meaning: they cannot tell a denial or a story about the past the way the
rules do (so they defer to the rules there), they know English, Spanish and Portuguese only
as those sets write them (another script gives them no opinion at all), and they are as
good as those sets are. Pure: no Django, no dependency; the model is data.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from .text import MAX_SCREENED_CHARS, _plain

MODEL_PATH = Path(__file__).with_name("learned_model.json")
CONCEPT = "learned"
# Prefixed to what set a review when the danger-now model confirms it: "confirmed_plan_loose".
CONFIRMED = "confirmed_"
# Prefixed to what set an urgent reading when it is held at review: "held_intent".
HELD = "held_"
# Letter pieces of these lengths, taken across the words with a space between them, so
# " no " and "s no" (a negation and its neighbour) are pieces too.
PIECE_LENGTHS = (3, 4, 5)
# Stretches a longer message is read in (see ``windows``). Four training messages in five
# are this short (half are 18 words or fewer). 20 to 30 words did about equally well in
# cross-validation; at 24 a danger sentence put inside a long ordinary letter still scores
# well above the threshold (tested).
WINDOW = 24
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=64)
def words(text: str) -> tuple[str, ...]:
    """The message's words as the models read them: lower case, accents folded."""
    return tuple(_WORD.findall(_plain(text[:MAX_SCREENED_CHARS])))


@lru_cache(maxsize=64)
def terms(text: str) -> frozenset[str]:
    """What the models read in a whole message: words, word pairs and letter pieces."""
    return terms_of(words(text))


def terms_of(found: tuple[str, ...]) -> frozenset[str]:
    """Words (`` word ``), word pairs (``first|second``) and pieces: any 3 to 5 characters of
    the words joined by single spaces, punctuation dropped. The three kinds never clash."""
    joined = " " + " ".join(found) + " "
    pieces = {joined[i : i + n] for n in PIECE_LENGTHS for i in range(len(joined) - n + 1)}
    pieces.update(f" {word} " for word in found)
    pieces.update(f"{first}|{second}" for first, second in pairwise(found))
    return frozenset(pieces)


@lru_cache(maxsize=64)
def stretches(text: str) -> tuple[frozenset[str], ...]:
    """What the models read in each stretch of the message (``windows``; a short message is
    one stretch), read once for all the models that ask."""
    found = words(text)
    if len(found) <= WINDOW:
        return (terms(text),)
    return tuple(terms_of(stretch) for stretch in windows(found))


def windows(found: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Overlapping stretches of ``WINDOW`` words, ``WINDOW // 2`` apart: any run of
    ``WINDOW // 2`` words lies wholly inside one of them."""
    step = WINDOW // 2
    starts = [*range(0, len(found) - WINDOW, step), len(found) - WINDOW]
    return [found[start : start + WINDOW] for start in starts]


@dataclass(frozen=True)
class Model:
    """Weights of the terms kept in training (others weigh nothing), a bias, a threshold.

    A text's score is the bias plus the sum of its terms' weights divided by the square
    root of how many terms it has, so a long text is not more likely for its length alone.
    It ranks messages; it is not a probability. Weights are whole numbers (``scale`` per
    unit) so the sum is exact in any order: the same text always gets the same score.
    """

    weights: dict[str, int]
    bias: int
    scale: int
    threshold: float
    # The spam model's second, stricter threshold (``spam_level``); no other model has one.
    sure: float = math.inf

    def score_terms(self, found: frozenset[str]) -> float:
        if not found:  # no word in a script it reads (Cyrillic, Chinese...): no opinion
            return -math.inf
        total = sum(map(self.weights.get, found, repeat(0)))
        return (self.bias + total / math.sqrt(len(found))) / self.scale

    def score(self, text: str) -> float:
        return self.score_terms(terms(text))

    def score_closely(self, text: str) -> float:
        """The highest score of the message's stretches; a short message is one stretch."""
        return max(map(self.score_terms, stretches(text)))

    def score_throughout(self, text: str) -> float:
        """The lowest score of the message's stretches: how far its least-matching stretch
        reads like the class (a denial in one sentence does not vouch for the next)."""
        return min(map(self.score_terms, stretches(text)))


def from_json(data: dict, kind: str = "crisis") -> Model:
    """One of the models ``scripts/screening_train.py`` writes (weights in the order of
    ``terms``, ``scale`` per unit)."""
    part = data[kind]
    return Model(
        weights={
            term: value for term, value in zip(data["terms"], part["weights"], strict=True) if value
        },
        bias=part["bias"],
        scale=data["scale"],
        threshold=part["threshold"],
        sure=part.get("sure", math.inf),
    )


@cache
def _models() -> tuple[Model, Model, Model, Model]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return tuple(from_json(data, kind) for kind in ("crisis", "urgent", "spam", "told"))  # type: ignore[return-value]


def crisis_score(text: str) -> float:
    """How much the message, or a stretch of it, reads like the crisis messages learned."""
    return _models()[0].score_closely(text)


def raises_to_review(text: str) -> bool:
    """True when a message the rules leave routine should be read today all the same."""
    model = _models()[0]
    return model.score_closely(text) >= model.threshold


def urgent_score(text: str) -> float:
    """How much the message, or a stretch of it, reads like the messages of danger now."""
    return _models()[1].score_closely(text)


def reads_as_danger_now(text: str) -> bool:
    """True when the danger-now model is sure; ``screen`` asks only of a reviewed message."""
    model = _models()[1]
    return model.score_closely(text) >= model.threshold


def spam_likeness(text: str) -> float:
    """How much the whole message reads like the spam learned."""
    return _models()[2].score(text)


# What the spam model says of a message: nothing, "reads as spam", "reads surely as spam".
NOT_SPAM, SPAM, SURELY_SPAM = 0, 1, 2


def spam_level(text: str) -> int:
    """``SURELY_SPAM`` at or above the stricter threshold (the lowest at which, in
    cross-validation, no person's message would be quarantined), ``SPAM`` at or above the
    threshold, ``NOT_SPAM`` below it."""
    model, score = _models()[2], spam_likeness(text)
    return SURELY_SPAM if score >= model.sure else SPAM if score >= model.threshold else NOT_SPAM


def told_score(text: str) -> float:
    """How much every stretch of the message reads like a danger told as past, denied or
    meant as a figure of speech, rather than the crisis messages of danger now."""
    return _models()[3].score_throughout(text)


def reads_as_told(text: str) -> bool:
    """True when the told-not-happening model is sure; ``screen`` asks only of a message the
    rules read as urgent and found a denial, a history or an idiom in."""
    model = _models()[3]
    return model.score_throughout(text) >= model.threshold
