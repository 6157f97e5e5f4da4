"""Pure delivery policy: how long to wait before the next attempt."""

from __future__ import annotations

import random


def backoff_seconds(
    attempt: int, *, base: float, cap: float, rand: random.Random | None = None
) -> float:
    """Exponential backoff with jitter: attempt 1 waits about ``base``, each next one ~2x.

    The wait is drawn from [half, full] of the exponential step so retries from many
    messages spread out instead of arriving at the SMTP server together.
    """
    step = min(cap, base * (2 ** max(0, attempt - 1)))
    r = rand.random() if rand else random.random()  # noqa: S311 (jitter, not security)
    return step / 2 + (step / 2) * r
