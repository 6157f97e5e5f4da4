"""Spanish and Brazilian Portuguese: the pages, errors and messages a person meets, and the
catalogues themselves (complete, not fuzzy, compiled, placeholders kept, kind words only)."""

from __future__ import annotations

import ast
import gettext
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from intake.forms import RENDER_SALT
from intake.messaging.render import render_email, render_sms
from intake.screening import normalise
from intake.tone import find_forbidden
from tests.factories import coordinator, default_queue

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGUES = {"es": "es", "pt-br": "pt_BR"}  # Django language code -> locale directory
LANGUAGES = list(CATALOGUES)

# Words that would tell a reader of a lock screen or an inbox list what this is about.
TREATMENT_WORDS = {
    "en": ("treatment", "therapy", "therapist", "program", "clinic", "recovery", "rehab"),
    "es": (
        "tratamiento",
        "terapia",
        "terapeuta",
        "programa",
        "clinica",
        "recuperacion",
        "rehabilitacion",
        "adiccion",
        "salud mental",
    ),
    "pt-br": (
        "tratamento",
        "terapia",
        "terapeuta",
        "programa",
        "clinica",
        "recuperacao",
        "reabilitacao",
        "dependencia",
        "saude mental",
    ),
}

# What a person sees, per language: page strings that must come out translated.
EXPECTED = {
    "es": {
        "lang": "es",
        "heading": "¿Estás pensando en volver?",
        "lead": "Envíanos una frase y nosotros nos encargamos del resto.",
        "message_label": "Tu mensaje",
        "submit": "Enviar mi mensaje",
        "contact_choice": "Llamada telefónica",
        "crisis": "llama o envía un mensaje de texto al",
        "not_monitored": "Este formulario no se revisa las 24 horas.",
        "required_message": "Por favor, escribe unas palabras — con una sola frase basta.",
        "required_contact": "Por favor, elige cómo prefieres que te contactemos.",
        "required_consent": "Por favor, marca esta casilla",
        "error_title": "Revisa algunos detalles",
        "kept": "Todo lo que escribiste sigue aquí.",
        "thanks": "Recibimos tu mensaje. Gracias por escribirnos.",
        "door": "La puerta está abierta.",
        "next": "Qué sigue ahora",
        "weekdays": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        "not_found": "No encontramos esa página",
        "not_found_body": "El formulario de mensajes sigue aquí para ti.",
        "csrf": "Intentémoslo de nuevo",
        "pause": "Hagamos una pausa corta",
        "server_error": "Algo salió mal de nuestro lado",
        "subject": "Recibimos tu mensaje — Reengage",
        "hi_name": "Hola, Sam:",
        "hi": "Hola:",
        "thank_you": "Gracias por escribirnos.",
        "no_explain": "No hace falta preparar nada ni explicar por qué te alejaste.",
        "email_crisis": "llama o envía un mensaje de texto al 988, o llama al 911",
        "sms_got_it": "Reengage: recibimos tu mensaje, gracias.",
        "sms_stop": "Responde STOP",
    },
    "pt-br": {
        "lang": "pt-br",
        "heading": "Pensando em voltar?",
        "lead": "Mande uma frase e a gente cuida do resto.",
        "message_label": "Sua mensagem",
        "submit": "Enviar minha mensagem",
        "contact_choice": "Ligação",
        "crisis": "ligue ou mande mensagem de texto para o",
        "not_monitored": "Este formulário não é acompanhado 24 horas por dia.",
        "required_message": "Por favor, escreva algumas palavras — uma frase já basta.",
        "required_contact": "Por favor, escolha como você prefere que a gente entre em contato.",
        "required_consent": "Por favor, marque esta caixa",
        "error_title": "Confira alguns detalhes",
        "kept": "Tudo o que você escreveu continua aqui.",
        "thanks": "Recebemos sua mensagem. Obrigado por falar com a gente.",
        "door": "A porta está aberta.",
        "next": "O que acontece agora",
        "weekdays": ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"),
        "not_found": "Não encontramos essa página",
        "not_found_body": "O formulário de mensagem continua aqui para você.",
        "csrf": "Vamos tentar de novo",
        "pause": "Vamos fazer uma pausa curta",
        "server_error": "Algo deu errado do nosso lado",
        "subject": "Recebemos sua mensagem — Reengage",
        "hi_name": "Olá, Sam,",
        "hi": "Olá,",
        "thank_you": "Obrigado por falar com a gente.",
        "no_explain": "Não precisa preparar nada nem explicar por que você se afastou.",
        "email_crisis": "ligue ou mande mensagem de texto para o 988, ou ligue para o 911",
        "sms_got_it": "Reengage: recebemos sua mensagem, obrigado.",
        "sms_stop": "Responda STOP",
    },
}

