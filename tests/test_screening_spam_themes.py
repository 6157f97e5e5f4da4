"""Spam clinics' contact forms get, by theme, and the people's messages that share its words.

Examples are written for these tests, never taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from intake.screening import SPAM_THRESHOLD, screen, spam_score

SPAM = [
    # Gambling brand words run together, with no sentence.
    "SITUSGACOR SLOTMAXWIN MAHJONGWINS TOGELRESMI RTPHARIAN",
    # Invoices that are not.
    "INVOICE 88213 OVERDUE. Balance due $640.00. Avoid late fees, pay here: billing-desk.example",
    "FATURA PENDENTE nº 5521. Saldo devedor R$ 390,00. Evite juros, pague aqui: boleto.example",
    # Awards nobody applied for.
    "Congratulations! Your clinic has been selected for the Community Care Award. Claim your "
    "plaque at award-desk.example",
    "Parabéns! Sua clínica foi selecionada para o prêmio Saúde Local. Resgate sua placa em "
    "premio.example",
    # Broken-link outreach and site makeovers.
    "Hi, I found a broken link on your resources page. My article on coping skills would be "
    "a great replacement, would you consider linking to it?",
    "Hola, su sitio web se ve anticuado y no carga bien en el celular. ¿Puedo enviarles "
    "algunos ejemplos? Diseño de páginas web a buen precio.",
    # Outsourced services, with the footer of a mass mailing.
    "We provide dedicated virtual assistants for clinics at $8/hour. Reply STOP to "
    "unsubscribe. vahelp.example",
    "Oferecemos vídeos explicativos e perfil da empresa no Google para clínicas. Responda "
    "SAIR para descadastrar. agencia.example",
    # Dating bait.
    "hey im new in town and a bit lonely, check out my profile at meet-near.example",
    "Oi, sou nova na cidade, veja minhas fotos em encontros.example 😘",
]

PEOPLE = [
    "can i pay here at the front desk or do i need to do it online?",
    "the link to the group schedule on your site looks broken, can someone send me the times",
    "i moved, im new in town and want to join the evening group",
    "tengo una factura pendiente del programa, puedo pagar cuando vuelva?",
    "minha mae viu minhas fotos da formatura e disse que eu devia voltar pro grupo",
    "please unsubscribe me from the reminder texts, i found a program closer to home",
    "i work as a virtual assistant now, do you have evening groups?",
]


@pytest.mark.parametrize("text", SPAM)
def test_spam_of_each_theme_is_quarantined(text: str) -> None:
    assert screen(text).quarantine, (text, spam_score(text))


@pytest.mark.parametrize("text", PEOPLE)
def test_people_who_use_the_same_words_are_not(text: str) -> None:
    assert spam_score(text) < SPAM_THRESHOLD, (text, spam_score(text))
    assert not screen(text).quarantine
