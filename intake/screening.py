"""Pure screening of an inquiry's message: crisis language and spam signals.

Crisis detection looks for phrases, not single words, in English, Spanish and Brazilian
Portuguese: "I want to kill myself" is a crisis, "the schedule was killing me" is not. Spam
is a score built from several independent signals (links, markup, sales vocabulary, the
honeypot, a too-fast post); no single everyday word can quarantine a message. Crisis
language always wins over every spam signal.

Policy decisions, kept here so they are reviewed with the code:

* Negation: an explicit denial of the present state ("I'm not suicidal, just tired", "no
  estoy pensando en hacerme daño", "não sou suicida") is masked, so it alone does not make a
  message urgent. Any other crisis phrase in the same message still does. "I don't want to
  hurt myself" is *not* masked: it says the thought is there.
* History: a past suicide attempt or self-harm named in the first person ("I tried to kill
  myself last year") stays urgent; a past overdose told as history ("I overdosed in the
  spring and ended up in hospital") is not crisis language by itself. Someone else's
  suicide ("my brother died by suicide") is not.
* Honeypot and a too-fast post are each one signal below the threshold: a password
  manager can fill a hidden field, and a pasted message can be quick. Together, or with
  any other signal, they quarantine.
* A message that asks to come back, tells the writer's own recovery story or asks for help
  gets a credit against its word and link signals: spam never does that.

Limits: these are phrase lists, a safety net and not a classifier. They find the phrasings
they list and close variants (case, accents, apostrophes, hyphens, spelled-out letters,
"kiero" for "quiero"); a new way of saying the same thing can slip through. That is why every
page shows crisis help and every inquiry is read by a person. When a message is missed, add
it to ``tests/data/screening/dev_*.jsonl`` and the phrase here.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SPAM_THRESHOLD = 5

# The form takes at most 5,000 characters. Screening reads at most this many, so an oversized
# post (the flood-limit check screens the raw field before the form validates it) costs a
# bounded time: each character is searched by a few hundred patterns.
MAX_SCREENED_CHARS = 20_000

# Weights of the form signals. Each is below the threshold alone and the two together reach
# it, so a bot that fills the hidden field and posts at once is quarantined on that alone.
HONEYPOT_WEIGHT = 4
TOO_FAST_WEIGHT = 3


class Level:
    """Risk levels screening can set; the same values as ``intake.models.Priority``."""

    ROUTINE = "routine"
    REVIEW = "review"
    URGENT = "urgent"


# The person's own answer to "Are you safe right now?" (``intake.models.Safety`` values).
# Either danger answer makes the inquiry urgent whatever the message says.
SAFETY_URGENT = {"not_safe": "self_report_not_safe", "someone_else": "self_report_someone_else"}
# Answers that say something is wrong: the form's bot signals never quarantine these.
SAFETY_CONCERN = frozenset({"struggling", *SAFETY_URGENT})


@dataclass(frozen=True)
class Screening:
    """The outcome of screening one message.

    ``level`` is a ``Level`` value and ``concept`` the code of what set it (for the timeline:
    a name such as ``self_report_not_safe`` or ``crisis_language``, never the text).
    """

    crisis: bool
    spam_score: int
    quarantine: bool
    level: str = Level.ROUTINE
    concept: str = ""


_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
# Zero-width characters and the soft hyphen hide words from a plain search.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def normalise(text: str) -> str:
    """Lower case, accents and apostrophes removed, invisible characters dropped, spaces folded.

    Compatibility forms (full-width letters, ligatures) fold to their plain letters.
    """
    decomposed = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_APOSTROPHES).lower().split())


_SPELLED_OUT = re.compile(r"\b(?:[a-z] ){3,}[a-z]\b")
# Text-message spellings of the words the crisis phrases are built on.
_SPELLINGS = {
    "kiero": "quiero",
    "qiero": "quiero",
    "kero": "quero",
    "qro": "quero",
    "qero": "quero",
}
_SPELLING = re.compile(r"\b(?:" + "|".join(_SPELLINGS) + r")\b")


def _plain(text: str) -> str:
    """``normalise`` with hyphens, underscores, slashes and asterisks read as spaces.

    So "self-harm", "self_harm" and "k*ll myself" style spellings meet the same phrase.
    Sentence punctuation is kept: several rules end a phrase at a clause boundary.
    """
    spaced = " ".join(re.sub(r"[-_/*~+]+", " ", normalise(text)).split())
    # Letters spelled out one by one ("k i l l", "k-i-l-l") are read as the word.
    spaced = _SPELLED_OUT.sub(lambda m: m.group(0).replace(" ", ""), spaced)
    return _SPELLING.sub(lambda m: _SPELLINGS[m.group(0)], spaced)


@dataclass(frozen=True)
class Rule:
    """A compiled phrase pattern, the fragments one of which every match contains, a weight."""

    pattern: re.Pattern[str]
    needles: frozenset[str] | None  # None: no fragment is certain, always search
    weight: int = 1


class RuleSet:
    """Phrase patterns searched together, skipping those whose fragments the text lacks.

    Searching a few hundred patterns through every message cost about a millisecond a form
    post. Each pattern's fragments (plain strings one of which any match must contain) are
    worked out from the pattern itself, so the text is first asked which fragments it holds
    (substring tests) and only the few patterns that could match are searched. The result is
    the same as searching every pattern (measured by `make bench`; tested on the labelled sets).
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self.fragments = frozenset().union(*(r.needles for r in self.rules if r.needles))

    def __iter__(self):
        return iter(self.rules)

    def candidates(self, text: str) -> list[Rule]:
        """The rules that may match ``text``: every other rule certainly does not."""
        present = {f for f in self.fragments if f in text}
        return [r for r in self.rules if r.needles is None or not r.needles.isdisjoint(present)]

    def matches(self, text: str) -> list[Rule]:
        return [r for r in self.candidates(text) if r.pattern.search(text)]

    def any(self, text: str) -> bool:
        return any(r.pattern.search(text) for r in self.candidates(text))


def _rule(pattern: str, weight: int = 1) -> Rule:
    compiled = re.compile(pattern)
    needles = None
    if not compiled.flags & re.IGNORECASE:
        needles = _needles(_sre_parser.parse(pattern, compiled.flags).data)
    return Rule(compiled, needles, weight)


def _needles(items) -> frozenset[str] | None:
    """Strings at least one of which appears in every match of this parsed sequence.

    Follows runs of literal characters, groups, alternations (the union of the branches'
    fragments) and repeats that occur at least once. Of the candidates in a sequence the most
    selective (longest shortest string) is kept. None when nothing is certain.
    """
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if op is _sre.AT:  # \b, ^, $: zero width, the literals around it stay adjacent
            continue
        flush()
        found = None
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            found = None if add_flags & re.IGNORECASE else _needles(sub.data)
        elif op is _sre.BRANCH:
            branches = [_needles(branch.data) for branch in av[1]]
            if branches and all(b is not None for b in branches):
                found = frozenset().union(*branches)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            found = _needles(sub.data) if low >= 1 else None
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(n) for n in c), -len(c)))


def _compile(patterns: Iterable[str]) -> RuleSet:
    return RuleSet(_rule(p) for p in patterns)


# --- Crisis language ------------------------------------------------------------------------

