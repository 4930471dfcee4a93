"""What every slide template needs besides the slides (the deck's words, colours, stylesheets), made by :mod:`.build`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from ...schema.school import Colours


@dataclass(frozen=True)
class DeckInfo:
    """What every slide template needs besides the slides: words, colours, stylesheets, addresses."""

    language: str
    direction: str
    """ltr or rtl: the deck's writing direction (from the language's locale)."""
    title: str
    description: str
    school: str
    footer: str
    keys: str
    handout_title: str
    handout_footer: str
    slide_word: str
    notes_word: str
    colours: "Colours"
    palette: dict[str, str]
    """The school's colours and their tints by name (templates.palette), e.g. for icons."""
    muted: str
    palette_css: Markup
    slides_css: Markup
    frame_css: Markup
    print_css: Markup
    handout_css: Markup
    font_css: Markup
    content_background: str
    cover_background: str
    assets: str
    reveal_config: Markup
    point_anchors: bool = False
    """Give every line of a slide an anchor (the PDFs), for the fit check to count the lines that fit."""
