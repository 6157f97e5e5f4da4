"""Cues: the parts urgent ideas are told with, and the pairs of them that make an idea urgent.

Pure: no database. The examples are written for these tests (never taken from the evaluation
set): each pair of ``combinations.COMBINATIONS`` told in everyday words, one cue alone (a review),
and what must not fire: a cue negated, inside an idiom, told as history, or too far apart.
"""

from __future__ import annotations

import importlib

import pytest

from intake.screening import Level, combinations, concepts, risk_level, screen
from intake.screening.patterns import compile_pattern

LANGUAGES = ("en", "es", "pt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cue_is_written_in_every_language(language: str) -> None:
    table = importlib.import_module(f"intake.screening.concepts_{language}")
    assert set(table.CUES) == combinations.CUE_CODES, language
    for cue, patterns in table.CUES.items():
        assert patterns, (language, cue)
        for source in patterns:
            assert compile_pattern(cue, source), source


def test_every_combination_names_an_urgent_concept_and_known_cues() -> None:
    for concept, sets, window in combinations.COMBINATIONS:
        assert concept in concepts.URGENT_CONCEPTS
        assert 2 <= len(sets) <= 3
        assert all(cues and cues <= combinations.CUE_CODES | combinations.FELT for cues in sets)
        assert 0 < window <= combinations.COMBINE_WINDOW


URGENT = {
    "en": [
        ("plan", "got the overpass picked out and i know exactly when"),
        ("plan", "sitting in my car running with the garage shut"),
        ("means", "theres a pistol in the closet and i keep thinking about dying"),
        ("means", "been saving up my sleeping pills in a jar"),
        ("preparatory", "i gave my cat to my sister and made my will, thats it"),
        ("self_harm_now", "cutting my arm right now and i cant stop"),
        ("overdose_now", "swallowed way too many of my meds and my chest is tight"),
        ("partner_danger", "my boyfriend choked me and hes still in the apartment right now"),
        ("someone_else_acute", "my brother left a goodbye note and nobody can find him"),
        ("intent", "everyone would be better off if i was dead"),
    ],
    "es": [
        ("plan", "ya escogi el puente y se exactamente cuando"),
        ("means", "tengo la pistola de mi papa aqui y no dejo de pensar en morirme"),
        ("means", "llevo semanas juntando pastillas en un frasco"),
        ("preparatory", "ya le regale mi perro a mi vecina y escribi cartas de despedida"),
        ("self_harm_now", "me estoy cortando ahorita y no puedo parar"),
        ("overdose_now", "me tome mas pastillas de lo normal y no puedo respirar bien"),
        ("partner_danger", "mi esposo me golpeo y sigue aqui en la casa ahorita"),
        ("someone_else_acute", "mi hermano dejo una carta de despedida y no lo encontramos"),
    ],
    "pt": [
        ("plan", "ja escolhi o viaduto e sei exatamente quando"),
        ("means", "tem uma arma do meu pai aqui e nao paro de pensar em morrer"),
        ("means", "faz semanas que to juntando remedios numa gaveta"),
        ("preparatory", "dei meu gato pra vizinha e escrevi cartas de despedida"),
        ("self_harm_now", "to me cortando agora e nao consigo parar"),
        ("overdose_now", "tomei remedio demais e nao consigo respirar direito"),
        ("partner_danger", "meu marido me bateu e ta aqui em casa agora"),
        ("someone_else_acute", "meu irmao deixou uma carta de despedida e ninguem acha ele"),
    ],
}
ROUTINE = {
    "en": [
        "can i come back tomorrow after work, i decided its time",
        "i need a refill of my meds before saturday",
        "the bridge was closed so i missed group on friday",
        "my mom has a lot of pills to keep track of, can family come to group",
    ],
    "es": [
        "puedo volver manana despues del trabajo? ya lo decidi",
        "necesito surtir mi receta antes del sabado",
        "el puente estaba cerrado y por eso no llegue el viernes",
    ],
    "pt": [
        "posso voltar amanha depois do trabalho? ja decidi",
        "preciso renovar a receita do remedio antes de sabado",
        "a ponte tava fechada e por isso faltei na sexta",
    ],
}
REVIEW = {
    "en": [
        "honestly i feel like such a burden lately",
        "i feel dead inside most days",
        "i was cutting my arm back in high school, doing much better now",
    ],
    "es": ["siento que soy una carga para todos", "no le veo salida a nada"],
    "pt": ["sinto que sou um peso pra todo mundo", "nao vejo saida pra nada"],
}
NOT_URGENT = {
    "en": [
        "i dont have a gun and im not going to the bridge, just sad",
        "the commute is killing me, is there an evening group",
        "two years ago i saved up pills and took them, im better now",
    ],
    "es": [
        "no tengo ideas de suicidio, solo quiero volver",
        "mi jefe me va a matar si falto otra vez",
        "hace tres anos me corte los brazos, ya estoy mejor",
    ],
    "pt": [
        "nao tenho pensamento de suicidio, so quero voltar",
        "meu chefe vai me matar se eu faltar de novo",
        "ha tres anos eu me cortava, hoje to bem melhor",
    ],
}


@pytest.mark.parametrize(
    ("language", "concept", "text"),
    [(lang, concept, text) for lang, cases in URGENT.items() for concept, text in cases],
)
def test_two_cues_together_make_their_idea_urgent(language, concept, text) -> None:
    level, found = risk_level(text)
    assert level == Level.URGENT, (language, text, found)


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in ROUTINE.items() for t in texts]
)
def test_context_cues_alone_say_nothing(language, text) -> None:
    assert risk_level(text) == (Level.ROUTINE, ""), (language, text)


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in REVIEW.items() for t in texts]
)
def test_a_risk_cue_alone_or_in_the_past_is_a_review(language, text) -> None:
    assert risk_level(text)[0] == Level.REVIEW, (language, text, risk_level(text))


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in NOT_URGENT.items() for t in texts]
)
def test_negated_idiomatic_or_past_cues_are_not_urgent(language, text) -> None:
    assert risk_level(text)[0] != Level.URGENT, (language, text, risk_level(text))