# A phrase "ends" at a clause boundary or at the end of the message.
_END = r"(?=\s*(?:$|[.,;:!?)]))"
_MYSELF = r"(?:myself|my self|meself)"
# Idioms that follow "die/morir/morrer": dying of embarrassment is not dying.
_IDIOM_OF = (
    r"(?:verguenza|vergonha|risa|rir|risada|ganas|vontade|sueno|sono|hambre|fome|calor|frio|"
    r"aburrimiento|tedio|pena|nervios|nervoso|envidia|inveja|amor|cansancio|cansaco|saudade|"
    r"susto|curiosidad|curiosidade|emocion|emocao|gusto|embarrassment|shame|laughter|laughing|"
    r"boredom|cringe)"
)
# Accidents that follow "cut/cortar": a kitchen knife or a razor is not self-harm.
_ACCIDENT = (
    r"(?:cooking|shaving|by accident|accidentally|cocinando|afeitandome|rasurandome|"
    r"por accidente|sin querer|cozinhando|fazendo a barba|me barbeando|sem querer|por acidente|"
    r"el pelo|el cabello|las unas|el fleco|o cabelo|as unhas|a franja)"
)
_ACCIDENT_NEAR = rf"(?!(?:\s+\S+){{0,5}}?\s+{_ACCIDENT}\b)"
# What a person could take all of at once.
_DOSES = (
    r"(?:pills|meds|medication|medicine|tablets|xanax|klonopin|valium|ativan|benzos|oxys?|"
    r"oxycodone|percs|percocet|fentanyl|heroin|dope|insulin|tylenol|ambien|seroquel|lithium|"
    r"sleeping pills|painkillers|pain pills|pastillas?|medicinas?|medicamentos?|remedios?|"
    r"comprimidos?|pilulas?|calmantes|clonazepam|rivotril|insulina)"
)

