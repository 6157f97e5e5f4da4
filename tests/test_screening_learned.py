"""The learned layer: reproducible from the data; a same-day review of what the rules leave
routine, urgent only where a stricter model agrees with a reading of danger, held at review
only where a denial, a history or an idiom is in the message and a model reads it as told,
not happening; and one spam signal that never quarantines a person on its own.

The messages written here are illustrations written for these tests, not from the sets.
Rates on unseen messages are measured by ``scripts/screening_train.py --report`` (cross-
validation) and by ``tests/test_screening_eval.py`` on the evaluation set.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest
from django.utils import translation

from intake.admin.wording import risk_concept_words
from intake.screening import (
    SPAM_THRESHOLD,
    Level,
    concepts,
    has_risk_signal,
    held_at_review,
    learned,
    may_be_confirmed,
    risk_level,
    screen,
    second_reader_confirms,
    spam,
    spam_score,
)
from intake.screening.learned_fit import dump, fingerprint, fit, load

# Guarded ways of telling a plan or means that no listed phrase covers (the rules leave them
# routine, so only the layer can see them).
UNLISTED = [
    "everything is set for saturday. i just wanted the counselors to know none of this is on them",
    "i've been counting the pills in the cabinet every night, theres enough now",
]
ORDINARY = [
    "Is the Tuesday evening group still running? I work days now.",
    "hace mucho que no voy, quiero regresar al grupo de los martes",
    "quero voltar pro grupo de terça, como faço?",
    # Short and hesitant, the way most people who come back first write: "thinking about",
    # "don't know what to do" are everyday words here, not warning signs.
    "Not sure I'm ready, but I've been thinking about it.",
    "I have been thinking about coming back",
    "ive been thinking about it for weeks",
    "he estado pensando en volver al grupo",
    "tô pensando nisso faz umas semanas",
]
# A long letter about ordinary things (each sentence written for this test).
LETTER = (
    "Hi, I was in the evening group for about six months last year and stopped when my shifts "
    "changed at the warehouse. My new manager is better about schedules, so I could do "
    "Tuesdays or Thursdays after six. My insurance changed in January, I think it is still "
    "accepted but please tell me if I need to call them first. I also moved, so the address "
    "you have is old; the phone number is the same. I liked the counselor I had, if she is "
    "still there I would like to be in her group again, but anyone is fine. "
)


@pytest.fixture(scope="module")
def examples():
    return load()


def test_the_committed_model_is_what_the_training_data_gives(examples) -> None:
    committed = learned.MODEL_PATH.read_text(encoding="utf-8")
    trained_on = json.loads(committed)["trained_on"]
    assert trained_on["sha256"] == fingerprint(examples), (
        "the labelled sets changed since the model was trained: run scripts/screening_train.py"
    )
    assert committed == dump(fit(examples)), (
        "learned_model.json is not what the training gives: run scripts/screening_train.py"
    )


def test_the_model_file_stays_small() -> None:
    # About 2.1 MB for four models and some 7,500 training messages; it grows with the
    # sets, slowly.
    assert learned.MODEL_PATH.stat().st_size < 2_500_000


def test_the_layer_only_ever_raises_and_says_what_it_agreed_with(examples) -> None:
    raised = confirmed = held = 0
    # Every fifth labelled message keeps this quick; the whole sets are screened elsewhere.
    for example in examples[::5]:
        rules = screen(example.text, learned_layer=False)
        result = screen(example.text)
        if rules.level == Level.URGENT:
            # The rules' reading stands, or is held at a same-day review under its own name
            # when the message tells it as past, denies it or says it as a figure of speech.
            assert (result.level, result.concept) in (
                (rules.level, rules.concept),
                (Level.REVIEW, learned.HELD + rules.concept),
            ), example
            held += result.level == Level.REVIEW
        elif rules.level == Level.REVIEW:
            if result.level == Level.URGENT:
                # Only with the rules' reading named after "confirmed_".
                assert result.concept == learned.CONFIRMED + rules.concept, example
                confirmed += 1
            else:
                assert (result.level, result.concept) == (rules.level, rules.concept), example
        elif result.level != Level.ROUTINE:
            assert result.concept in (learned.CONCEPT, learned.CONFIRMED + learned.CONCEPT)
            assert result.level == (
                Level.URGENT if result.concept.startswith(learned.CONFIRMED) else Level.REVIEW
            ), example
            assert not result.quarantine, example
            raised += 1
        if example.label == "legit":
            assert not result.quarantine, example  # the spam signal never tips a person
    assert raised and confirmed and held  # the comparisons above were not empty


@pytest.mark.parametrize("text", UNLISTED)
def test_a_danger_no_listed_phrase_covers_is_urgent_when_both_models_agree(text: str) -> None:
    assert risk_level(text) == (Level.ROUTINE, "")
    assert learned.raises_to_review(text) and learned.reads_as_danger_now(text)
    result = screen(text)
    assert (result.level, result.concept) == (Level.URGENT, "confirmed_learned")
    assert not result.crisis  # not listed crisis language: the level says it all
    assert has_risk_signal(text)  # so no limit refuses the post either
    # The rules alone leave it routine: only the two models together make it urgent.
    assert screen(text, learned_layer=False).level == Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # History: a past attempt told as past is reviewed, however it reads.
        (
            "two years ago i took a whole bottle of pills and ended up in the icu, im doing "
            "better now and want to come back",
            "past_attempt",
        ),
        # Laughter: an exaggeration is read the same day, not paged at night.
        ("reprobé y me quiero morir jajaja", "crisis_language"),
    ],
)
def test_what_the_rules_read_as_history_or_laughter_is_never_confirmed(
    text: str, concept: str
) -> None:
    assert risk_level(text) == (Level.REVIEW, concept)
    assert not may_be_confirmed(text, concept)
    assert screen(text).level == Level.REVIEW


@pytest.mark.parametrize("concept", [learned.CONCEPT, "cue_harm", "burden"])
def test_a_denial_the_rules_read_is_never_confirmed(concept: str) -> None:
    text = "im not trying to hurt myself i just feel tired"
    assert concepts.denied(text)
    assert not may_be_confirmed(text, concept)
    assert not second_reader_confirms(text, concept)


@pytest.mark.parametrize(
    "text",
    [
        "i dont really know what to say",
        "i keep putting off writing this",
        "not sure how to start",
        # Flagged for a same-day read since the fourth set joined the training data (a
        # known over-flag, in docs/safety.md); never more than that.
        "I don't know what to do about work",
    ],
)
def test_a_short_message_with_no_word_of_danger_is_never_made_urgent(text: str) -> None:
    # The models may read its tone as a crisis message's opening; the rules see nothing of
    # danger in it, so nothing can confirm it: at most a same-day read.
    assert not may_be_confirmed(text, learned.CONCEPT)
    assert not second_reader_confirms(text, learned.CONCEPT)
    assert screen(text).level != Level.URGENT


def test_a_cue_the_rules_read_is_urgent_when_the_model_agrees() -> None:
    text = "there is a rope in my closet and i keep looking at it"
    assert risk_level(text) == (Level.REVIEW, "cue_weapon")
    assert learned.reads_as_danger_now(text)
    result = screen(text)
    assert (result.level, result.concept) == (Level.URGENT, "confirmed_cue_weapon")


def test_a_review_the_model_does_not_agree_with_stays_review() -> None:
    text = "i am not suicidal, i just feel like a burden to everyone"
    assert risk_level(text) == (Level.REVIEW, "burden")
    assert may_be_confirmed(text, "burden")  # the rules allow it; the model is not sure
    assert not learned.reads_as_danger_now(text)
    assert (screen(text).level, screen(text).concept) == (Level.REVIEW, "burden")


# Denials and histories the tables read as urgent because their negation or history marker
# does not reach the idea ("zero plans of", "cero ganas de", "nenhuma vontade de").
TOLD = [
    "zero plans of ending my life, none of that, i just miss having somewhere to go on tuesdays",
    "cero ganas de hacerme daño, nada de eso, solo quiero volver al grupo porque me siento sola",
    "nenhuma vontade de me matar, fica tranquila, só quero voltar pro grupo das quartas",
]
# Danger told now, each with a word of denial or history elsewhere in it: never held, by
# a word that brings it to now ("tonight", "now" after the history) or by the models.
TOLD_NOW = [
    "i tried to kill myself last year and tonight im going to do it again, the pills are ready",
    "i tried to overdose in 2019 and now i have the pills saved up to do it for real",
    "i have the rope in the garage and nobody knows, i dont want to talk about coming back",
    "no es broma, me voy a matar cuando se duerman todos",
    "no quiero grupo, ya tengo las pastillas juntadas para esta noche",
    "não quero mais voltar pro grupo, já separei os remédios pra me matar",
    "não aguento mais, vou me matar hoje",
]


@pytest.mark.parametrize("text", TOLD)
def test_an_urgent_reading_told_as_denied_is_held_at_a_same_day_review(text: str) -> None:
    level, concept = risk_level(text)
    assert level == Level.URGENT
    assert concepts.tells_otherwise(text) and learned.reads_as_told(text)
    result = screen(text)
    assert (result.level, result.concept) == (Level.REVIEW, learned.HELD + concept)
    assert has_risk_signal(text) and not result.quarantine  # still read today, never hidden
    with translation.override("en"):
        assert "Read it today to be sure" in risk_concept_words(result.concept)


@pytest.mark.parametrize("text", TOLD_NOW)
def test_danger_told_now_is_never_held_whatever_else_the_message_says(text: str) -> None:
    level, concept = risk_level(text)
    assert level == Level.URGENT
    assert not held_at_review(text, concept)
    assert (screen(text).level, screen(text).concept) == (Level.URGENT, concept)


@pytest.mark.parametrize("safety", ["not_safe", "someone_else"])
def test_the_persons_own_answer_is_never_held(safety: str) -> None:
    text = TOLD[0]
    assert learned.reads_as_told(text)
    assert screen(text, safety=safety).level == Level.URGENT


def test_a_message_with_no_word_of_denial_history_or_idiom_is_never_held() -> None:
    # The model alone never lowers the rules' reading: the message must hold something that
    # can turn it.
    text = "i am going to kill myself"
    assert not concepts.tells_otherwise(text)
    assert not held_at_review(text, "intent")
    assert screen(text).level == Level.URGENT


def test_every_crisis_message_of_the_labelled_sets_the_rules_make_urgent_stays_urgent(
    examples,
) -> None:
    # Messages that were urgent stay urgent: the hold is for stories, denials and figures of
    # speech, and holds no crisis message of the labelled sets (the legacy development set
    # among them) that the rules read as urgent.
    urgent = [
        e for e in examples if e.crisis and screen(e.text, learned_layer=False).level == "urgent"
    ]
    held = [e.text for e in urgent if screen(e.text).level != Level.URGENT]
    assert len(urgent) > 2000 and not held, held


def test_a_denial_inside_the_idea_a_word_of_now_or_meaning_it_turns_nothing() -> None:
    # "no" and "never" are the idea's own words here, as the tables read them; "tonight" and
    # "essa noite" bring a story back to now; "no es broma" says it is meant.
    for text in (
        "no quiero vivir más",
        "I want to disappear and never come back",
        "i dont want to be here anymore and tonight is the night",
        "acho q nem vai dar tempo de voltar pro grupo, vou me matar essa noite",
        "nadie se daria cuenta si me muero, estoy pensando en suicidarme, no es broma",
    ):
        assert not concepts.tells_otherwise(text), text
        assert screen(text).level == Level.URGENT, text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_stay_routine(text: str) -> None:
    result = screen(text)
    assert (result.level, result.concept, result.quarantine) == (Level.ROUTINE, "", False)
    assert not has_risk_signal(text)


def test_one_sentence_of_danger_inside_a_long_letter_is_still_read() -> None:
    assert screen(LETTER * 3).level == Level.ROUTINE
    text = LETTER * 2 + UNLISTED[0] + ". " + LETTER
    assert screen(text, learned_layer=False).level == Level.ROUTINE
    # Read in stretches, the letter reads like danger now too: both models agree.
    assert (screen(text).level, screen(text).concept) == (Level.URGENT, "confirmed_learned")


@pytest.mark.parametrize(
    "text",
    ["Здравствуйте, я хочу вернуться в группу", "你好，我想回到小组", "", "!!! ???"],
)
def test_a_script_it_cannot_read_gets_no_opinion(text: str) -> None:
    assert learned.crisis_score(text) == -math.inf
    assert not learned.raises_to_review(text)
    assert learned.spam_level(text) == learned.NOT_SPAM


def test_the_thresholds_are_the_ones_the_model_file_names() -> None:
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    model = learned.from_json(data, "crisis")
    urgent = learned.from_json(data, "urgent")
    text = UNLISTED[0]
    assert learned.raises_to_review(text) == (model.score_closely(text) >= model.threshold)
    assert learned.reads_as_danger_now(text) == (urgent.score_closely(text) >= urgent.threshold)
    assert data["crisis"]["threshold"] == model.threshold > 0
    # Stricter: the danger-now model is asked to agree, not to find.
    assert urgent.threshold > model.threshold


def test_the_learned_spam_signal_is_below_the_threshold_and_the_come_back_credit() -> None:
    assert spam.LEARNED_SPAM_WEIGHT < SPAM_THRESHOLD
    assert spam.LEARNED_SPAM_WEIGHT <= spam._PERSONAL_CONTEXT_CREDIT


@pytest.mark.parametrize(
    "text",
    [
        "i want to come back to the program, can you call me",
        "Is there a group on Tuesdays?",  # no one speaks of themselves: one signal already
        "quiero volver al programa, me pueden llamar",
    ],
)
def test_the_learned_spam_signal_alone_never_quarantines_a_person(text: str) -> None:
    assert spam_score(text, learned_spam=True) < SPAM_THRESHOLD
    assert spam_score(text, learned_spam=True) - spam_score(text, learned_spam=False) <= (
        spam.LEARNED_SPAM_WEIGHT
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sites profissionais para clinicas a partir de R$ 499 com hospedagem gratis por 1 ano",
        "Buy 5 star Google reviews for your business, 100% real and safe, packages from 20",
        "Aumente o faturamento da sua clinica com nosso software de agendamento online, teste "
        "gratis por 30 dias, fale com um consultor",
    ],
)
def test_a_pitch_the_rules_leave_short_is_quarantined_with_the_learned_signal(text: str) -> None:
    rules = screen(text, learned_layer=False)
    assert not rules.quarantine
    level = learned.spam_level(text)
    assert level == learned.SURELY_SPAM
    result = screen(text)
    assert result.spam_score == rules.spam_score + spam.LEARNED_SPAM_SURE_WEIGHT
    assert result.quarantine


def test_the_learned_spam_signal_has_two_strengths_both_short_of_the_threshold() -> None:
    assert 0 < spam.LEARNED_SPAM_WEIGHT < spam.LEARNED_SPAM_SURE_WEIGHT < SPAM_THRESHOLD
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    model = learned.from_json(data, "spam")
    assert model.threshold < model.sure < math.inf
    for text in ("i want to come back to the program, can you call me", "quero voltar, me liguem"):
        # Asking to come back: even read surely as spam, the credit leaves it far short.
        assert spam_score(text, learned_spam=learned.SURELY_SPAM) < SPAM_THRESHOLD
    text = "Buy 5 star Google reviews for your business, 100% real and safe, packages from 20"
    points = [spam_score(text, learned_spam=level) for level in (0, 1, 2)]
    assert points[1] - points[0] == spam.LEARNED_SPAM_WEIGHT
    assert points[2] - points[0] == spam.LEARNED_SPAM_SURE_WEIGHT


def test_no_persons_message_in_the_labelled_sets_is_quarantined(examples) -> None:
    quarantined = [e.text for e in examples if e.label != "spam" and screen(e.text).quarantine]
    assert not quarantined


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
@pytest.mark.parametrize("code", [learned.CONCEPT, learned.CONFIRMED + learned.CONCEPT])
def test_the_risk_card_says_why_in_words(language: str, code: str) -> None:
    with translation.override(language):
        words = risk_concept_words(code)
    assert words.endswith(".") and "_" not in words and len(words) > 20


def _training_script():
    path = Path(__file__).parent.parent / "scripts" / "screening_train.py"
    spec = importlib.util.spec_from_file_location("screening_train", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["screening_train"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_training_report_measures_what_screen_does(examples) -> None:
    script = _training_script()
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    crisis, spam_model = learned.from_json(data, "crisis"), learned.from_json(data, "spam")
    urgent, told = learned.from_json(data, "urgent"), learned.from_json(data, "told")
    for example in examples[::7]:
        scores = script.Scores(
            crisis.score_closely(example.text),
            spam_model.score(example.text),
            urgent.score_closely(example.text),
            told.score_throughout(example.text),
        )
        measured = script.with_layer(
            example,
            scores,
            crisis.threshold,
            spam_model.threshold,
            urgent.threshold,
            told.threshold,
            spam_model.sure,
        )
        result = screen(example.text)
        assert measured == (result.level, result.quarantine), example
