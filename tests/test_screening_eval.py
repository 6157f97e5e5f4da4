"""Screening judged on the evaluation set it was not tuned on, against its stated targets.

``tests/data/screening/eval_*.jsonl`` was written before the rules it judges, by authors who
read neither the rules nor the development sets. A failure reports rates and counts only, never
the messages: reading a held-out message to mend a rule would make the set a development set
(write a fresh one instead, and move this one to ``seen_*``).

Targets not reached yet are marked ``xfail(strict=True)`` with the rate measured (``NOT_REACHED``):
they are still run, and the day one is met the mark must go (a strict xfail that passes fails).

The set here today is the sixth (written 2026-12-02 by three authors, one per language, who
read neither the rules, any set nor the learned layer's data, crisis rows labelled with their
idea by their author). It was installed before this round's rules were finished and measured
once, with the rules and the learned layer as committed: ``NOT_REACHED`` holds those counts.
The sets before it are in ``seen_*`` and in the learned layer's training data. When this set
has been used to tune anything, write a fresh one and move this one to ``seen_*`` the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from intake.screening import Level, Screening, screen

DATA = Path(__file__).parent / "data" / "screening"
LANGUAGES = ("en", "es", "pt")


def screened(name: str) -> list[tuple[dict, Screening]]:
    lines = (DATA / f"eval_{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [(row, screen(row["text"])) for row in rows]


SETS = {name: screened(name) for name in (*LANGUAGES, "other")}
POOLED = [pair for language in LANGUAGES for pair in SETS[language]]


def share(pairs, label: str, hit: Callable[[Screening], bool]) -> tuple[Fraction, str]:
    chosen = [s for row, s in pairs if row["label"] == label]
    assert chosen, label
    hits = sum(1 for s in chosen if hit(s))
    return Fraction(hits, len(chosen)), f"{hits}/{len(chosen)} {label}"


def flagged(s: Screening) -> bool:
    return s.level in (Level.URGENT, Level.REVIEW)


def urgent(s: Screening) -> bool:
    return s.level == Level.URGENT


NOT_YET = "target not reached on this set yet"
# (test, language or "pooled") -> "hits/total" measured, for each target not reached yet.
# 2026-12-02, the sixth set, measured once, after the told-not-happening hold and the
# stronger spam signal. Every target met (the rules alone, then rules + learned): flagged en
# 40 -> 44/45, es 35 -> 44/45, pt 39 -> 45/45; urgent en 34 -> 41/45, es 32 -> 43/45, pt
# 28 -> 39/45; ordinary urgent 1 -> 1/135, review 1 -> 2/135 (en 1, es 1, pt 0), quarantined
# 0; past/negated/idiom urgent 4 -> 1/66; other-language 0/12 flagged or quarantined; spam
# 58 -> 64/66. Nothing is listed: every test below must pass.
NOT_REACHED: dict[tuple[str, str], str] = {}


def not_reached(test: str, where: str = "pooled") -> pytest.MarkDecorator:
    """A strict xfail while ``NOT_REACHED`` lists the target; otherwise the test must pass."""
    measured = NOT_REACHED.get((test, where), "")
    return pytest.mark.xfail(measured != "", strict=True, reason=f"{NOT_YET}: {measured}")


def by_language(test: str) -> list:
    return [pytest.param(language, marks=not_reached(test, language)) for language in LANGUAGES]


@pytest.mark.parametrize("language", by_language("flagged"))
def test_crisis_messages_are_flagged_urgent_or_review(language: str) -> None:
    rate, counts = share(SETS[language], "crisis", flagged)
    assert rate >= Fraction(95, 100), f"flagged urgent or review: {counts}"


@pytest.mark.parametrize("language", by_language("urgent"))
def test_most_crisis_messages_are_urgent(language: str) -> None:
    rate, counts = share(SETS[language], "crisis", urgent)
    assert rate >= Fraction(80, 100), f"urgent: {counts}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_crisis_message_is_quarantined(language: str) -> None:
    rate, counts = share(SETS[language], "crisis", lambda s: s.quarantine)
    assert rate == 0, f"quarantined: {counts}"


def test_ordinary_messages_are_left_alone() -> None:
    rate, counts = share(POOLED, "legit", lambda s: s.quarantine)
    assert rate == 0, f"quarantined: {counts}"
    rate, counts = share(POOLED, "legit", urgent)
    assert rate <= Fraction(2, 100), f"urgent: {counts}"
    rate, counts = share(POOLED, "legit", lambda s: s.level == Level.REVIEW)
    assert rate <= Fraction(10, 100), f"review: {counts}"


@pytest.mark.parametrize("language", by_language("ordinary_review"))
def test_ordinary_messages_are_rarely_flagged_for_review_today(language: str) -> None:
    # The learned layer's threshold was chosen to keep this within 5 % in each language.
    rate, counts = share(SETS[language], "legit", lambda s: s.level == Level.REVIEW)
    assert rate <= Fraction(5, 100), f"review: {counts}"


@not_reached("tricky")
def test_past_negated_and_idiomatic_messages_are_rarely_urgent() -> None:
    rate, counts = share(POOLED, "tricky", urgent)
    assert rate <= Fraction(10, 100), f"urgent: {counts}"


def test_ordinary_messages_in_other_languages_are_never_quarantined() -> None:
    rate, counts = share(SETS["other"], "legit", lambda s: s.quarantine)
    assert rate == 0, f"quarantined: {counts}"


def test_ordinary_messages_in_other_languages_are_never_flagged() -> None:
    rate, counts = share(SETS["other"], "legit", flagged)
    assert rate == 0, f"flagged: {counts}"


@not_reached("spam")
def test_spam_is_quarantined() -> None:
    rate, counts = share(POOLED, "spam", lambda s: s.quarantine)
    assert rate >= Fraction(95, 100), f"quarantined: {counts}"
