"""``agreements.yaml`` and the rules of ``protocol.yaml``: what school and parents agree to do."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .refs import Defines, Ref
from .base import Id, LocalizedText, StrictModel

OkCode = Annotated[str, Ref("ok")]
"""The code of an OK-framework expectation (framework.yaml), e.g. BL6."""

#: The five themes a school's framework on the right to disconnect covers (CAO XII, since 1 September 2023).
DisconnectTheme = Literal["message_flow", "sending_times", "reading_answering", "social_media", "reachability"]


class Agreement(StrictModel):
    """One agreement (rule): one channel, the groups it binds, a full and a short text."""

    id: Id
    """A unique name for this agreement; the bookmark and slides refer to it."""
    channel: Annotated[Id, Ref("channels")]
    """The id of the channel (channels.yaml) this agreement belongs to."""
    binds: list[Annotated[Id, Ref("roles")]] = Field(default_factory=list)
    """The ids of the groups (roles in school.yaml) this agreement binds, e.g. [parents]."""
    text: LocalizedText
    """The full text, as the school wrote it. May use {time.…}, {phone.…} and similar references."""
    short: LocalizedText | None = None
    """A short form for the bookmark and slides. Required when the agreement is on the bookmark or a slide."""
    items: list[LocalizedText] = Field(default_factory=list)
    """Sub-points that belong to the text, shown as a list under it."""
    note: LocalizedText | None = None
    """A further remark, shown after the text and its points."""
    ok: list[OkCode] = Field(default_factory=list)
    """Codes of the OK-framework expectations (framework.yaml) this agreement serves, e.g. [BL6]."""
    disconnect: list[DisconnectTheme] = Field(default_factory=list)
    """The right-to-disconnect themes (CAO XII) this agreement puts into practice: message_flow (which channel for what, how many messages), sending_times (when messages are sent), reading_answering (when they are read and answered), social_media, reachability (during illness, part-time work, emergencies and holidays)."""


class Agreements(StrictModel):
    """The agreements of the quality card, each under its channel."""

    rules: Annotated[list[Agreement], Defines("agreements")] = Field(min_length=1)
    """The agreements, in the order the website shows them under their channel."""
