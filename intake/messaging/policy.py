"""Pure delivery policy: how long to wait before the next attempt, and when texts may go."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


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


SMS_WINDOW_START = time(8, 0)
SMS_WINDOW_END = time(21, 0)


def sms_allowed_at(moment: datetime, tz: ZoneInfo) -> datetime:
    """``moment`` if a text may go out then (08:00–21:00 local), else the next 08:00 (UTC)."""
    local = moment.astimezone(tz)
    if SMS_WINDOW_START <= local.time() < SMS_WINDOW_END:
        return moment
    day = local.date() if local.time() < SMS_WINDOW_START else local.date() + timedelta(days=1)
    return datetime.combine(day, SMS_WINDOW_START, tzinfo=tz).astimezone(ZoneInfo("UTC"))
