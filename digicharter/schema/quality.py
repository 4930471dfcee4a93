"""``quality.yaml``: the quality card — vision and the PDCA cycle by which the school checks itself."""

from __future__ import annotations

from pydantic import Field

from .agreements import OkCode
from .base import LocalizedText, StrictModel


class PdcaStep(StrictModel):
    """One step of the plan–do–check–act cycle."""

    name: LocalizedText
    """The step's name as every output shows it, e.g. Plannen / Plan."""
    text: LocalizedText | None = None
    """What the school does in this step."""
    items: list[LocalizedText] = Field(default_factory=list)
    """The step's actions as a list."""
    ok: list[OkCode] = Field(default_factory=list)
    """Codes of the OK-framework expectations this step serves."""


class Pdca(StrictModel):
    """The quality cycle: plan, do, check, act."""

    plan: PdcaStep
    """Plan: what the school sets out to do, and how it will know it worked."""
    do: PdcaStep
    """Do: how the school carries out the plan."""
    check: PdcaStep
    """Check: how the school finds out whether the agreements work, e.g. by asking parents."""
    act: PdcaStep
    """Act: what the school changes after checking."""


class QualityCard(StrictModel):
    """The quality card on communication with parents."""

    title: LocalizedText
    """The card's title."""
    audience: LocalizedText | None = None
    """Whom the card is about, e.g. ouders."""
    vision: list[LocalizedText] = Field(min_length=1)
    """The vision and goals, one text per paragraph."""
    pdca: Pdca
    """The PDCA cycle: how the school plans, does, checks and adjusts its communication."""
    ok: list[OkCode] = Field(default_factory=list)
    """Codes of the OK-framework expectations the card as a whole relates to (its appendix)."""
