"""The whole charter: one typed model, one field per file in ``charter/``.

Field names are the YAML keys and each section lives in the file named in
:data:`SECTION_FILES`, so a validation error's location maps straight back to
a file and a key path (see :mod:`digicharter.loading.error_messages`).
"""

from __future__ import annotations

from .agreements import Agreement, Agreements
from .base import StrictModel
from .bookmark import Bookmark
from .calendar import SchoolCalendar
from .channels import Channels
from .framework import Framework
from .protocol import Protocol
from .quality import QualityCard
from .school import School
from .settings import Settings
from .site import Site
from .slides import Slides
from .times import Times

#: Which file of charter/ holds which section of the model, in reading order.
SECTION_FILES: dict[str, str] = {
    "settings": "charter.yaml",
    "school": "school.yaml",
    "times": "times.yaml",
    "channels": "channels.yaml",
    "agreements": "agreements.yaml",
    "protocol": "protocol.yaml",
    "quality": "quality.yaml",
    "framework": "framework.yaml",
    "site": "site.yaml",
    "bookmark": "bookmark.yaml",
    "slides": "slides.yaml",
    "calendar": "calendar.yaml",
}

#: Sections whose file a charter may leave out (the model holds None then).
OPTIONAL_SECTIONS: frozenset[str] = frozenset({"calendar"})


class Charter(StrictModel):
    """A school's communication charter, read from all files in charter/."""

    settings: Settings
    """charter.yaml: title, languages and web address."""
    school: School
    """school.yaml: name, colours, roles and contacts."""
    times: Times
    """times.yaml: clock times, periods, durations and counts."""
    channels: Channels
    """channels.yaml: the communication channels."""
    agreements: Agreements
    """agreements.yaml: the quality card's agreements per channel."""
    protocol: Protocol
    """protocol.yaml: the Smartschool basic protocol."""
    quality: QualityCard
    """quality.yaml: vision and PDCA cycle."""
    framework: Framework
    """framework.yaml: the OK-framework expectations cited."""
    site: Site
    """site.yaml: the website's interface words."""
    bookmark: Bookmark
    """bookmark.yaml: the agenda bookmark."""
    slides: Slides
    """slides.yaml: the info-evening slides."""
    calendar: SchoolCalendar | None = None
    """calendar.yaml (optional): the school's own free days, study days and events; the Flemish holidays are computed."""

    def rule_sources(self) -> list[tuple[str, list[Agreement]]]:
        """The agreements by the section (file) they are written in: the quality card's, then the protocol's."""
        return [("agreements", list(self.agreements.rules)), ("protocol", list(self.protocol.rules))]

    def all_rules(self) -> list[Agreement]:
        """Quality-card agreements and protocol rules: one namespace of ids that outputs refer to."""
        return [rule for _, rules in self.rule_sources() for rule in rules]
