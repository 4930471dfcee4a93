"""``channels.yaml``: the ways school and parents reach each other (phone, e-mail, agenda …)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import IconName, Id, LocalizedText, StrictModel
from .refs import Defines


class Channel(StrictModel):
    """One communication channel; every agreement belongs to one."""

    id: Id
    """How agreements refer to this channel in 'channel', e.g. smartschool."""
    name: LocalizedText
    """The channel's name, e.g. Telefoon / Phone."""
    icon: IconName
    """A Material Design icon name, e.g. phone, email, notebook, whatsapp."""
    purpose: LocalizedText
    """One line: what this channel is for (shown in the overview and on slides)."""
    intro: LocalizedText | None = None
    """An introduction on the channel's page, before its agreements."""


class Channels(StrictModel):
    """All channels, in the order the website, bookmark and slides list them."""

    channels: Annotated[list[Channel], Defines("channels")] = Field(min_length=1)
    """The channels, in the order every output lists them. Each agreement names one by its id."""
