"""``slides.yaml``: the info-evening slides — their words, their length and (optionally) their outline.

The slides show what the rest of the charter says; this file only chooses and
orders. Without an ``outline`` the deck follows :data:`DEFAULT_OUTLINE`, so a
school gets a complete presentation without writing one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, PositiveInt

from .base import Id, LabelsModel, LocalizedText, StrictModel, labels_optional
from .refs import Ref

SlideKind = Literal["title", "vision", "reach", "channels", "channel", "protocol", "parents", "pdca", "dates",
                    "questions", "text"]

#: The role (school.yaml) whose agreements the "what we ask of parents" slide shows when its outline item names none.
PARENTS_ROLE = "parents"

#: The outline used when slides.yaml has none: the order in which a director explains the charter.
#: ``channels`` is one slide per channel; the protocol's slides follow the slide of its channel.
DEFAULT_OUTLINE: tuple[SlideKind, ...] = (
    "title",
    "vision",
    "reach",
    "channels",
    "protocol",
    "parents",
    "pdca",
    "dates",
    "questions",
)


class SlideLabels(LabelsModel):
    """The words the slides show that are not charter content: headings, captions, hints."""

    occasion: LocalizedText
    """Above the title on the first slide, e.g. Infoavond / Info evening."""
    vision: LocalizedText
    """Heading of the slide with the vision, e.g. Waarom afspraken? / Why agreements?"""
    reach: LocalizedText
    """Heading of the slide with the contacts, e.g. Wie bereik je, hoe en wanneer? / Who to reach, how and when."""
    call: LocalizedText
    """Caption above the phone numbers on the contacts slide, e.g. Bellen / Call."""
    write: LocalizedText
    """Caption above the e-mail addresses on the contacts slide, e.g. Mailen / E-mail."""
    teacher_email: LocalizedText
    """Who the teachers' e-mail address pattern reaches, e.g. Leerkracht / Teacher."""
    parents: LocalizedText
    """Heading of the slide with what the school asks of parents, e.g. Wat we van ouders vragen."""
    pdca: LocalizedText
    """Heading of the slide on how the school checks itself, e.g. Hoe bewaken we dit?"""
    dates: LocalizedText
    """Heading of the slide with the school year's events from calendar.yaml, e.g. Data om te onthouden / Dates to remember."""
    questions: LocalizedText
    """Heading of the last slide, e.g. Vragen? / Questions?"""
    website: LocalizedText
    """Caption next to the website's QR code, e.g. Alles nog eens nalezen / Read it all again."""
    calendar: LocalizedText
    """Caption next to the QR code of the school year's calendar (only with calendar.yaml), e.g. Het schooljaar in je agenda."""
    notes: LocalizedText
    """Heading of the speaker notes in the notes handout and the speaker view, e.g. Notities / Speaker notes."""
    speaker_view: LocalizedText
    """The speaker view's window title (key S in the HTML deck), e.g. Sprekersweergave / Speaker view."""
    speaker_loading: LocalizedText
    """Shown while the speaker view connects to the deck, e.g. De sprekersweergave wordt geladen…"""
    speaker_upcoming: LocalizedText
    """Over the next slide in the speaker view, e.g. Volgende / Next."""
    speaker_time: LocalizedText
    """Over the clock and the timer in the speaker view, e.g. Tijd / Time."""
    speaker_reset: LocalizedText
    """The button that restarts the timer, e.g. Klik om de timer opnieuw te starten."""
    speaker_layout: LocalizedText
    """The speaker view's layout menu, e.g. Indeling / Layout."""
    speaker_layout_default: LocalizedText
    """The standard layout, e.g. Standaard / Standard."""
    speaker_layout_wide: LocalizedText
    """The wide layout, e.g. Breed / Wide."""
    speaker_layout_tall: LocalizedText
    """The tall layout, e.g. Hoog / Tall."""
    speaker_layout_notes: LocalizedText
    """The layout with the notes only, e.g. Alleen notities / Notes only."""
    help_title: LocalizedText
    """Title of the HTML deck's help screen (key ?), e.g. Sneltoetsen / Keyboard shortcuts."""
    help_key: LocalizedText
    """Heading of the help screen's column of keys, e.g. TOETS / KEY."""
    help_action: LocalizedText
    """Heading of the help screen's column of actions, e.g. ACTIE / ACTION."""
    help_next: LocalizedText
    """On the help screen: what N and space do, e.g. Volgende dia / Next slide."""
    help_previous: LocalizedText
    """On the help screen: what P does, e.g. Vorige dia / Previous slide."""
    help_left: LocalizedText
    """On the help screen: the left arrow, e.g. Naar links / Navigate left."""
    help_right: LocalizedText
    """On the help screen: the right arrow, e.g. Naar rechts / Navigate right."""
    help_up: LocalizedText
    """On the help screen: the up arrow, e.g. Naar boven / Navigate up."""
    help_down: LocalizedText
    """On the help screen: the down arrow, e.g. Naar beneden / Navigate down."""
    help_without_fragments: LocalizedText
    """On the help screen: Alt with an arrow, e.g. Verder zonder tussenstappen / Navigate without fragments."""
    help_first_last: LocalizedText
    """On the help screen: Shift with an arrow, e.g. Naar de eerste of laatste dia / Jump to first/last slide."""
    help_pause: LocalizedText
    """On the help screen: B or the full stop, e.g. Pauze (zwart scherm) / Pause."""
    help_fullscreen: LocalizedText
    """On the help screen: F, e.g. Volledig scherm / Fullscreen."""
    help_jump: LocalizedText
    """On the help screen: G, e.g. Naar dia … / Jump to slide."""
    help_overview: LocalizedText
    """On the help screen: Esc and O, e.g. Overzicht van alle dia's / Slide overview."""
    handout: LocalizedText
    """Title of the notes handout, e.g. Sprekersnotities / Speaker notes."""
    slide: LocalizedText
    """The word before a slide's number in the notes handout, e.g. Dia / Slide."""
    binds: LocalizedText
    """In the speaker notes, before the groups an agreement binds, e.g. Voor / For."""
    keys: LocalizedText
    """The hint shown for a few seconds when the HTML deck opens, e.g. F: full screen · S: speaker view · Esc: overview."""