_CRISIS_PATTERNS: dict[str, list[str]] = {
    "en": [
        # Killing, hurting, cutting oneself. Overwork idioms ("killing myself at work"),
        # accidents ("hurt myself at the gym", "cut myself shaving") and "cut myself off from
        # everyone" (withdrawal) are not.
        rf"\b(?:kill+|kil+ing|killin|end|ending|hang|hanging|shoot|shooting|drown|drowning|"
        rf"off|offing|unalive|unaliving) ?{_MYSELF}\b"
        r"(?! (?:at work|at the gym|working|laughing|trying to|to (?:make|get|keep|pay|finish)))",
        r"\bkms\b",
        r"\bunalive\b",
        rf"\b(?:hurt|hurting|harm|harming) ?{_MYSELF}\b"
        r"(?! (?:at (?:work|the gym|practice)|lifting|playing|running|skiing|falling|"
        r"in (?:a|the) (?:fall|game|accident)|on the job))",
        rf"\b(?:cut|cuts|cutting) (?:{_MYSELF}|my (?:arms?|wrists?|legs?|thighs?|skin))\b"
        r"(?! (?:off|some slack|a break|short|out|loose|free|on (?:a|an|the|some|broken|paper)\b))"
        + _ACCIDENT_NEAR,
        r"\b(?:slit|slash|slitting|slashing) (?:my )?wrists?\b",
        r"\bself ?(?:harm|harming|harmed|injury|injuring|mutilation)\b",
        # Ending one's life, wanting to die.
        r"\b(?:end|ending|take|taking|took) (?:my|my own) life\b",
        r"\bend(?:ing)? it all\b",
        r"\b(?:(?:want|wanna|going|gonna|plan|planning|ready|decided|about) (?:to )?|"
        r"(?:should|could|might|will) (?:just )?)end (?:it|things)\b(?! with)",
        r"\bplan to end (?:it|things|my life)\b",
        r"\bsuicidal\b",
        r"\bsuicide (?:note|plan|letter|attempt|attempts)\b",
        r"\b(?:commit|commiting|committing|attempt|attempting|attempted|tried|try) suicide\b",
        r"\b(?:think|thinking|thinkin|thought|thoughts|fantasi[sz]ing) (?:about|of|abt) "
        r"(?:suicide|dying|killing myself|ending (?:it|it all|things|my life)|"
        r"taking my (?:own )?life|not waking up)\b",
        r"\bthink(?:ing)? about death (?:all the time|every day|constantly|a lot)\b",
        rf"\b(?:want|wanna|going|gonna|ready|plan|planning|deserve|just want) (?:to )?die\b"
        rf"(?! (?:of|from) {_IDIOM_OF})",
        r"\bwant to be dead\b",
        r"\b(?:rather|prefer to) be dead\b",
        r"\bwish (?:i|id) (?:was|were|had been|could be) dead\b",
        r"\bwish (?:i|id) (?:wasnt|werent|was not|were not) (?:alive|here|around|born)\b",
        r"\bwish i (?:had )?never (?:been born|woke up)\b",
        rf"\bfeel like (?:dying|ending it|killing myself|ending my life)\b"
        rf"(?! (?:of|from) {_IDIOM_OF})",
        r"\bbetter (?:if|that) i (?:died|was dead|were dead|was gone|were gone|wasnt here|"
        r"werent here|wasnt around)\b",
        r"\bdone with (?:this |my )?(?:life|living|being alive)\b(?! of)",
        r"\bleave this world\b",
        r"\b(?:disappear|vanish) (?:forever|for good|and never come back)\b",
        r"\b(?:go to |fall )?sleep forever\b",
        r"\b(?:ways|way|how) to (?:die|kill myself|end it|end my life|commit suicide|overdose)\b",
        # Not wanting to live or to wake up; not expecting to be here. "I don't want to live
        # with my parents" is not.
        r"\b(?:dont|do not|dont really|no longer|not sure i) (?:want|wanna|wish) (?:to )?"
        r"(?:live|be alive|exist|keep living|wake up)\b"
        r"(?! (?:with|in|at|near|there|alone|by myself|on my own|far|close|so far))",
        r"\b(?:dont|do not) (?:want|wanna) to be (?:here|around) any ?more\b",
        r"\b(?:stop|to stop) existing\b",
        rf"\b(?:tired|sick) of (?:living|being alive|life)(?: any ?more)?{_END}",
        rf"\bcant (?:keep|go on|carry on) living(?: like this)?{_END}",
        # "I can't go on Tuesdays" is a schedule, so the phrase must end here.
        rf"\bcant (?:go on|keep going|do this any ?more|take (?:it|this) any ?more|"
        rf"live like this)(?: like this)?(?: any ?more)?{_END}",
        r"\bcant (?:go on|keep going) (?:living|with life|like this)\b",
        r"\b(?:dont know|do not know|idk|not sure) how (?:much )?(?:longer|long) i can "
        r"(?:keep going|go on|hold on|take (?:it|this)|do this)\b",
        r"\b(?:not gonna|not going to|wont|will not) be (?:around|here|alive) (?:much |for )?"
        r"(?:longer|any ?more|tomorrow|for long)\b",
        r"\b(?:dont|do not|wont|not)\b(?:\W+\w+){0,3}?\W+make it (?:through|past) "
        r"(?:the night|tonight|this night)\b",
        rf"\bin case i (?:dont|do not) make it{_END}",
        r"\b(?:dont|do not|never) want to wake up\b",
        r"\bhope i (?:dont|never) wake up\b",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:if|what if) i (?:just )?(?:didnt|never|dont) wake up\b",
        r"\b(?:dont|do not) care (?:if|whether) i (?:die|live|wake up|dont wake up|od)\b",
        # No reason to live.
        r"\b(?:no|not any|dont have a|dont see (?:a|any|the)|cant see (?:a|any|the)|"
        r"lost (?:my|the|all)?|without a|there is no|theres no) ?(?:reason|point|will) "
        r"(?:to|in|for) (?:live|living|go on|going on|keep going|be alive|life|being alive)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\blost the will to live\b",
        r"\b(?:whats|what is) the point (?:of|in) (?:living|life|being alive|going on)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|is no longer) worth (?:living|it)\b",
        r"\bwant (?:it|it all|everything|my life|this) to (?:be over|end|stop)\b",
        r"\b(?:except|but|other than|only) (?:ending it|dying|death|suicide|killing myself)\b",
        r"\b(?:death|dying) would be (?:a relief|easier|better)\b",
        # Feeling a burden.
        r"\bbetter off (?:dead|without me|if i (?:was|were|wasnt|werent) (?:dead|gone|here))\b",
        r"\b(?:everyone|everybody|they|my family|my kids|the world|people)(?: would| will|d)? "
        r"be better (?:off )?without me\b",
        r"\b(?:no one|nobody) (?:would|will|is going to) (?:even )?(?:miss|notice|care about) me\b",
        r"\b(?:no one|nobody) would (?:even )?(?:notice|care)\b",
        r"\b(?:doing|do) (?:everyone|everybody|them|the world|my family) a favou?r (?:by (?:dying|"
        r"leaving for good|disappearing|killing myself)|if i (?:died|was gone|disappeared))\b",
        # Overdose on purpose. A dose taken as prescribed ("I take all my pills in the
        # morning") is not; an overdose told as history is not.
        r"\b(?:want to|wanna|going to|gonna|plan(?:ning)? to|about to|trying to) "
        r"(?:od|overdose)\b",
        r"\b(?:od|overdose|overdosing) (?:on purpose|tonight|today|now|this (?:week|weekend))\b",
        r"\bhope (?:i (?:die|od|overdose)|(?:it|this|the next one) kills me)\b",
        r"\b(?:took|take|taking|swallowed|swallow|gonna take|going to take) "
        r"(?:a bunch|all|a lot|a handful|the whole (?:bottle|pack|box)|everything) "
        rf"(?:of )?(?:my |the |these )?{_DOSES}\b"
        r"(?! (?:today|this morning|in the morning|at night|every day|daily|now|as prescribed|"
        r"on time|like (?:i|im) supposed))",
        rf"\b(?:thinking (?:of|about)|going to|gonna|want to|wanna|plan(?:ning)? to|about to) "
        rf"(?:take|taking|swallow|swallowing) (?:all|every|a bunch|the rest) (?:of )?"
        rf"(?:my |the )?{_DOSES}\b",
        rf"\b{_DOSES} at once\b",
        r"\bthe whole bottle\b",
        r"\b(?:took|swallowed) (?:a|an entire|a whole) (?:bottle|pack|box) of\b",
        r"\b(?:take|took|swallow|swallowed|taking) every (?:pill|tablet)\b",
        r"\b(?:pills|meds|tablets) (?:lined up|saved up|stockpiled|stashed)\b",
        rf"\b(?:stockpil\w+|hoarding|saving up|stashing) (?:all )?(?:my |the )?{_DOSES}\b",
        r"\b(?:use|take|do) (?:everything|all) (?:i have|ive got|i got) left\b",
        r"\b(?:use|using|drink|drinking) (?:until|till|til) i (?:die|am dead|m dead)\b",
        r"\bdrink(?:ing)? myself to death\b",
        # Means at hand, places, methods.
        r"\b(?:bought|got|buying|looking at|holding|loaded) (?:a |my |the )?(?:gun|pistol|"
        r"firearm|rope|noose)\b(?! (?:license|permit|safe|course|class))",
        r"\bhave (?:a |my |the )?(?:gun|pistol|rope|noose) (?:ready|loaded|here|next to me|"
        r"in my hand)\b",
        r"\b(?:gun|rope|pills|knife|blade|razor) (?:is |are )?(?:ready|loaded|in my hand|"
        r"next to me)\b",
        r"\b(?:bought|have|got|drink|drank|take|took|swallow) (?:some |the )?(?:rat )?poison\b",
        r"\bgarage\b.{0,40}\bengine (?:running|on)\b",
        r"\b(?:jump|jumping|throw myself|throwing myself) (?:off|from|in front of) "
        r"(?:a |the |this |that )?(?:bridge|building|roof|train|overpass|balcony|cliff|car|truck|"
        r"bus)\b",
        rf"\b(?:going to|gonna|about to|ready to) jump{_END}",
        r"\b(?:im|i am) (?:on|at) (?:the|a) (?:bridge|ledge|edge of the roof)\b",
        r"\b(?:drive|driving|crash|crashing) (?:my car )?(?:off (?:a|the) (?:road|bridge|cliff)|"
        r"into (?:a|the) (?:wall|tree|river)|on purpose)\b",
        # Not safe now; farewells.
        r"\b(?:im|i am|i m) not safe\b",
        r"\bnot safe (?:right now|tonight|with myself|alone|by myself|around myself)\b",
        r"\bdont feel safe (?:with myself|right now|tonight|alone|around myself)\b",
        r"\bgoodbye (?:forever|everyone|everybody|all)\b",
        r"\b(?:this is|its) my (?:last|final) (?:message|goodbye|night)\b",
        r"\bgoodbye (?:letter|note)\b",
        r"\bgiving away (?:all )?my (?:stuff|things|belongings)\b",
    ],
    "es": [
        # Matarse, hacerse daño, cortarse. "Me mato trabajando" (overwork) and "me corté el
        # pelo / cocinando" are not.
        r"\b(?:matarme|suicidarme|autolesionarme|ahorcarme|colgarme|dispararme|envenenarme)\b"
        r"(?! (?:trabajando|estudiando|de (?:risa|trabajo)))",
        r"\bme (?:quiero|voy a|pienso|gustaria) (?:matar|suicidar|ahorcar)\b"
        r"(?! (?:trabajando|estudiando|de (?:risa|trabajo)))",
        r"\b(?:hoy|esta noche|manana|ya) me mato\b(?! (?:trabajando|estudiando|de))",
        r"\bpegarme un tiro\b",
        r"\b(?:hacerme|me voy a hacer|me quiero hacer|me hago|me hice) dano\b",
        r"\b(?:estoy|sigo|vuelvo a|voy a|quiero) (?:hacerme|haciendome|haciendo) dano\b",
        r"\bme (?:estoy|sigo|vuelvo a) (?:haciendo dano|lastimando)\b",
        r"\blastimarme\b",
        rf"\b(?:cortarme|me corto|me corte|me estoy cortando|me sigo cortando|"
        rf"me volvi a cortar)\b{_ACCIDENT_NEAR}",
        r"\bautolesion(?:es)?\b",
        # Quitarse la vida, querer morir. "Me muero de ganas de volver" is not.
        r"\bquitarme la vida\b",
        r"\bme (?:\w+ ){1,2}quitar la vida\b",
        r"\b(?:quitar|terminar|acabar|poner fin a|ponerle fin a) (?:con )?mi (?:propia )?vida\b",
        r"\bsuicidas?\b",
        r"\b(?:pensando|pienso|pensar|pensamientos?|ideas?|ideacion|planeando|plan) "
        r"(?:en |de |del )?(?:el )?suicidio\b",
        r"\bintento de suicidio\b",
        r"\b(?:pienso|pensando|pensar) en la muerte\b",
        rf"\b(?:me quiero|quiero|quisiera|me gustaria|tengo ganas de|ganas de|deseo|me voy a) "
        rf"morir(?:me)?\b(?! de {_IDIOM_OF})",
        r"\b(?:quisiera|ojala|desearia|quiero|preferiria) (?:estar|estuviera) muert[oa]s?\b",
        r"\bprefiero estar muert[oa]\b",
        r"\bojala (?:me muriera|me muera|no despertar|no despierte|no haber nacido)\b",
        r"\bme da igual (?:morir|morirme|si me muero)\b",
        r"\b(?:lo mejor|mejor) (?:es|seria|sera) (?:morir|morirme|matarme|desaparecer|"
        r"que me muera)\b",
        r"\b(?:irme|ir) de este mundo\b",
        r"\bdesaparecer (?:para siempre|del mundo|de este mundo)\b",
        r"\bdormir(?:me)? para siempre\b",
        # No querer vivir ni despertar; no esperar seguir aquí. "No quiero vivir con mi ex"
        # and "ya no puedo ir los lunes" are not.
        r"\b(?:no|ya no) (?:quiero|tengo ganas de) (?:seguir )?"
        r"(?:vivir|viviendo|despertar|despertarme|estar viv[oa]|existir)\b"
        r"(?! (?:con|en|aqui|alla|ahi|cerca|sol[oa]|lejos|junto))",
        r"\bno (?:tengo )?ganas de vivir\b",
        r"\b(?:no quiero|ya no quiero) (?:seguir )?existi(?:r|endo)\b",
        r"\b(?:dejar de|parar de) (?:existir|vivir)\b",
        r"\bya no quiero estar aqui\b",
        rf"\bno quiero (?:seguir )?estar aqui{_END}",
        r"\b(?:estoy|ya me) (?:cansad[oa] de|canse de) vivir\b"
        r"(?! (?:en|con|de|lejos|cerca|sol[oa]|aqui|alla|rentando))",
        rf"\b(?:ya )?no (?:puedo|aguanto|soporto) (?:mas|con (?:esta|la|mi) vida)"
        rf"(?:{_END}| de vivir| con (?:esta|la|mi) vida| vivir)",
        r"\b(?:quisiera|quiero|ojala|deseo|me gustaria) no (?:despertar|despertarme|volver a "
        r"despertar)\b",
        r"\b(?:dormirme|dormir) y (?:no|nunca) (?:volver a )?despertar\b",
        r"\bno despertar(?:me)? nunca\b",
        r"\bno voy a estar (?:aqui|viv[oa]) (?:manana|mucho tiempo)\b",
        r"\bno (?:creo que )?(?:pase|paso|llegue|llego) (?:de esta noche|a manana)\b",
        # Sin razón para vivir.
        r"\b(?:no|sin) (?:tiene|tengo|hay|le encuentro|le veo|encuentro|veo) (?:ningun |el |mas )?"
        r"(?:sentido|razon|razones|motivo|motivos) (?:a la vida|de la vida|de vivir|para vivir|"
        r"por el que vivir|seguir viviendo|a vivir|a nada)\b",
        r"\bno tiene (?:caso|sentido) (?:seguir viviendo|vivir|seguir)\b",
        r"\bno vale la pena (?:vivir|seguir viviendo|seguir)\b",
        r"\b(?:la vida|vivir) (?:ya )?no vale la pena\b",
        r"\bnada por (?:lo )?que vivir\b",
        r"\b(?:acabar|terminar) con todo\b(?! (?:el|los|la|las|lo que|eso de))",
        r"\bla muerte seria (?:un alivio|mas facil|mejor)\b",
        r"\bseria mas facil (?:morir|morirme|estar muert[oa])\b",
        # Ser una carga.
        r"\b(?:todos|mi familia|mis hijos|el mundo|todo el mundo|la gente) "
        r"(?:estarian|estaria|estaran|estara) mejor sin mi\b",
        r"\b(?:estarian|estaria|estaran) mejor sin (?:mi|su (?:madre|padre|mama|papa))\b",
        r"\b(?:estaria|estarian) mejor muert[oa]\b",
        r"\bnadie (?:me )?(?:extranaria|va a extranar|notaria)\b",
        r"\bnadie (?:se )?(?:daria cuenta|notaria|va a notar)\b",
        # Sobredosis a propósito. "Quiero dejar de tomar de una vez por todas" is not.
        r"\bsobredosis (?:a proposito|esta noche|hoy|intencional)\b",
        r"\b(?:quiero|voy a) (?:darme |tener |provocarme )?una sobredosis\b",
        r"\b(?:tomarme|me voy a tomar|me tome|me tomo|tome|tomar) (?:todas|todos) "
        r"(?:las|los|mis) (?:pastillas|pildoras|medicamentos|medicinas|remedios)\b"
        r"(?! (?:del dia|de hoy|como|a tiempo))",
        rf"\b(?:pensando en|quiero|voy a|pienso) (?:tomar(?:me)?|tragar(?:me)?) (?:todas|todos) "
        rf"(?:las |los |mis )?{_DOSES}\b",
        r"\b(?:me las|las) (?:voy a tomar|tomo|tome|tomare) todas\b|\btomarmelas todas\b",
        rf"\b(?:tomar(?:me)?(?:las|los)?|tragar(?:me)?(?:las|los)?) (?:todas|todos) "
        rf"(?:las |los |mis )?(?:{_DOSES} )?de (?:una|un) (?:vez|golpe)\b(?! por todas)",
        rf"\b{_DOSES} de (?:una|un) (?:vez|golpe)\b(?! por todas)",
        r"\b(?:me tome|tome|me tomo|tomarme) (?:un|el|todo el|una|la) (?:frasco|bote|blister|caja)"
        r"(?: entero| entera)? de\b",
        r"\b(?:ya )?(?:tengo|junte|guarde) (?:las|mis|suficientes) pastillas "
        r"(?:listas|guardadas|juntas|separadas)\b",
        r"\b(?:tomar|beber|consumir|usar) hasta (?:morir|morirme|matarme)\b",
        # Medios y lugares.
        r"\b(?:compre|tengo|tomar|tomarme|tome|me tome) (?:el |un |este )?veneno\b",
        r"\bveneno (?:para|de) (?:ratas|raton|ratones)\b",
        r"\b(?:tirarme|aventarme|lanzarme|arrojarme|me (?:voy a |quiero )?(?:tirar|aventar|lanzar|"
        r"arrojar)) (?:de|del|desde|al|a las|a la|frente al?) "
        r"(?:un |una |el |la )?(?:puente|edificio|techo|azotea|metro|tren|vias|carro|balcon)\b",
        r"\b(?:estoy|me encuentro) en (?:el|la) (?:puente|azotea|orilla del techo)\b",
        # No estar a salvo; despedidas. "No estoy seguro" (not sure) is not.
        r"\bno estoy a salvo\b",
        r"\b(?:no me siento) (?:a salvo|segur[oa]) (?:conmigo|esta noche|ahora)\b",
        r"\b(?:despedirme de todos|esta es mi despedida|adios para siempre)\b",
        r"\b(?:carta|nota) de despedida\b",
        r"\bregalar (?:todas )?mis cosas\b",
    ],
    "pt": [
        # Se matar, se machucar, se cortar. "Eu me mato de trabalhar" and "me cortei
        # cozinhando" are not.
        r"\b(?:me matar|me suicidar|me enforcar|me envenenar)\b"
        r"(?! (?:de (?:trabalhar|rir|estudar|trabalho)|trabalhando|estudando))",
        r"\b(?:hoje|essa noite|esta noite|amanha)(?: eu)? me mato\b(?! (?:de|trabalhando))",
        r"\beu me mato\b(?! (?:de|trabalhando|estudando))",
        r"\bme dar um tiro\b",
        r"\b(?:me machucar|me ferir)\b(?! (?:no|na) (?:trabalho|academia|jogo|futebol|treino))",
        r"\b(?:me machucando|me ferindo)\b(?! (?:no|na) (?:trabalho|academia|jogo|futebol|treino))",
        rf"\b(?:me cortar|me cortando|me cortei|me corto)\b{_ACCIDENT_NEAR}",
        r"\b(?:automutilacao|autolesao|me automutilar|me mutilar)\b",
        # Tirar a própria vida, querer morrer. "Morrendo de vontade de voltar" is not.
        r"\b(?:tirar|dar (?:um )?fim (?:a|na|em)|acabar com) (?:a )?(?:minha )?(?:propria )?vida\b",
        r"\bsuicidas?\b",
        r"\b(?:pensando|penso|pensar|pensamentos?|ideias?|ideacao|planejando|plano) "
        r"(?:em |de |no )?(?:o )?suicidio\b",
        r"\btentativa de suicidio\b",
        r"\b(?:penso|pensando|pensar) na morte\b",
        rf"\b(?:quero|queria|to querendo|tou querendo|estou querendo|tenho vontade de|"
        rf"vontade de|desejo) morrer?\b(?! de {_IDIOM_OF})",
        r"\bvou morrer (?:hoje|essa noite|esta noite)\b",
        r"\b(?:queria|quero|preferia|gostaria de) (?:estar|tar|ta|ter) mort[oa]s?\b",
        r"\bprefiro estar mort[oa]\b",
        r"\btomara que eu morra\b",
        r"\btanto faz se eu (?:morrer|morro)\b",
        r"\b(?:o melhor|melhor) (?:e|seria|ia ser) (?:eu )?(?:morrer|me matar|sumir)\b",
        r"\b(?:ir embora|partir|sair) (?:desse|deste) mundo\b",
        r"\b(?:sumir|desaparecer) (?:pra sempre|para sempre|do mundo)\b",
        r"\bdormir (?:pra|para) sempre\b",
        # Não querer viver nem acordar; não esperar estar aqui. "Não quero mais viver com
        # meus pais" and "não aguento mais ficar sem o grupo" are not.
        r"\b(?:nao|n|naum|nem) (?:quero|to querendo|tenho vontade de) (?:mais )?"
        r"(?:viver|acordar|estar viv[oa]|existir|continuar vivendo|continuar viv[oa])\b"
        r"(?! (?:com|em|aqui|la|perto|sozinh[oa]|longe|junto|no|na))",
        r"\b(?:sem|nao tenho(?: mais)?|perdi a) vontade de viver\b",
        r"\b(?:nao quero|n quero|quero) (?:mais |continuar )?(?:parar de )?existir\b",
        r"\bparar de (?:existir|viver)\b",
        r"\b(?:nao|n) quero mais estar aqui\b",
        r"\b(?:cansei|cansad[oa]) de viver\b"
        r"(?! (?:no|na|em|com|de|longe|perto|sozinh[oa]|aqui|la|de aluguel))",
        rf"\b(?:ja )?(?:nao|n) (?:aguento|suporto|consigo) mais(?:{_END}| viver|"
        rf" (?:essa|esta|a|minha) vida)",
        r"\b(?:queria|quero|gostaria de|tomara que eu) (?:nao|n) (?:acordar|acorde|acordasse)\b",
        r"\bdormir e (?:nunca mais|nao) acordar\b",
        r"\b(?:nao|n) vou estar (?:aqui|viv[oa]) (?:amanha|por muito tempo)\b",
        r"\b(?:acho que )?(?:nao|n) (?:passo|chego) (?:dessa|desta|de hoje a) noite\b",
        # Sem motivo para viver.
        r"\b(?:nao|n) (?:vejo|tem|ha|encontro) (?:mais )?(?:nenhum )?(?:sentido|motivo|razao|"
        r"razoes|motivos) (?:em|na|pra|para|de) (?:viver|vida|continuar vivendo|continuar|nada)\b",
        r"\bsem (?:sentido|motivo|razao) (?:pra|para) viver\b",
        r"\bnada pelo que viver\b",
        r"\b(?:a vida|viver) (?:ja )?(?:nao|n) vale (?:mais )?a pena\b",
        r"\bnao vale a pena (?:viver|continuar vivendo|continuar)\b",
        r"\bacabar com tudo\b(?! (?:o|os|a|as|que))",
        r"\b(?:so|somente|apenas) (?:a )?morte\b",
        r"\ba morte seria (?:um alivio|mais facil|melhor)\b",
        r"\bseria mais facil (?:morrer|estar mort[oa])\b",
        # Ser um peso.
        r"\b(?:todo mundo|minha familia|meus filhos|o mundo|todos|as pessoas) "
        r"(?:ficaria|ficariam|estaria|estariam|vai ficar|vao ficar|fica) melhor sem mim\b",
        r"\b(?:ficariam|ficaria|estariam|estaria) melhor sem (?:mim|a mae deles|o pai deles|"
        r"sua mae|seu pai)\b",
        r"\bninguem (?:sentiria|vai sentir) (?:a )?minha falta\b",
        r"\bninguem (?:ia|iria|vai|vai nem) (?:notar|perceber|sentir (?:a )?(?:minha )?falta)\b",
        # Overdose de propósito. "Quero parar de beber de uma vez por todas" is not.
        r"\boverdose (?:de proposito|proposital|hoje|essa noite|esta noite)\b",
        r"\b(?:quero|vou) (?:ter |tomar )?uma overdose\b",
        r"\b(?:tomar|tomei|vou tomar|tomo|tomando) (?:todos|todas) (?:os|as) (?:meus |minhas )?"
        r"(?:remedios|comprimidos|pilulas|calmantes)\b"
        r"(?! (?:do dia|de hoje|certinho|na hora))",
        r"\btomar (?:tudo|todos|todas) de uma vez\b(?! por todas)",
        rf"\btomei (?:um monte|uma cartela|um vidro|um frasco|uma caixa|varios|muitos|muitas) "
        rf"(?:de )?{_DOSES}\b",
        r"\btomei (?:a cartela|a caixa|o vidro|o frasco) (?:toda|todo|inteira|inteiro)\b",
        r"\bseparei (?:os|as|uns|umas|meus|minhas) (?:comprimidos|remedios|pilulas|calmantes)\b",
        r"\b(?:beber|usar|tomar) ate morrer\b",
        # Meios e lugares.
        r"\b(?:comprei|tenho|tomar|tomei|beber|bebi) (?:o |um |uns )?veneno\b",
        r"\bveneno de rato\b|\bchumbinho\b",
        r"\b(?:me jogar|pular|me atirar) (?:da|de|do|na frente d[eoa]|embaixo d[eoa]) "
        r"(?:um |uma |da |do )?(?:ponte|predio|janela|trem|metro|carro|onibus|viaduto|sacada)\b",
        r"\b(?:to|tou|estou) (?:na|em cima da) (?:ponte|beira do predio|laje)\b",
        # Não estar seguro; despedidas. "Não estou seguro se posso voltar" (not sure) is not.
        r"\b(?:nao|n) (?:estou|to|tou) segur[oa]\b"
        r"(?! (?:se|de|que|sobre|do|da|quanto|com relacao|em relacao))",
        r"\bnao me sinto segur[oa] (?:comigo|hoje|agora|sozinh[oa])\b",
        r"\b(?:me despedir de todos|essa e minha despedida|adeus para sempre)\b",
        r"\b(?:carta|bilhete) de despedida\b",
        r"\bdar (?:todas )?as minhas coisas\b",
    ],
}
_CRISIS = _compile(p for patterns in _CRISIS_PATTERNS.values() for p in patterns)

