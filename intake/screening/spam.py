"""Spam signals: a score built from several independent signals, none enough alone."""

from __future__ import annotations

import re

from . import learned
from .spam_terms import SPAM_TERMS
from .text import MAX_SCREENED_CHARS, RuleSet, _compile, _plain, _rule, normalise

SPAM_THRESHOLD = 5

# Weights of the form signals. Each is below the threshold alone and the two together reach
# it, so a bot that fills the hidden field and posts at once is quarantined on that alone.
HONEYPOT_WEIGHT = 4
TOO_FAST_WEIGHT = 3


_TLDS = (
    r"com|net|org|info|biz|ru|xyz|top|io|co|cc|shop|store|online|site|click|bet|club|live|me|"
    r"us|ly|link|app|pro|mx|br|tk|ml|ga|cf|gq|win|vip|loan|cn|su|pw|ws|fun|space|website|icu|"
    r"buzz|monster|casino|today|gl|gd|agency|digital|marketing|tech|network"
)
_LINK = re.compile(
    r"(?:\b(?:https?|hxxps?)://\S+|\bwww\.\S+|"
    # A bare domain, but not the domain of an e-mail address someone leaves to be reached at.
    rf"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:{_TLDS})\b(?![@\w-])(?:/\S*)?)"
)
_SUSPICIOUS_TLD = re.compile(
    r"\.(?:ru|xyz|top|biz|info|click|bet|shop|store|online|cc|tk|ml|ga|cf|gq|win|vip|loan|su|"
    r"pw|icu|buzz|monster|casino|site|fun|space)\b"
)
# An e-mail address is how a person asks to be reached, so only its domain can count.
_EMAIL_DOMAIN = re.compile(r"(?<=[\w.+-])@((?:[a-z0-9-]+\.)+[a-z]{2,})\b")
_SHORTENER = re.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|t\.me|wa\.me|cutt\.ly|is\.gd|rebrand\.ly|"
    r"ow\.ly|shorturl\.at)\b"
)
# Words that sit inside spam domains ("lucky-spins-win.xyz", "cheap-meds-rx.top").
_SPAMMY_DOMAIN = re.compile(
    r"casino|cassino|spin|slot|bet|jackpot|loan|cash|pharma|rx|pill|meds|viagra|cialis|seo|"
    r"crypto|cripto|bitcoin|forex|replica|dating|singles|brides|porn|xxx|cheap|prize|premio|"
    r"gift|gratis|free|prestamo|emprestimo|apuesta|aposta|tigr|renda|ingreso|income|follow|"
    r"segui|citas|encontro|win|ganha|ganad|bonus|bono|lucky|promo"
)
_MARKUP = re.compile(
    r"(?:<\s*a\s+href|<\s*/\s*a\s*>|<\s*(?:img|script|iframe|div|span|p|b|strong|br|font|"
    r"h[1-6])\b[^>]*>|\[\s*(?:url|link|img)\s*[=\]]|\[\s*/\s*url\s*\]|\[[^\]\n]{1,80}\]\(https?://)"
)
_SHOUTING = re.compile(r"\b[A-Z]{3,}(?:\W+[A-Z]{2,}){3,}\b|[A-Z]{12,}")

_SPAM_RULES = RuleSet(_rule(p, weight) for rules in SPAM_TERMS.values() for p, weight in rules)
# A person asking to come back, telling their own recovery story or asking for help. Spam
# pitches never do, so this takes some weight off the words and links of a message (never off
# the honeypot or a too-fast post): a client in recovery from gambling who names the casino,
# the betting app and a helpline link stays a client.
_PERSONAL_CONTEXT = _compile(
    [
        # Asking to come back.
        r"\b(?:i|id|i would|can i|could i|may i|want to|wanna|like to|ready to|hoping to|"
        r"thinking about|thinking of|how do i|how can i) (?:come|coming|get|getting|go|going) "
        r"back\b",
        r"\b(?:rejoin|re join|re enroll|restart|return to) (?:the |your )?(?:program|group|iop|"
        r"sessions|treatment)\b",
        r"\b(?:quiero|puedo|quisiera|me gustaria|pienso|podria|deseo|necesito|como puedo|para) "
        r"(?:volver|regresar|retomar)\b",
        r"\b(?:quero|posso|queria|gostaria de|penso em|pensando em|preciso|como faco pra|pra|"
        r"para) (?:voltar|retomar)\b",
        # Their own recovery story.
        r"\b(?:i|im|ive|my)\b(?:\W+\w+){0,4}?\W+(?:relapsed?|relapsing|sober|sobriety|"
        r"drinking|using again|addiction|addicted|recovery|detox|withdrawal|sponsor|therapist|"
        r"counselor)\b",
        r"\b(?:recai|recaida|volvi a (?:consumir|tomar|beber|usar|apostar|jugar)|"
        r"mi (?:adiccion|recuperacion|terapeuta|consejer[oa]|padrino|madrina)|"
        r"estoy (?:sobri[oa]|limpi[oa]))\b",
        r"\b(?:tive uma recaida|recai|voltei a (?:usar|beber|jogar|apostar)|"
        r"minha (?:recuperacao|terapeuta|psicologa)|meu (?:vicio|terapeuta|psicologo|padrinho)|"
        r"estou (?:limp[oa]|sobri[oa]))\b",
        # Asking for help for themselves.
        r"\b(?:do|can|could) you (?:treat|help (?:me|with)|take (?:my|medicaid|medicare|"
        r"insurance|\w+ insurance))\b",
        r"\b(?:me pueden ayudar|pueden ayudarme|ustedes (?:ayudan|tratan))\b",
        r"\b(?:voces podem me ajudar|podem me ajudar|voces (?:ajudam|tratam))\b",
    ]
)
_PERSONAL_CONTEXT_CREDIT = 3
# A message can carry many spam words; a cap keeps one noisy theme from outweighing the rest.
_VOCABULARY_CAP = 8


