"""The HTML deck's help screen (key ?) in the deck's language: reveal.js's own words, replaced in the deck's copy.

reveal.js lists its keyboard shortcuts in English ("Keyboard Shortcuts",
"Next slide" …), written into the page from JavaScript template literals. The
deck's copy of ``reveal.js`` gets the slides' labels instead, escaped for the
page and for the literal (:func:`.speaker_view.html_in_literal`). Every
English text must be found: when a new reveal.js words them differently, the
build says so instead of shipping a half-English help screen.
"""

from __future__ import annotations

from ...errors import InternalError
from ...view import LanguageView
from .speaker_view import html_in_literal

#: reveal.js's description of each shortcut, and the label that says it in the deck's language.
DESCRIPTIONS = {
    "Next slide": "help_next",
    "Previous slide": "help_previous",
    "Navigate left": "help_left",
    "Navigate right": "help_right",
    "Navigate up": "help_up",
    "Navigate down": "help_down",
    "Navigate without fragments": "help_without_fragments",
    "Jump to first/last slide": "help_first_last",
    "Pause": "help_pause",
    "Fullscreen": "help_fullscreen",
    "Jump to slide": "help_jump",
    "Slide overview": "help_overview",
}


def replacements(view: LanguageView) -> list[tuple[str, str]]:
    """(English original in reveal.js, our text) pairs."""
    labels = view.charter.slides.labels

    def word(name: str) -> str:
        return html_in_literal(view.raw(getattr(labels, name)))

    pairs = [
        ('<p class="title">Keyboard Shortcuts</p>', f'<p class="title">{word("help_title")}</p>'),
        ("<th>KEY</th><th>ACTION</th>", f"<th>{word('help_key')}</th><th>{word('help_action')}</th>"),
    ]
    pairs += [(f"`{english}`", f"`{word(name)}`") for english, name in DESCRIPTIONS.items()]
    return pairs


def localized_reveal(source: str, view: LanguageView) -> str:
    """reveal.js's source with its help screen in the deck's language."""
    for english, ours in replacements(view):
        if english not in source:
            raise InternalError(f"reveal.js no longer holds {english!r}: update slides/help_screen.py for this version")
        source = source.replace(english, ours)
    return source
