"""Crisis concepts: ideas of danger, matched the way people actually write them.

Each language has a table (``concepts_en``, ``concepts_es``, ``concepts_pt``) of concepts,
each a list of short patterns (``patterns`` has their syntax). A message is read as words
(lower case, no accents or apostrophes, punctuation ignored, so a run-on line with no
full stop reads the same as a tidy one) and every table is searched, whatever the form's
language: people mix languages.

How a match counts:

* **Urgent**: a *tight* match (the pattern's words in a row, optional words aside, no typo)
  of an urgent concept (intent, a plan, means at hand, preparatory acts, self-harm, an
  overdose or danger from someone else happening now, acute danger reported for someone).
* **Review**: a review concept (being a burden, hopelessness, a past attempt, worry about
  someone else), or any *loose* match: up to ``GAP`` extra words between the pattern's words
  ("a bunch of my roommate's pills"), or one typo in a key word of six letters or more
  ("suiside", "overdoes"; Damerau/OSA distance 1, so swapped neighbours count). A loose
  match never makes a message urgent.
* **Cancelled**: a match that starts within ``NEGATION_WINDOW`` words after a negation ("im
  not trying to hurt myself") or lies inside an idiom ("this commute is killing me").
* **Past**: a history marker ("two years ago") within ``PAST_WINDOW`` words makes any match
  review: a past attempt told as past is still worth a same-day look, not a page at night.

Fuzzy matching runs only on words of six letters or more that are not exact key words, by a
deletion index built once (each such word costs a handful of dictionary look-ups), and never
on the table's ``NEAR_WORDS`` (real words one edit from a key word).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from itertools import product

from .combinations import CUE_CODES, FELT, RISK_CUES, combination, overlap
from .laughter import laughed, laughing, means_it
from .patterns import (
    FUZZY_MIN_LENGTH,
    Index,
    Match,
    Pattern,
    compile_pattern,
    deletions,
    osa_distance_is_one,
)
from .text import MAX_SCREENED_CHARS, _plain

LANGUAGES = ("en", "es", "pt")
URGENT_CONCEPTS = frozenset(
    {
        "intent",
        "plan",
        "means",
        "preparatory",
        "self_harm_now",
        "overdose_now",
        "partner_danger",
        "someone_else_acute",
        "relapse_danger",
    }
)
REVIEW_CONCEPTS = frozenset({"burden", "hopeless", "past_attempt", "worry_other"})
CONCEPT_CODES = URGENT_CONCEPTS | REVIEW_CONCEPTS


NEGATION_WINDOW = 3
ASKED_WINDOW = 6  # words from "asks if" to the idea asked about
ANSWER_WINDOW = 4  # words from the idea to the answer "no"
PAST_WINDOW = 6

_WORD = re.compile(r"[a-z0-9]+")
# Words that put a message in the present: near one, a history marker no longer softens a
# match ("i relapsed last year and now i want to kill myself" is about now).
PRESENT = frozenset(
    "now tonight today anymore again ahora hoy noche otra agora hoje noite novo".split()
)
PROGRAM = frozenset(
    "iop program programa grupo group treatment tratamiento tratamento sessions sesiones "
    "sessoes clinic clinica therapy terapia meetings reuniones reunioes".split()
)
# Verbs that tell the past, for a history marker further back in the same sentence.
PAST_VERBS = frozenset(
    "had was were tried wanted thought planned felt "
    "tenia tuve quise pense pensaba intente llegue estaba estuve pase "
    "tinha tive quis pensei pensava tentei cheguei estava estive passei".split()
)
# Living somewhere or with someone is everyday (``_living_somewhere``).
LIVING = frozenset("live living lived vivir viviendo viver vivendo morar morando".split())
SOMEWHERE = frozenset(
    # Not "no": in Spanish it is a denial ("ya no quiere vivir no sabemos donde esta").
    "in with near on en con cerca lejos junto em com perto longe na nas nos num numa "
    "neste nesta nesse nessa".split()
)
WORLD = frozenset("world mundo planet planeta earth tierra terra".split())
# A first-person subject starts a new clause: a negation before it governs something else.
CLAUSE_STARTS = frozenset("i im ive id ill yo eu".split())
# After a history marker, only these bring a message back to now ("...last year, and i want
# to do it again tonight"); "doing better now" does not.
# Right after a match, only these say it is happening again ("hurting myself again").
RESUMED = frozenset("again otra nuevo novo".split())
# "today" is not among them: "two years ago i tried ..., today i want to come back".
AGAIN = RESUMED | {"tonight", "noche", "noite"}

# Words that deny or say "none", in any of the three languages (accents folded), for
# ``tells_otherwise``: "cero pensamientos de matarme", "nenhuma ideia de me machucar", "not
# having any thoughts of". Where a table's negation reaches a match the tables cancel it
# themselves; these only say the message holds a denial somewhere.
NO_WORDS = frozenset(
    "no not never nothing none zero without nor dont didnt doesnt isnt wasnt arent werent "
    "wont cant havent hasnt wouldnt nunca jamas nada cero ningun ninguna ninguno ni sin "
    "tampoco nao n naum jamais nenhum nenhuma nem sem tampouco".split()
)

URGENT, REVIEW, ROUTINE = "urgent", "review", "routine"


@dataclass(frozen=True)
class Table:
    concepts: Index
    cues: Index
    idioms: Index
    past: Index
    negations_by_first: dict[str, tuple[tuple[str, ...], ...]]
    key_words: frozenset[str]
    deletions: dict[str, frozenset[str]]
    near_words: frozenset[str]
    # A question reported ("the form asks if i have a plan") and answered no ("i dont").
    asked: Index
    answered_no: Index


def words(text: str) -> list[str]:
    """The message as screening reads it: its words, punctuation and case aside."""
    return _WORD.findall(_plain(text[:MAX_SCREENED_CHARS]))


_SENTENCE_END = re.compile(r"[.!?;]+")


def _sentence_starts(text: str) -> list[int]:
    """For each word, where its sentence starts. A full stop is never needed for a match,
    but where there is one a negation does not reach across it ("N. quiero morir")."""
    starts: list[int] = []
    for segment in _SENTENCE_END.split(_plain(text[:MAX_SCREENED_CHARS])):
        starts += [len(starts)] * len(_WORD.findall(segment))
    return starts


@cache
def table() -> Table:
    """Every language's table, compiled once per process."""
    patterns: list[Pattern] = []
    cues: list[Pattern] = []
    idioms: list[Pattern] = []
    past: list[Pattern] = []
    negations: set[tuple[str, ...]] = set()
    near: set[str] = set()
    asked: list[Pattern] = []
    answered_no: list[Pattern] = []
    for language in LANGUAGES:
        module = importlib.import_module(f"intake.screening.concepts_{language}")
        for concept, sources in module.CONCEPTS.items():
            if concept not in CONCEPT_CODES:
                raise ValueError(f"unknown concept {concept!r} in {language}")
            for source in sources:
                patterns.extend(compile_pattern(concept, source))
        for cue, sources in module.CUES.items():
            if cue not in CUE_CODES:
                raise ValueError(f"unknown cue {cue!r} in {language}")
            for source in sources:
                cues.extend(compile_pattern(cue, source))
        idioms += [p for s in module.IDIOMS for p in compile_pattern("idiom", s)]
        past += [p for s in module.PAST for p in compile_pattern("past", s)]
        negations |= {phrase for n in module.NEGATIONS for phrase in _phrases(n)}
        near |= {w for n in module.NEAR_WORDS for w in words(n)}
        asked += [p for s in module.ASKED for p in compile_pattern("asked", s)]
        answered_no += [p for s in module.ANSWERED_NO for p in compile_pattern("no", s)]
    key_words: set[str] = set()
    for pattern in patterns + cues:
        for token in pattern.tokens:
            key_words |= {w for w in token.words if len(w) >= FUZZY_MIN_LENGTH}
    by_deletion: dict[str, set[str]] = {}
    for word in key_words:
        for variant in deletions(word) | {word}:
            by_deletion.setdefault(variant, set()).add(word)
    return Table(
        concepts=Index.of(patterns),
        cues=Index.of(cues),
        idioms=Index.of(idioms),
        past=Index.of(past),
        negations_by_first={
            first: tuple(n for n in sorted(negations) if n[0] == first)
            for first in {n[0] for n in negations}
        },
        key_words=frozenset(key_words),
        deletions={k: frozenset(v) for k, v in by_deletion.items()},
        near_words=frozenset(near),
        asked=Index.of(asked),
        answered_no=Index.of(answered_no),
    )


