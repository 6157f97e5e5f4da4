"""The evaluation set screening is judged on: big enough, labelled, and never seen in tuning.

``tests/data/screening/eval_*.jsonl`` was written, before the rules it judges, by authors who
read neither the rules nor the other sets; ``scripts/screening_eval.py`` reports screening's
rates on it. ``seen_*.jsonl`` holds the earlier evaluation sets (once the rules had been built
while looking at them they became development material, and a fresh set replaced them) and
development batches written the same way by authors who had not read the rules.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from intake.screening import normalise

DATA = Path(__file__).parent / "data" / "screening"
MINIMUM = {"crisis": 40, "legit": 40, "tricky": 20, "spam": 20}


def rows(name: str) -> list[dict]:
    lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


SETS = ("eval", "seen")


@pytest.mark.parametrize("prefix", SETS)
@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_each_language_has_enough_labelled_messages_of_each_kind(
    prefix: str, language: str
) -> None:
    found = rows(f"{prefix}_{language}")
    for label, least in MINIMUM.items():
        assert sum(1 for row in found if row["label"] == label) >= least, (language, label)
    assert {row["label"] for row in found} <= set(MINIMUM)
    # A failure names lines, never a message: an evaluation message read on a screen is seen.
    for line, row in enumerate(found, 1):
        assert row["text"].strip(), (language, line)
        # Crisis messages name their idea, so misses can be counted by concept; a tricky one
        # may name its kind (past, negated, idiom); the others name none.
        if row["label"] == "crisis":
            assert row.get("concept"), (prefix, language, line)
        elif row["label"] != "tricky":
            assert not row.get("concept"), (prefix, language, line)


@pytest.mark.parametrize("prefix", SETS)
@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_no_evaluation_message_is_in_a_set_the_rules_were_tuned_on(
    prefix: str, language: str
) -> None:
    seen = {normalise(row["text"]) for row in rows(f"dev_{language}")}
    if prefix == "eval":
        seen |= {normalise(row["text"]) for row in rows(f"seen_{language}")}
    evaluation = [normalise(row["text"]) for row in rows(f"{prefix}_{language}")]
    distinct, total = len(set(evaluation)), len(evaluation)
    assert distinct == total  # no duplicates inside either
    assert not [line for line, text in enumerate(evaluation, 1) if text in seen]


@pytest.mark.parametrize("prefix", SETS)
def test_other_languages_are_ordinary_messages(prefix: str) -> None:
    found = rows(f"{prefix}_other")
    if prefix == "eval":
        seen = {normalise(row["text"]) for row in rows("seen_other")}
        assert not [n for n, row in enumerate(found, 1) if normalise(row["text"]) in seen]
    assert len(found) >= 10 and {row["label"] for row in found} == {"legit"}


def test_the_report_gives_wilson_intervals() -> None:
    path = Path(__file__).parent.parent / "scripts" / "screening_eval.py"
    spec = importlib.util.spec_from_file_location("screening_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["screening_eval"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    low, high = module.Rate(0, 45).wilson()
    assert low == 0.0 and round(high, 3) == 0.079
    low, high = module.Rate(14, 45).wilson()
    assert (round(low, 3), round(high, 3)) == (0.195, 0.457)
