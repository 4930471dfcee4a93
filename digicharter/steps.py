"""The outputs a build makes, in order, by name: the one list the build, ``digicharter bookmark|slides`` and the preview share."""

from __future__ import annotations

from .build_context import Step


def output_steps() -> list[Step]:
    """The outputs, in order: the website first (MkDocs owns its folder while it builds)."""
    from .render.bookmark.build import build_bookmarks
    from .render.calendar.build import build_calendars
    from .render.site.build import build_site
    from .render.slides.build import build_slides

    return [("website", build_site), ("bookmark", build_bookmarks), ("slides", build_slides),
            ("calendar", build_calendars)]