# Explicit denials of the present state. The denied phrase is blanked out before the crisis
# search, so "I'm not suicidal, just tired" is routine while "not suicidal, but I want to die"
# is still urgent. Only "not / never / no longer" style cues count: "can't stop thinking about
# killing myself" and "I don't want to hurt myself" are not denials. "I don't want to die
# like my dad did" is: it says the wish to live, and would otherwise match "want to die".
_CRISIS_CORE_EN = (
    r"(?:suicidal|suicide|kill(?:ing)? myself|hurt(?:ing)? myself|harm(?:ing)? myself|"
    r"cut(?:ting)? myself|end(?:ing)? (?:it|my life)|self harm(?:ing)?|taking my (?:own )?life)"
)
_CRISIS_CORE_ES = (
    r"(?:suicid\w*|matarme|hacerme dano|lastimarme|cortarme|quitarme la vida|autolesion\w*)"
)
_CRISIS_CORE_PT = r"(?:suicid\w*|me matar|me machucar|me ferir|me cortar|tirar (?:a )?minha vida)"
_NEGATIONS = _compile(
    [
        r"\b(?:not|never|no longer|isnt|arent|wasnt) (?:at all |even |really |currently )?"
        r"(?:feeling |been |being |going to |gonna |planning (?:to |on )|thinking (?:about |of )|"
        r"about to |having thoughts (?:about |of )|trying to )?" + _CRISIS_CORE_EN + r"\b",
        r"\bno (?:suicidal|self harm) (?:thoughts|ideation|plans?|feelings)\b",
        r"\b(?:dont|do not) have (?:any )?(?:suicidal thoughts|thoughts (?:of|about) "
        + _CRISIS_CORE_EN
        + r")\b",
        r"\bno thoughts (?:of|about) " + _CRISIS_CORE_EN + r"\b",
        r"\b(?:dont|do not) (?:want|wanna) to die\b",
        r"\bno (?:estoy|ando|me siento|soy|tengo|voy a|pienso|planeo) (?:pensando en |"
        r"pensamientos |ideas |planes de |intencion de |ganas de )?" + _CRISIS_CORE_ES + r"\b",
        r"\bnunca (?:he )?(?:sido|estado|pensado en|tenido) (?:pensamientos |ideas )?"
        + _CRISIS_CORE_ES
        + r"\b",
        r"\bno (?:me quiero|quiero) morir\b",
        r"\b(?:nao|n|nunca) (?:estou|to|tou|sou|me sinto|tenho|penso|vou|pretendo|ando|fui) "
        r"(?:pensando em |pensamentos |ideias |vontade de |planos de )?" + _CRISIS_CORE_PT + r"\b",
        r"\bnao quero morrer\b",
    ]
)


