"""Write the school year as an RFC 5545 calendar with the ``icalendar`` package.

Why a library: folding long lines at 75 octets, escaping ``,;\\`` and line
breaks in texts, CRLF line ends and time-zone definitions are where
hand-written .ics files go wrong, and phones then refuse or mangle them.
Every text is a charter value; icalendar escapes it for the TEXT type.

UIDs come from the entry's stable key and the site's host, so a phone that
subscribed updates its events when the school moves a date instead of
showing both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import icalendar

from ...escaping import without_controls
from ...schoolyear.entries import Entry
from ...schoolyear.zone import SCHOOL_ZONE, SCHOOL_ZONE_NAME
from ...view import LanguageView


def calendar_ics(view: LanguageView, items: list[Entry], name: str, stamp: int) -> bytes:
    """The calendar ``name`` in ``view``'s language; ``stamp`` (SOURCE_DATE_EPOCH) dates it reproducibly."""
    settings = view.charter.settings
    host = urlsplit(str(settings.site_url)).hostname or "digicharter.invalid"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Digicharter//school calendar//" + view.code.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", icalendar.vText(without_controls(name)))  # an X- property: say it is TEXT
    cal.add("x-wr-timezone", SCHOOL_ZONE_NAME)
    dtstamp = datetime.fromtimestamp(stamp, tz=timezone.utc)
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.key}@{host}")
        event.add("dtstamp", dtstamp)
        event.add("summary", without_controls(view.raw(item.name)))
        if item.start is None:
            event.add("dtstart", item.first)
            event.add("dtend", item.last + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            event.add("dtstart", datetime.combine(item.first, item.start, SCHOOL_ZONE))
            end = item.end or (datetime.combine(item.first, item.start) + timedelta(hours=1)).time()
            event.add("dtend", datetime.combine(item.first, end, SCHOOL_ZONE))
        if item.place is not None:
            event.add("location", without_controls(view.raw(item.place)))
        event.add("categories", [item.kind])
        cal.add_component(event)
    if items:  # the zone's rules for the calendar's own years only: a phone needs no more
        cal.add_missing_timezones(first_date=min(i.first for i in items) - timedelta(days=366),
                                  last_date=max(i.last for i in items) + timedelta(days=366))
    return cal.to_ical()