# Gambling brand words as they arrive in long runs with no sentence around them ("slot gacor
# maxwin togel 4d"): each family counts once.
_BRAND_WORDS = re.compile(
    # Brand words run together ("SLOTGACOR", "MAHJONGWAYS2", "SCATTERHITAM") count too.
    r"\b(?:(?:gacor|maxwin|togel|judi|bandar|situs|scatter|rtp|pragmatic|mahjong|bocoran)\w*|"
    r"gacor|maxwin|togel|toto|4d|slot\w*|judi|bandar|situs|scatter|rtp|pragmatic|zeus|"
    r"keluaran|pengeluaran|tercepat|prediksi|jitu|sgp|sdy|hk|hongkong|sidney|"
    r"olympus|hoki|bocoran|jackpot|deposit|depo|wd|pulsa|dana|daftar|terpercaya|resmi|"
    r"alternatif|\w+88|\w+77|\w+4d|\w*gacor\w*|\w*slot\w*|\w*toto\w*)\b"
)
# Small words every sentence a person writes has, in the three languages of the form.
_FUNCTION_WORDS = frozenset(
    "i im me my you we is am are was the a an and to of for in on it this that can "
    "yo mi me te que y o de la el en un una es por para no si estoy quiero "
    "eu me meu minha voce que e o a de do da em um uma para nao sim estou quero".split()
)
# Letters outside the Latin script (Cyrillic, Greek, Arabic, Hebrew, CJK...).
_NON_LATIN = re.compile(r"[^\W\d_a-z]")
_CYRILLIC_PROMO = re.compile(
    r"(?:скидк|акци|бесплатн|заработ|казино|ставк|купит|доставк|заказ|звоните|выгодн|"
    r"распродаж|бонус|кредит|займ|телеграм|рассылк|предложени|дешев|реклам|клиент|"
    # Chinese: invoices and papers for sale, ghost-writing, "honest business", discounts.
    r"代开|发票|代写|代办|证件|诚信经营|优惠|保真|批发|厂家|刷单|兼职|博彩|彩票|推广)"
)


# Words only a sentence in English, Spanish or Portuguese has (not shared with the creoles and
# other languages people also write in), and the words a person uses about themselves.
_FORM_LANGUAGE_WORDS = frozenset(
    "the and is are your with you for this our "
    "el los las con para su sus usted tu nuestro nuestra ustedes en del al y "
    "voce voces com seu sua seus suas nosso nossa os pelo pela em do dos das ao".split()
)
_FIRST_PERSON = frozenset(
    "i im ive id ill me my mine myself "
    "yo me mi mis conmigo estoy quiero tengo puedo soy necesito quisiera deje volvi "
    "eu meu minha meus minhas comigo estou to quero tenho posso sou preciso queria parei "
    "voltei".split()
)
IMPERSONAL_WEIGHT = 2
# The learned spam model (``learned``) reads the message like the spam it was trained on.
# One signal below the threshold, under the credit for asking to come back: a message from
# a person is never quarantined on it, and it tips only a message already close.
LEARNED_SPAM_WEIGHT = 2
# Read surely as spam (``learned.spam_level``) by a message in which nobody speaks of
# themselves: one point below the threshold, so it still needs one more signal (a link, an
# address, a pitch's words), and the credit for asking to come back leaves it at one point.
LEARNED_SPAM_SURE_WEIGHT = SPAM_THRESHOLD - 1