def has_crisis_language(text: str) -> bool:
    """True when the message holds a phrase saying the writer may be in danger now."""
    plain = _plain(text[:MAX_SCREENED_CHARS])
    for negation in _NEGATIONS.candidates(plain):
        plain = negation.pattern.sub(" ~ ", plain)
    return _CRISIS.any(plain)


# Words near crisis that are not crisis language on their own ("I've been so hopeless",
# "drinking again", "no aguanto más"). With the person's own "I'm struggling" they make the
# inquiry "possible risk — review today"; alone they change nothing.
_RISK_WORDS = _compile(
    [
        # English
        r"\b(?:hopeless\w*|worthless|helpless|burden|trapped|empty inside|numb)\b",
        r"\b(?:give up|giving up|gave up|cant go on|cant do this|cant take (?:it|this))\b",
        r"\b(?:die|dying|dead|death|suicid\w*|kill\w*|hurt(?:ing)? myself|harm\w*)\b",
        r"\b(?:overdos\w*|pills|relaps\w*|using again|drinking again|high again)\b",
        r"\b(?:unsafe|not safe|scared|panic\w*|alone|no one|nobody cares)\b",
        # Spanish
        r"\b(?:sin esperanza|desesperad[oa]|no valgo nada|una carga|atrapad[oa]|vaci[oa])\b",
        r"\b(?:no aguanto|no puedo mas|rendirme|me rindo|ya no puedo)\b",
        r"\b(?:morir\w*|muert[eo]\w*|suicid\w*|matar\w*|lastimarme|hacerme dano)\b",
        r"\b(?:sobredosis|pastillas|reca(?:i|ida)\w*|consumiendo otra vez|bebiendo otra vez)\b",
        r"\b(?:no estoy a salvo|no me siento segur[oa]|mied[oa]|sol[oa]|nadie)\b",
        # Brazilian Portuguese
        r"\b(?:sem esperanca|desesperad[oa]|nao valho nada|um peso|um fardo|preso|vazi[oa])\b",
        r"\b(?:nao aguento|nao consigo mais|desistir|desisto)\b",
        r"\b(?:morrer|morte|mort[oa]|suicid\w*|me matar|me machucar|me ferir)\b",
        r"\b(?:overdose|remedios|comprimidos|reca(?:i|ida)\w*|usando de novo|bebendo de novo)\b",
        r"\b(?:nao estou segur[oa]|medo|sozinh[oa]|ninguem)\b",
    ]
)


