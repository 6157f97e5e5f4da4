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

from .laughter import laughed
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

# Cues: the parts an urgent idea is told with, when no listed phrasing says it whole. Each
# language's ``CUES`` table lists how each cue is written. A cue of ``RISK_CUES`` alone is
# worth a same-day review; the others ("tonight", "all of my", "my husband") say nothing
# alone. Two cues of a ``COMBINATIONS`` row close together, both matched tightly and neither
# negated, inside an idiom or told as history, are that urgent idea: a method and a time is
# a plan ("the bridge after my shift tomorrow"), pills and a stockpile are means at hand.
RISK_CUES = frozenset(
    {
        "death",  # dying, being dead, not being here, suicide: the writer's own
        "method",  # an act that kills: jumping, hanging, a running car in a shut garage
        "weapon",  # a gun, a blade, a rope
        "farewell",  # goodbyes, letters, giving things away, settling affairs
        "harm",  # hurting one's own body: cutting, burning, hitting
        "overuse",  # took or used far more than usual
        "body",  # an emergency in the body: bleeding, not breathing, not waking
        "violence",  # someone hurting or threatening the writer
        "fear_self",  # not trusting oneself, unable to stop
        "burden",
        "hopeless",
        "voices",  # voices telling the writer to hurt or kill themselves
    }
)
CONTEXT_CUES = frozenset(
    {
        "place",  # a place people die from: a bridge, a roof, train tracks
        "drugs",  # something one could take too much of
        "stockpile",  # saved up, lined up, how many it would take
        "when",  # a time: tonight, saturday, after everyone is asleep
        "decided",  # decided, figured out, picked the day, know the spot
        "now",  # right now, a few minutes ago, still, in my hand
        "other",  # someone else the writer is writing about
        "afraid",  # the writer is afraid (of someone, to go home)
        "do_it",  # the act left unnamed: "how im going to do it", "hacerlo", "vou fazer"
        "using",  # using or drinking again, now: "relapsed", "voy a usar", "to usando"
        "unsafe_use",  # what makes using deadly: alone, laced, tolerance gone, no naloxone
        "reckless",  # not caring what happens: "ya no me importa nada", "nao ligo mais"
        "settled",  # affairs arranged: rent paid ahead, keys and papers left, the kids placed
        "has_plan",  # someone else "says he has a plan"
    }
)
CUE_CODES = RISK_CUES | CONTEXT_CUES
# Review concepts a table read whole, which a combination counts as a cue of the same name:
# "my kids would be fine if i wasnt around" is a burden, "he talks about dying" a worry.
FELT = frozenset({"burden", "hopeless", "worry_other"})
COMBINE_WINDOW = 30  # words between the cues of a combination, at most
NEAR_WINDOW = 8  # for cues that only mean something side by side ("a bunch of ... pills")
# Each row: the urgent concept, then the cue sets one cue of each must come from (two, or
# three where two alone are everyday), then the window. Written "first | second | third".
COMBINATIONS: tuple[tuple[str, tuple[frozenset[str], ...], int], ...] = tuple(
    (concept, tuple(frozenset(part.split()) for part in sets.split("|")), window)
    for concept, sets, window in (
        ("plan", "method | place decided when farewell death", COMBINE_WINDOW),
        # A place alone is everyday ("the bridge was closed on friday"): not with a time.
        ("plan", "place | decided farewell death", COMBINE_WINDOW),
        ("intent", "death | decided when now fear_self", COMBINE_WINDOW),
        ("intent", "burden hopeless | death", COMBINE_WINDOW),
        ("means", "weapon | death fear_self decided when now body", COMBINE_WINDOW),
        ("means", "drugs | stockpile", NEAR_WINDOW),
        ("means", "stockpile | death fear_self decided", COMBINE_WINDOW),
        (
            "preparatory",
            "farewell | farewell death decided method weapon stockpile",
            COMBINE_WINDOW,
        ),
        ("self_harm_now", "harm | now body fear_self", COMBINE_WINDOW),
        ("overdose_now", "overuse | body now drugs", COMBINE_WINDOW),
        ("overdose_now", "drugs | body", COMBINE_WINDOW),
        ("partner_danger", "violence | now when weapon death afraid violence", COMBINE_WINDOW),
        # "I've decided to do it on Monday" may be about coming back: the act unnamed, a
        # resolve and a time together.
        ("plan", "do_it | decided | when", COMBINE_WINDOW),
        ("someone_else_acute", "other | farewell weapon body overuse method harm", 30),
        # Someone else talking of dying (read whole as ``worry_other``), with a plan, a
        # goodbye, a weapon or their body in danger: acute, not a worry.
        (
            "someone_else_acute",
            "worry_other | has_plan farewell weapon body overuse method harm stockpile",
            COMBINE_WINDOW,
        ),
        ("self_harm_now", "voices | harm method death place weapon do_it", COMBINE_WINDOW),
        # Using again where it can kill: laced, alone, tolerance gone, or not caring.
        ("relapse_danger", "using | unsafe_use reckless", COMBINE_WINDOW),
        # Affairs arranged ("left the keys and papers with my brother") are everyday alone;
        # with a burden, hopelessness, dying or a goodbye they are preparation.
        ("preparatory", "settled | burden hopeless death farewell", COMBINE_WINDOW),
        # "ya tengo fecha, el viernes. perdon a quien lea esto": a resolve, a time, a goodbye.
        ("plan", "decided | when | farewell burden hopeless death settled", COMBINE_WINDOW),
    )
)

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
# A first-person subject starts a new clause: a negation before it governs something else.
CLAUSE_STARTS = frozenset("i im ive id ill yo eu".split())
# After a history marker, only these bring a message back to now ("...last year, and i want
# to do it again tonight"); "doing better now" does not.
# Right after a match, only these say it is happening again ("hurting myself again").
RESUMED = frozenset("again otra nuevo novo".split())
# "today" is not among them: "two years ago i tried ..., today i want to come back".
AGAIN = RESUMED | {"tonight", "noche", "noite"}

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
        negations |= {tuple(words(n)) for n in module.NEGATIONS if words(n)}
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
        [m for m in cues if stands(m) and not any(_overlap(m, c) for c in cancelled)],
        ws,
        sentence,
    )


