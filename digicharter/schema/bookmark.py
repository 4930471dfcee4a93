"""``bookmark.yaml``: what goes on the agenda bookmark teachers print, and its size."""

from __future__ import annotations

from pydantic import Field

from .base import LocalizedText, StrictModel


class Bookmark(StrictModel):
    """The agenda bookmark."""

    labels: dict[str, LocalizedText] = Field(default_factory=dict)
    """Words printed on the bookmark by name."""
