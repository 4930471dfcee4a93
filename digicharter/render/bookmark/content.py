"""What is printed on each face of the bookmark, in one language, as ready-to-place HTML pieces.

``bookmark.yaml`` only names agreements and contacts; here they are looked up
in the model and written out through the :class:`~digicharter.view.LanguageView`,
so every number, time and address comes from school.yaml and times.yaml.
Each line also remembers where its words come from, so that an overflow
message can tell the editor which text to shorten, in which file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup

from ...escaping import html_attr, html_text
from ...i18n import _
from ...facts import Reference
from ...schema.bookmark import BookmarkFace, BookmarkItem
from ...view import LanguageView

FaceName = Literal["front", "back"]
FACES: tuple[FaceName, ...] = ("front", "back")

#: Icons for contacts, which (unlike agreements) belong to no channel; not words, so not in the YAML.
PHONE_ICON = "phone"
SMS_ICON = "cellphone-message"
EMAIL_ICON = "email"
HOURS_ICON = "clock-outline"
EVENTS_ICON = "calendar-month"


@dataclass(frozen=True)
class Line:
    """One line on a face."""

    kind: Literal["agreement", "phone", "email", "class", "events"]
    ref: str
    """The id the line names in bookmark.yaml."""
    text: Markup
    """The main text: an agreement's short text, a phone number or an e-mail address."""
    icon: str | None
    label: Markup | None = None
    """A contact's label (School, GSM directie …), printed above its number or address."""
    hours: Markup | None = None
    """When a phone number is answered, e.g. 8.30 u tot 13.00 u."""
    plain: str = ""
    """The main text without markup, for messages."""

    def describe(self) -> str:
        """How an error message names this line."""
        shown = self.plain if len(self.plain) <= 60 else self.plain[:57] + "…"
        kind = {"agreement": _("agreement"), "phone": _("phone number"), "email": _("e-mail address"),
                "class": _("class"), "events": _("events")}.get(self.kind, self.kind)
        return _("the {kind} '{id}' (“{text}”)").format(kind=kind, id=self.ref, text=shown)


@dataclass(frozen=True)
class Section:
    heading: Markup
    icon: str | None
    show_icons: bool
    lines: list[Line]


@dataclass(frozen=True)
class Face:
    """One side of the strip, in one language."""

    name: FaceName
    sections: list[Section]
    qr: bool
    lines: list[Line] = field(default_factory=list)
    """All lines of all sections in reading order (for the overflow report)."""


def faces(view: LanguageView) -> list[Face]:
    """The front and the back as the bookmark shows them in ``view``'s language."""
    bookmark = view.charter.bookmark
    return [_face(view, name, getattr(bookmark, name)) for name in FACES]


def _face(view: LanguageView, name: FaceName, face: BookmarkFace) -> Face:
    sections = [
        Section(
            heading=Markup(view.text(section.heading, "html")),
            icon=section.icon,
            show_icons=section.icons,
            lines=[_line(view, item) for item in section.items],
        )
        for section in face.sections
    ]
    return Face(name, sections, face.qr, [line for section in sections for line in section.lines])


def _line(view: LanguageView, item: BookmarkItem) -> Line:
    if item.agreement is not None:
        agreement = view.agreement(item.agreement)
        icon = item.icon or view.channel(agreement.channel).icon
        return Line(
            "agreement", item.agreement, typeset(view.text(agreement.short, "html")), icon,
            plain=view.text(agreement.short, "plain"),
        )
    if item.events is not None:
        from ...schoolyear.event_lines import dates_line

        calendar = view.charter.calendar
        events = [e for e in (calendar.events if calendar is not None else []) if e.kind == item.events]
        text = dates_line(view, events)
        return Line("events", item.events, typeset(str(html_text(text))), item.icon or EVENTS_ICON, plain=text)
    if item.phone is not None:
        phone = next(p for p in view.charter.school.phones if p.id == item.phone)
        fact = view.fact(Reference("phone", phone.id, None, f"{{phone.{phone.id}}}"))
        hours = None
        if phone.hours is not None:
            period = view.fact(Reference("period", phone.hours, None, f"{{period.{phone.hours}}}"))
            hours = typeset(str(html_text(view.isolated(period.display))))
        return Line(
            "phone", phone.id, Markup(f'<a href="{html_attr(fact.href)}" dir="ltr">{typeset(str(html_text(fact.display)))}</a>'),
            item.icon or (SMS_ICON if phone.prefer_sms else PHONE_ICON),
            label=html_text(view.raw(phone.short or phone.label)), hours=hours, plain=fact.display,
        )
    assert item.email is not None  # the schema requires exactly one of the three
    email = next(e for e in view.charter.school.emails if e.id == item.email)
    fact = view.fact(Reference("email", email.id, None, f"{{email.{email.id}}}"))
    return Line(
        "email", email.id, Markup(f'<a href="{html_attr(fact.href)}" dir="ltr">{typeset(str(html_text(fact.display)))}</a>'),
        item.icon or EMAIL_ICON, label=html_text(view.raw(email.label)), plain=fact.display,
    )


_TAG = re.compile(r"(<[^>]*>)")
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\S)")


def typeset(html: str) -> Markup:
    """Small typographic care for a narrow column, in text only (never inside a tag).

    * a number stays with what follows it (``48 uur``, ``8.30 u``, ``011 621 613``):
      a line never breaks right after a digit;
    * an e-mail address may break after its ``@`` rather than anywhere.
    """
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):  # even indexes are text, odd ones tags
        text = _NUMBER_SPACE.sub("\u00a0", parts[index])
        parts[index] = text.replace("@", "@<wbr>")
    return Markup("".join(parts))
