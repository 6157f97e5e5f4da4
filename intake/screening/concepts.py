"""Crisis concepts: ideas of danger, matched the way people actually write them.

Each language has a table (``concepts_en``, ``concepts_es``, ``concepts_pt``) of concepts,
each a list of short patterns (see ``_compile_pattern`` for the syntax). A message is read as
words (lower case, no accents or apostrophes, punctuation ignored, so a run-on line with no
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

from .text import MAX_SCREENED_CHARS, _plain, normalise

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
    }
)
REVIEW_CONCEPTS = frozenset({"burden", "hopeless", "past_attempt", "worry_other"})
CONCEPT_CODES = URGENT_CONCEPTS | REVIEW_CONCEPTS

GAP = 3  # extra words allowed, in all, between a pattern's words (a loose match)
NEGATION_WINDOW = 3
PAST_WINDOW = 6
FUZZY_MIN_LENGTH = 6
STEM_MIN_LENGTH = 4

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
AGAIN = PRESENT - {"now", "ahora", "agora", "anymore"}

URGENT, REVIEW, ROUTINE = "urgent", "review", "routine"


@dataclass(frozen=True)
class Token:
    words: frozenset[str]
    stems: tuple[str, ...]
    optional: bool = False

    def match(self, word: str, fuzzy_word: str | None) -> str:
        """ "exact", "fuzzy" (through the word's one-typo reading) or ""."""
        if word in self.words or any(word.startswith(stem) for stem in self.stems):
            return "exact"
        if fuzzy_word is not None and fuzzy_word in self.words:
            return "fuzzy"
        return ""


@dataclass(frozen=True)
class Pattern:
    concept: str
    tokens: tuple[Token, ...]
    source: str
    # Words one of which every match holds (its most telling required word): a pattern is
    # only tried on a message that has one. None when every required word is a stem.
    needle: frozenset[str] | None = None


def _needle(tokens: list[Token]) -> frozenset[str] | None:
    required = [t for t in tokens if not t.optional and not t.stems and t.words]
    if not required:
        return None
    return max(required, key=lambda t: (min(len(w) for w in t.words), -len(t.words))).words


@dataclass(frozen=True)
class Match:
    concept: str
    start: int
    end: int  # one past the last word
    loose: bool
    source: str


@dataclass(frozen=True)
class Index:
    """Patterns found by their first word (or its first four letters, for a stem)."""

    by_word: dict[str, tuple[Pattern, ...]]
    by_stem: dict[str, tuple[tuple[str, Pattern], ...]]

    @classmethod
    def of(cls, patterns: list[Pattern]) -> Index:
        by_word: dict[str, list[Pattern]] = {}
        by_stem: dict[str, list[tuple[str, Pattern]]] = {}
        for pattern in patterns:
            first = pattern.tokens[0]
            for word in first.words:
                by_word.setdefault(word, []).append(pattern)
            for stem in first.stems:
                by_stem.setdefault(stem[:STEM_MIN_LENGTH], []).append((stem, pattern))
        return cls(
            by_word={k: tuple(v) for k, v in by_word.items()},
            by_stem={k: tuple(v) for k, v in by_stem.items()},
        )

    def scan(self, ws: list[str], fz: list[str | None]) -> list[Match]:
        """Every match of these patterns, each from its own first word."""
        present = set(ws) | {f for f in fz if f}
        found = []
        for i, word in enumerate(ws):
            candidates = list(self.by_word.get(word, ()))
            if fz[i]:
                candidates += self.by_word.get(fz[i], ())
            candidates += [
                p
                for stem, p in self.by_stem.get(word[:STEM_MIN_LENGTH], ())
                if word.startswith(stem)
            ]
            for pattern in candidates:
                if pattern.needle is not None and pattern.needle.isdisjoint(present):
                    continue
                match = _find(pattern, i, ws, fz)
                if match is not None:
                    found.append(match)
        return found


@dataclass(frozen=True)
class Table:
    concepts: Index
    idioms: Index
    past: Index
    negations: tuple[tuple[str, ...], ...]
    key_words: frozenset[str]
    deletions: dict[str, frozenset[str]]
    near_words: frozenset[str]


def words(text: str) -> list[str]:
    """The message as screening reads it: its words, punctuation and case aside."""
    return _WORD.findall(_plain(text[:MAX_SCREENED_CHARS]))


def _token(spec: str) -> Token:
    optional = spec.endswith("?")
    spec = spec.rstrip("?")
    exact, stems = set(), []
    for alternative in spec.split("|"):
        if alternative.endswith("*"):
            stem = alternative[:-1]
            if len(stem) < STEM_MIN_LENGTH:
                raise ValueError(f"stem {alternative!r} is shorter than {STEM_MIN_LENGTH}")
            stems.append(stem)
        elif alternative:
            exact.add(alternative)
    return Token(frozenset(exact), tuple(stems), optional)


def _compile_pattern(concept: str, source: str) -> list[Pattern]:
    """``"want to just? die"``: words in a row; ``a|b`` alternatives; ``stem*``; ``word?``
    optional. A leading optional word is expanded into the pattern with and without it."""
    tokens = [_token(spec) for spec in _WORD_SPEC.findall(normalise(source))]
    if not tokens or all(t.optional for t in tokens):
        raise ValueError(f"empty pattern {source!r}")
    variants = [tokens]
    while variants[-1][0].optional:
        head, *rest = variants[-1]
        variants[-1] = [Token(head.words, head.stems), *rest]
        variants.append(rest)
    return [Pattern(concept, tuple(v), source, _needle(v)) for v in variants]


# Pattern specs keep their own marks (| * ?): read with normalise(), which leaves them alone.
_WORD_SPEC = re.compile(r"[a-z0-9|*?]+")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def osa_distance_is_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one edit (Damerau/OSA)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@cache
def table() -> Table:
    """Every language's table, compiled once per process."""
    patterns: list[Pattern] = []
    idioms: list[Pattern] = []
    past: list[Pattern] = []
    negations: set[tuple[str, ...]] = set()
    near: set[str] = set()
    for language in LANGUAGES:
        module = importlib.import_module(f"intake.screening.concepts_{language}")
        for concept, sources in module.CONCEPTS.items():
            if concept not in CONCEPT_CODES:
                raise ValueError(f"unknown concept {concept!r} in {language}")
            for source in sources:
                patterns.extend(_compile_pattern(concept, source))
        idioms += [p for s in module.IDIOMS for p in _compile_pattern("idiom", s)]
        past += [p for s in module.PAST for p in _compile_pattern("past", s)]
        negations |= {tuple(words(n)) for n in module.NEGATIONS if words(n)}
        near |= {w for n in module.NEAR_WORDS for w in words(n)}
    key_words: set[str] = set()
    for pattern in patterns:
        for token in pattern.tokens:
            key_words |= {w for w in token.words if len(w) >= FUZZY_MIN_LENGTH}
    deletions: dict[str, set[str]] = {}
    for word in key_words:
        for variant in _deletions(word) | {word}:
            deletions.setdefault(variant, set()).add(word)
    return Table(
        concepts=Index.of(patterns),
        idioms=Index.of(idioms),
        past=Index.of(past),
        negations=tuple(sorted(negations)),
        key_words=frozenset(key_words),
        deletions={k: frozenset(v) for k, v in deletions.items()},
        near_words=frozenset(near),
    )


def _fuzzy(word: str, t: Table) -> str | None:
    """The key word this word is one typo away from, if any (and it is no near-word)."""
    if len(word) < FUZZY_MIN_LENGTH or word in t.key_words or word in t.near_words:
        return None
    found = set()
    for variant in _deletions(word) | {word}:
        found |= t.deletions.get(variant, frozenset())
    for key in sorted(found):
        if osa_distance_is_one(word, key):
            return key
    return None


def _walk(tokens, ti, pos, gaps, fuzzy, ws, fz):
    """Best way to match tokens[ti:] from word ``pos``: (end, gaps, fuzzy) or None."""
    if ti == len(tokens):
        return pos, gaps, fuzzy
    token = tokens[ti]
    best = None
    for skip in range(0, (GAP - gaps if ti else 0) + 1):
        j = pos + skip
        if j >= len(ws):
            break
        how = token.match(ws[j], fz[j])
        if how:
            found = _walk(tokens, ti + 1, j + 1, gaps + skip, fuzzy or how == "fuzzy", ws, fz)
            if found and (best is None or (found[1], found[2]) < (best[1], best[2])):
                best = found
                if not best[1] and not best[2]:
                    return best
    if token.optional and ti:
        found = _walk(tokens, ti + 1, pos, gaps, fuzzy, ws, fz)
        if found and (best is None or (found[1], found[2]) < (best[1], best[2])):
            best = found
    return best


def _find(pattern: Pattern, start: int, ws, fz) -> Match | None:
    found = _walk(pattern.tokens, 0, start, 0, False, ws, fz)
    if found is None:
        return None
    end, gaps, fuzzy = found
    return Match(pattern.concept, start, end, bool(gaps or fuzzy), pattern.source)


def _tight_spans(index: Index, ws: list[str]) -> list[tuple[int, int]]:
    """Where these patterns match word for word (idioms and history markers)."""
    return [(m.start, m.end) for m in index.scan(ws, [None] * len(ws)) if not m.loose]


def matches(text: str) -> list[Match]:
    """Every concept match in the message that no negation or idiom cancels."""
    t = table()
    ws = words(text)
    if not ws:
        return []
    fz = [_fuzzy(w, t) for w in ws]
    found = t.concepts.scan(ws, fz)
    if not found:
        return []
    idioms = _tight_spans(t.idioms, ws)
    kept = []
    for match in found:
        if any(s < match.end and match.start < e for s, e in idioms):
            continue
        before = ws[max(0, match.start - NEGATION_WINDOW - 2) : match.start]
        if any(_ends_within(before, n, NEGATION_WINDOW) for n in t.negations):
            continue
        kept.append(match)
    return kept


def _ends_within(before: list[str], phrase: tuple[str, ...], window: int) -> bool:
    """True when ``phrase`` occurs in ``before`` ending no more than ``window`` words back,
    with no new clause ("im not okay i want to die") between it and the end."""
    n = len(phrase)
    for end in range(len(before), max(n, len(before) - window) - 1, -1):
        if tuple(before[end - n : end]) == phrase:
            return not CLAUSE_STARTS & set(before[end:])
    return False


def told_as_past(text: str) -> bool:
    """True when the message tells history ("two years ago") and nothing about tonight,
    today or again (for crisis phrases the concept tables did not place in time)."""
    ws = words(text)
    return bool(_tight_spans(table().past, ws)) and not AGAIN & set(ws)


def assess(text: str) -> tuple[str, str]:
    """(level, concept) for a message from its concepts alone; ("routine", "") when none.

    Urgent needs a tight match of an urgent concept with no history marker near it; any
    other match is review. The concept is reported with ``_loose`` when a loose or past
    match of an urgent concept made it review.
    """
    found = matches(text)
    if not found:
        return ROUTINE, ""
    t = table()
    ws = words(text)
    past = _tight_spans(t.past, ws)

    def is_past(m: Match) -> bool:
        # History told before the match counts unless the message turns to the present in
        # between ("last year ... and now i want to"); told after it, it always counts.
        for s, e in past:
            if e <= m.start and m.start - e <= PAST_WINDOW:
                if not PRESENT & set(ws[e : m.start]):
                    return True
            elif m.start < e and s < m.end + PAST_WINDOW:
                if not AGAIN & set(ws[e : e + PAST_WINDOW + 2]):
                    return True
        return False

    urgent = [m for m in found if m.concept in URGENT_CONCEPTS and not m.loose and not is_past(m)]
    if urgent:
        return URGENT, min(urgent, key=lambda m: m.start).concept
    first = min(found, key=lambda m: (m.concept not in REVIEW_CONCEPTS, m.start))
    concept = first.concept if first.concept in REVIEW_CONCEPTS else f"{first.concept}_loose"
    if first.concept in URGENT_CONCEPTS and is_past(first):
        concept = "past_attempt"
    return REVIEW, concept