def _phrases(source: str) -> set[tuple[str, ...]]:
    """The word sequences a negation stands for: "sem nenhum|nenhuma" is two."""
    alternatives = [_plain(part).split("|") for part in source.split()]
    return {tuple(w for w in choice if w) for choice in product(*alternatives)} - {()}


def _fuzzy(word: str, t: Table) -> str | None:
    """The key word this word is one typo away from, if any (and it is no near-word)."""
    if len(word) < FUZZY_MIN_LENGTH or word in t.key_words or word in t.near_words:
        return None
    found = set()
    for variant in deletions(word) | {word}:
        found |= t.deletions.get(variant, frozenset())
    for key in sorted(found):
        if osa_distance_is_one(word, key):
            return key
    return None


def _tight_spans(index: Index, ws: list[str]) -> list[tuple[int, int]]:
    """Where these patterns match word for word (idioms and history markers)."""
    return [(m.start, m.end) for m in index.scan(ws, [None] * len(ws)) if not m.loose]


def mentions_danger(text: str) -> bool:
    """True when the tables find any idea or cue of danger in the message, loose or past,
    that no negation or idiom cancels."""
    reading = read(text)
    return bool(reading.found or reading.cues)


def denied(text: str) -> bool:
    """True when every idea of danger the tables find word for word in the message is
    negated or inside an idiom ("no tengo ideas de suicidio", "meu chefe vai me matar"): the
    listed crisis phrases defer to this, as their own negation list is shorter. Loose matches
    (words apart, a typo) do not count either way: they are only ever a review."""
    t = table()
    ws = words(text)
    fz = [_fuzzy(w, t) for w in ws]
    raw = t.concepts.scan(ws, fz) + [m for m in t.cues.scan(ws, fz) if m.concept in RISK_CUES]
    if not [m for m in raw if not m.loose]:
        return False
    reading = read(text)
    return not [
        m
        for m in reading.found + reading.cues
        if not m.loose and (m in reading.found or m.concept in RISK_CUES)
    ]