ENGLISH_LEFTOVERS = (
    "Thinking about coming back?",
    "Send my message",
    "This form is not monitored around the clock.",
    "If you need help right now",
)


# --- a tiny .po reader (no new dependency) -------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    locations: list[str] = field(default_factory=list)
    obsolete: bool = False


def parse_po(path: Path) -> list[Entry]:
    """Entries of a .po file (the header entry, msgid "", is left out)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: str | None = None

    def start_if_needed(line: str) -> Entry:
        nonlocal entry
        begins = line.startswith(("#", "msgid", "msgctxt"))
        if entry is None or (entry.msgstrs and begins):
            entry = Entry()
            entries.append(entry)
        return entry

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            entry, target = None, None
            continue
        if line.startswith("#~"):
            start_if_needed("#").obsolete = True
            entry.msgid = entry.msgid or line  # kept, so the completeness test sees it
            continue
        if line.startswith("#"):
            current = start_if_needed(line)
            if line.startswith("#,"):
                current.flags.update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#:"):
                current.locations.extend(line[2:].split())
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
        else:
            value = ast.literal_eval(rest)
            current = start_if_needed(line)
            target = keyword
            if keyword.startswith("msgstr"):
                current.msgstrs.append("")
        assert entry is not None and target is not None, f"{path}: stray line {raw!r}"
        if target == "msgid":
            entry.msgid += value
        elif target == "msgid_plural":
            entry.msgid_plural += value
        elif target.startswith("msgstr"):
            entry.msgstrs[-1] += value
    return [e for e in entries if e.msgid or e.msgid_plural]


def po_path(language: str) -> Path:
    return LOCALE_DIR / CATALOGUES[language] / "LC_MESSAGES" / "django.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def client_facing(entry: Entry) -> bool:
    """Shown to the person: used in a public template or by the public form (not admin)."""
    files = [loc.split(":")[0] for loc in entry.locations]
    return any(
        (f.startswith("templates/") and not f.startswith("templates/admin/"))
        or f == "intake/forms.py"
        for f in files
    )


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def visible_text(page: str) -> str:
    """Text a person reads: no tags, no scripts/styles, entities decoded, spaces folded."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    text = " ".join(html.unescape(page).split())
    return re.sub(r" ([,.;:!?])", r"\1", text)  # "<strong>988</strong>," reads "988,"


def attribute_values(page: str) -> str:
    """Placeholder, value, aria-label and title texts, which a person also reads or hears."""
    found = re.findall(r'\b(?:placeholder|value|aria-label|title)="([^"]*)"', page)
    return " ".join(html.unescape(v) for v in found)


def hidden(client: Client, path: str) -> dict:
    form = client.get(path).context["form"]
    return {
        "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
        "submission_token": form.initial["submission_token"],
    }


def message_context(**extra) -> dict:
    """The shape intake.services.send._context gives the message templates."""
    return {
        "org_name": "Reengage",
        "preferred_name": "",
        "due": None,
        "urgent": False,
        "crisis_phone": "988",
        "emergency_phone": "911",
        "admin_url": "",
        "short_id": "abc",
        "site_url": "https://reengage.example",
        "reassessment_at": None,
        "reassessment_format": "",
        **extra,
    }