class OutlineEntry(StrictModel):
    """One item of the outline: a slide made from the charter, or a slide with its own text."""

    show: SlideKind
    """What the slide shows: title, vision, reach (contacts), channels (one slide per channel), channel (one
    channel), protocol (one slide per protocol section), parents (what we ask of parents), pdca, questions,
    or text (a slide with its own heading, text and points)."""
    channel: Annotated[Id, Ref("channels")] | None = None
    """For show: channel — the id of the channel (channels.yaml)."""
    section: Annotated[Id, Ref("sections")] | None = None
    """For show: protocol — show only this protocol section (its id in protocol.yaml)."""
    agreements: list[Annotated[Id, Ref("agreements")]] | None = None
    """For show: channel, protocol (with section), parents or reach — the ids of the agreements the slide shows, in
    their short form, in this order. Without it a channel slide shows the channel's agreements (agreements.yaml)
    that have a short text, a protocol slide its section's rules that have one, and the parents slide the
    agreements that bind only parents and have one."""
    heading: LocalizedText | None = None
    """The slide's heading, instead of the one the slide takes from the charter. Required for show: text."""
    text: LocalizedText | None = None
    """For show: text — a sentence or two under the heading."""
    points: list[LocalizedText] = Field(default_factory=list)
    """For show: text — bullet points."""
    notes: list[LocalizedText] = Field(default_factory=list)
    """Speaker notes, one text per paragraph; they come before the notes the slide takes from the charter."""


class Slides(StrictModel):
    """The info-evening slide deck."""

    model_config = ConfigDict(json_schema_extra=labels_optional)

    labels: SlideLabels
    """The words on the slides that are not charter content, per language. Digicharter has them in Dutch, English and French: write only those you want to change."""
    minutes: PositiveInt | None = None
    """How many minutes the presentation should take; the speaker view then shows whether you are on time."""
    outline: list[OutlineEntry] | None = None
    """The slides in order. Leave it out for the standard deck: title, vision, reach, one slide per channel (the
    protocol's slides after its channel's), parents, pdca, questions."""
