"""``times.yaml``: every clock time, period, duration and count the agreements use.

Texts never type these values; they name them, e.g. ``{time.no_school_messages_after}``,
so changing 17:00 here changes the website, the bookmark and the slides at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PositiveInt, model_validator

from ..i18n import _
from .refs import Defines
from .base import ClockTime, DayKind, Id, LocalizedText, StrictModel


class Period(StrictModel):
    """A stretch of the day, e.g. the secretariat's office hours."""

    start: ClockTime
    """When it starts, e.g. 08:30."""
    end: ClockTime
    """When it ends, e.g. 13:00."""

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end <= self.start:
            raise ValueError(
                _("a period must end after it starts: received start {start} and end {end}").format(
                    start=f"{self.start:%H:%M}", end=f"{self.end:%H:%M}")
            )
        return self


class Duration(StrictModel):
    """A response time, e.g. 48 hours counted on school working days."""

    amount: PositiveInt
    """How many units, e.g. 48."""
    unit: Literal["hours", "days", "weeks"] = "hours"
    """The unit: hours, days or weeks."""
    counted_in: DayKind = "calendar_days"
    """Which days count: school_days, school_day, weekdays or calendar_days. The words for them are in day_kinds."""


class DayKindNames(StrictModel):
    """How each kind of counted days is written in each language."""

    school_days: LocalizedText
    """E.g. schoolwerkdagen / school working days."""
    school_day: LocalizedText
    """E.g. schoolwerkdag / school working day."""
    weekdays: LocalizedText
    """E.g. weekdagen / weekdays."""
    calendar_days: LocalizedText
    """E.g. kalenderdagen / calendar days."""


class PeriodPattern(StrictModel):
    """How a period is written: {start} and {end} are filled in."""

    pattern: LocalizedText
    """E.g. nl: '{start} tot {end}', en: '{start} to {end}'."""


class Times(StrictModel):
    """The times, periods, durations and counts the agreements refer to."""

    times: Annotated[dict[Id, ClockTime], Defines("times", key=None)] = Field(default_factory=dict)
    """Clock times by name, e.g. no_school_messages_after: 17:00. Texts use {time.NAME}."""
    periods: Annotated[dict[Id, Period], Defines("periods", key=None)] = Field(default_factory=dict)
    """Periods by name, e.g. office_hours. Texts use {period.NAME}, {period.NAME.start} or {period.NAME.end}."""
    durations: dict[Id, Duration] = Field(default_factory=dict)
    """Durations by name, e.g. email_answer. Texts use {duration.NAME} and {duration.NAME.counted_in}."""
    numbers: dict[Id, PositiveInt] = Field(default_factory=dict)
    """Counts by name, e.g. formal_parent_talks_per_year: 3. Texts use {number.NAME}."""
    day_kinds: DayKindNames
    """The words for the kinds of days durations are counted in."""
    period_pattern: LocalizedText
    """How a period reads, with {start} and {end}, e.g. nl: '{start} tot {end}'."""