def test_cues_too_far_apart_do_not_combine() -> None:
    filler = " and then we talked about the schedule" * 5
    assert risk_level("i have a stash of" + filler + " my pills")[0] == Level.ROUTINE


def test_a_loose_cue_never_makes_a_combination() -> None:
    # "overpas" is one typo from a place; the pair is a review, not urgent.
    assert (
        risk_level("jumping off the overpas")[0] != Level.URGENT
        or concepts.assess("jumping off the overpas")[1] in concepts.URGENT_CONCEPTS
    )


def test_a_cue_in_a_spam_pitch_keeps_it_out_of_quarantine() -> None:
    # Any risk signal beats spam: a pitch that names a death stays with a person.
    result = screen("buy now best price click here i want to die")
    assert result.level != Level.ROUTINE and not result.quarantine


# How the tables read a message, beyond single pairs: the act left unnamed with a resolve and
# a time, fear of someone who hurt the writer, what is at hand, an idea that starts again.
READING_URGENT = {
    "en": [
        ("plan", "i know how im going to do it and i picked sunday"),
        ("partner_danger", "he punched me last night and i am so scared to go home"),
        ("means", "theres a razor in my hand as i write this"),
        ("self_harm_now", "was clean for a year. cutting myself again every night"),
        ("intent", "i want to not wake up tomorrow and this time im serious"),
        ("overdose_now", "i think i od d on my xanax, my lips are numb"),
        ("intent", "my kids would be fine if i wasnt around, im ready to go"),
        ("plan", "i know where and when, the top level of the parking garage"),
        ("self_harm_now", "been banging my head on the wall for the last hour"),
        ("means", "grandpas pistol is in my lap, been sitting with it for an hour"),
        (
            "someone_else_acute",
            "writing for my dad, he gave away his tools and says hes ready to die",
        ),
        ("means", "ive kept all of my moms oxycodone and i count them every night"),
        ("partner_danger", "he smashed my phone and says hes gonna burn the house down with me"),
        # Said the guarded way: the act unnamed, goodbyes given as errands.
        ("plan", "ive decided im checking out on friday night"),
        ("preparatory", "squared away my affairs and said my goodbyes to the crew"),
        ("plan", "driving to the quarry tonight and not coming back down"),
    ],
    "es": [
        ("plan", "tengo planeado hacerlo el domingo en la noche"),
        ("partner_danger", "mi novio me pega y me da miedo volver a la casa"),
        ("means", "tengo el cuchillo en la mano mientras escribo"),
        ("self_harm_now", "estuve bien un tiempo. me estoy cortando otra vez cada noche"),
        ("intent", "estoy pensando en suicidarme en serio esta vez"),
        ("means", "ya averigue cuantas pastillas se necesitan"),
        ("partner_danger", "mi pareja rompio la puerta y tengo miedo"),
        ("plan", "el domingo me meto al rio, ya tengo todo planeado"),
        ("preparatory", "ya deje las claves en un papel, que Dios me perdone"),
        ("means", "compre veneno la semana pasada y esta aqui junto a la cama"),
    ],
    "pt": [
        ("plan", "ja ta decidido, sei quando vou fazer, vai ser sabado"),
        ("partner_danger", "meu marido me bateu de novo e to com medo de voltar pra casa"),
        ("means", "guardei os comprimidos do mes inteiro e to olhando pra eles agora"),
        ("self_harm_now", "fiquei bem uns meses. to me cortando de novo todo dia"),
        ("intent", "vou acabar com tudo de vez, ja decidi"),
        ("plan", "sexta a noite vou bater o carro num caminhao"),
        ("preparatory", "doei quase tudo e pode riscar meu nome da lista"),
        ("self_harm_now", "to socando a parede agora e nao consigo parar"),
        ("preparatory", "liguei pra dar tchau pra todo mundo, obrigado por tudo"),
        # The history marker tells what follows it, not the goodbye before it.
        (
            "someone_else_acute",
            "sou amiga da ana, ela me mandou adeus agora, mes passado falou em pular",
        ),
    ],
}
READING_NOT_URGENT = {
    "en": [
        # The unnamed act with a time but no resolve, and coming back planned.
        "not sure how im going to do it with my work hours, maybe sunday",
        "i decided to come back and i picked monday for intake",
        # A denied idea takes its words with it.
        "i have no thoughts of suicide at all, just relapsed",
        "my sponsor says im shooting myself in the foot, how do i reenroll",
        # A question the writer reports and answers no; an attempt told with "today".
        "the intake sheet asked if i have thoughts of killing myself, i dont",
        "i tried to kill myself three years ago, today i want to come back to group",
        "this paperwork makes me want to shoot myself lol",
        "sorry for ghosting everyone, life got busy, im ready now",
        "im checking out the schedule for tuesday, is the evening group still on",
    ],
    "es": [
        "tuve una etapa donde pensaba en morirme, ya paso y estoy bien",
        "decidi volver y ya escogi el lunes para la cita",
        "en la hoja preguntan si tengo ideas de suicidio, no tengo",
        "la doctora me pregunto si queria morirme y le dije que no",
    ],
    "pt": [
        "eu tentei suicidio em 2019 e agora to bem, quero voltar pro grupo",
        "to triste mas n quero morrer, quero viver melhor",
        "separei os remedios da semana certinho, posso voltar segunda?",
        "o formulario perguntou se penso em suicidio, nao tenho, so ansiedade",
        "meu pai teve uma overdose ano passado, ele ta bem agora",
    ],
}


