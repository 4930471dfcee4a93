"""The reference answer-time computation, on moments whose answer a person can work out by hand."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from digicharter.schoolyear.answer_time import (
    AnswerRule, QuietRule, SchoolDays, answer_due, is_quiet, read_from)

DAYS = SchoolDays()
QUIET = QuietRule(evening_from=time(20, 0), day_start=time(8, 30))


def rule(hours: int, kind: str) -> AnswerRule:
    return AnswerRule(hours=hours, counted_in=kind, day_start=time(8, 30), sends_until=time(17, 0))


@pytest.mark.parametrize(("sent", "hours", "kind", "due"), [
    # A Wednesday morning in November: two school days later, same hour.
    (datetime(2024, 11, 20, 10, 0), 48, "school_days", datetime(2024, 11, 22, 10, 0)),
    # Friday evening before the autumn holiday (28 Oct - 3 Nov 2024): the holiday does not count.
    (datetime(2024, 10, 25, 19, 30), 48, "school_days", datetime(2024, 11, 6, 8, 30)),
    # Weekdays count the holiday week, not the weekend: due Tuesday 19:30, sent Wednesday morning.
    (datetime(2024, 10, 25, 19, 30), 48, "weekdays", datetime(2024, 10, 30, 8, 30)),
    # Calendar days count the weekend too; Sunday is no school day, so the answer comes Monday.
    (datetime(2024, 11, 22, 10, 0), 48, "calendar_days", datetime(2024, 11, 25, 8, 30)),
    # 11 November is a free day, for school days and for weekdays.
    (datetime(2024, 11, 8, 10, 0), 24, "weekdays", datetime(2024, 11, 12, 10, 0)),
    # Due after 17:00: the school sends nothing then, so the next school morning.
    (datetime(2024, 11, 20, 18, 0), 24, "school_day", datetime(2024, 11, 22, 8, 30)),
    # The evening of 31 August: the new school year starts on Monday 1 September 2025.
    (datetime(2025, 8, 31, 21, 0), 24, "school_days", datetime(2025, 9, 2, 8, 30)),
])
def test_answer_due(sent: datetime, hours: int, kind: str, due: datetime) -> None:
    assert answer_due(sent, rule(hours, kind), DAYS) == due


def test_the_schools_own_days_off_do_not_count() -> None:
    days = SchoolDays(own_days_off=frozenset({date(2024, 11, 21)}))
    assert answer_due(datetime(2024, 11, 20, 10, 0), rule(48, "school_days"), days) == datetime(2024, 11, 25, 10, 0)


@pytest.mark.parametrize(("now", "quiet", "read"), [
    (datetime(2024, 11, 20, 10, 0), False, datetime(2024, 11, 20, 10, 0)),
    (datetime(2024, 11, 20, 20, 0), True, datetime(2024, 11, 21, 8, 30)),
    (datetime(2024, 11, 21, 7, 0), True, datetime(2024, 11, 21, 8, 30)),
    (datetime(2024, 10, 25, 19, 30), False, datetime(2024, 10, 25, 19, 30)),
    (datetime(2024, 10, 26, 11, 0), True, datetime(2024, 11, 4, 8, 30)),
])
def test_quiet_times_and_when_a_message_is_read(now: datetime, quiet: bool, read: datetime) -> None:
    assert is_quiet(now, QUIET, DAYS) is quiet
    assert read_from(now, QUIET, DAYS) == read
