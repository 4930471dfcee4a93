"""``protocol.yaml``: the Smartschool basic protocol, its rules grouped per audience."""

from __future__ import annotations

from pydantic import Field

from .agreements import Agreement
from .base import Id, LocalizedText, StrictModel


class ProtocolSection(StrictModel):
    """A part of the protocol addressed to one audience, e.g. the school team."""

    id: Id
    """How rules refer to this section in 'section'."""
    title: LocalizedText
    """The section's heading, e.g. Schoolteam."""
    audience: Id
    """The id of the role (school.yaml) this section addresses; 'everyone' for the general part."""


class ProtocolRule(Agreement):
    """A protocol rule: an agreement that also names its section."""

    section: Id
    """The id of the protocol section this rule is listed under."""


class Protocol(StrictModel):
    """The Smartschool basic protocol."""

    title: LocalizedText
    """The protocol's title."""
    channel: Id
    """The channel the protocol is about (channels.yaml), e.g. smartschool."""
    intro: list[LocalizedText] = Field(default_factory=list)
    """The paragraphs before the rules."""
    sections: list[ProtocolSection] = Field(min_length=1)
    """The parts of the protocol, in order."""
    rules: list[ProtocolRule] = Field(min_length=1)
    """The rules, each naming its section and channel."""
    closing: list[LocalizedText] = Field(default_factory=list)
    """The paragraphs after the rules."""
    signature: LocalizedText | None = None
    """Who signs the protocol, e.g. Het schoolteam."""
