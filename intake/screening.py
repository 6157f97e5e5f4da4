"""Pure screening of an inquiry's message: crisis language and spam signals.

Crisis detection looks for phrases, not single words: "I want to kill myself" is a crisis,
"the schedule was killing me" is not. Crisis language always wins over every spam signal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Phrases that mean a person may be in danger now. Written loosely over normalised text
# (lower case, accents removed, apostrophes dropped) so spelling variants still match.
_CRISIS_PATTERNS: dict[str, list[str]] = {
    "en": [
        r"\b(kill|killing|hurt|hurting|harm|harming|cut|cutting) (myself|my self)\b",
        r"\b(end|ending|take|taking) (my|my own) life\b",
        r"\bsuicid(e|al)\b",
        r"\b(want|wanna|going|plan|planning|ready) to die\b",
        r"\bdont want to (live|be alive|be here|wake up)\b",
        r"\b(no|no more|not any) (reason|point) (to|in) (live|living|go on|going on)\b",
        r"\bbetter off (dead|without me)\b",
        r"\b(overdos(e|ed|ing)|od) (on purpose|tonight|now)\b",
        r"\bwant to overdose\b",
        r"\b(took|swallowed) (a bunch|all|a lot) of (my )?(pills|meds)\b",
        r"\bcant (go on|keep going|do this anymore|take it anymore)\b",
        r"\b(thinking|thoughts) (about|of) (dying|suicide|ending it)\b",
        r"\bend it all\b",
        r"\bnot safe (right now|tonight|with myself)\b",
        r"\b(gun|rope|pills) (ready|in my hand)\b",
        r"\bgoodbye (forever|everyone)\b",
    ],
    "es": [
        r"\b(matarme|quitarme la vida|suicidarme|suicidio|suicida)\b",
        r"\b(me quiero|quiero) morir\b",
        r"\bno quiero (vivir|seguir viviendo|despertar)\b",
        r"\b(hacerme dano|lastimarme|cortarme)\b",
        r"\bacabar con (todo|mi vida)\b",
        r"\b(ya )?no (puedo|aguanto) mas\b",
        r"\bmejor (muerto|muerta)\b",
        r"\bsobredosis (a proposito|esta noche)\b",
        r"\bno estoy a salvo\b",
    ],
    "pt": [
        r"\b(me matar|tirar a minha vida|tirar minha vida|suicidio|suicida|me suicidar)\b",
        r"\b(quero|vou) morrer\b",
        r"\bnao quero (mais )?(viver|acordar)\b",
        r"\b(me machucar|me cortar|me ferir)\b",
        r"\bacabar com (tudo|a minha vida|minha vida)\b",
        r"\bnao (aguento|consigo) mais\b",
        r"\bmelhor (morto|morta)\b",
        r"\boverdose (de proposito|hoje)\b",
        r"\bnao estou (seguro|segura)\b",
    ],
}
_CRISIS = [re.compile(p) for patterns in _CRISIS_PATTERNS.values() for p in patterns]

_LINK = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|ru|xyz|top|info|biz|io)\b)")
_MARKUP = re.compile(r"(<\s*/?\s*(a|script|img|iframe|div|span|p)\b|\[url|\[/url\]|\]\()")
_SPAM_TERMS = re.compile(
    r"\b(casino|jackpot|betting|slots?|poker|viagra|cialis|crypto|bitcoin|forex|loan|"
    r"seo|backlinks?|ranking|traffic|followers|promo code|discount|cheap|buy now|"
    r"click here|earn money|work from home|investment|porn|xxx|dating|replica|"
    r"guest post|marketing services|web design services|pharmacy|no prescription)\b"
)
_SHOUTING = re.compile(r"[A-Z]{12,}")

SPAM_THRESHOLD = 5


@dataclass(frozen=True)
class Screening:
    crisis: bool
    spam_score: int
    quarantine: bool


def normalise(text: str) -> str:
    """Lower case, accents and apostrophes removed, whitespace folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("'", "").replace("\u2019", "").replace("`", "")
    return " ".join(stripped.lower().split())


def has_crisis_language(text: str) -> bool:
    norm = normalise(text)
    return any(p.search(norm) for p in _CRISIS)


def spam_score(text: str, *, honeypot_filled: bool = False, too_fast: bool = False) -> int:
    """A rough count of spam signals; 0 for a plain message from a person."""
    norm = normalise(text)
    score = 0
    links = len(_LINK.findall(norm))
    score += min(links, 3) * 3
    if _MARKUP.search(text.lower()):
        score += 4
    score += min(len(_SPAM_TERMS.findall(norm)), 4) * 2
    if _SHOUTING.search(text):
        score += 1
    if honeypot_filled:
        score += 10
    if too_fast:
        score += 6
    return score


def screen(text: str, *, honeypot_filled: bool = False, too_fast: bool = False) -> Screening:
    """Crisis first: a message with crisis language is never quarantined."""
    crisis = has_crisis_language(text)
    score = spam_score(text, honeypot_filled=honeypot_filled, too_fast=too_fast)
    return Screening(
        crisis=crisis, spam_score=score, quarantine=not crisis and score >= SPAM_THRESHOLD
    )
