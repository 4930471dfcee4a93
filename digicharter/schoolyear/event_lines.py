"""An event of calendar.yaml as one line in a language: "dinsdag 8 september, 19.00 u–20.30 u: Infoavond".

The slides and the bookmark print the same line, so a date is formatted in
one place, with the language's locale (CLDR via Babel) and its time format.
"""

from __future__ import annotations

from babel.dates import format_date, format_time

from ..schema.calendar import Event
from ..typography import join_list, label_separator
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
    return f"{when}{label_separator(locale)}{view.raw(event.name)}"


def event_lines(view: LanguageView, events: list[Event]) -> list[str]:
    """Every event in date order, one line each."""
    return [event_line(view, event) for event in sorted(events, key=lambda e: (e.date, e.start or e.date))]


def dates_line(view: LanguageView, events: list[Event]) -> str:
    """One kind of event on one line: its name and every date, e.g. "Oudercontact (rapport): 17 december en 25 maart".

    The separator and the list come from the locale ("… : 17 décembre et 25 mars", Arabic joins with "و").
    """
    ordered = sorted(events, key=lambda e: (e.date, e.start or e.date))
    if not ordered:
        return ""
    locale = view.language.locale
    dates = join_list([format_date(e.date, "d MMMM", locale=locale) for e in ordered], locale)
    return f"{view.raw(ordered[0].name)}{label_separator(locale)}{dates}"