@dataclass(frozen=True)
class Reading:
    """What the tables found in a message that no negation or idiom cancels."""

    found: list[Match]
    cues: list[Match]
    words: list[str]
    sentence: list[int]  # for each word, where its sentence starts


def read(text: str) -> Reading:
    t = table()
    ws = words(text)
    if not ws:
        return Reading([], [], ws, [])
    fz = [_fuzzy(w, t) for w in ws]
    found = t.concepts.scan(ws, fz)
    cues = t.cues.scan(ws, fz)
    if not found and not cues:
        return Reading([], [], ws, [])
    sentence = _sentence_starts(text)
    # An idiom or a denial is read within one sentence: "NO. quiero morir." is no denial.
    idioms = [(s, e) for s, e in _tight_spans(t.idioms, ws) if sentence[s] == sentence[e - 1]]
    idioms += [(s, e) for s, e in _living_somewhere(ws) if sentence[s] == sentence[e]]
    # A negation that is a word of a matched idea ("not wake up", "wont be here") is part of
    # that idea, not a denial of the next one.
    negations = [
        (s, e)
        for s, e in _negation_spans(ws, t)
        if not any(m.start <= s and e <= m.end and not m.loose for m in found + cues)
    ]

    def stands(match: Match) -> bool:
        if any(s < match.end and match.start < e for s, e in idioms):
            return False
        first = max(sentence[match.start], match.start - NEGATION_WINDOW - 2)
        return not any(
            s >= first
            # ending just before the match, or running into it ("no thoughts of suicide")
            and s < match.start
            and match.start - NEGATION_WINDOW <= e
            and not CLAUSE_STARTS.intersection(ws[e : match.start])
            for s, e in negations
        )

    asked = _tight_spans(t.asked, ws)
    answered_no = _tight_spans(t.answered_no, ws) if asked else []

    def answered(match: Match) -> bool:
        """Inside a question the writer reports and answers no: "it asks if i have a plan
        to hurt myself, i dont"."""
        return any(0 <= match.start - e <= ASKED_WINDOW for s, e in asked) and any(
            0 <= s - match.end <= ANSWER_WINDOW for s, e in answered_no
        )

    if answered_no:
        found = [m for m in found if not answered(m)]
        cues = [m for m in cues if not answered(m)]
    cancelled = [m for m in found if not stands(m)]
    # A cue inside a denied idea is denied with it: "no tengo pensamientos de suicidio".
    return Reading(
        [m for m in found if stands(m)],
        [m for m in cues if stands(m) and not any(overlap(m, c) for c in cancelled)],
        ws,
        sentence,
    )


