"""``school.yaml``: who the school is and how to reach it — the facts every output shows."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import MAX_NAME_CHARS, Colour, EmailAddress, Id, LocalizedText, Phone, StrictModel
from .refs import Defines, Ref


class Colours(StrictModel):
    """The school's colours, used by the website, the bookmark and the slides alike."""

    primary: Colour
    """The main colour: headings, bars, the bookmark's band. Must be dark enough for white text on it."""
    accent: Colour
    """A second colour for highlights."""
    background: Colour = "#ffffff"
    """The page background."""


class Role(StrictModel):
    """A group of people an agreement binds or addresses."""

    id: Id
    """How agreements refer to this group in 'binds', e.g. parents."""
    name: LocalizedText
    """The group's name, e.g. Ouders of verantwoordelijke opvoeders."""


class PhoneContact(StrictModel):
    """A phone number parents may use."""

    id: Id
    """How texts refer to this number: {phone.ID}."""
    number: Phone
    """The number as the school writes it, e.g. '011 62 16 13'."""
    label: LocalizedText
    """Whose number it is, e.g. Secretariaat."""
    short: LocalizedText | None = None
    """A shorter label for the bookmark and slides."""
    prefer_sms: bool = False
    """True if parents should send an SMS to this number instead of calling (the website then links it as sms:)."""
    hours: Annotated[Id, Ref("periods")] | None = None
    """The id of a period in times.yaml when the number is answered, e.g. office_hours."""


class EmailContact(StrictModel):
    """An e-mail address parents may use."""

    id: Id
    """How texts refer to this address: {email.ID}."""
    address: EmailAddress
    """The e-mail address."""
    label: LocalizedText
    """Whose address it is, e.g. Secretariaat."""
    purpose: LocalizedText | None = None
    """What to write to this address about, e.g. questions about invoices."""


class TeacherEmail(StrictModel):
    """How every teacher's e-mail address is built; texts refer to it as {teacher_email}."""

    local_part: LocalizedText
    """The part before @, per language, e.g. nl: voornaam.achternaam, en: firstname.lastname."""
    domain: str = Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
    """The part after @, e.g. deboomhutlozen.be."""


class School(StrictModel):
    """The school: name, colours, the groups of people concerned and its contacts."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    """The school's full name (a proper name: the same in every language)."""
    short_name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    """The name as it fits on the bookmark, e.g. De Boomhut."""
    town: str = Field(max_length=MAX_NAME_CHARS)
    """The town the school is in."""
    colours: Colours
    """The school's colours."""
    roles: Annotated[list[Role], Defines("roles")] = Field(min_length=1)
    """The groups of people agreements bind, e.g. parents, school team, teachers."""
    phones: Annotated[list[PhoneContact], Defines("phones")] = Field(min_length=1)
    """The school's phone numbers."""
    emails: Annotated[list[EmailContact], Defines("emails")] = Field(min_length=1)
    """The school's e-mail addresses."""
    teacher_email: TeacherEmail
    """The pattern of the teachers' e-mail addresses."""
