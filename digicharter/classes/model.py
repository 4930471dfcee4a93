"""``classes.yaml``: the school's classes, their teachers and the codes to follow them. Private data.

Class codes let anyone follow a class on Gimme or Klasbord, and teachers'
addresses are personal: this file is not part of the published charter
(it is never read by ``build`` and nothing of it reaches ``site/``). Only
``digicharter bookmark --classes`` reads it, into a private output folder.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema.base import EmailAddress, Id, StrictModel

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday"]
WEEKDAYS: tuple[Weekday, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday")


class Teacher(StrictModel):
    """One teacher of a class."""

    name: str = Field(min_length=1, max_length=80)
    """First name and last name, as parents know them, e.g. Ann Desair."""
    email: EmailAddress | None = None
    """The address, when it is not made from the school's pattern (teacher_email in school.yaml)."""
    days: list[Weekday] | None = None
    """For a part-time teacher: the days at school, e.g. [monday, tuesday]. Leave out for full time."""


class SchoolClass(StrictModel):
    """One class: its name, its teachers and the codes parents use to follow it."""

    id: Id
    """A short name for the file names, e.g. 3a."""
    name: str = Field(min_length=1, max_length=60)
    """The class as parents call it, e.g. 3de leerjaar A."""
    teachers: list[Teacher] = Field(min_length=1, max_length=3)
    """The class's teachers (one to three)."""
    follow: dict[Id, str] = Field(default_factory=dict)
    """Per channel id (channels.yaml), the code to follow the class, e.g. gimme: K7P-2QX."""


class Classes(StrictModel):
    """All classes the bookmarks are made for."""

    classes: list[SchoolClass] = Field(min_length=1)
    """The classes."""
