"""Warning signs told without the listed words: not safe with oneself, a date one does not
expect to live to, using where it can kill, voices that give orders, affairs put in order,
someone else's plan. Each in English, Spanish and Brazilian Portuguese, with the everyday
messages that share their words and must stay routine.

Examples are written for these tests, never taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from intake.screening import Level, risk_level

URGENT = [
    # Not safe with oneself: the form's own question answered in words.
    ("intent", "i cant keep myself safe tonight"),
    ("intent", "no puedo mantenerme a salvo esta noche"),
    ("intent", "nao consigo me manter seguro hoje"),
    # A time they do not expect to live to.
    ("intent", "honestly i wont be alive by monday"),
    ("intent", "no creo que llegue vivo al lunes"),
    ("intent", "nao acho que chego vivo na segunda"),
    ("intent", "gonna keep drinking until i dont wake up"),
    ("intent", "voy a seguir tomando hasta no despertar"),
    ("intent", "nao vou parar ate nao acordar"),
    # Using where it can kill.
    ("relapse_danger", "using alone tonight and the batch is laced"),
    ("relapse_danger", "recai y lo que anda por aqui trae fentanilo"),
    ("relapse_danger", "recai e acho que veio batizado"),
    ("relapse_danger", "relapsed, my tolerance is gone and i dont care anymore"),
    # Voices that give orders.
    ("self_harm_now", "the voices keep telling me to cut my arms"),
    ("self_harm_now", "las voces me dicen que me tire del edificio"),
    ("self_harm_now", "as vozes mandam eu me cortar de novo"),
    # Affairs put in order by someone who feels a burden.
    ("preparatory", "im just a burden. left the keys and papers with my sister"),
    ("preparatory", "soy una carga para todos, ya le deje las llaves y los papeles a mi tia"),
    ("preparatory", "sou um peso pra todo mundo, deixei as chaves e os documentos com minha tia"),
    # Not wanting to live in this world is not about a place.
    ("intent", "ya no quiero vivir en este mundo"),
    ("someone_else_acute", "mi hijo dice que ya no quiere vivir. no sabemos donde esta"),
    # Someone else who talks of dying and has a plan.
    ("someone_else_acute", "my daughter keeps talking about dying and says she has a plan"),
    ("someone_else_acute", "mi hijo habla de matarse y dice que tiene un plan"),
    ("someone_else_acute", "meu filho fala em se matar e disse que tem um plano"),
    # Laced and not caring, in either order; someone threatening now; someone else armed.
    ("relapse_danger", "theres fent in these for sure and im doing them anyway"),
    ("relapse_danger", "creo que traen fentanilo pero igual me las voy a meter"),
    ("relapse_danger", "acho que tem fentanil mas vou tomar assim mesmo"),
    ("partner_danger", "he threw a bottle at me an hour ago, not safe to go back inside"),
    ("someone_else_acute", "my brother showed me a gun tonight and said he has a plan"),
    # Guarded plans and means: the act unnamed, the thing bought or at hand.
    ("plan", "bought the charcoal and the tape for the vents. just so somebody knows"),
    ("plan", "compre el carbon y la cinta pa tapar las rendijas del cuarto"),
    ("plan", "comprei o carvao e a fita pra vedar a porta"),
    ("means", "sitting here with the razor blades thinking about how deep"),
    ("relapse_danger", "my tolerance is gone and im about to use the same amount i used to"),
    # Someone else at peace with a plan.
    ("someone_else_acute", "mi mama dice que ya tiene un plan y que esta en paz"),
    ("someone_else_acute", "minha mae diz que tem um plano e que ta em paz"),
    # Said formally, or in two short plain sentences.
    ("intent", "i no longer wish to go on living, and i intend to act on that"),
    ("self_harm_now", "i cut tonight and it wont stop bleeding"),
    ("intent", "using every day again. dont care anymore if i wake up"),
    # A date picked and a goodbye.
    ("preparatory", "picked the day, saturday. sorry to whoever reads this"),
    ("preparatory", "ya tengo fecha, el sabado. perdon a quien lea esto"),
    ("preparatory", "ja tenho data, sabado. desculpa quem ler isso"),
    # A decision, a time and a burden.
    ("plan", "its decided, friday. they will be better off without me"),
    ("plan", "ya lo decidi, el viernes. estarian mejor sin mi"),
    ("plan", "ja decidi, sexta. eles vao ficar melhor sem mim"),
]

ROUTINE = [
    # Arrangements and decisions people make to come back.
    "i paid my rent through next month so i can afford the copay now",
    "ya pague la renta del proximo mes, ahora si puedo pagar el copago",
    "paguei o aluguel do proximo mes, agora da pra pagar a consulta",
    "my mom will keep the kids so i can come to group",
    "i picked a date to come back: monday",
    "ya tengo fecha para volver, el lunes",
    # Someone's plan with no talk of dying.
    "my son says he has a plan to go back to school, can he join the teen group",
    "mi hija dice que tiene un plan para volver a la escuela",
    # Relapse told to ask for help, with nothing that makes it deadly now.
    "i relapsed last month and i want to come back",
    "recai el mes pasado y quiero volver al grupo",
    "tive uma recaida mes passado e quero voltar",
    # Worry about fentanyl in the supply, from someone not using.
    "my son is scared of the fentanyl going around, can he join the family group",
    # Voices as a past symptom, with no orders.
    "the new meds helped, i dont hear voices anymore",
    # Living somewhere, or with someone, is everyday.
    "mi papa dice que no quiere vivir en Florida",
    "meu pai diz que nao quer mais viver na Florida",
    "my dad says he doesnt want to live in Ohio anymore",
    "no quiero vivir con mi ex, por eso me mude",
]


@pytest.mark.parametrize(("concept", "text"), URGENT)
def test_warning_signs_told_without_the_listed_words_are_urgent(concept, text) -> None:
    assert risk_level(text) == (Level.URGENT, concept), text


@pytest.mark.parametrize("text", ROUTINE)
def test_the_everyday_messages_that_share_their_words_stay_routine(text) -> None:
    assert risk_level(text)[0] == Level.ROUTINE, (text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    [
        "sitting in the car in the garage with the door shut right now. i quit iop in march",
        "i cant keep myself safe tonight. i used to come to group on thursdays",
        "tengo las pastillas guardadas para esta noche. deje el programa en junio",
        "to juntando os remedios pra hoje a noite. fiz o grupo ano passado",
    ],
)
def test_history_with_the_program_does_not_soften_a_danger_told_now(text) -> None:
    assert risk_level(text)[0] == Level.URGENT, (text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    [
        "i tried to kill myself in 2019, im much better and want to restart the program",
        "hace dos anos intente matarme, ahora quiero volver al programa",
    ],
)
def test_history_in_the_same_sentence_still_softens(text) -> None:
    assert risk_level(text)[0] == Level.REVIEW, (text, risk_level(text))


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("NO.\nquiero morir.", Level.URGENT),
        ("no quiero morir, solo quiero volver", Level.ROUTINE),
        ("Nao. Quero morrer.", Level.URGENT),
        ("nao quero morrer, so quero voltar pro grupo", Level.ROUTINE),
    ],
)
def test_a_denial_is_read_within_its_own_sentence(text, level) -> None:
    assert risk_level(text)[0] == level, (text, risk_level(text))


@pytest.mark.parametrize(
    "text", ["i want to honestly die", "yo quiero ya morirme", "eu quero tb morrer"]
)
def test_words_that_add_nothing_do_not_loosen_a_match(text) -> None:
    assert risk_level(text) == (Level.URGENT, "intent"), text


@pytest.mark.parametrize(
    "text",
    ["i want to go home and die", "quiero ir a casa y morirme", "quero ir pra casa e morrer"],
)
def test_words_that_mean_something_still_do(text) -> None:
    assert risk_level(text)[0] == Level.REVIEW, (text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    [
        "to meio desanimada mas sem nenhum pensamento de suicidio, so preciso de rotina",
        "nenhum pensamento de me machucar, so cansada e quero rotina de novo",
        "ningun pensamiento de hacerme dano, solo quiero volver",
        "zero plans to hurt myself, i just need the routine back",
    ],
)
def test_a_denial_with_a_quantifier_is_a_denial(text) -> None:
    assert risk_level(text)[0] == Level.ROUTINE, (text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    ["no tengo ninguna razon para vivir", "nao tenho nenhum motivo pra viver"],
)
def test_no_reason_to_live_is_not_a_denial(text) -> None:
    assert risk_level(text)[0] != Level.ROUTINE, (text, risk_level(text))


@pytest.mark.parametrize(
    "text",
    [
        "my short story is about a character who wants to die, can i still join teen group",
        "meu personagem no jogo morreu umas 50 vezes ontem kkkk, posso voltar segunda?",
        "overdosed on netflix all weekend, time to get back on track",
        "en la pandemia llegue a pensar en quitarme la vida. eso ya paso, quiero volver",
        "back in 2021 i was in a dark place and had a plan to end things. im okay now",
        "nada de ideas suicidas ni cortarme, pura ansiedad",
        "sem ideacao suicida, so ansiedade. quando posso comecar?",
    ],
)
def test_fiction_idioms_and_history_are_not_urgent(text) -> None:
    assert risk_level(text)[0] != Level.URGENT, (text, risk_level(text))
