"""Which of the five right-to-disconnect themes (CAO XII) the charter covers, and with which agreements.

Since 1 September 2023 a school board must have a local framework on the
right to disconnect covering five themes. The charter is that framework in
practice; agreements say which theme(s) they implement (``disconnect:``),
and this module tells the school whether all five are covered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from ..i18n import N_
from ..schema.agreements import Agreement, DisconnectTheme

THEMES: tuple[str, ...] = get_args(DisconnectTheme)

#: How check names each theme (the website uses the charter's own words, see the quality page's labels).
THEME_NAMES = {
    "message_flow": N_("the flow of messages"),
    "sending_times": N_("when messages are sent"),
    "reading_answering": N_("when messages are read and answered"),
    "social_media": N_("social media"),
    "reachability": N_("reachability during illness, part-time work, emergencies and holidays"),
}


@dataclass(frozen=True)
class ThemeCoverage:
    theme: str
    agreements: tuple[Agreement, ...]


def coverage(rules: list[Agreement]) -> list[ThemeCoverage]:
    """Every theme, in CAO XII's order, with the agreements tagged with it."""
    return [ThemeCoverage(theme, tuple(rule for rule in rules if theme in rule.disconnect)) for theme in THEMES]
