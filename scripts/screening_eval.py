"""How screening does on messages it was never tuned on (tests/data/screening/eval_*.jsonl).

Prints, per language and pooled, the rates the screening targets are stated in, each with
its Wilson 95 % interval: crisis flagged urgent or review, crisis flagged urgent, crisis
quarantined; ordinary messages quarantined, urgent, review; tricky (past, negated, idiom)
messages urgent; other-language ordinary messages quarantined; spam quarantined.

    .venv/bin/python scripts/screening_eval.py            (or: make screening-eval)
    .venv/bin/python scripts/screening_eval.py seen       (the earlier, now seen, sets)

The evaluation files are read, never tuned on: a message screening gets wrong there is
fixed by a rule that covers its idea, and the rule is checked on the development sets.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "screening"
LANGUAGES = ("en", "es", "pt")


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def wilson(self, z: float = 1.96) -> tuple[float, float]:
        """The Wilson score interval: honest at small n and at 0 % or 100 %."""
        n = self.total
        if n == 0:
            return 0.0, 1.0
        p = self.hits / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    def __str__(self) -> str:
        low, high = self.wilson()
        return f"{self.share:6.1%} ({self.hits}/{self.total}; 95 % CI {low:.1%}–{high:.1%})"


def load(name: str, prefix: str = "eval") -> list[dict]:
    path = DATA / f"{prefix}_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def rate(rows: Iterable[dict], hit) -> Rate:
    rows = list(rows)
    return Rate(sum(1 for row in rows if hit(row)), len(rows))


def main() -> int:
    import os

    prefix = sys.argv[1] if len(sys.argv) > 1 else "eval"

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reengage.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from intake import screening

    def screened(rows: list[dict]) -> list[dict]:
        return [{**row, "result": screening.screen(row["text"])} for row in rows]

    sets = {language: screened(load(language, prefix)) for language in LANGUAGES}
    pooled = [row for rows in sets.values() for row in rows]
    other = screened(load("other", prefix))
    print(f"Evaluation set: tests/data/screening/{prefix}_*.jsonl")

    def of(rows: list[dict], label: str) -> list[dict]:
        return [row for row in rows if row["label"] == label]

    def flagged(row: dict) -> bool:
        return row["result"].level != screening.Level.ROUTINE

    def urgent(row: dict) -> bool:
        return row["result"].level == screening.Level.URGENT

    def review(row: dict) -> bool:
        return row["result"].level == screening.Level.REVIEW

    def quarantined(row: dict) -> bool:
        return row["result"].quarantine

    print("Per language (crisis):")
    for language, rows in sets.items():
        crisis = of(rows, "crisis")
        print(f"  {language}: urgent or review {rate(crisis, flagged)}")
        print(f"      urgent           {rate(crisis, urgent)}")
        print(f"      quarantined      {rate(crisis, quarantined)}")
    print("Pooled:")
    print(f"  ordinary quarantined        {rate(of(pooled, 'legit'), quarantined)}")
    print(f"  ordinary urgent             {rate(of(pooled, 'legit'), urgent)}")
    print(f"  ordinary review             {rate(of(pooled, 'legit'), review)}")
    print(f"  tricky urgent               {rate(of(pooled, 'tricky'), urgent)}")
    print(f"  other-language quarantined  {rate(other, quarantined)}")
    print(f"  spam quarantined            {rate(of(pooled, 'spam'), quarantined)}")
    missed = [row for row in of(pooled, "crisis") if not flagged(row)]
    concepts: dict[str, int] = {}
    for row in missed:
        concepts[row.get("concept", "?")] = concepts.get(row.get("concept", "?"), 0) + 1
    print("Crisis messages missed, by concept:", dict(sorted(concepts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
