"""The school year's .ics file, read back by a second, independent parser (``ical``)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from ical.calendar_stream import IcsCalendarStream

from digicharter.render.calendar.ics import calendar_ics
from digicharter.schema.calendar import HOLIDAY_KEYS, SchoolCalendar
from digicharter.schoolyear.entries import entries
from digicharter.view import views

HOSTILE = 'Infoavond, met; komma\\s "quotes" en een heel lange naam ' + "x" * 120 + "\nBEGIN:VEVENT"


def calendar(name: str = "Infoavond") -> SchoolCalendar:
    return SchoolCalendar.model_validate({
        "school_year": "2026",
        "answer_clock": {"school_day_starts": "a", "sends_until": "b", "quiet_from": "c"},
        "labels": {key: {"nl": f"nl {key}", "en": f"en {key}"} for key in ("calendar", *HOLIDAY_KEYS)},
        "days_off": [{"date": "2026-10-14", "kind": "study_day", "name": {"nl": "Studiedag", "en": "Study day"}},
                     {"date": "2027-02-03", "until": "2027-02-05", "name": "Sneeuwdagen"}],
        "events": [{"id": "info-evening", "kind": "info_evening", "date": "2026-09-08", "start": "19:00",
                    "end": "20:30", "name": {"nl": name, "en": "Info evening"}, "place": "Refter"}],
    })


@pytest.mark.parametrize("index", [0, 1])
def test_the_calendar_reads_back_with_a_second_parser(loaded, index: int) -> None:
    view = views(loaded.charter)[index]
    school_calendar = calendar()
    items = entries(school_calendar)
    parsed = IcsCalendarStream.calendar_from_ics(calendar_ics(view, items, "Schoolkalender", 1_780_000_000).decode("utf-8"))
    events = {event.uid: event for event in parsed.events}
    assert len(events) == len(items) == len(HOLIDAY_KEYS) + 3
    host = "@" + str(loaded.charter.settings.site_url).split("/")[2]
    autumn = events["2026-autumn" + host]
    assert (autumn.dtstart, autumn.dtend) == (date(2026, 11, 2), date(2026, 11, 9))  # 1 Nov 2026 is a Sunday
    assert autumn.summary == f"{view.code} autumn"
    evening = events["event-info-evening" + host]
    brussels = ZoneInfo("Europe/Brussels")
    assert evening.dtstart == datetime(2026, 9, 8, 19, 0, tzinfo=brussels)
    assert evening.dtend == datetime(2026, 9, 8, 20, 30, tzinfo=brussels)
    assert evening.location == "Refter"
    snow = events["free_day-2027-02-03" + host]
    assert (snow.dtstart, snow.dtend) == (date(2027, 2, 3), date(2027, 2, 6))


def test_uids_are_stable_and_texts_cannot_add_events(loaded) -> None:
    view = views(loaded.charter)[0]
    first = calendar_ics(view, entries(calendar()), "Schoolkalender", 1_780_000_000)
    again = calendar_ics(view, entries(calendar()), "Schoolkalender", 1_780_000_000)
    assert first == again
    hostile = calendar_ics(view, entries(calendar(HOSTILE)), HOSTILE, 1_780_000_000)
    parsed = IcsCalendarStream.calendar_from_ics(hostile.decode("utf-8"))
    assert len(parsed.events) == len(HOLIDAY_KEYS) + 3
    assert next(e for e in parsed.events if e.uid.startswith("event-")).summary == HOSTILE
    assert all(len(line) <= 75 for line in hostile.split(b"\r\n"))
