"""An event of calendar.yaml as one line in a language: "dinsdag 8 september, 19.00 u–20.30 u: Infoavond".

The slides and the bookmark print the same line, so a date is formatted in
one place, with the language's locale (CLDR via Babel) and its time format.
"""

from __future__ import annotations

from babel.dates import format_date, format_time

from ..schema.calendar import Event
from ..view import LanguageView


def event_line(view: LanguageView, event: Event, *, with_weekday: bool = True) -> str:
    locale = view.language.locale
    day = format_date(event.date, "EEEE d MMMM" if with_weekday else "d MMMM", locale=locale)
    when = day
    if event.start is not None:
        start = format_time(event.start, view.language.time_format, locale=locale)
        when += ", " + start
        if event.end is not None:
            when += "–" + format_time(event.end, view.language.time_format, locale=locale)
    return f"{when}: {view.raw(event.name)}"


def event_lines(view: LanguageView, events: list[Event]) -> list[str]:
    """Every event in date order, one line each."""
    return [event_line(view, event) for event in sorted(events, key=lambda e: (e.date, e.start or e.date))]
