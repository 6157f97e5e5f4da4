"""What screening one message costs, in-process: a short message and a 2,000-character one
in each language (the form's longest), rules and learned layer together.

    .venv/bin/python scripts/screening_cost.py

The long messages are ordinary letters about coming back with one sentence of danger in the
middle, so every layer runs to the end (the concept tables, the cues, the learned layer's
stretches and the spam score). Prints the median of several rounds of many calls each.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reengage.settings")

import django  # noqa: E402

django.setup()

from intake.screening import screen  # noqa: E402

LONG = 2000
LETTERS = {
    "en": (
        "Hi, I was in the evening group last spring and stopped coming when my hours at the "
        "warehouse changed. I have been thinking about coming back for a while now and I "
        "wanted to ask whether there is still a place for me, and which days the group "
        "meets now. ",
        "Some nights I think everyone would be better off without me. ",
    ),
    "es": (
        "Hola, estuve en el grupo de la tarde la primavera pasada y deje de ir cuando me "
        "cambiaron el horario en el trabajo. Llevo un tiempo pensando en regresar y queria "
        "preguntar si todavia hay lugar para mi y que dias se reune el grupo ahora. ",
        "Hay noches en que pienso que todos estarian mejor sin mi. ",
    ),
    "pt": (
        "Oi, eu fazia o grupo da tarde na primavera passada e parei quando mudaram meu "
        "horario no trabalho. Faz um tempo que penso em voltar e queria saber se ainda tem "
        "vaga pra mim e em que dias o grupo se encontra agora. ",
        "Tem noites que eu acho que todo mundo ficaria melhor sem mim. ",
    ),
}
SHORT = {
    "en": "I'm thinking about coming back. Is that okay?",
    "es": "Estoy pensando en volver. ¿Está bien?",
    "pt": "Estou pensando em voltar. Tudo bem?",
}


def long_message(letter: str, danger: str) -> str:
    half = (letter * (LONG // len(letter) + 1))[: (LONG - len(danger)) // 2]
    return (half + danger + half)[:LONG]


def cost_ms(text: str, calls: int = 200, rounds: int = 5) -> float:
    screen(text)  # tables and models load once per process
    medians = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            screen(text)
        medians.append((time.perf_counter() - start) / calls * 1000)
    return statistics.median(medians)


def main() -> None:
    print("screening cost per message, in-process (median of 5 rounds of 200 calls)")
    for language, (letter, danger) in LETTERS.items():
        text = long_message(letter, danger)
        print(
            f"  {language}: short {cost_ms(SHORT[language]):.2f} ms, "
            f"{len(text):,} characters {cost_ms(text, calls=50):.2f} ms "
            f"({screen(text).level})"
        )


if __name__ == "__main__":
    main()
