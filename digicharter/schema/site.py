"""``site.yaml``: the words of the website's own interface (headings, labels) per language."""

from __future__ import annotations

from pydantic import Field

from .base import LocalizedText, StrictModel


class Site(StrictModel):
    """Website settings and interface words."""

    labels: dict[str, LocalizedText] = Field(default_factory=dict)
    """Interface words by name, e.g. downloads: {nl: Downloads, en: Downloads}."""
