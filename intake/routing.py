"""Pure routing decisions: which queue, which coordinator, and when first contact is due.

No database and no network here: callers pass plain data in and get a decision out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class InquiryFacts:
    site_id: int | None
    language: str
    kind: str
    priority: str


@dataclass(frozen=True)
class Rule:
    """A routing rule; ``None`` or "" in a condition means 'any'."""

    order: int
    queue_id: int
    site_id: int | None = None
    language: str = ""
    kind: str = ""
    priority: str = ""

    def matches(self, facts: InquiryFacts) -> bool:
        return (
            (self.site_id is None or self.site_id == facts.site_id)
            and (not self.language or self.language == facts.language)
            and (not self.kind or self.kind == facts.kind)
            and (not self.priority or self.priority == facts.priority)
        )


def pick_queue(facts: InquiryFacts, rules: Iterable[Rule], default_queue_id: int) -> int:
    """The queue of the first matching rule (by order, then as given), else the default."""
    for rule in sorted(rules, key=lambda r: r.order):
        if rule.matches(facts):
            return rule.queue_id
    return default_queue_id


@dataclass(frozen=True)
class Candidate:
    user_id: int
    languages: Sequence[str] = field(default_factory=tuple)
    open_inquiries: int = 0
    last_assigned_at: datetime | None = None


_NEVER = datetime.min.replace(tzinfo=ZoneInfo("UTC"))


def pick_coordinator(candidates: Iterable[Candidate], language: str) -> int | None:
    """Least-loaded active coordinator who speaks the language (anyone, if nobody does).

    Ties go to whoever has waited longest since their last assignment (never = longest).
    """
    pool = list(candidates)
    speakers = [c for c in pool if language in c.languages]
    pool = speakers or pool
    if not pool:
        return None
    best = min(pool, key=lambda c: (c.open_inquiries, c.last_assigned_at or _NEVER, c.user_id))
    return best.user_id


@dataclass(frozen=True)
class WorkingClock:
    """A queue's working hours in its own time zone."""

    tz: ZoneInfo
    work_days: frozenset[int]  # ISO weekdays, Monday = 1
    start: time
    end: time
    holidays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return day.isoweekday() in self.work_days and day not in self.holidays

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end

    def _window(self, day: date) -> tuple[datetime, datetime]:
        return (
            datetime.combine(day, self.start, tzinfo=self.tz),
            datetime.combine(day, self.end, tzinfo=self.tz),
        )

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment ``amount`` of working time after ``start`` (aware), in UTC.

        Time outside working hours, on non-working days and on holidays does not count.
        Durations are wall-clock within a working day, so a daylight-saving change at night
        neither adds nor removes working time.
        """
        if start.tzinfo is None:
            raise ValueError("start must be timezone-aware")
        if self.start >= self.end or not self.work_days:
            raise ValueError("the clock has no working time")
        remaining = amount
        local = start.astimezone(self.tz)
        day = local.date()
        for _ in range(3660):  # ten years of days: a bound, never reached with real hours
            if self.is_working_day(day):
                open_at, close_at = self._window(day)
                cursor = (
                    max(open_at, local.replace(tzinfo=self.tz)) if day == local.date() else open_at
                )
                if cursor < close_at:
                    available = _wall(close_at) - _wall(cursor)
                    if remaining <= available:
                        due = _wall(cursor) + remaining
                        return due.replace(tzinfo=self.tz).astimezone(ZoneInfo("UTC"))
                    remaining -= available
            day += timedelta(days=1)
        raise ValueError("no working time within ten years")

    def next_open(self, moment: datetime) -> datetime:
        """The first moment at or after ``moment`` when the queue is working (UTC)."""
        return self.add_working_time(moment, timedelta(0))


def _wall(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def parse_work_days(value: str) -> frozenset[int]:
    return frozenset(int(ch) for ch in value if ch in "1234567")
