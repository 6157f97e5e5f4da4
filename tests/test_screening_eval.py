"""Screening judged on the evaluation set it was not tuned on, against its stated targets.

``tests/data/screening/eval_*.jsonl`` was written before the rules it judges, by authors who
read neither the rules nor the development sets. A failure reports rates and counts only, never
the messages: reading a held-out message to mend a rule would make the set a development set
(write a fresh one instead, and move this one to ``seen_*``).

Targets not reached yet are marked ``xfail(strict=True)`` with the rate measured: they are
still run, and the day one is met the mark must go (a strict xfail that passes fails).
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


@pytest.mark.parametrize(
    "language",
    [
        pytest.param("en", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 42/45")),
        pytest.param("es", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 39/45")),
        pytest.param("pt", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 42/45")),
    ],
)
def test_crisis_messages_are_flagged_urgent_or_review(language: str) -> None:
    rate, counts = share(SETS[language], "crisis", flagged)
    assert rate >= Fraction(95, 100), f"flagged urgent or review: {counts}"


@pytest.mark.parametrize(
    "language",
    [
        pytest.param("en", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 32/45")),
        pytest.param("es", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 34/45")),
        pytest.param("pt", marks=pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 31/45")),
    ],
)
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


def test_past_negated_and_idiomatic_messages_are_rarely_urgent() -> None:
    rate, counts = share(POOLED, "tricky", urgent)
    assert rate <= Fraction(10, 100), f"urgent: {counts}"


def test_ordinary_messages_in_other_languages_are_never_quarantined() -> None:
    rate, counts = share(SETS["other"], "legit", lambda s: s.quarantine)
    assert rate == 0, f"quarantined: {counts}"


@pytest.mark.xfail(strict=True, reason=f"{NOT_YET}: 58/66")
def test_spam_is_quarantined() -> None:
    rate, counts = share(POOLED, "spam", lambda s: s.quarantine)
    assert rate >= Fraction(95, 100), f"quarantined: {counts}"