def has_risk_words(text: str) -> bool:
    """True when the message holds a word near crisis (hopeless, pills, no aguanto...)."""
    return _RISK_WORDS.any(_plain(text[:MAX_SCREENED_CHARS]))


def risk_level(text: str, *, safety: str = "", crisis: bool | None = None) -> tuple[str, str]:
    """(level, concept) for a message and the person's own safety answer.

    The answer is asked, not guessed, so it comes first: "not safe" or "writing for someone
    who may not be safe" is urgent whatever the text says. Crisis language is urgent. "I'm
    struggling" with a word near crisis is possible risk, to be reviewed the same day.
    """
    if safety in SAFETY_URGENT:
        return Level.URGENT, SAFETY_URGENT[safety]
    if crisis if crisis is not None else has_crisis_language(text):
        return Level.URGENT, "crisis_language"
    if safety == "struggling" and has_risk_words(text):
        return Level.REVIEW, "struggling_with_risk_words"
    return Level.ROUTINE, ""


def has_risk_signal(text: str, *, safety: str = "") -> bool:
    """True when no limit may refuse this post: a danger answer or a review/urgent level."""
    return safety in SAFETY_CONCERN or risk_level(text, safety=safety)[0] != Level.ROUTINE


# --- Spam signals ---------------------------------------------------------------------------

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

