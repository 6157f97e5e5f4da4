"""The risk card says in plain words what set an inquiry's level, for every code screening sets."""

from __future__ import annotations

import pytest
from django.utils import translation

from intake.admin.wording import risk_concept_words
from intake.screening import _UNCONFIRMABLE, SAFETY_URGENT, combinations, concepts, risk_level

REVIEWS = (
    {*concepts.REVIEW_CONCEPTS, "learned", "struggling_with_risk_words"}
    | {f"{code}_loose" for code in concepts.URGENT_CONCEPTS}
    | {f"cue_{cue}" for cue in combinations.RISK_CUES}
)
CODES = sorted(
    {*concepts.CONCEPT_CODES, *SAFETY_URGENT.values(), "crisis_language", *REVIEWS}
    # A review the danger-now model confirmed as urgent.
    | {f"confirmed_{code}" for code in REVIEWS - _UNCONFIRMABLE}
    # An urgent reading of the rules held at review (told as past, denied, a figure of speech).
    | {f"held_{code}" for code in {*concepts.URGENT_CONCEPTS, "crisis_language"}}
)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_every_code_screening_sets_has_words_on_the_risk_card(code: str, language: str) -> None:
    with translation.override(language):
        words = risk_concept_words(code)
    assert words.endswith(".") and len(words) > 20, (code, language, words)
    assert "_" not in words  # never a code


@translation.override("en")
def test_the_words_say_how_sure_the_reading_is() -> None:
    assert risk_concept_words("plan") == "Their message tells of a plan: how, where or when."
    assert "read it to be sure" in risk_concept_words("plan_loose")
    assert "nothing else in it says it is urgent" in risk_concept_words("cue_weapon")
    assert risk_concept_words("something_new") == ""
    confirmed = risk_concept_words("confirmed_cue_weapon")
    assert confirmed.startswith("Their message mentions a weapon, and as a whole it reads like")
    assert "Treat it as urgent" in confirmed and "nothing else" not in confirmed
    assert risk_concept_words("confirmed_something_new") == ""
    held = risk_concept_words("held_plan")
    assert held.startswith("Their message tells of a plan: how, where or when, but as a whole")
    assert "Read it today to be sure" in held and "urgent" not in held
    assert "crisis language" in risk_concept_words("held_crisis_language")
    assert risk_concept_words("held_something_new") == ""
    assert risk_concept_words("held_plan_loose") == ""  # only an urgent reading is ever held


@pytest.mark.parametrize(
    "text",
    [
        "i have a plan for saturday night at the bridge",
        "i feel like a burden to everyone",
        "theres a gun in the house",
        "i tried to kill myself two years ago",
    ],
)
def test_what_screening_reads_in_a_message_has_words(text: str) -> None:
    level, code = risk_level(text)
    assert level != "routine" and risk_concept_words(code), (text, code)
