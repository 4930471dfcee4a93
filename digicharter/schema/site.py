"""``site.yaml``: the website's own words (headings, link texts, page titles) and what its home page highlights.

Every word a parent reads on the website comes from the charter, never from
code or templates, so that a further language is a matter of data. The labels
are typed fields rather than a free mapping: a missing or misspelt label is
reported at its line, like any other charter mistake.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from .base import Id, LabelsModel, LocalizedText, StrictModel, labels_optional
from .refs import Ref


class DownloadText(LabelsModel):
    """How the downloads page presents one file."""

    title: LocalizedText
    """The link text, e.g. Bladwijzer om af te drukken (A4)."""
    description: LocalizedText
    """One sentence under the link: what the file is and who it is for."""


class DownloadLabels(LabelsModel):
    """The downloads page: its intro and one entry per file the build makes."""

    intro: LocalizedText
    """The sentence at the top of the downloads page."""
    bookmark_sheet: DownloadText
    """The A4 sheet with bookmark strips side by side, printed double-sided by a teacher."""
    bookmark: DownloadText
    """The single bookmark strip with bleed and crop marks, for a print shop."""
    slides: DownloadText
    """The info-evening slides, to view in the browser."""
    slides_pdf: DownloadText
    """The slides as a PDF."""
    slides_notes_pdf: DownloadText
    """The slides with the speaker's notes, as a PDF."""
    slides_pptx: DownloadText
    """The slides as a PowerPoint file, to change before the evening."""
    calendar: DownloadText
    """The school year as a calendar to subscribe to on a phone (only when calendar.yaml is there)."""
    pdf: LocalizedText
    """The word shown next to a PDF link, e.g. PDF."""


class DisconnectLabels(LabelsModel):
    """The quality page's overview of the right to disconnect (CAO XII): its heading and the five themes."""

    heading: LocalizedText
    """The heading, e.g. Recht op deconnectie (cao XII)."""
    intro: LocalizedText
    """One sentence on what the overview shows."""
    message_flow: LocalizedText
    """The theme of the flow of messages, e.g. De stroom van berichten."""
    sending_times: LocalizedText
    """The theme of when messages are sent."""
    reading_answering: LocalizedText
    """The theme of when messages are read and answered."""
    social_media: LocalizedText
    """The theme of social media."""
    reachability: LocalizedText
    """The theme of reachability during illness, part-time work, emergencies and holidays."""
    none: LocalizedText
    """Shown for a theme no agreement covers yet."""


class AnswerNowLabels(LabelsModel):
    """The lines the website computes in the reader's browser from the answer times and the calendar."""

    due: LocalizedText
    """Under an agreement with a response time; {moment} is filled in, e.g. If you send now, expect it by {moment}."""
    quiet: LocalizedText
    """Shown in a quiet time; {evening} is the time evenings become quiet and {moment} when the message will be read."""
    moment: LocalizedText
    """How a day and a time are written together; {day} and {hour} are filled in, e.g. {day}, {hour}."""


class SiteLabels(LabelsModel):
    """The website's interface words, per language."""

    home: LocalizedText
    """The home page's name in the menu, e.g. Start / Home."""
    channels: LocalizedText
    """The heading over the channels on the home page and in the menu, e.g. Kanalen / Channels."""
    contacts: LocalizedText
    """The heading over the phone numbers and e-mail addresses on the home page, e.g. Wie contacteer je waarvoor?"""
    answer_times: LocalizedText
    """The heading over the answer times on the home page, e.g. Wanneer krijg je antwoord?"""
    answer_now: AnswerNowLabels
    """The computed lines "if you send now, expect it by …" and "now is a quiet time"."""
    vision: LocalizedText
    """The heading over the school's vision, e.g. Onze visie / Our vision."""
    reachable: LocalizedText
    """Put before a phone number's hours, e.g. Bereikbaar / Available."""
    send_sms: LocalizedText
    """Shown with a number the school wants a text message on instead of a call, e.g. Stuur een sms."""
    teacher_email: LocalizedText
    """The label of the teachers' e-mail address pattern on the home page, e.g. Leerkracht / Teacher."""
    agreements: LocalizedText
    """The heading over a channel's agreements, e.g. Afspraken / Agreements."""
    applies_to: LocalizedText
    """Put before the groups an agreement binds, e.g. Geldt voor / Applies to."""
    channel: LocalizedText
    """Put before the channel of a protocol rule that is about another channel, e.g. Kanaal / Channel."""
    see_also: LocalizedText
    """Put before a link to a related page, e.g. Zie ook / See also."""
    ok_codes: LocalizedText
    """Put before the OK-framework codes an agreement serves, e.g. OK-kader / OK framework."""
    audience: LocalizedText
    """Put before whom the quality card is about, e.g. Doelgroep / Audience."""
    pdca: LocalizedText
    """The heading over the quality cycle, e.g. Kwaliteitscyclus (PDCA) / Quality cycle (PDCA)."""
    served_by: LocalizedText
    """Put before the agreements that serve an OK expectation, e.g. Afspraken die hieraan bijdragen."""
    in_cycle: LocalizedText
    """Put before the cycle steps that serve an OK expectation, e.g. In de kwaliteitscyclus."""
    downloads: LocalizedText
    """The downloads page's title, e.g. Downloads."""
    download: DownloadLabels
    """The downloads page's texts."""
    disconnect: DisconnectLabels
    """The quality page's overview of the right to disconnect (CAO XII)."""
    not_found_title: LocalizedText
    """The heading of the page shown for an address that does not exist, e.g. Pagina niet gevonden."""
    not_found_text: LocalizedText
    """The sentence under it, e.g. Deze pagina bestaat niet (meer)."""
    back_home: LocalizedText
    """The link back to the home page, e.g. Naar de startpagina."""
    preview_problem: LocalizedText
    """Shown above every page of the live preview (digicharter serve) while the charter has a mistake."""
    in_progress: LocalizedText
    """At the top of every page of a language whose translation is in progress (complete: false), e.g. This translation is not finished yet …"""


class SiteHome(StrictModel):
    """What the home page shows at a glance."""

    answer_times: list[Annotated[Id, Ref("agreements")]] = Field(default_factory=list)
    """The ids of the agreements (agreements.yaml or protocol.yaml) listed under 'answer times', with their short text."""


class Site(StrictModel):
    """The website's interface words and home page."""

    model_config = ConfigDict(json_schema_extra=labels_optional)

    labels: SiteLabels
    """The website's own words, per language. Digicharter has them in Dutch, English and French: write only those you want to change."""
    home: SiteHome = Field(default_factory=SiteHome)
    """What the home page highlights."""
    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    """Which program turns the pages into the website: mkdocs (MkDocs with Material, the default) or zensical
    (Zensical, the successor its makers are building). Both give the same pages, menu and downloads."""
    theme_labels: dict[str, LocalizedText] = Field(default_factory=dict)
    """Replacements for the theme's own words, by its key, e.g. search.placeholder: {nl: Zoek in het charter}.
    The theme translates its words into many languages; use this for a language it lacks or to change a word."""