# Spam vocabulary by theme, searched in the plain text. Words a client might use about their
# own life (casino, betting, crypto, a loan, "no prescription", WhatsApp, a price) weigh 1:
# a message needs several signals from this table, or a link and a couple of them, to reach
# the threshold. Each rule counts once however often it matches.
_SPAM_TERMS: dict[str, list[tuple[str, int]]] = {
    "gambling": [
        (r"\bcas+[i1]n[o0]s?\b", 1),
        (r"\bjackpot\b", 2),
        (r"\b(?:free spins|giros (?:gratis|gratuitos)|rodadas gratis)\b", 3),
        (r"\b(?:welcome bonus|bono de bienvenida|bonus de boas vindas|bonus de cadastro)\b", 3),
        (r"\b(?:first deposit|primer deposito|primeiro deposito)\b", 3),
        (r"\b(?:sports betting|apuestas deportivas|apostas esportivas)\b", 1),
        (r"\b(?:best odds|mejores cuotas|melhores odds|melhores cotacoes)\b", 2),
        (r"\b(?:fortune tiger|tigrinho|jogo do tigre)\b", 3),
        (r"\b(?:real money|dinero real|dinheiro real)\b", 1),
        (r"\b(?:slots?|roulette|ruleta|roleta)\b", 1),
        (r"\b(?:bet now|apuesta ya|aposte ja|gana en grande|win big)\b", 2),
        (r"\bsaque (?:rapido|via pix|na hora|imediato)\b", 2),
    ],
    "pharma": [
        (r"\bv[i1!|]agra\b|\bc[i1]al[i1]s\b|\blevitra\b|\bkamagra\b", 2),
        (r"\b(?:no|without|sin|sem) (?:a )?(?:prescription|rx|receta|receita)(?: needed)?\b", 1),
        (r"\b(?:overnight|discreet|fast|express|worldwide) (?:delivery|shipping|packaging)\b", 2),
        (r"\b(?:envio|entrega) (?:rapid[oa] (?:y|e) )?discret[oa]\b", 2),
        (r"\b(?:online pharmacy|pharmacy online|farmacia (?:online|en linea))\b", 2),
        (r"\b(?:buy|order|compra|compre|comprar)\b.{0,60}\b(?:online|en linea|on line)\b", 1),
        (
            r"\b(?:weight loss|diet|keto|slimming) pills\b|\b(?:pastillas|pilulas) para "
            r"(?:adelgazar|emagrecer)\b|\bcha milagroso\b",
            2,
        ),
        (r"\b(?:lose|baja|perde|emagreca) \d+ ?(?:kg|kilos|lbs|pounds|quilos)\b", 2),
    ],
    "web_services": [
        (r"\bseo\b", 2),
        (r"\bback ?links?\b|\blink building\b|\bconstruccion de enlaces\b", 2),
        (r"\b(?:first|1st) page (?:of|on) google\b|\bprimera pagina de google\b", 2),
        (r"\bprimeira pagina do google\b|\b(?:rank|ranking|rankear) (?:higher|on google)\b", 2),
        (r"\bposicionamiento(?: web| seo)?\b|\botimizacao de sites\b", 2),
        (r"\bguest posts?\b|\barticulos? (?:invitados|patrocinados)\b", 2),
        (r"\b(?:artigos|posts) patrocinados\b|\bsponsored (?:posts?|articles?)\b", 2),
        (
            r"\b(?:domain authority|autoridad de dominio|autoridade de dominio)\b|\bda \d{2}\b"
            r"|\bhigh da\b",
            2,
        ),
        (r"\bhigh authority\b|\b(?:more|boost|increase|organic|website) traffic\b", 2),
        (r"\b(?:mas|aumentar el) trafico\b|\b(?:mais|aumentar o) trafego\b", 2),
        (r"\b(?:per|por) (?:post|article|articulo|artigo|link|enlace)\b", 1),
        (r"\b(?:web design(?:ers?)?|disenadores web|web designers?)\b", 1),
        (r"\b(?:mobile friendly|responsive design|diseno responsivo)\b", 2),
        (r"\b(?:content writer|redactor de contenido|redator de conteudo)\b", 2),
        (r"\b(?:digital marketing|marketing digital)\b", 2),
        (r"\bgoogle ads\b", 2),
        (
            r"\b(?:paid ads|facebook ads|meta ads|trafego pago|publicidad en (?:facebook|"
            r"instagram|google))\b",
            2,
        ),
        (r"\b(?:online presence|presencia en linea|presenca online|presenca digital)\b", 2),
        (r"\b(?:social media management|gestion de redes sociales|gestao de redes sociais)\b", 2),
        (
            r"\b(?:gerenciamos|gestionamos|we manage) (?:suas |sus |your )?(?:redes sociais|"
            r"redes sociales|social media)\b",
            2,
        ),
        (r"\b(?:five|5) ?stars? reviews\b|\bresenas de 5 estrellas\b|\bavaliacoes 5 estrelas\b", 3),
        (r"\bgoogle (?:my )?business\b", 2),
        (r"\blisted (?:on|in) \d+|\b(?:directories|directorios|diretorios)\b", 2),
        (r"\bmedical billing\b|\bfacturacion medica\b|\bfaturamento medico\b", 2),
        (
            r"\b(?:instagram|tiktok|youtube) followers\b|\bseguidores (?:reales|reais|no instagram|"
            r"de instagram|brasileiros)\b",
            3,
        ),
        (r"\b(?:\d+k?|mil) (?:real )?(?:followers|seguidores)\b", 1),
        (
            r"\b(?:followers|seguidores|likes|curtidas)\W+(?:y |e |and )?(?:likes|seguidores|"
            r"followers|curtidas|views|visualizaciones|visualizacoes)\b",
            3,
        ),
        (r"\b(?:link in (?:my )?bio|link no perfil|link en (?:mi )?perfil)\b", 2),
    ],
    "sales_pitch": [
        # Who the pitch is for: the site, the clinic as a business.
        (r"\b(?:your (?:web)?site|your blog|su (?:pagina|sitio)(?: web)?|seu site)\b", 1),
        (r"\bo site de voces\b", 1),
        (
            r"\b(?:site owner|website owner|webmaster|propietario del sitio|dueno del sitio|"
            r"proprietario do site)\b",
            2,
        ),
        (
            r"\b(?:rehab|clinic|treatment center) owners?\b|"
            r"\bdueno de (?:un |una )?(?:centro|clinica)\b|\bdono de (?:uma )?clinica\b",
            1,
        ),
        (r"\b(?:your business|tu negocio|su negocio|seu negocio|sua empresa)\b", 1),
        (r"\b(?:clinics|practices|businesses|companies) like yours\b", 2),
        (r"\b(?:more|mas|mais) (?:patients|pacientes|admissions|leads|clientes)\b", 1),
        (r"\bleads\b", 1),
        (r"\b(?:need more (?:clients|customers)|necesitas clientes|precisa de mais clientes)\b", 2),
        (r"\bmissing out on (?:patients|customers|clients|leads)\b|\b\d+ ?x more\b", 2),
        # What the seller says about themselves and how to answer them.
        (
            r"\b(?:we offer|our services|our agency|our team|ofrecemos|nuestros servicios|"
            r"oferecemos|nossos servicos|fazemos (?:seo|google ads)|"
            r"somos (?:un|uma) (?:equipo|equipe)|we are a team)\b",
            1,
        ),
        (r"\bour (?:\w+ ){0,3}services\b", 1),
        (r"\b(?:we sell|vendemos)\b", 1),
        (r"\b(?:free (?:audit|consultation|quote)|consulta gratuita|consultoria gratuita)\b", 1),
        (r"\b(?:auditoria|presupuesto|orcamento) (?:gratis|gratuit[oa])\b", 1),
        (r"\b(?:free (?:trial|demo)|prueba gratis|teste gratis|demo gratis)\b", 1),
        (r"\b(?:want|get) a quote\b|\bfree quote\b|\bcotizacion\b", 1),
        (r"\b(?:book|schedule) a (?:demo|call)\b|\bagende (?:una|uma) (?:demo|llamada)\b", 2),
        (
            r"\b(?:price list|lista de precios|tabela de precos|our packages|los paquetes|"
            r"os pacotes)\b",
            1,
        ),
        (r"\b(?:limited slots|cupos limitados|vagas limitadas)\b", 2),
        (r"\b(?:reply if interested|let me know if (?:you are |youre )?interested)\b", 2),
        (r"\bresponda (?:este mensaje|si le interesa|se tiver interesse)\b", 2),
        (
            r"\b(?:reply to learn more|reply for (?:more )?(?:info|details)|"
            r"responda para saber mais|responda para mas informacion)\b",
            2,
        ),
        (r"\b(?:reply yes|responde si|responda sim)\b", 2),
        (r"\b(?:contact us|contactenos|contactanos|escribanos|escribenos|fale com a gente)\b", 1),
        (r"\b(?:dm us|message us|inbox us|chama no direct)\b", 1),
        (r"\b(?:por|via|pelo) (?:dm|direct|inbox)\b", 1),
        (r"\b(?:whats ?app|whats|zap|telegram)\b", 1),
        # A handle or number to reach a seller on a chat app, rather than the form's contact.
        (r"\b(?:whats ?app|whats|zap|telegram)\W{0,3}(?:@\w+|\+?\d[\d -]{7,})", 2),
        # The classic contact-form probe. A person may ask the same, so it weighs 2: with a
        # too-fast post or the honeypot it quarantines, alone it does not.
        (r"\b(?:wanted to know|queria saber) (?:your|el|o) (?:price|precio|preco)\b", 2),
    ],
    "money": [
        (
            r"\bbitcoins?\b|\bcrypto(?:currency)?\b|\bcripto(?:moneda|moedas)?s?\b|\bcriptomoedas\b",
            1,
        ),
        (r"\bforex\b", 2),
        (
            r"\b(?:trading bot|trading signals|senales de forex|sinais de forex|vip group|"
            r"grupo vip)\b",
            2,
        ),
        (r"\b(?:double your|duplica tus|dobre seus)\b", 2),
        (r"\b(?:passive income|renda extra|ingresos pasivos|dinero facil|dinheiro facil)\b", 2),
        (
            r"\b(?:earn|make|gana|ganhe|ganar|ganhar)\b.{0,20}(?:\$|r\$|usd|dolares|reais)"
            r" ?\d",
            2,
        ),
        (r"\b(?:earn|gana|ganhe|win|get) \d+ (?:reais|dolares|dollars|pesos)\b", 2),
        (r"\b(?:gana|ganhe|earn) (?:dinero|dinheiro|money)\b", 2),
        (r"\bmake money (?:fast|online|from home|with)\b", 2),
        (r"(?:\$|r\$|usd) ?\d+ (?:por|per|al|a) (?:dia|day|semana|week)\b", 2),
        (r"\d ?% (?:monthly|a month|per month|mensual|al mes|ao mes|por mes)\b", 2),
        (r"\b(?:guaranteed|garantizado|garantido)\b", 1),
        (
            r"\b(?:guarantee[ds]?|garantizamos|garantimos|resultado garantido)\b.{0,12}"
            r"\b(?:results?|resultados?|leads|more|mas|mais)\b",
            2,
        ),
        (r"\b100 ?% (?:seguros?|sure|garantizados?|garantidos?)\b", 2),
        (r"\b(?:unete a nuestro|entre no nosso|join our) (?:canal|grupo|channel|group)\b", 2),
        (r"\b(?:prestamos?|emprestimos?|loans?)\b", 1),
        (
            r"\b(?:payday loan|personal loan|prestamo personal|emprestimo pessoal|"
            r"prestamos? rapidos?|emprestimo (?:rapido|facil))\b",
            2,
        ),
        (r"\bcredito (?:consignado|pessoal|rapido|facil)\b|\baprovado na hora\b", 2),
        (
            r"\b(?:bad credit|no credit check|sin buro|sem consulta ao (?:spc|serasa)|"
            r"negativad[oa]s?)\b",
            2,
        ),
        (
            r"\b(?:sin aval|sem fiador|sin fiador|dinero en tu cuenta|"
            r"dinheiro na (?:sua )?conta)\b",
            2,
        ),
        (r"\b(?:fast cash|instant approval|aprobado en|aprovado em)\b", 2),
        (r"\b(?:solicitalo ya|solicite ja|apply now|apply today)\b", 2),
        (r"\b(?:work from home|trabajando desde casa|trabalhando em casa)\b", 1),
        (r"\b(?:no experience needed|sin experiencia|sem experiencia)\b", 1),
    ],
    "dating": [
        (
            r"\b(?:hot singles|singles in your area|solteras cerca de ti|mujeres solteras|"
            r"solteiras perto de voce|mulheres solteiras)\b",
            3,
        ),
        (r"\b(?:beautiful|hot|sexy) (?:women|girls|ladies)\b|\b(?:ukrainian|russian) brides\b", 3),
        (r"\b(?:dating site|sitio de citas|site de encontros)\b", 2),
        (r"\b(?:porn|xxx|escorts?|nudes|onlyfans|hookups?)\b", 2),
        (r"\b(?:saw your profile|vi tu perfil|vi seu perfil)\b", 2),
        (r"\b(?:know you better|conocerte mejor|te conhecer melhor)\b", 1),
        (r"\b(?:hello dear|hola carino|oi amor)\b", 1),
        (r"\b(?:chat with me|chatea conmigo|conversa comigo)\b", 2),
    ],
    "offers": [
        (r"\breplicas?\b", 2),
        (r"\b(?:buy now|order now|shop now|compra (?:ya|ahora)|compre (?:ja|agora))\b", 2),
        (r"\b(?:click here|haz clic aqui|clique aqui|clic aqui)\b", 2),
        (r"\b(?:register now|sign up now|registrate|cadastre se|inscribete ya)\b", 1),
        (r"\b(?:play now|juega ya|jogue agora)\b", 2),
        (
            r"\b(?:limited (?:time )?offer|oferta limitada|special offer|oferta especial|"
            r"promocao|today only|solo hoy|so hoje)\b",
            2,
        ),
        (r"\b(?:exclusive offer|oferta exclusiva)\b", 2),
        (r"\b(?:free shipping|envio gratis|frete gratis)\b", 2),
        (
            r"\b(?:envios? a todo el pais|entrega em todo o brasil|nationwide shipping|"
            r"worldwide shipping|ships? worldwide)\b",
            1,
        ),
        (r"\b(?:pago contra entrega|pagamento na entrega|cash on delivery)\b", 2),
        (r"\b(?:pago|pagamento|payment) (?:por|via|with) (?:paypal|pix)\b", 1),
        (r"\b(?:best prices?|lowest prices?|mejor precio|melhor preco)\b", 2),
        (r"\b(?:low prices?|precios? bajos?|precos? baixos?|preco baixo)\b", 1),
        (r"\b(?:a mitad de precio|half price|metade do preco|pela metade do preco)\b", 2),
        (r"\b(?:promo code|codigo promocional|cupom|coupon code|con el codigo)\b", 2),
        (r"\d ?% (?:off|discount|de descuento|de desconto)\b", 2),
        (r"\b(?:100 ?% guaranteed|money back|risk free)\b", 2),
        (
            r"\b(?:congratulations|felicidades|parabens)\b.{0,40}\b(?:won|selected|ganado|"
            r"ganhou)\b",
            3,
        ),
        (r"\b(?:claim (?:your|here)|reclame su|reclama tu|resgate seu)\b", 2),
        (
            r"\b(?:win|ganhe|gana|ganar|ganhar) (?:an? |um |un |uma |una )?(?:iphone|viaje|viagem|"
            r"trip|prize|premio)\b",
            2,
        ),
        (
            r"\b(?:encuesta|pesquisa|survey)\b.{0,30}\b(?:premio|premiada|prize|reward)\b|"
            r"\bpesquisa premiada\b",
            1,
        ),
        (r"\bgift card\b|\btarjeta de regalo\b|\bvale presente\b", 2),
        (r"\b(?:free|gratis) (?:iphone|movies|hd)\b|\biphone (?:gratis|15)\b", 2),
        (r"\b(?:movies|peliculas|filmes)\b.{0,20}\b(?:free|gratis)\b", 2),
        (
            r"\b(?:netflix|spotify|disney|hbo) premium\b|\b(?:cuentas|contas) (?:de )?(?:netflix|"
            r"spotify)\b",
            3,
        ),
        (r"\bessay (?:writing )?service\b", 3),
        (r"\bcbd\b", 1),
        (
            r"\b(?:licencia de conducir|pasaporte|passaporte|documentos originales)\b.{0,60}"
            r"\b(?:compre|compra|buy|registrados)\b|\b(?:compre|buy)\b.{0,40}\b(?:licencia|"
            r"pasaporte|passport|documentos)\b",
            3,
        ),
    ],
    "prices": [
        (r"(?:\$|r\$|€|£) ?\d|\b\d+ ?(?:usd|dolares|reais)\b", 1),
        (
            r"\b(?:only|just|por solo|por apenas|a partir de|desde|from|starting at|"
            r"prices? start)\b"
            r".{0,12}(?:\$|r\$|€|usd|\d)",
            1,
        ),
        (r"(?:\$|r\$) ?\d+(?:[.,]\d+)? ?(?:/ ?|per |por |al |a )(?:month|mes|mo)\b", 1),
    ],
}
_SPAM_RULES = RuleSet(_rule(p, weight) for rules in _SPAM_TERMS.values() for p, weight in rules)
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