# --- pages -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_english_form_page_is_the_default(client: Client) -> None:
    page = client.get("/")
    body = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="en">' in body
    assert "Thinking about coming back?" in body
    assert "This form is not monitored around the clock." in body


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_form_page_is_in_the_language_of_its_address(client: Client, language: str) -> None:
    want = EXPECTED[language]
    page = client.get(f"/{language}/")
    body = page.content.decode()
    text = visible_text(body)
    assert page.status_code == 200
    assert f'<html lang="{want["lang"]}">' in body
    for key in ("heading", "lead", "message_label", "contact_choice", "crisis", "not_monitored"):
        assert want[key] in text, (language, key)
    assert want["submit"] in attribute_values(body)
    assert "988" in text and "911" in text
    for english in ENGLISH_LEFTOVERS:
        assert english not in text, (language, english)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_form_errors_are_in_the_persons_language(client: Client, language: str) -> None:
    want = EXPECTED[language]
    response = client.post(f"/{language}/", {})
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    for key in ("required_message", "required_contact", "required_consent", "kept"):
        assert want[key] in text, (language, key)
    assert text.startswith(want["error_title"])  # the <title> says what to do, kindly
    assert "Please write a few words" not in text
    assert "This field is required" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_thanks_page_is_in_the_persons_language(
    client: Client, django_capture_on_commit_callbacks, language: str
) -> None:
    want = EXPECTED[language]
    queue = default_queue()
    coordinator(queue, "lee", languages=("en", "es", "pt-br"))
    data = {
        **hidden(client, f"/{language}/"),
        "message": "Estoy pensando en volver.",
        "contact_method": "email",
        "email": "sam@example.com",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{language}/", data)
    assert response.status_code == 303
    assert response["Location"] == f"/{language}/thanks/"

    page = client.get(response["Location"])
    body = page.content.decode()
    text = visible_text(body)
    assert page.status_code == 200
    assert f'<html lang="{want["lang"]}">' in body
    for key in ("thanks", "door", "next", "crisis"):
        assert want[key] in text, (language, key)
    # The promised time is written with this language's weekday names.
    assert any(day in text.lower() for day in want["weekdays"]), text
    assert "We got your message" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_persons_language(client: Client, language: str) -> None:
    want = EXPECTED[language]
    page = client.get(f"/{language}/no-such-page/")
    body = page.content.decode()
    text = visible_text(body)
    assert page.status_code == 404
    assert f'<html lang="{want["lang"]}">' in body
    assert want["not_found"] in text and want["not_found_body"] in text
    assert "988" in text and "911" in text
    assert "couldn't find" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_and_rate_limit_pages_are_in_the_persons_language(
    client: Client, settings, language: str
) -> None:
    want = EXPECTED[language]
    refused = Client(enforce_csrf_checks=True).post(f"/{language}/", {"message": "hola"})
    assert refused.status_code == 403
    assert want["csrf"] in visible_text(refused.content.decode())

    # Only the hard ceiling refuses, and only posts that passed validation count toward it.
    settings.INTAKE_HARD_LIMIT = "1/h"
    default_queue()
    cache.clear()
    try:
        responses = [
            client.post(
                f"/{language}/",
                {
                    "message": "hola",
                    "contact_method": "email",
                    "email": f"p{n}@example.com",
                    "consent": "on",
                },
            )
            for n in range(3)
        ]
    finally:
        cache.clear()
    assert [r.status_code for r in responses[:2]] == [303, 429]
    limited = responses[-1]
    assert limited.status_code == 429
    assert want["pause"] in visible_text(limited.content.decode())


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page_is_translated(language: str) -> None:
    from django.test import RequestFactory

    from intake.views import server_error

    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))
    text = visible_text(response.content.decode())
    assert response.status_code == 500
    assert EXPECTED[language]["server_error"] in text
    assert "988" in text and "911" in text


# --- messages ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_acknowledgement_email_is_in_the_persons_language(language: str) -> None:
    want = EXPECTED[language]
    named = render_email("acknowledgement", message_context(preferred_name="Sam"), language)
    assert named.subject == want["subject"]
    assert named.text.startswith(want["hi_name"])
    for key in ("thank_you", "no_explain", "email_crisis"):
        assert want[key] in named.text, (language, key)
        assert want[key] in visible_text(named.html), (language, key)
    assert "Thank you" not in named.text and "Thank you" not in named.html

    anonymous = render_email("acknowledgement", message_context(), language)
    assert anonymous.text.startswith(want["hi"])
    assert "Sam" not in anonymous.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_sms_is_in_the_persons_language(language: str) -> None:
    want = EXPECTED[language]
    body = render_sms("acknowledgement", message_context(), language)
    assert body.startswith(want["sms_got_it"])
    assert want["sms_stop"] in body
    assert "988" in body and "911" in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_crisis_acknowledgement_leads_with_988_in_the_persons_language(language: str) -> None:
    want = EXPECTED[language]
    context = message_context(urgent=True, urgent_soon=False, next_open=None)
    email = render_email("acknowledgement_crisis", context, language)
    assert email.subject == want["subject"]  # as discreet as the routine one
    body = email.text.split("\n\n", 1)[1]  # after the greeting
    assert body.lstrip().split("\n", 1)[0].count("988") == 1  # 988 is the first thing said
    assert want["no_explain"] not in email.text  # no routine reassurance here
    sms = render_sms("acknowledgement_crisis", context, language)
    assert sms.index("988") < sms.index(want["sms_stop"])
    assert sms.rstrip().endswith(("emergency.", "emergencia.", "emergência."))
    if language != "en":
        for english in ("If you might", "day or night", "Reply STOP"):
            assert english not in email.text + sms, (language, english)