def _living_somewhere(ws: list[str]) -> list[tuple[int, int]]:
    """Where the message tells of living in a place or with someone ("no quiere vivir en
    Florida", "dont want to live with my ex"): everyday, unless the place is the world."""
    return [
        (i, i + 2)
        for i in range(len(ws) - 2)
        if ws[i] in LIVING and ws[i + 1] in SOMEWHERE and not WORLD & set(ws[i + 1 : i + 5])
    ]


def _negation_spans(ws: list[str], t: Table) -> list[tuple[int, int]]:
    """Where the tables' negations ("not", "no longer", "ya no") stand in the message."""
    spans = []
    for i, word in enumerate(ws):
        for phrase in t.negations_by_first.get(word, ()):
            if tuple(ws[i : i + len(phrase)]) == phrase:
                spans.append((i, i + len(phrase)))
    return spans


def tells_otherwise(text: str) -> bool:
    """True when the message holds something that may turn a reading of danger: a word of
    denial (``NO_WORDS``, a table's negation), a history marker, an idiom or laughter,
    outside the words of the ideas the tables read in it. A negation that is part of an
    idea ("no quiero vivir más", "disappear and never come back") turns nothing, as in
    ``read``. Nothing turns a message that comes back to now or says it is meant: a word of
    ``AGAIN`` anywhere ("tonight", "esta noche", "again"), a word of ``PRESENT`` after a
    history marker ("i tried in 2019 and now i have the pills saved up"), or "not joking",
    "no es broma", "é sério" (``laughter.means_it``). The tables cancel a match only where
    a denial or history reaches it; an urgent reading in a message that holds one elsewhere
    is what the told-not-happening model is asked about (``screening.held_at_review``)."""
    reading = read(text)
    ws = reading.words
    if AGAIN.intersection(ws) or means_it(ws):
        return False
    inside = {i for m in reading.found + reading.cues if not m.loose for i in range(m.start, m.end)}

    def outside(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(s, e) for s, e in spans if not inside.issuperset(range(s, e))]

    t = table()
    past = outside(_tight_spans(t.past, ws))
    if any(PRESENT.intersection(ws[e:]) for _s, e in past):
        return False
    return bool(
        past
        or any(w in NO_WORDS and i not in inside for i, w in enumerate(ws))
        or outside(_negation_spans(ws, t))
        or outside(_tight_spans(t.idioms, ws))
        or laughing(ws)
    )


def told_as_past(text: str) -> bool:
    """True when the message tells history ("two years ago") and nothing about tonight,
    today or again (for crisis phrases the concept tables did not place in time)."""
    ws = words(text)
    return bool(_tight_spans(table().past, ws)) and not AGAIN & set(ws)


