"""The school year as a list of dated entries: Flemish holidays, the school's days off, its events.

One list feeds every output that shows dates (the .ics calendar, the website,
the bookmark and the slides), so a date is computed or typed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from ..schema.base import Text
from ..schema.calendar import SchoolCalendar
from . import holidays as hol
from .answer_time import SchoolDays


@dataclass(frozen=True)
class Entry:
    """One dated entry: ``key`` is stable across builds (a calendar's UID is made from it)."""

    key: str
    kind: str
    first: date
    last: date
    name: Text
    start: time | None = None
    end: time | None = None
    place: Text | None = None


def entries(calendar: SchoolCalendar) -> list[Entry]:
    """Every entry of the school year, by date."""
    year = calendar.school_year
    found = [Entry(f"{year}-{h.key}", "holiday", h.first, h.last, getattr(calendar.labels, h.key))
             for h in hol.holidays(year)]
    for day_off in calendar.days_off:
        found.append(Entry(f"{day_off.kind}-{day_off.date.isoformat()}", day_off.kind, day_off.date,
                           day_off.until or day_off.date, day_off.name))
    for event in calendar.events:
        found.append(Entry(f"event-{event.id}", event.kind, event.date, event.date, event.name,
                           event.start, event.end, event.place))
    return sorted(found, key=lambda e: (e.first, e.start or time(0), e.key))


def school_days(calendar: SchoolCalendar) -> SchoolDays:
    """The days the school is closed beyond the Flemish holidays, for answer times."""
    own = set()
    for day_off in calendar.days_off:
        day = day_off.date
        while day <= (day_off.until or day_off.date):
            own.add(day)
            day += timedelta(days=1)
    return SchoolDays(own_days_off=frozenset(own))
