"""calendar.yaml: optional, validated at file:line like every file, published as one .ics per language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import reads_in
from ical.calendar_stream import IcsCalendarStream

from digicharter.errors import CharterError
from digicharter.loading.charter_loader import load_charter
from digicharter.schoolyear.holidays import holidays


DATES_SECTION = """    - heading: {nl: Data, en: Dates}
      icon: calendar-month
      icons: false
      items:
        - events: parent_contact           # every parent contact of calendar.yaml, on one line
"""


def drop_calendar(charter: Path) -> None:
    """The charter without calendar.yaml, and without the bookmark's line of its dates."""
    (charter / "calendar.yaml").unlink()
    bookmark = charter / "bookmark.yaml"
    text = bookmark.read_text(encoding="utf-8")
    assert DATES_SECTION in text
    bookmark.write_text(text.replace(DATES_SECTION, ""), encoding="utf-8")


def test_a_charter_without_calendar_yaml_is_valid(charter_copy: Path) -> None:
    drop_calendar(charter_copy)
    assert load_charter(charter_copy, strict=True).charter.calendar is None


def _problems(charter: Path) -> list[str]:
    with pytest.raises(CharterError) as failed:
        load_charter(charter, strict=True)
    return [str(p) for p in failed.value.problems]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("sends_until: no_school_messages_after", "sends_until: no_school_message_after",
     "calendar.yaml:14:3: answer_clock.sends_until: unknown time 'no_school_message_after' — did you mean "
     "'no_school_messages_after'?"),
    ("  - date: 2027-05-03", "  - date: 2028-05-03",
     "calendar.yaml:24:5: day off 3, date: 2028-05-03 is not in the school year 2026-09-01 to 2027-08-31"),
    ("    date: 2026-12-17", "    date: 2026-12-32",
     "calendar.yaml:38:5: event 'parent-contact-december', date: '2026-12-32' is not a date"),
    ("    start: 16:00\n    end: 20:00\n    name: {nl: Oudercontact (rapport), en: Parent contact (school report)}\n"
     "  - id: parent-contact-march",
     "    start: 16:00\n    end: 15:00\n    name: {nl: Oudercontact (rapport), en: Parent contact (school report)}\n"
     "  - id: parent-contact-march", "event 'parent-contact-december'"),
])
def test_mistakes_in_calendar_yaml_are_named_at_their_line(charter_copy: Path, old: str, new: str, expected: str) -> None:
    path = charter_copy / "calendar.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = _problems(charter_copy)
    assert any(expected in problem for problem in problems), problems


def test_a_day_off_inside_a_holiday_is_a_warning(charter_copy: Path) -> None:
    path = charter_copy / "calendar.yaml"
    carnival = next(h for h in holidays(2026) if h.key == "carnival")
    path.write_text(path.read_text(encoding="utf-8").replace("2027-01-27", carnival.first.isoformat()), encoding="utf-8")
    warnings = [str(w) for w in load_charter(charter_copy).warnings]
    assert any("is already a holiday (Krokusvakantie" in w and "calendar.yaml:" in w for w in warnings), warnings


@pytest.mark.slow
def test_the_built_site_has_a_calendar_per_language(built_site: Path, loaded) -> None:
    school_calendar = loaded.charter.calendar
    expected_days = len(holidays(school_calendar.school_year)) + len(school_calendar.days_off) + len(school_calendar.events)
    for code in ("nl", "en"):
        parsed = IcsCalendarStream.calendar_from_ics((built_site / "calendar" / f"{code}.ics").read_text(encoding="utf-8"))
        assert len(parsed.events) == expected_days
        summer = next(e for e in parsed.events if e.uid.startswith(f"{school_calendar.school_year}-summer@"))
        assert summer.dtstart == date(school_calendar.school_year + 1, 7, 1)
        names = {e.summary for e in parsed.events}
        assert {"Zomervakantie", "Infoavond voor ouders"} <= names if code == "nl" else {"Summer holiday"} <= names


def _pdf_text(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
def test_the_slides_show_every_event_of_the_school_year(built_site: Path, loaded) -> None:
    from digicharter.schoolyear.event_lines import event_lines
    from digicharter.view import views

    for view in views(loaded.charter):
        text = " ".join(_pdf_text(built_site / "downloads" / f"digicharter-slides-{view.code}.pdf").split())
        for line in event_lines(view, loaded.charter.calendar.events):
            assert reads_in(line, text, view.direction), line


def test_without_calendar_yaml_there_is_no_dates_slide(charter_copy: Path) -> None:
    from digicharter.render.slides.outline import build_deck
    from digicharter.view import views

    with_calendar = load_charter(charter_copy, strict=True).charter
    drop_calendar(charter_copy)
    without = load_charter(charter_copy, strict=True).charter
    for charter, expected in ((with_calendar, 1), (without, 0)):
        assert sum(1 for slide in build_deck(views(charter)[0]) if slide.kind == "dates") == expected


@pytest.mark.slow
def test_the_bookmark_shows_the_parent_contacts_of_calendar_yaml(built_site: Path, loaded) -> None:
    from digicharter.schoolyear.event_lines import dates_line
    from digicharter.view import views

    contacts = [e for e in loaded.charter.calendar.events if e.kind == "parent_contact"]
    for view in views(loaded.charter):
        text = " ".join(_pdf_text(built_site / "downloads" / f"digicharter-bookmark-{view.code}.pdf").split())
        assert reads_in(dates_line(view, contacts), text, view.direction)


def test_a_line_of_dates_is_punctuated_and_joined_as_its_language_does(loaded) -> None:
    """French puts a narrow no-break space before the colon; every language joins the dates its own way (CLDR)."""
    from babel.lists import format_list

    from digicharter.schoolyear.event_lines import dates_line
    from digicharter.view import views

    contacts = [e for e in loaded.charter.calendar.events if e.kind == "parent_contact"]
    assert len(contacts) >= 2
    for view in views(loaded.charter):
        line = dates_line(view, contacts)
        name, _, dates = line.partition(":")
        assert name.endswith("\u202f") == (view.code == "fr"), line
        joined = format_list(["A", "B"], locale=view.language.locale).replace("A", "").replace("B", "")
        assert joined.strip() and joined in dates, line


def test_a_bookmark_line_of_events_needs_them_in_calendar_yaml(charter_copy: Path) -> None:
    (charter_copy / "calendar.yaml").unlink()
    problems = _problems(charter_copy)
    assert any("bookmark.yaml:" in p and "'parent_contact' events, but calendar.yaml has none" in p for p in problems), problems
