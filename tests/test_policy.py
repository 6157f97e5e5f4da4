"""Pure delivery policy: backoff with jitter, and the hours a text may be sent."""

import random
from datetime import datetime
from zoneinfo import ZoneInfo

from intake.messaging.policy import backoff_seconds, sms_allowed_at

NY = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")


def test_backoff_grows_exponentially_within_jitter_bounds_and_is_capped() -> None:
    rand = random.Random(7)
    for attempt in range(1, 12):
        step = min(600.0, 30.0 * 2 ** (attempt - 1))
        wait = backoff_seconds(attempt, base=30, cap=600, rand=rand)
        assert step / 2 <= wait <= step
    lows = [backoff_seconds(a, base=30, cap=10_000, rand=random.Random(0)) for a in (1, 2, 3, 4)]
    assert lows == sorted(lows) and lows[3] > 4 * lows[0]


def test_jitter_spreads_retries_of_the_same_attempt() -> None:
    waits = {round(backoff_seconds(3, base=30, cap=600), 3) for _ in range(20)}
    assert len(waits) > 10


def test_texts_go_between_eight_and_nine_local_time_only() -> None:
    noon = datetime(2026, 11, 18, 12, 0, tzinfo=NY)
    assert sms_allowed_at(noon, NY) == noon
    late = datetime(2026, 11, 18, 21, 0, tzinfo=NY)
    assert sms_allowed_at(late, NY) == datetime(2026, 11, 19, 8, 0, tzinfo=NY)
    early = datetime(2026, 11, 18, 6, 30, tzinfo=NY)
    assert sms_allowed_at(early, NY) == datetime(2026, 11, 18, 8, 0, tzinfo=NY)
    # 23:30 in New York is already 04:30 UTC the next day: the queue's zone decides.
    utc_view = datetime(2026, 11, 19, 4, 30, tzinfo=UTC)
    assert sms_allowed_at(utc_view, NY) == datetime(2026, 11, 19, 8, 0, tzinfo=NY)
