"""Text as screening reads it: normalised; phrase patterns searched only where they can match."""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..text import normalise

# The form takes at most 5,000 characters. Screening reads at most this many, so an oversized
# post (the flood-limit check screens the raw field before the form validates it) costs a
# bounded time.
MAX_SCREENED_CHARS = 20_000


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


@lru_cache(maxsize=64)
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
