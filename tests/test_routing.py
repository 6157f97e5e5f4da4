"""Routing decisions as pure functions: queue rules, assignment, the working-hours clock."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from intake.routing import Candidate, InquiryFacts, Rule, WorkingClock, pick_coordinator, pick_queue

NY = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")
DEFAULT = 1


def facts(site=None, language="en", kind="come_back", priority="routine") -> InquiryFacts:
    return InquiryFacts(site_id=site, language=language, kind=kind, priority=priority)


RULES = [
    Rule(order=30, queue_id=4, kind="question"),
    Rule(order=10, queue_id=2, language="es"),
    Rule(order=5, queue_id=5, priority="urgent"),
    Rule(order=20, queue_id=3, site_id=7),
]


@pytest.mark.parametrize(
    ("inquiry", "expected"),
    [
        (facts(), DEFAULT),
        (facts(language="es"), 2),
        (facts(site=7), 3),
        (facts(kind="question"), 4),
        (facts(priority="urgent", language="es"), 5),  # lower order wins
        (facts(site=7, language="es"), 2),
        (facts(site=8, kind="not_sure"), DEFAULT),
    ],
)
def test_first_matching_rule_by_order_picks_the_queue(inquiry, expected) -> None:
    assert pick_queue(inquiry, RULES, DEFAULT) == expected


def test_a_rule_with_every_condition_needs_all_of_them() -> None:
    rule = Rule(
        order=1, queue_id=9, site_id=1, language="pt-br", kind="come_back", priority="routine"
    )
    assert pick_queue(facts(site=1, language="pt-br"), [rule], DEFAULT) == 9
    assert pick_queue(facts(site=1, language="es"), [rule], DEFAULT) == DEFAULT


def test_least_loaded_speaker_of_the_language_is_assigned() -> None:
    earlier = datetime(2026, 1, 1, tzinfo=UTC)
    people = [
        Candidate(user_id=1, languages=("en",), open_inquiries=0),
        Candidate(user_id=2, languages=("en", "es"), open_inquiries=3),
        Candidate(user_id=3, languages=("es",), open_inquiries=1, last_assigned_at=earlier),
    ]
    assert pick_coordinator(people, "en") == 1
    assert pick_coordinator(people, "es") == 3


def test_ties_go_to_who_waited_longest_since_last_assignment() -> None:
    people = [
        Candidate(
            user_id=1,
            languages=("en",),
            open_inquiries=2,
            last_assigned_at=datetime(2026, 3, 2, tzinfo=UTC),
        ),
        Candidate(
            user_id=2,
            languages=("en",),
            open_inquiries=2,
            last_assigned_at=datetime(2026, 3, 1, tzinfo=UTC),
        ),
        Candidate(user_id=3, languages=("en",), open_inquiries=2, last_assigned_at=None),
    ]
    assert pick_coordinator(people, "en") == 3
    assert pick_coordinator(people[:2], "en") == 2


def test_nobody_speaks_the_language_falls_back_to_everyone_and_empty_is_none() -> None:
    people = [Candidate(user_id=5, languages=("en",), open_inquiries=4)]
    assert pick_coordinator(people, "pt-br") == 5
    assert pick_coordinator([], "en") is None


def clock(**kw) -> WorkingClock:
    defaults = dict(tz=NY, work_days=frozenset({1, 2, 3, 4, 5}), start=time(9), end=time(17, 30))
    defaults.update(kw)
    return WorkingClock(**defaults)


def local(*args) -> datetime:
    return datetime(*args, tzinfo=NY)


def test_friday_evening_with_one_working_day_promise_is_due_monday_same_time() -> None:
    # 2026-11-20 is a Friday; a working day here is 8.5 hours (09:00-17:30).
    due = clock().add_working_time(local(2026, 11, 20, 17, 30), timedelta(hours=8.5))
    assert due == local(2026, 11, 23, 17, 30).astimezone(UTC)


def test_mid_day_inquiry_carries_over_to_the_next_morning() -> None:
    due = clock().add_working_time(local(2026, 11, 18, 15, 0), timedelta(hours=8))
    # 2.5h on Wednesday, 5.5h on Thursday from 09:00.
    assert due == local(2026, 11, 19, 14, 30).astimezone(UTC)


def test_holidays_do_not_count() -> None:
    thanksgiving = date(2026, 11, 26)
    c = clock(holidays=frozenset({thanksgiving}))
    due = c.add_working_time(local(2026, 11, 25, 17, 0), timedelta(hours=1))
    assert due == local(2026, 11, 27, 9, 30).astimezone(UTC)


def test_weekend_inquiry_starts_the_clock_monday_morning() -> None:
    due = clock().add_working_time(local(2026, 11, 21, 11, 0), timedelta(hours=2))
    assert due == local(2026, 11, 23, 11, 0).astimezone(UTC)


def test_daylight_saving_change_keeps_working_hours_on_the_wall_clock() -> None:
    # US clocks go back on Sunday 2026-11-01; Friday 17:00 + 1h → Monday 09:30 local.
    due = clock().add_working_time(local(2026, 10, 30, 17, 0), timedelta(hours=1))
    assert due == local(2026, 11, 2, 9, 30).astimezone(UTC)
    assert due.utcoffset() == timedelta(0)
    assert due.hour == 14  # EST is UTC-5 after the change
    # Spring forward, 2026-03-08.
    spring = clock().add_working_time(local(2026, 3, 6, 17, 0), timedelta(hours=1))
    assert spring == local(2026, 3, 9, 9, 30).astimezone(UTC)
    assert spring.hour == 13  # EDT is UTC-4


def test_time_zones_are_the_queues_own() -> None:
    la = ZoneInfo("America/Los_Angeles")
    c = clock(tz=la)
    start = datetime(2026, 11, 18, 20, 0, tzinfo=NY)  # 17:00 in Los Angeles
    assert c.add_working_time(start, timedelta(hours=1)) == datetime(
        2026, 11, 19, 9, 30, tzinfo=la
    ).astimezone(UTC)


def test_is_open_and_next_open() -> None:
    c = clock()
    assert c.is_open(local(2026, 11, 23, 10, 0))
    assert not c.is_open(local(2026, 11, 22, 10, 0))  # Sunday
    assert not c.is_open(local(2026, 11, 23, 17, 30))
    assert c.next_open(local(2026, 11, 21, 3, 0)) == local(2026, 11, 23, 9, 0).astimezone(UTC)


def test_naive_start_and_empty_clock_are_refused() -> None:
    with pytest.raises(ValueError):
        clock().add_working_time(datetime(2026, 1, 1), timedelta(hours=1))
    with pytest.raises(ValueError):
        clock(work_days=frozenset()).add_working_time(local(2026, 1, 1), timedelta(hours=1))
