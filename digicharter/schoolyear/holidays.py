"""The holidays of Flemish primary education for any school year, from their fixed rules.

The Flemish Government fixes the holidays by rules, not by a list per year
(Besluit van de Vlaamse Regering betreffende de organisatie van het schooljaar),
so a calendar computed from those rules is right for every year without
anyone typing dates. Easter comes from :func:`dateutil.easter.easter`: the
Gregorian computus is easy to get subtly wrong and a kept library has it right.

A school year runs from 1 September to 31 August and is named by the year it
starts in (2024 is the school year 2024–2025).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from dateutil.easter import easter


@dataclass(frozen=True)
class Holiday:
    """One holiday or free day: a key (stable, for translations and calendar ids) and its days."""

    key: str
    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


def _monday_of_week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def autumn(year: int) -> Holiday:
    """The week of 1 November; when 1 November is a Sunday, the week after it."""
    all_saints = date(year, 11, 1)
    start = all_saints + timedelta(days=1) if all_saints.weekday() == 6 else _monday_of_week(all_saints)
    return Holiday("autumn", start, start + timedelta(days=6))


def christmas(year: int) -> Holiday:
    """Two weeks from the Monday of the week of 25 December, or the Monday after when it is a weekend."""
    christmas_day = date(year, 12, 25)
    if christmas_day.weekday() >= 5:
        start = christmas_day + timedelta(days=7 - christmas_day.weekday())
    else:
        start = _monday_of_week(christmas_day)
    return Holiday("christmas", start, start + timedelta(days=13))


def carnival(year: int) -> Holiday:
    """One week from the seventh Monday before Easter (of the calendar year after ``year``)."""
    easter_monday = easter(year + 1) + timedelta(days=1)
    start = easter_monday - timedelta(weeks=7)
    return Holiday("carnival", start, start + timedelta(days=6))


def easter_holiday(year: int) -> Holiday:
    """Two weeks: from the first Monday of April; from Easter Monday when Easter is in March;
    from the second Monday before Easter when Easter is after 15 April."""
    easter_day = easter(year + 1)
    if easter_day.month == 3:
        start = easter_day + timedelta(days=1)
    elif easter_day > date(year + 1, 4, 15):
        start = _monday_of_week(easter_day) - timedelta(weeks=1)
    else:
        first_of_april = date(year + 1, 4, 1)
        start = first_of_april + timedelta(days=(7 - first_of_april.weekday()) % 7)
    return Holiday("easter", start, start + timedelta(days=13))


def summer(year: int) -> Holiday:
    """1 July to 31 August."""
    return Holiday("summer", date(year + 1, 7, 1), date(year + 1, 8, 31))


@lru_cache(maxsize=None)
def free_days(year: int) -> tuple[Holiday, ...]:
    """The single free days: 11 November, Easter Monday, 1 May, Ascension Day and the Friday after, Whit Monday."""
    easter_day = easter(year + 1)
    ascension = easter_day + timedelta(days=39)
    days = [
        Holiday("armistice", date(year, 11, 11), date(year, 11, 11)),
        Holiday("easter_monday", easter_day + timedelta(days=1), easter_day + timedelta(days=1)),
        Holiday("labour_day", date(year + 1, 5, 1), date(year + 1, 5, 1)),
        Holiday("ascension", ascension, ascension + timedelta(days=1)),
        Holiday("whit_monday", easter_day + timedelta(days=50), easter_day + timedelta(days=50)),
    ]
    return tuple(days)


@lru_cache(maxsize=None)
def holidays(year: int) -> tuple[Holiday, ...]:
    """Every holiday and free day of the school year starting in September of ``year``, by date.

    Cached: answer times ask about every day they count, and the rules give the same days each time.
    """
    periods = [autumn(year), christmas(year), carnival(year), easter_holiday(year), summer(year)]
    return tuple(sorted(periods + list(free_days(year)), key=lambda holiday: holiday.first))


def school_year_of(day: date) -> int:
    """The school year a day belongs to (1 September starts a new one)."""
    return day.year if day.month >= 9 else day.year - 1


def is_holiday(day: date) -> bool:
    """Whether the day is a holiday or free day of Flemish primary education (weekends are not counted here)."""
    return any(day in holiday for holiday in holidays(school_year_of(day)))
