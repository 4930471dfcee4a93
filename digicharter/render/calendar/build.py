"""The build step of the calendar: ``site/calendar/<language>.ics`` for every language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import outputs
from ...reproducible import source_date_epoch
from ...schoolyear.entries import entries
from .ics import calendar_ics

if TYPE_CHECKING:
    from ...build_context import BuildContext




def build_calendars(ctx: "BuildContext") -> None:
    """Write one .ics per language; a charter without calendar.yaml has none."""
    school_calendar = ctx.charter.calendar
    if school_calendar is None:
        return
    items = entries(school_calendar)
    stamp = source_date_epoch()
    for view in ctx.views:
        target = ctx.staging / outputs.calendar_ics(view)
        target.parent.mkdir(parents=True, exist_ok=True)
        name = f"{view.raw(school_calendar.labels.calendar)} — {ctx.charter.school.name}"
        target.write_bytes(calendar_ics(view, items, name, stamp))
