"""``slides.yaml``: the outline of the info-evening slides."""

from __future__ import annotations

from pydantic import Field

from .base import LocalizedText, StrictModel


class Slides(StrictModel):
    """The info-evening slide deck."""

    labels: dict[str, LocalizedText] = Field(default_factory=dict)
    """Words shown on the slides by name."""
