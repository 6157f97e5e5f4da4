"""Pure tone checks: shaming or pressuring words in client-facing text, per language.

Whole words and phrases only ("failed" is caught, "unfailing" is not). Used by tests over
every template and translation, and to warn a coordinator before a reply goes out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import normalise

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "en": (
        "failed",
        "failure",
        "fail",
        "dropout",
        "drop-out",
        "dropped out",
        "non-compliant",
        "noncompliant",
        "non compliant",
        "no-show",
        "no show",
        "against medical advice",
        "you must",
        "you need to explain",
        "why did you leave",
    ),
    "es": (
        "fallaste",
        "fracaso",
        "fracasaste",
        "fallido",
        "abandonaste",
        "desertor",
        "desertora",
        "incumplimiento",
        "no cumpliste",
        "no te presentaste",
        "contra consejo medico",
        "debes explicar",
        "tienes que explicar",
        "por que te fuiste",
        "por que dejaste",
    ),
    "pt": (
        "falhou",
        "fracasso",
        "fracassou",
        "desistente",
        "abandonou",
        "nao compareceu",
        "nao cumpriu",
        "contra orientacao medica",
        "voce deve",
        "voce precisa explicar",
        "por que voce saiu",
        "por que voce foi embora",
    ),
}


@lru_cache(maxsize=8)
def _pattern(language: str) -> re.Pattern[str]:
    words = FORBIDDEN["en"] + FORBIDDEN.get(language, ())
    alternatives = "|".join(
        re.escape(normalise(w)) for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def _base_language(language: str) -> str:
    return language.split("-")[0].lower()


def find_forbidden(text: str, language: str = "en") -> list[str]:
    """Every forbidden word or phrase found in ``text`` (normalised), in order."""
    return [m.group(1) for m in _pattern(_base_language(language)).finditer(normalise(text))]


# Person-first wording for clinical notes: a gentle suggestion, never a block.
STIGMATIZING: dict[str, str] = {
    "addict": "a person with a substance use disorder",
    "addicts": "people with a substance use disorder",
    "abuser": "a person who uses substances",
    "substance abuser": "a person who uses substances",
    "drug abuser": "a person who uses drugs",
    "alcoholic": "a person with an alcohol use disorder",
    "junkie": "a person who uses drugs",
    "non-compliant": "chose a different path / the plan did not fit",
    "noncompliant": "chose a different path / the plan did not fit",
    "dropout": "stepped away from the program",
    "dropped out": "stepped away from the program",
    "clean": "in recovery / not using (say what you mean)",
    "dirty": "tested positive",
    "relapsed": "returned to use (and came back)",
}


def stigmatizing_terms(text: str) -> list[tuple[str, str]]:
    """Stigmatizing terms found in a note, each with a person-first suggestion."""
    norm = normalise(text)
    found = []
    for term in sorted(STIGMATIZING, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", norm) and not any(
            term in longer for longer, _s in found
        ):
            found.append((term, STIGMATIZING[term]))
    return found