def _learned_points(level: int, plain: str) -> int:
    """The learned spam signal's points: double when the model is sure and nobody in the
    message speaks of themselves ("my portal login at https://... stopped working" reads
    like a phishing notice to the model, and is a person)."""
    if level >= learned.SURELY_SPAM and not _speaks_of_themselves(set(plain.split())):
        return LEARNED_SPAM_SURE_WEIGHT
    return LEARNED_SPAM_WEIGHT if level >= learned.SPAM else 0


def _speaks_of_themselves(words: set[str]) -> bool:
    return bool(words & _FIRST_PERSON)


def _impersonal_points(plain: str) -> int:
    """A message in the form's languages in which nobody speaks of themselves: a pitch, a
    promotion. One signal below the threshold: "is there a group on tuesdays?" is a person.
    """
    words = set(plain.split())
    if len(words & _FORM_LANGUAGE_WORDS) < 2 or _speaks_of_themselves(words):
        return 0
    return IMPERSONAL_WEIGHT


def _brand_run_points(plain: str) -> int:
    """Runs of gambling brand words with no sentence in them: quarantined on that alone."""
    words = plain.split()
    families = {m.group(0)[:5] for m in _BRAND_WORDS.finditer(plain)}
    if len(families) < 3:
        return 0
    sentence = sum(1 for w in words if w in _FUNCTION_WORDS)
    return SPAM_THRESHOLD + 1 if sentence < max(2, len(words) // 10) else 2


def _script_points(norm: str, has_link_or_address: bool) -> int:
    """Another script is one signal below the threshold (a person may write in Russian or
    Chinese); with a link, an address or promotional words it is spam."""
    letters = [ch for ch in norm if ch.isalpha()]
    if not letters:
        return 0
    foreign = sum(1 for ch in letters if _NON_LATIN.match(ch))
    if foreign / len(letters) < 0.4:
        return 0
    promo = bool(_CYRILLIC_PROMO.search(norm))
    return 2 + (3 if has_link_or_address or promo else 0)


# A street address in a promotion ("ул. Ленина, д. 5", "123 Main Street"): abbreviations
# only with their full stop, so ordinary words that start the same way never count.
_STREET_ADDRESS = re.compile(
    r"\b(?:ул|пр|д)\.\s*\w+|\b(?:улица|проспект)\s+\w+"
    r"|\b\d{1,5}\s+\w+\s+(?:st|street|ave|avenue|rd|road)\b"
)


def _link_points(norm: str) -> int:
    links = _LINK.findall(norm)
    if not links:
        return 0
    # One link is weak (a person may paste their clinic portal); more links add up.
    points = 2 + min(len(links) - 1, 3)
    joined = " ".join(links)
    if _SUSPICIOUS_TLD.search(joined):
        points += 2
    if _SHORTENER.search(joined):
        points += 2
    if _SPAMMY_DOMAIN.search(joined):
        points += 2
    return points


def _email_points(norm: str) -> int:
    domains = " ".join("." + d for d in _EMAIL_DOMAIN.findall(norm))
    return 2 if domains and _SUSPICIOUS_TLD.search(domains) else 0


def _vocabulary_points(plain: str) -> int:
    return min(sum(rule.weight for rule in _SPAM_RULES.matches(plain)), _VOCABULARY_CAP)


def spam_score(
    text: str,
    *,
    honeypot_filled: bool = False,
    too_fast: bool = False,
    learned_spam: int | None = None,
) -> int:
    """The sum of the spam signals in a message; 0 for a plain message from a person.

    ``SPAM_THRESHOLD`` or more means quarantine (unless the message has crisis language).
    ``learned_spam``: the learned spam model's verdict when already known, a
    ``learned.spam_level`` (``False`` leaves the signal out, for measuring the rules alone;
    ``True`` is "reads as spam"); None asks the model.
    """
    if learned_spam is None:
        learned_spam = learned.spam_level(text)
    text = text[:MAX_SCREENED_CHARS]
    norm = normalise(text)
    plain = _plain(text)
    links = _link_points(norm)
    # A person's own e-mail address is how they ask to be reached: it never counts here.
    addressed = bool(links or _STREET_ADDRESS.search(norm))
    score = (
        links
        + _email_points(norm)
        + _vocabulary_points(plain)
        + _brand_run_points(plain)
        + _script_points(norm, addressed)
        + _impersonal_points(plain)
        + _learned_points(learned_spam, plain)
    )
    # People do not type HTML or BBCode into a phone form; link-posting robots do.
    if _MARKUP.search(norm):
        score += 4
    # Capitals are how anxious people write too, so they only tip a message already close.
    if _SHOUTING.search(text):
        score += 1
    if _PERSONAL_CONTEXT.any(plain):
        score = max(score - _PERSONAL_CONTEXT_CREDIT, 0)
    if honeypot_filled:
        score += HONEYPOT_WEIGHT
    if too_fast:
        score += TOO_FAST_WEIGHT
    return score
