"""The crisis concept tables and their matching engine (intake/screening/concepts.py).

Pure: no database. Examples are written for these tests (never taken from the evaluation
sets): stems and conjugations, extra words inside a phrase, no punctuation, one typo in a
key word, real words one typo away that must not fire, negations, idioms and history.
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.screening import Level, concepts, risk_level
from intake.screening.patterns import compile_pattern

LANGUAGES = ("en", "es", "pt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_concept_has_patterns_in_every_language(language: str) -> None:
    table = importlib.import_module(f"intake.screening.concepts_{language}")
    assert set(table.CONCEPTS) == concepts.CONCEPT_CODES, language
    for code, patterns in table.CONCEPTS.items():
        assert patterns, (language, code)
        for source in patterns:
            assert compile_pattern(code, source), source
    for name in ("IDIOMS", "NEGATIONS", "PAST", "NEAR_WORDS"):
        assert getattr(table, name), (language, name)


def test_one_edit_means_one_insertion_deletion_substitution_or_swap() -> None:
    one = concepts.osa_distance_is_one
    assert one("suiside", "suicide") and one("overdoes", "overdose")
    assert one("pils", "pills") and one("pillls", "pills")
    assert not one("suited", "suicide") and not one("overdue", "overdose")
    assert not one("same", "same")


CASES = {
    "en": [
        # tight phrasings of urgent ideas, any case, no punctuation needed
        ("i want to die", Level.URGENT),
        ("IM GOING TO KILL MYSELF TONIGHT", Level.URGENT),
        ("took the whole bottle of my pills and i feel so sleepy", Level.URGENT),
        ("wrote goodbye letters to my kids", Level.URGENT),
        # one typo in a key word, or extra words inside a phrase: review, never urgent
        ("thinking about suiside a lot lately", Level.REVIEW),
        # negation, idiom: nothing
        ("im not trying to hurt myself i just feel tired", Level.ROUTINE),
        ("this commute is killing me can i do virtual", Level.ROUTINE),
        ("i could kill for a coffee before group", Level.ROUTINE),
        ("dying to get back to tuesday group", Level.ROUTINE),
        # ordinary words one edit from a key word
        ("the schedule suited me better before", Level.ROUTINE),
        ("my payment is overdue can i still come", Level.ROUTINE),
        # history told as history
        ("i tried to kill myself two years ago and the program helped", Level.REVIEW),
        # someone else who no longer wants to live; a place one no longer wants to live in
        ("my son told me tonight he doesnt want to live anymore", Level.URGENT),
        ("my dad doesnt want to live in florida anymore", Level.ROUTINE),
        # laughter after the words: an exaggeration, still read the same day; unless meant
        ("failed my exam and i want to die lol anyway can i rejoin", Level.REVIEW),
        ("i want to die lol not joking", Level.URGENT),
        # far too much, and the body saying so
        ("did way too much tonight and my lips are going numb", Level.URGENT),
        ("she says shes gonna stab me if i come home", Level.URGENT),
    ],
    "es": [
        ("me quiero morir", Level.URGENT),
        ("me voy a matar esta noche", Level.URGENT),
        ("ya no quiero vivir", Level.URGENT),
        ("no estoy pensando en hacerme dano solo estoy cansada", Level.ROUTINE),
        ("me muero de ganas de volver al grupo", Level.ROUTINE),
        ("este trafico me mata puedo ir en linea", Level.ROUTINE),
        ("hace dos anos intente quitarme la vida y el grupo me ayudo", Level.REVIEW),
        ("mi hijo me dijo que ya no quiere vivir", Level.URGENT),
        ("reprobe el examen y me quiero morir jajaja puedo volver al grupo", Level.REVIEW),
        ("me quiero morir jajaja no es broma", Level.URGENT),
    ],
    "pt": [
        ("quero morrer", Level.URGENT),
        ("vou me matar hoje a noite", Level.URGENT),
        ("nao estou pensando em me machucar so cansada", Level.ROUTINE),
        ("morrendo de vontade de voltar pro grupo", Level.ROUTINE),
        ("esse transito me mata posso fazer online", Level.ROUTINE),
        ("ha dois anos tentei tirar minha vida e o programa me ajudou", Level.REVIEW),
        ("meu filho disse que nao quer mais viver", Level.URGENT),
        ("minha mae nao quer viver em boston", Level.ROUTINE),
        ("nao quero mais estar nesse mundo", Level.URGENT),
        ("reprovei na prova e quero morrer kkkkk posso voltar pro grupo", Level.REVIEW),
        ("essa papelada vai me matar da pra preencher online", Level.ROUTINE),
        ("usei demais e to com a boca dormente", Level.URGENT),
    ],
}


@pytest.mark.parametrize(
    ("language", "text", "level"),
    [(language, text, level) for language, cases in CASES.items() for text, level in cases],
)
def test_concepts_read_messages_as_people_write_them(language: str, text: str, level) -> None:
    assert risk_level(text)[0] == level, (language, text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    [
        "i want to die.",
        "I want to die!!",
        "i... want to die",
        "Quero morrer.",
        "¡Me quiero morir!",
    ],
)
def test_punctuation_is_never_required_or_in_the_way(text: str) -> None:
    assert risk_level(text)[0] == Level.URGENT


def test_a_loose_match_says_so_and_is_review() -> None:
    level, concept = concepts.assess("i want to go out and die")
    assert level == Level.REVIEW and concept.endswith("_loose")


# "really", "so", "just" add nothing (``patterns.FILLERS``); "maybe", "like" are words.
FILLERS = st.lists(st.sampled_from(["really", "so", "just", "maybe", "like"]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(before=FILLERS, inside=FILLERS)
def test_extra_words_inside_a_phrase_make_it_review_at_most_never_routine(
    before: list[str], inside: list[str]
) -> None:
    text = " ".join(["i", *before, "want", "to", *inside, "die"])
    level, _concept = concepts.assess(text)
    assert level in (Level.URGENT, Level.REVIEW)
    if {"maybe", "like"} & set(inside):
        assert level == Level.REVIEW  # loose: never urgent on its own


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_without_error(text: str) -> None:
    level, concept = concepts.assess(text)
    assert level in (Level.URGENT, Level.REVIEW, Level.ROUTINE)
    assert (level == Level.ROUTINE) == (concept == "")