@pytest.mark.parametrize(
    ("language", "concept", "text"),
    [(lang, c, t) for lang, cases in READING_URGENT.items() for c, t in cases],
)
def test_how_the_tables_read_an_urgent_message(language, concept, text) -> None:
    level, found = risk_level(text)
    assert level == Level.URGENT, (language, text, found)


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in READING_NOT_URGENT.items() for t in texts]
)
def test_how_the_tables_read_a_message_that_is_not_urgent(language, text) -> None:
    assert risk_level(text)[0] != Level.URGENT, (language, text, risk_level(text))


def test_history_in_an_earlier_sentence_does_not_soften_what_is_said_now() -> None:
    assert risk_level("I left group last spring. I want to kill myself.")[0] == Level.URGENT
    # In the same sentence it does: a past attempt, reviewed the same day.
    assert risk_level("last spring i tried to kill myself")[0] == Level.REVIEW


def test_a_negation_inside_an_idea_does_not_deny_the_next_one() -> None:
    # "not" belongs to "not wake up"; it does not cancel the resolve that follows it.
    reading = concepts.read("i want to not wake up and this time im doing it")
    assert "decided" in {m.concept for m in reading.cues}


def test_a_combination_needs_one_cue_from_each_of_its_sets() -> None:
    rows = {(concept, len(sets)) for concept, sets, _ in combinations.COMBINATIONS}
    assert ("plan", 3) in rows
    # Two of the three (an unnamed act and a time) are not enough.
    assert risk_level("how im going to do it on saturday")[0] == Level.ROUTINE