def spam_score(text: str, *, honeypot_filled: bool = False, too_fast: bool = False) -> int:
    """The sum of the spam signals in a message; 0 for a plain message from a person.

    ``SPAM_THRESHOLD`` or more means quarantine (unless the message has crisis language).
    """
    text = text[:MAX_SCREENED_CHARS]
    norm = normalise(text)
    plain = _plain(text)
    score = _link_points(norm) + _email_points(norm) + _vocabulary_points(plain)
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


def screen(
    text: str, *, safety: str = "", honeypot_filled: bool = False, too_fast: bool = False
) -> Screening:
    """Risk level and spam score for one message; urgent and review are never quarantined.

    The form's bot signals (a filled honeypot, a too-fast post) are not counted when the
    person answered that something is wrong or the message carries a risk signal: a password
    manager or a quick paste must never hide someone who may be in danger.
    """
    crisis = has_crisis_language(text)
    level, concept = risk_level(text, safety=safety, crisis=crisis)
    concern = level != Level.ROUTINE or safety in SAFETY_CONCERN
    content = spam_score(text)
    form_signals = (HONEYPOT_WEIGHT if honeypot_filled else 0) + (
        TOO_FAST_WEIGHT if too_fast else 0
    )
    # The whole score is kept, so a coordinator can see why a form looked odd.
    score = content + form_signals
    return Screening(
        crisis=crisis,
        spam_score=score,
        quarantine=level == Level.ROUTINE and (content if concern else score) >= SPAM_THRESHOLD,
        level=level,
        concept=concept,
    )
