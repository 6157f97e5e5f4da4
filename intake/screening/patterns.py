"""Patterns: how one short written pattern is compiled and found in a message's words.

A pattern is words in a row: ``a|b`` alternatives, ``stem*`` (four letters or more),
``word?`` optional, for example ``"want to just? die"``. A match is *tight* when the words
stand in a row with no typo, *loose* when up to ``GAP`` extra words stand between them
("a bunch of my roommate's pills") or one key word of ``FUZZY_MIN_LENGTH`` letters or more
has one typo (Damerau/OSA distance 1, so swapped neighbours count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalise

GAP = 3  # extra words allowed, in all, between a pattern's words (a loose match)
# Words that add no meaning between a pattern's words: skipped without making a match loose.
FILLERS = frozenset(
    "just really so even literally honestly seriously actually kinda totally truly fr "
    "lowkey ya realmente neta pues nomas tan tambien tmb mesmo tb tambem ja mt muito "
    "bem bien meio".split()
)
FILLER_RUN = 2
FUZZY_MIN_LENGTH = 6
STEM_MIN_LENGTH = 4


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
    # For each required word that is not a stem, the words one of which every match holds:
    # a pattern is only tried on a message that has one of each.
    needles: tuple[frozenset[str], ...] = ()


def _needles(tokens: list[Token]) -> tuple[frozenset[str], ...]:
    return tuple(t.words for t in tokens[1:] if not t.optional and not t.stems and t.words)


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
        # Whether a pattern's needed words are all in the message is decided once per
        # message, not at every occurrence of its first word ("me", "en", "a").
        possible: dict[int, bool] = {}
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
                key = id(pattern)
                if key not in possible:
                    possible[key] = not any(n.isdisjoint(present) for n in pattern.needles)
                if not possible[key]:
                    continue
                match = _find(pattern, i, ws, fz)
                if match is not None:
                    found.append(match)
        return found


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


def compile_pattern(concept: str, source: str) -> list[Pattern]:
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
    return [Pattern(concept, tuple(v), source, _needles(v)) for v in variants]


# Pattern specs keep their own marks (| * ?): read with normalise(), which leaves them alone.
_WORD_SPEC = re.compile(r"[a-z0-9|*?]+")


def deletions(word: str) -> set[str]:
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


def _walk(tokens, ti, pos, gaps, fuzzy, ws, fz):
    """Best way to match tokens[ti:] from word ``pos``: (end, gaps, fuzzy) or None."""
    if ti == len(tokens):
        return pos, gaps, fuzzy
    token = tokens[ti]
    best = None
    # Words skipped between a pattern's words count against ``GAP`` and make a match loose,
    # except ``FILLERS`` ("i want to just die", "ya no quiero seguir aqui"): up to
    # ``FILLER_RUN`` of them are skipped free.
    cost = 0
    for j in range(pos, min(len(ws), pos + GAP + FILLER_RUN + 1) if ti else pos + 1):
        if j > pos:
            cost += ws[j - 1] not in FILLERS
            if cost > GAP - gaps or j - pos - cost > FILLER_RUN:
                break
        if j >= len(ws):
            break
        how = token.match(ws[j], fz[j])
        if how:
            found = _walk(tokens, ti + 1, j + 1, gaps + cost, fuzzy or how == "fuzzy", ws, fz)
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
