"""``framework.yaml``: the expectations of the inspectorate's OK framework the charter cites."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .refs import Defines
from .base import LocalizedText, StrictModel


class Expectation(StrictModel):
    """One expectation of the reference framework for educational quality (OK), e.g. BL6."""

    code: str = Field(pattern=r"^[A-Z]{1,3}[0-9]{1,2}$")
    """The expectation's code as the framework writes it, e.g. K1 or BL6."""
    text: LocalizedText
    """The expectation's text as the quality card quotes it."""


class Framework(StrictModel):
    """The OK framework as far as the charter cites it."""

    name: LocalizedText
    """The framework's name."""
    source: LocalizedText | None = None
    """Where the quality card quotes it from, e.g. Bijlage 1.4 — Indeling OK-kader."""
    expectations: Annotated[list[Expectation], Defines("ok", key="code")] = Field(min_length=1)
    """The expectations, in the framework's order."""
