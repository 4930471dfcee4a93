"""The slide deck as data: the outline of slides.yaml (or the standard one) expanded, in one language.

Every word on a slide and in its notes is taken from the charter here, through
:class:`~digicharter.view.LanguageView` in ``html`` mode, so the HTML deck, the
PDF and the notes handout (which only lay these out) can never disagree.
Short texts go on the slide; the full texts become the speaker notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ...escaping import html_text
from ...i18n import _
from ...outputs import absolute_url, calendar_ics, site_url
from ...schema.agreements import Agreement
from ...schema.base import SAME, Text
from ...schema.slides import DEFAULT_OUTLINE, PARENTS_ROLE, OutlineEntry
from ...view import LanguageView

PDCA_STEPS = ("plan", "do", "check", "act")


@dataclass(frozen=True)
class Point:
    """One line on a slide: a short text, with the icon of its channel where it has one."""

    html: Markup
    icon: str | None = None
    agreement: str | None = None
    """The id of the agreement it shows (for messages and tests)."""


@dataclass(frozen=True)
class Note:
    """One block of speaker notes: an optional caption, paragraphs and a list."""

    paragraphs: tuple[Markup, ...] = ()
    items: tuple[Markup, ...] = ()
    caption: Markup | None = None
    after: tuple[Markup, ...] = ()
    """Paragraphs after the list (an agreement's remark)."""


@dataclass
class Slide:
    """One slide in one language, ready to lay out."""

    kind: str
    key: str
    """Unique within the deck: the HTML section's id and the base of the PDF's anchors."""
    heading: Markup
    origin: str
    """Where the slide comes from, in the words of slides.yaml, for error messages."""
    content: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    number: int = 0
    total: int = 0

    @property
    def plain_heading(self) -> str:
        return Markup(self.heading).striptags()

    @property
    def agreement_ids(self) -> list[str]:
        return [p.agreement for p in self.content.get("points", []) if p.agreement]

    @property
    def full_bleed(self) -> bool:
        """Title and closing slide: the school colour edge to edge."""
        return self.kind in ("title", "questions")


def default_outline(view: LanguageView) -> list[OutlineEntry]:
    """The standard deck, as outline items a school could have written itself.

    It follows :data:`DEFAULT_OUTLINE`, except that the protocol's slides come
    right after the slide of the channel the protocol is about (Smartschool),
    so that slide introduces them instead of standing alone.
    """
    charter = view.charter
    entries: list[OutlineEntry] = []
    for kind in DEFAULT_OUTLINE:
        if kind == "channels":
            for channel in charter.channels.channels:
                entries.append(OutlineEntry(show="channel", channel=channel.id))
                if channel.id == charter.protocol.channel and "protocol" in DEFAULT_OUTLINE:
                    entries.append(OutlineEntry(show="protocol"))
        elif kind == "protocol":
            if charter.protocol.channel not in [c.id for c in charter.channels.channels]:
                entries.append(OutlineEntry(show="protocol"))
        else:
            entries.append(OutlineEntry(show=kind))
    return entries


def outline_entries(view: LanguageView) -> list[tuple[str, OutlineEntry]]:
    """The outline items with a description of where each was written."""
    outline = view.charter.slides.outline
    if outline is None:
        return [(_("the standard outline (show: {show})").format(show=e.show), e) for e in default_outline(view)]
    return [
        (_("slides.yaml, slide {number} of the outline (show: {show})").format(number=i + 1, show=entry.show), entry)
        for i, entry in enumerate(outline)
    ]


def build_deck(view: LanguageView) -> list[Slide]:
    """Every slide of the deck in this language, numbered."""
    builder = _DeckBuilder(view)
    slides: list[Slide] = []
    for origin, entry in outline_entries(view):
        for slide in builder.expand(entry, origin):
            if entry.heading is not None:
                slide.heading = builder.html(entry.heading)
            slide.notes[:0] = [Note(paragraphs=tuple(builder.html(n) for n in entry.notes))] if entry.notes else []
            slides.append(slide)
    seen: dict[str, int] = {}
    for number, slide in enumerate(slides, start=1):
        slide.number, slide.total = number, len(slides)
        seen[slide.key] = seen.get(slide.key, 0) + 1
        if seen[slide.key] > 1:
            slide.key = f"{slide.key}-{seen[slide.key]}"
    return slides


class _DeckBuilder:
    """Turns outline items into slides; one method per kind of slide."""

    def __init__(self, view: LanguageView):
        self.view = view
        self.charter = view.charter
        self.labels = view.charter.slides.labels

    # ----------------------------------------------------------------- helpers

    def html(self, text: Text | None) -> Markup:
        return Markup(self.view.text(text, "html"))

    def fact(self, reference: str) -> Markup:
        """One fact by its reference, e.g. ``{phone.school}``, written as the texts write it (links included)."""
        return self.html(Text(((SAME, reference),)))  # a fact is one text in every language, written in each

    def label(self, name: str) -> Markup:
        return self.html(getattr(self.labels, name))

    def channel_icon(self, channel_id: str) -> str | None:
        channel = next((c for c in self.charter.channels.channels if c.id == channel_id), None)
        return channel.icon if channel else None

    def point(self, agreement: Agreement, with_icon: bool = True) -> Point:
        """An agreement's short text; its channel's icon where the slide mixes channels."""
        icon = self.channel_icon(agreement.channel) if with_icon else None
        return Point(self.html(agreement.short), icon, agreement.id)

    def agreement_note(self, agreement: Agreement) -> Note:
        """The full text of an agreement, with whom it binds, its points and its remark."""
        roles = self.view.join(self.view.role_name(r) for r in agreement.binds)
        caption = Markup("{}{}{}").format(self.label("binds"), self.view.separator(), roles) if roles else None
        return Note(
            paragraphs=(self.html(agreement.text),),
            items=tuple(self.html(i) for i in agreement.items),
            caption=caption,
            after=(self.html(agreement.note),) if agreement.note is not None else (),
        )

    def chosen(self, entry: OutlineEntry, default: list[Agreement]) -> list[Agreement]:
        """The agreements an outline item names, or the default ones that have a short text."""
        if entry.agreements is not None:
            return [self.view.agreement(i) for i in entry.agreements]
        return [a for a in default if a.short is not None]

    def contacts(self) -> dict[str, Any]:
        """Phone numbers (with when they are answered), e-mail addresses with a purpose, the teachers' pattern."""
        phones = []
        for phone in self.charter.school.phones:
            phones.append(
                {
                    "label": self.html(phone.short or phone.label),
                    "number": self.fact(f"{{phone.{phone.id}}}"),
                    "hours": self.fact(f"{{period.{phone.hours}}}") if phone.hours else None,
                    "sms": phone.prefer_sms,
                }
            )
        emails = [
            {
                "label": self.html(email.label),
                "address": self.fact(f"{{email.{email.id}}}"),
                "purpose": self.html(email.purpose),
            }
            for email in self.charter.school.emails
            if email.purpose is not None
        ]
        teacher = {
            "label": self.label("teacher_email"),
            "address": self.fact("{teacher_email}"),
        }
        return {"phones": phones, "emails": emails, "teacher": teacher}

    def contact_notes(self) -> list[Note]:
        """Every phone number and e-mail address with its full label, for the speaker."""
        notes = []
        for phone in self.charter.school.phones:
            line = Markup("{}{}{}").format(self.html(phone.label), self.view.separator(), self.fact(f"{{phone.{phone.id}}}"))
            if phone.hours:
                line += Markup(" ({})").format(self.fact(f"{{period.{phone.hours}}}"))
            notes.append(line)
        for email in self.charter.school.emails:
            line = Markup("{}{}{}").format(self.html(email.label), self.view.separator(), self.fact(f"{{email.{email.id}}}"))
            if email.purpose is not None:
                line += Markup(" — {}").format(self.html(email.purpose))
            notes.append(line)
        return [Note(items=tuple(notes))]

    # ----------------------------------------------------------------- kinds

    def expand(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        return getattr(self, f"slide_{entry.show}")(entry, origin)

    def slide_title(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        settings = self.charter.settings
        return [
            Slide(
                "title",
                "title",
                self.html(settings.title),
                origin,
                content={"occasion": self.label("occasion"), "school": html_text(self.charter.school.name)},
                notes=[Note(paragraphs=(self.html(settings.description),))],
            )
        ]

    def slide_vision(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        quality = self.charter.quality
        return [
            Slide(
                "vision",
                "vision",
                self.label("vision"),
                origin,
                content={"lead": self.html(quality.vision[0]), "source": self.html(quality.title)},
                notes=[Note(paragraphs=tuple(self.html(p) for p in quality.vision))],
            )
        ]

    def slide_reach(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        agreements = [self.view.agreement(i) for i in entry.agreements or []]
        content = self.contacts() | {
            "call": self.label("call"),
            "write": self.label("write"),
            "points": [self.point(a) for a in agreements],
        }
        notes = self.contact_notes() + [self.agreement_note(a) for a in agreements]
        return [Slide("reach", "reach", self.label("reach"), origin, content=content, notes=notes)]

    def slide_channels(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        return [slide for c in self.charter.channels.channels for slide in self.slide_channel(entry, origin, c.id)]

    def slide_channel(self, entry: OutlineEntry, origin: str, channel_id: str | None = None) -> list[Slide]:
        channel = self.view.channel(channel_id or entry.channel or "")
        # The quality card's agreements; the protocol's rules have slides of their own (show: protocol).
        everything = [a for a in self.charter.agreements.rules if a.channel == channel.id]
        shown = self.chosen(entry, everything) if channel_id is None else [a for a in everything if a.short]
        notes = [Note(paragraphs=tuple(self.html(t) for t in (channel.intro,) if t is not None))] if channel.intro else []
        # By id: comparing the models themselves took seconds for a channel of a thousand agreements.
        on_channel = {a.id for a in everything}
        notes += [self.agreement_note(a) for a in everything + [a for a in shown if a.id not in on_channel]]
        return [
            Slide(
                "channel",
                f"channel-{channel.id}",
                self.html(channel.name),
                origin,
                content={
                    "icon": channel.icon,
                    "lead": self.html(channel.purpose),
                    "points": [self.point(a, with_icon=False) for a in shown],
                },
                notes=notes,
            )
        ]

    def slide_protocol(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        protocol = self.charter.protocol
        sections = [s for s in protocol.sections if entry.section in (None, s.id)]
        slides = []
        for index, section in enumerate(protocol.sections):
            if section not in sections:
                continue
            rules = [r for r in protocol.rules if r.section == section.id]
            shown = self.chosen(entry, rules)
            notes = []
            if index == 0 and protocol.intro:
                notes.append(Note(paragraphs=tuple(self.html(p) for p in protocol.intro)))
            notes += [self.agreement_note(r) for r in rules]
            if index == len(protocol.sections) - 1 and protocol.closing:
                notes.append(Note(paragraphs=tuple(self.html(p) for p in protocol.closing)))
            slides.append(
                Slide(
                    "protocol",
                    f"protocol-{section.id}",
                    self.html(section.title),
                    origin,
                    content={
                        "kicker": self.html(protocol.title),
                        "icon": self.channel_icon(protocol.channel),
                        "points": [self.point(r, with_icon=False) for r in shown],
                    },
                    notes=notes,
                )
            )
        return slides

    def slide_parents(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        default = [a for a in self.view.all_agreements if a.binds == [PARENTS_ROLE]]
        shown = self.chosen(entry, default)
        return [
            Slide(
                "parents",
                "parents",
                self.label("parents"),
                origin,
                content={"points": [self.point(a) for a in shown]},
                notes=[self.agreement_note(a) for a in shown],
            )
        ]

    def slide_pdca(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        quality = self.charter.quality
        steps = []
        notes = []
        for name in PDCA_STEPS:
            step = getattr(quality.pdca, name)
            texts = ([self.html(step.text)] if step.text is not None else []) + [self.html(i) for i in step.items]
            steps.append({"name": name, "label": self.html(step.name), "texts": texts})
            expectations = [e for e in self.charter.framework.expectations if e.code in step.ok]
            notes.append(
                Note(
                    caption=self.html(step.name),
                    paragraphs=tuple(texts),
                    items=tuple(Markup("{} — {}").format(e.code, self.html(e.text)) for e in expectations),
                )
            )
        return [
            Slide(
                "pdca",
                "pdca",
                self.label("pdca"),
                origin,
                content={"steps": steps},
                notes=[Note(paragraphs=(self.html(quality.title), self.html(self.charter.framework.name)))] + notes,
            )
        ]

    def slide_dates(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        """The school year's events for parents (calendar.yaml); no slide when there are none."""
        from ...schoolyear.event_lines import event_lines

        school_calendar = self.charter.calendar
        if school_calendar is None or not school_calendar.events:
            return []
        events = sorted(school_calendar.events, key=lambda e: (e.date, e.start or e.date))
        points = [Point(html_text(line)) for line in event_lines(self.view, events)]
        places = tuple(html_text(f"{line} — {self.view.raw(event.place)}")
                       for line, event in zip(event_lines(self.view, events), events) if event.place is not None)
        notes = [Note(items=places)] if places else []
        return [Slide("dates", "dates", self.label("dates"), origin, content={"lead": None, "points": points},
                      notes=notes)]

    def slide_questions(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        url = site_url(self.view)
        content = self.contacts() | {"url": url, "website": self.label("website")}
        if self.charter.calendar is not None:  # the .ics the build writes next to the site, to subscribe to
            content |= {"calendar_url": absolute_url(self.view, calendar_ics(self.view)), "calendar": self.label("calendar")}
        return [Slide("questions", "questions", self.label("questions"), origin, content=content, notes=self.contact_notes())]

    def slide_text(self, entry: OutlineEntry, origin: str) -> list[Slide]:
        return [
            Slide(
                "text",
                "text",
                self.html(entry.heading),
                origin,
                content={
                    "lead": self.html(entry.text) if entry.text is not None else None,
                    "points": [Point(self.html(p)) for p in entry.points],
                },
            )
        ]
