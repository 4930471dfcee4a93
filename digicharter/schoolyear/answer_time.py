"""When will I get an answer? The reference computation of a response-time agreement.

An agreement such as "an e-mail gets an answer within 48 hours on weekdays"
becomes a function of the moment a message is sent. Everything happens in the
school's wall-clock time (Europe/Brussels): a counted day has 24 counted hours
whatever the clocks do that night, because that is how school and parents read
"48 hours". This module is the reference; the website's widget is its
JavaScript twin and is tested against vectors generated from it.

The rules, in the order they apply:

1. Only counted days count: every day (``calendar_days``); Monday to Friday
   except the single free days (``weekdays``); Monday to Friday except
   holidays, free days and the school's own free days (``school_days``,
   ``school_day``).
2. The clock runs from the moment of sending, on counted days only.
3. Answers are sent between the start of the school day and the hour after
   which the school sends nothing (17:00), on the days the rule counts (on
   school days for ``calendar_days``: weekends and holidays are quiet): a due
   moment outside that window moves to the next moment inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

from . import holidays as hol

DayKind = Literal["school_days", "school_day", "weekdays", "calendar_days"]


@dataclass(frozen=True)
class SchoolDays:
    """Which days the school is open: weekdays minus holidays, free days and its own days off."""

    own_days_off: frozenset[date] = field(default_factory=frozenset)

    def is_school_day(self, day: date) -> bool:
        return day.weekday() < 5 and not hol.is_holiday(day) and day not in self.own_days_off

    def is_weekday(self, day: date) -> bool:
        free = {d for h in hol.free_days(hol.school_year_of(day)) for d in h.days()}
        return day.weekday() < 5 and day not in free

    def counts(self, kind: DayKind) -> Callable[[date], bool]:
        if kind == "calendar_days":
            return lambda day: True
        if kind == "weekdays":
            return self.is_weekday
        return self.is_school_day


@dataclass(frozen=True)
class AnswerRule:
    """A response time with the day kind it counts in, and the school day's sending window."""

    hours: int
    counted_in: DayKind
    day_start: time
    sends_until: time


def _next_day(moment: datetime) -> datetime:
    return datetime.combine(moment.date() + timedelta(days=1), time(0, 0))


def add_counted_hours(start: datetime, hours: int, counts: Callable[[date], bool]) -> datetime:
    """``start`` plus ``hours`` of wall-clock time that falls on counted days."""
    moment = start
    remaining = timedelta(hours=hours)
    for _ in range(3660):  # ten years of days: a rule that never counts a day is a bug, not a loop
        if counts(moment.date()):
            left_today = _next_day(moment) - moment
            if remaining <= left_today:
                return moment + remaining
            remaining -= left_today
        moment = _next_day(moment)
    raise ValueError("no counted day in ten years")


def next_sending_moment(moment: datetime, days: SchoolDays, rule: AnswerRule) -> datetime:
    """The first moment at or after ``moment`` at which an answer under this rule can be sent."""
    sends_on = days.counts("school_days" if rule.counted_in == "calendar_days" else rule.counted_in)
    for _ in range(3660):
        if sends_on(moment.date()):
            opens = datetime.combine(moment.date(), rule.day_start)
            closes = datetime.combine(moment.date(), rule.sends_until)
            if moment < opens:
                return opens
            if moment <= closes:
                return moment
        moment = _next_day(moment)
    raise ValueError("no school day in ten years")


def answer_due(sent: datetime, rule: AnswerRule, days: SchoolDays) -> datetime:
    """The moment an answer is due for a message sent at ``sent`` (naive, school wall-clock time)."""
    raw = add_counted_hours(sent, rule.hours, days.counts(rule.counted_in))
    return next_sending_moment(raw, days, rule)


@dataclass(frozen=True)
class QuietRule:
    """Quiet times: evenings from ``evening_from``, weekends, holidays; reading resumes at ``day_start``."""

    evening_from: time
    day_start: time


def is_quiet(moment: datetime, rule: QuietRule, days: SchoolDays) -> bool:
    """Whether a parent writing now writes in a quiet time."""
    day = moment.date()
    if not days.is_school_day(day):
        return True
    return moment.time() >= rule.evening_from or moment.time() < rule.day_start


def read_from(moment: datetime, rule: QuietRule, days: SchoolDays) -> datetime:
    """When a message written now will be read: now, or the start of the next school day."""
    if not is_quiet(moment, rule, days):
        return moment
    day = moment.date()
    if days.is_school_day(day) and moment.time() < rule.day_start:
        return datetime.combine(day, rule.day_start)
    for _ in range(3660):
        day += timedelta(days=1)
        if days.is_school_day(day):
            return datetime.combine(day, rule.day_start)
    raise ValueError("no school day in ten years")


def days_for_browser(first_year: int, last_year: int, days: SchoolDays) -> dict[str, list[str]]:
    """The days off the browser's twin needs, as ISO dates, for school years ``first_year``–``last_year``.

    The browser does not compute Easter or the holiday rules again: it gets
    the days from here, so there is one implementation of the calendar.
    """
    off: set[date] = set(days.own_days_off)
    free: set[date] = set()
    for year in range(first_year, last_year + 1):
        for holiday in hol.holidays(year):
            off.update(holiday.days())
        for holiday in hol.free_days(year):
            free.update(holiday.days())
    weekday_iso = lambda found: sorted(d.isoformat() for d in found if d.weekday() < 5)  # noqa: E731
    return {"first": date(first_year, 9, 1).isoformat(), "last": date(last_year + 1, 8, 31).isoformat(),
            "no_school": weekday_iso(off), "free_weekdays": weekday_iso(free)}