def assess(text: str) -> tuple[str, str]:
    """(level, concept) for a message from its concepts and cues; ("routine", "") when none.

    Urgent needs a tight match of an urgent concept, or two tight cues of a combination,
    with no history marker near them; any other match, and a risk cue alone, is review. The
    concept is reported with ``_loose`` when a loose or past match of an urgent concept made
    it review, and as ``cue_<name>`` when a cue alone did.
    """
    reading = read(text)
    found, cues, ws, sentence = reading.found, reading.cues, reading.words, reading.sentence
    risky = [m for m in cues if m.concept in RISK_CUES]
    if not found and not risky and len(cues) < 2:
        return ROUTINE, ""
    # A history marker that is part of an idea's own words ("way more than i used to") is
    # that idea, not history.
    past = [
        (s, e)
        for s, e in _tight_spans(table().past, ws)
        if not any(m.start <= s and e <= m.end and not m.loose for m in found + cues)
    ]
    # Ideas told as someone's history or as worry ("i tried to kill myself in 2021"): the
    # cues inside them are that story, not a second idea about now.
    told = [m for m in found if m.concept in ("past_attempt", "worry_other")]
    # Something at hand or happening now, said after the history ("i bought the poison last
    # week, it is here by the bed"): the history is when it began, not where it stays.
    at_hand = [
        m.start
        for m in cues
        if m.concept == "now"
        and not m.loose
        and m.end - m.start > 1
        and not PRESENT & set(ws[m.start : m.end])
    ]

    ideas = [m.start for m in found + cues if m.concept in RISK_CUES or m.concept in CONCEPT_CODES]

    # History markers told of the program ("i quit iop in march", "fiz o grupo ano passado"):
    # their attending, not the danger's, when the danger is told in another sentence.
    near_program = [i for i, w in enumerate(ws) if w in PROGRAM]

    def of_program(s: int, e: int) -> bool:
        return any(s - 3 <= i <= e + 3 for i in near_program)

    def is_past(m: Match) -> bool:
        # History told before the match counts in its own sentence ("i left group last
        # spring. i want to die" is about now), unless the message turns to the present in
        # between or right after ("last year ... and now i want to", "hurting myself
        # again"); told after the match ("... that was in 2019"), unless "again" or
        # something at hand follows.
        for s, e in past:
            # Further back in the same sentence when its verbs are in the past ("back in
            # 2021 i was in a dark place and had a plan").
            if e <= m.start and (
                m.start - e <= PAST_WINDOW or PAST_VERBS.intersection(ws[e : m.end])
            ):
                if (
                    sentence[s] == sentence[m.start]
                    and not PRESENT & set(ws[e : m.start])
                    and not RESUMED & set(ws[m.end : m.end + 2])
                ):
                    return True
            elif m.start < e and s < m.end + PAST_WINDOW:
                if PRESENT & set(ws[m.end : s]):
                    continue  # "... safe tonight. i used to come on thursdays": now, then
                if sentence[s] != sentence[m.start] and of_program(s, e):
                    continue  # "... keys in my hand. i quit iop in march": their attending
                if any(e <= x <= e + 4 for x in ideas if x >= m.end):
                    continue  # "... semana passada ela falou em pular": it tells what follows
                after = ws[e : e + PAST_WINDOW + 2]
                if not AGAIN & set(after) and not any(
                    e <= n < e + PAST_WINDOW + 2 for n in at_hand
                ):
                    return True
        return False

    urgent = [
        m
        for m in found
        if m.concept in URGENT_CONCEPTS
        and not m.loose
        and not is_past(m)
        and not laughed(m, ws)
        # "i tried to kill myself": the attempt told, not a second idea inside it.
        and not any(t.start <= m.start and overlap(m, t) and is_past(t) for t in told)
    ]
    if urgent:
        return URGENT, min(urgent, key=lambda m: m.start).concept
    # A burden or hopelessness the concept tables read whole counts as that cue too ("my
    # kids would be fine if i wasnt around" with "im ready to go").
    # Worry about someone else counts the same way, for what would make it acute ("he talks
    # about dying and says he has a plan").
    felt = [m for m in found if m.concept in FELT]
    combined = combination(
        [
            m
            for m in cues + felt
            # Who the writer writes about is not history: "my husband used to attend ..."
            if not m.loose
            and not laughed(m, ws)
            and (m.concept == "other" or not is_past(m))
            and not any(overlap(m, t) for t in told if t is not m)
        ]
    )
    if combined:
        return URGENT, combined
    if found:
        first = min(found, key=lambda m: (m.concept not in REVIEW_CONCEPTS, m.start))
        # An urgent idea read loosely, or followed by laughter, says "_loose".
        concept = first.concept if first.concept in REVIEW_CONCEPTS else f"{first.concept}_loose"
        if first.concept in URGENT_CONCEPTS and is_past(first):
            concept = "past_attempt"
        return REVIEW, concept
    if not risky:
        return ROUTINE, ""
    first = min(risky, key=lambda m: m.start)
    return REVIEW, "past_attempt" if is_past(first) else f"cue_{first.concept}"
