"""Laughter: how people write an exaggeration ("me quiero morir jajaja", "quero morrer kkkkk").

A crisis phrase with laughter right after it is still read the same day (review), never paged
(urgent); said as meant ("lol not joking", "no es broma") it stays what it was.
"""

from __future__ import annotations

import re

from .patterns import Match

LAUGHTER_WINDOW = 3
_LAUGHTER = re.compile(
    r"^(?:l+o+l+z?|lmf?ao+|rofl|(?:ha){2,}h?|(?:ja){2,}j?|(?:je){2,}|(?:he){2,}|k{3,}|(?:rs){2,}|xd+|jk|zoeira|zuera)$"
)
_SERIOUS = re.compile(
    r"\b(?:not|no) (?:joking|kidding|a joke)\b|\bno joke\b|\bfor real\b|\bfr\b|"
    r"\bno (?:es|estoy) (?:broma|bromeando|jugando)\b|\ben serio\b|"
    r"\bnao (?:e|eh|to|estou) (?:brincadeira|brincando|zoando)\b|\bserio\b|\bsério\b"
)


def laughed(match: Match, ws: list[str]) -> bool:
    """Laughter within ``LAUGHTER_WINDOW`` words after the match, the writer not saying
    they mean it ("lol not joking")."""
    after = ws[match.end : match.end + LAUGHTER_WINDOW]
    return any(_LAUGHTER.match(w) for w in after) and not _SERIOUS.search(
        " ".join(ws[match.end : match.end + LAUGHTER_WINDOW + 3])
    )


def laughing(ws: list[str]) -> bool:
    """The message (its words, as ``concepts.words`` reads them) laughs and nowhere says it
    means it: a listed crisis phrase in it is an exaggeration, worth a same-day look rather
    than a page."""
    return any(_LAUGHTER.match(w) for w in ws) and not _SERIOUS.search(" ".join(ws))


def means_it(ws: list[str]) -> bool:
    """The writer says they mean it ("not joking", "no es broma", "é sério", "for real")."""
    return bool(_SERIOUS.search(" ".join(ws)))