def _negation_spans(ws: list[str], t: Table) -> list[tuple[int, int]]:
    """Where the tables' negations ("not", "no longer", "ya no") stand in the message."""
    spans = []
    for i, word in enumerate(ws):
        for phrase in t.negations_by_first.get(word, ()):
            if tuple(ws[i : i + len(phrase)]) == phrase:
                spans.append((i, i + len(phrase)))
    return spans


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
    past = _tight_spans(table().past, ws)
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

    def is_past(m: Match) -> bool:
        # History told before the match counts in its own sentence ("i left group last
        # spring. i want to die" is about now), unless the message turns to the present in
        # between or right after ("last year ... and now i want to", "hurting myself
        # again"); told after the match ("... that was in 2019"), unless "again" or
        # something at hand follows.
        for s, e in past:
            if e <= m.start and m.start - e <= PAST_WINDOW:
                if (
                    sentence[s] == sentence[m.start]
                    and not PRESENT & set(ws[e : m.start])
                    and not RESUMED & set(ws[m.end : m.end + 2])
                ):
                    return True
            elif m.start < e and s < m.end + PAST_WINDOW:
                if PRESENT & set(ws[m.end : s]):
                    continue  # "... safe tonight. i used to come on thursdays": now, then
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
        and not any(t.start <= m.start and _overlap(m, t) and is_past(t) for t in told)
    ]
    if urgent:
        return URGENT, min(urgent, key=lambda m: m.start).concept
    # A burden or hopelessness the concept tables read whole counts as that cue too ("my
    # kids would be fine if i wasnt around" with "im ready to go").
    # Worry about someone else counts the same way, for what would make it acute ("he talks
    # about dying and says he has a plan").
    felt = [m for m in found if m.concept in FELT]
    combined = _combination(
        [
            m
            for m in cues + felt
            # Who the writer writes about is not history: "my husband used to attend ..."
            if not m.loose
            and not laughed(m, ws)
            and (m.concept == "other" or not is_past(m))
            and not any(_overlap(m, t) for t in told if t is not m)
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


def _combination(cues: list[Match]) -> str:
    """The urgent concept these cues make together (one from each set of a row, no two
    overlapping, all within the row's window), or ""."""
    for concept, sets, window in COMBINATIONS:
        if _combine(cues, sets, [], window):
            return concept
    return ""


def _combine(cues: list[Match], sets, chosen: list[Match], window: int) -> bool:
    if not sets:
        return True
    for cue in cues:
        if cue.concept not in sets[0] or any(
            _overlap(cue, other) or abs(cue.start - other.start) > window for other in chosen
        ):
            continue
        if _combine(cues, sets[1:], [*chosen, cue], window):
            return True
    return False


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end