@pytest.mark.parametrize("language", LANGUAGES)
def test_subjects_and_texts_say_nothing_about_treatment(language: str) -> None:
    """A lock screen or an inbox list shows these: no hint of what the sender is."""
    context = message_context(preferred_name="Sam")
    emails = sorted(
        p.name.removesuffix(".subject.txt")
        for p in (Path(settings.BASE_DIR) / "templates" / "emails").glob("*.subject.txt")
    )
    sms = sorted(p.stem for p in (Path(settings.BASE_DIR) / "templates" / "sms").glob("*.txt"))
    assert "acknowledgement" in emails and "acknowledgement" in sms
    seen = [render_email(name, context, language).subject for name in emails]
    seen += [render_sms(name, context, language) for name in sms]
    words = TREATMENT_WORDS["en"] + TREATMENT_WORDS[language]
    for shown in seen:
        for word in words:
            assert not re.search(rf"\b{word}\b", normalise(shown)), (language, word, shown)


# --- the catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(language: str) -> None:
    entries = parse_po(po_path(language))
    assert len(entries) > 100
    header = po_path(language).read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "#, fuzzy" not in header
    for entry in entries:
        assert not entry.obsolete, entry.msgid
        assert "fuzzy" not in entry.flags, entry.msgid
        assert entry.msgstrs and all(s.strip() for s in entry.msgstrs), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_link(language: str) -> None:
    for entry in parse_po(po_path(language)):
        for n, msgstr in enumerate(entry.msgstrs):
            # A plural form answers msgid_plural ("for the next %(hours)s hours"); the
            # singular may leave the count out ("for the next hour").
            source = entry.msgid_plural if n and entry.msgid_plural else entry.msgid
            found = set(PLACEHOLDER.findall(msgstr))
            wanted = set(PLACEHOLDER.findall(source))
            if entry.msgid_plural and n == 0:
                assert found <= set(PLACEHOLDER.findall(entry.msgid_plural)), entry.msgid
            else:
                assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(source)), (
                    entry.msgid,
                    wanted,
                )
            for token in ("<a ", "</a>", "<strong>", "href=", "988", "911", "STOP"):
                assert msgstr.count(token) == source.count(token), (entry.msgid, token)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language: str) -> None:
    """The committed .mo is what compilemessages makes from the committed .po."""
    with mo_path(language).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in parse_po(po_path(language)):
        if entry.msgid_plural:
            for n, msgstr in enumerate(entry.msgstrs):
                count = 1 if n == 0 else 5
                assert compiled.ngettext(entry.msgid, entry.msgid_plural, count) == msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstrs[0], entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_client_facing_translations_use_kind_words_only(language: str) -> None:
    entries = [e for e in parse_po(po_path(language)) if client_facing(e)]
    assert len(entries) > 60  # the pages, the form, the e-mails and texts
    for entry in entries:
        for msgstr in entry.msgstrs:
            assert find_forbidden(msgstr, language) == [], (entry.msgid, msgstr)
            # No demands either: "debes" / "deve" tell a person what they must do.
            assert not re.search(r"\b(debes|deves?|tienes que)\b", msgstr.lower()), msgstr


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_a_person_meets_uses_kind_words_only(client: Client, language: str) -> None:
    """Rendered, so choice labels from the models and Django's own strings are covered too."""
    shown = [
        client.get(f"/{language}/").content.decode(),
        client.post(f"/{language}/", {}).content.decode(),
        client.get(f"/{language}/thanks/").content.decode(),
        client.get(f"/{language}/no-such-page/").content.decode(),
    ]
    texts = [visible_text(page) + " " + attribute_values(page) for page in shown]
    email = render_email("acknowledgement", message_context(preferred_name="Sam"), language)
    texts += [email.subject, email.text, visible_text(email.html)]
    texts += [render_sms(name, message_context(), language) for name in ("acknowledgement",)]
    for text in texts:
        assert find_forbidden(text, language) == [], text


# --- labels built in Python (lazy formatting) ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_optional_labels_are_translated(client: Client, language: str) -> None:
    text = visible_text(client.get(f"/{language}/").content.decode())
    assert "(optional)" not in text
    assert "(opcional)" in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_optional_fieldset_intro_is_translated(client: Client, language: str) -> None:
    text = visible_text(client.get(f"/{language}/").content.decode())
    assert "All of these are optional." not in text
