"""``calendar.yaml``: the school's own free days, study days and events of one school year.

The holidays of Flemish primary education are not typed here: they follow
from fixed rules (:mod:`digicharter.schoolyear.holidays`). The school adds
what only it knows, and names which times of ``times.yaml`` set the clock of
its answers, so that no time is typed twice.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..i18n import _
from pydantic import ConfigDict

from .refs import Ref
from .base import CalendarDate, ClockTime, Id, LabelsModel, LocalizedText, StrictModel, labels_optional

#: The holidays and free days the Flemish rules give, by their key in holidays.py.
HOLIDAY_KEYS = ("autumn", "armistice", "christmas", "carnival", "easter", "easter_monday",
                "labour_day", "ascension", "whit_monday", "summer")


class CalendarLabels(LabelsModel):
    """The calendar's words. Digicharter has them in Dutch, English and French; write one here to change it."""

    calendar: LocalizedText
    """The calendar's name in a phone's calendar app, e.g. Schoolkalender."""
    autumn: LocalizedText
    """E.g. Herfstvakantie."""
    armistice: LocalizedText
    """11 November, e.g. Wapenstilstand."""
    christmas: LocalizedText
    """E.g. Kerstvakantie."""
    carnival: LocalizedText
    """E.g. Krokusvakantie."""
    easter: LocalizedText
    """E.g. Paasvakantie."""
    easter_monday: LocalizedText
    """E.g. Paasmaandag."""
    labour_day: LocalizedText
    """1 May, e.g. Dag van de Arbeid."""
    ascension: LocalizedText
    """Ascension Day and the Friday after, e.g. Hemelvaart."""
    whit_monday: LocalizedText
    """E.g. Pinkstermaandag."""
    summer: LocalizedText
    """E.g. Zomervakantie."""


class DayOff(StrictModel):
    """A day (or days) the school is closed that the Flemish calendar does not know."""

    date: CalendarDate
    """The first day, as YYYY-MM-DD, e.g. 2026-10-14."""
    until: CalendarDate | None = None
    """The last day when it is more than one day, as YYYY-MM-DD."""
    kind: Literal["free_day", "study_day"] = "free_day"
    """free_day (a day off for everyone) or study_day (no school for the pupils: a teachers' study day)."""
    name: LocalizedText
    """What parents see, e.g. 'Pedagogische studiedag'."""

    @model_validator(mode="after")
    def _ordered(self) -> "DayOff":
        if self.until is not None and self.until < self.date:
            raise ValueError(_("the last day comes before the first: received date {first} and until {last}").format(
                first=self.date.isoformat(), last=self.until.isoformat()))
        return self


class Event(StrictModel):
    """An event for parents: an info evening, parent contacts, a school party."""

    id: Id
    """A short name that stays the same when the date changes (calendars update instead of duplicating)."""
    kind: Literal["info_evening", "parent_contact", "school_event"]
    """info_evening, parent_contact or school_event."""
    date: CalendarDate
    """The day, as YYYY-MM-DD."""
    start: ClockTime | None = None
    """When it starts (leave out for a whole day)."""
    end: ClockTime | None = None
    """When it ends."""
    name: LocalizedText
    """What parents see, e.g. 'Infoavond'."""
    place: LocalizedText | None = None
    """Where, e.g. 'in de refter'."""

    @model_validator(mode="after")
    def _times(self) -> "Event":
        if self.end is not None and (self.start is None or self.end <= self.start):
            raise ValueError(_("an event must end after it starts: give start before end"))
        return self


class AnswerClock(StrictModel):
    """Which times of times.yaml set the clock of answers and quiet times (their names there)."""

    school_day_starts: Annotated[Id, Ref("times")]
    """The time the school starts reading messages, e.g. school_day_start (08:30 in times.yaml)."""
    sends_until: Annotated[Id, Ref("times")]
    """The time after which the school sends nothing, e.g. no_school_messages_after (17:00)."""
    quiet_from: Annotated[Id, Ref("times")]
    """The time evenings become quiet, e.g. evening_quiet_from (20:00)."""


class SchoolCalendar(StrictModel):
    """The school year: its own free days, study days and events; the Flemish holidays are computed."""

    model_config = ConfigDict(json_schema_extra=labels_optional)

    school_year: int = Field(ge=2000, le=2099)
    """The year the school year starts in September, e.g. 2026 for 2026-2027."""
    answer_clock: AnswerClock
    """Which times set when answers come and when it is quiet."""
    labels: CalendarLabels
    """The calendar's words (holiday names); leave out to use Digicharter's."""
    days_off: list[DayOff] = Field(default_factory=list)
    """The school's own free days and study days."""
    events: list[Event] = Field(default_factory=list)
    """Info evenings, parent contacts and other events for parents."""
