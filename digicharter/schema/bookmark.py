"""``bookmark.yaml``: what goes on the agenda bookmark teachers print, in which order, and its size.

The bookmark names agreements (agreements.yaml, protocol.yaml) and contacts
(school.yaml) by id and prints their ``short`` texts, so a phone number or a
time is never typed here. Only the words that are the bookmark's own (its
headings, the caption under the QR code …) live in this file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from ..i18n import _
from .base import IconName, Id, LabelsModel, LocalizedText, StrictModel, labels_optional
from .refs import Ref


class BookmarkItem(StrictModel):
    """One line on the bookmark: an agreement's short text, or a phone number or e-mail address of the school.

    Write exactly one of agreement, phone or email.
    """

    agreement: Annotated[Id, Ref("agreements")] | None = None
    """The id of an agreement (agreements.yaml or protocol.yaml); its 'short' text is printed."""
    phone: Annotated[Id, Ref("phones")] | None = None
    """The id of a phone number (school.yaml, phones): its short label, the number and, if it has 'hours', when it is answered."""
    email: Annotated[Id, Ref("emails")] | None = None
    """The id of an e-mail address (school.yaml, emails): its label and the address."""
    icon: IconName | None = None
    """A Material Design icon name shown before the line, instead of the channel's own icon, e.g. clock-outline."""

    @model_validator(mode="after")
    def _exactly_one(self) -> "BookmarkItem":
        named = [key for key in ("agreement", "phone", "email") if getattr(self, key) is not None]
        if len(named) != 1:
            received = _(" and ").join(named) if named else _("none of them")
            raise ValueError(
                _("write exactly one of agreement, phone or email per line, received {received}").format(received=received)
            )
        return self


class BookmarkSection(StrictModel):
    """A block of lines under one heading, e.g. Bereikbaarheid."""

    heading: LocalizedText
    """The heading printed above the lines, e.g. nl: Bereikbaarheid, en: How to reach us."""
    icon: IconName | None = None
    """A Material Design icon name shown before the heading, e.g. weather-night."""
    icons: bool = True
    """Show each line's channel icon (phone, e-mail …) before it; false shows a plain bullet instead."""
    items: list[BookmarkItem] = Field(min_length=1)
    """The lines, top to bottom."""


class BookmarkFace(StrictModel):
    """One side of the bookmark."""

    sections: list[BookmarkSection] = Field(default_factory=list)
    """The blocks of lines, top to bottom."""
    qr: bool = False
    """True puts the QR code that opens the website (in the bookmark's language), with its address, at the bottom."""


class StripSize(StrictModel):
    """The size of one bookmark as cut (millimetres)."""

    width_mm: float = Field(default=55, ge=30, le=120)
    """The width, e.g. 55. A4 paper takes as many strips side by side as fit (three at 55 mm)."""
    height_mm: float = Field(default=205, ge=80, le=400)
    """The height, e.g. 205 — about the height of a school agenda."""
    bleed_mm: float = Field(default=3, ge=0, le=10)
    """How far coloured areas run past the cut edge, so a slightly misplaced cut leaves no white edge, e.g. 3."""
    margin_mm: float = Field(default=4, ge=2, le=15)
    """The space kept free of text along every cut edge, e.g. 4."""


class PrintSheet(StrictModel):
    """The sheet teachers print on the school printer: strips side by side, front and back (millimetres)."""

    width_mm: float = Field(default=210, ge=100, le=500)
    """The paper width, e.g. 210 for A4."""
    height_mm: float = Field(default=297, ge=100, le=500)
    """The paper height, e.g. 297 for A4."""
    margin_mm: float = Field(default=6, ge=0, le=30)
    """The paper's edge most printers cannot print on; strips and cut marks stay inside it, e.g. 6."""
    gap_mm: float = Field(default=0, ge=0, le=30)
    """Space between neighbouring strips, e.g. 0 (one cut between two strips) or 6 (two cuts, each strip with its own bleed)."""
    offset_mm: float = Field(default=0, ge=-50, le=50)
    """Moves the strips this far to the right of the centre on the front; the back moves the same way as seen from the back, so each back stays behind its front."""


class BookmarkLabels(LabelsModel):
    """The bookmark's own words, per language."""

    title: LocalizedText
    """The big word at the top of the front, e.g. Digicharter."""
    tagline: LocalizedText
    """The line under the title, e.g. nl: Zo communiceren school en ouders."""
    qr_caption: LocalizedText
    """The words above the QR code, e.g. nl: Alle afspraken lees je op."""
    qr_alt: LocalizedText
    """What the QR code is, for screen readers, e.g. nl: QR-code naar de website met alle afspraken."""
    document_title: LocalizedText
    """The title of the bookmark PDF (shown in the PDF viewer's title bar)."""
    sheet_title: LocalizedText
    """The title of the print sheet PDF."""
    print_hint: LocalizedText
    """How to print and cut the sheet, printed in its margin, e.g. nl: Dubbelzijdig afdrukken, lange zijde …"""
    your_class: LocalizedText
    """Class bookmarks: the heading of the class's own section, e.g. nl: Jouw klas."""
    at_school: LocalizedText
    """Class bookmarks: before a part-time teacher's days, e.g. nl: op school."""
    class_code: LocalizedText
    """Class bookmarks: after a channel's name, before the code to follow the class, e.g. nl: klascode."""


class ClassBookmark(StrictModel):
    """Where a class bookmark (digicharter bookmark --classes) puts the class's own section."""

    face: Literal["front", "back"] = "front"
    """The face that gets the class's section, at its top."""
    leave_out: list[str] = Field(default_factory=list)
    """Lines of that face left out on class bookmarks to make room (their agreement, phone or email ids), e.g. the teachers' address pattern, which the class's own addresses replace."""


class Bookmark(StrictModel):
    """The agenda bookmark: its two faces, its size and the print sheet."""

    model_config = ConfigDict(json_schema_extra=labels_optional)

    size: StripSize = Field(default_factory=StripSize)
    """The size of one bookmark."""
    sheet: PrintSheet = Field(default_factory=PrintSheet)
    """The print sheet (A4) teachers print."""
    front: BookmarkFace
    """The front: the top carries the school's name and the title."""
    back: BookmarkFace
    """The back."""
    class_bookmark: ClassBookmark = Field(default_factory=ClassBookmark)
    """Class bookmarks: which face gets the class's section and which lines make room for it."""
    labels: BookmarkLabels
    """The words printed on the bookmark that are not agreements or contacts. Digicharter has them in Dutch, English and French: write only those you want to change."""
