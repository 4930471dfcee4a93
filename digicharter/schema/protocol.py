"""``protocol.yaml``: the Smartschool basic protocol, its rules grouped per audience."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .agreements import Agreement
from .refs import Defines, Ref
from .base import Id, LocalizedText, StrictModel


class ProtocolSection(StrictModel):
    """A part of the protocol addressed to one audience, e.g. the school team."""

    id: Id
    """How rules refer to this section in 'section'."""
    title: LocalizedText
    """The section's heading, e.g. Schoolteam."""
    audience: Annotated[Id, Ref("roles")]
    """The id of the role (school.yaml) this section addresses; 'everyone' for the general part."""


class ProtocolRule(Agreement):
    """A protocol rule: an agreement that also names its section."""

    section: Annotated[Id, Ref("sections")]
    """The id of the protocol section this rule is listed under."""


class Protocol(StrictModel):
    """The Smartschool basic protocol."""

    title: LocalizedText
    """The protocol's title."""
    channel: Annotated[Id, Ref("channels")]
    """The channel the protocol is about (channels.yaml), e.g. smartschool."""
    intro: list[LocalizedText] = Field(default_factory=list)
    """The paragraphs before the rules."""
    sections: Annotated[list[ProtocolSection], Defines("sections")] = Field(min_length=1)
    """The parts of the protocol, in order."""
    rules: Annotated[list[ProtocolRule], Defines("agreements")] = Field(min_length=1)
    """The rules, each naming its section and channel."""
    closing: list[LocalizedText] = Field(default_factory=list)
    """The paragraphs after the rules."""
    signature: LocalizedText | None = None
    """Who signs the protocol, e.g. Het schoolteam."""
