"""The speaker view in the deck's language: reveal.js's notes plugin with its own words and clock replaced.

reveal.js writes the speaker view from an English template inside
``plugin/notes.js`` ("Upcoming", "Time", "Click to Reset", a 12-hour US clock).
The deck's copy of that file gets the slides' labels and the language's
clock instead. Every replacement must find its text exactly once: when a new
reveal.js changes the template, the build says so instead of shipping a
half-English view.

The plugin writes the view from a JavaScript template literal, so each value
is escaped twice: first for where it lands in the written page (HTML text, or a
string in its inline script), then for the template literal itself.
"""

from __future__ import annotations


from ...errors import InternalError
from ...escaping import html_text, js_json
from ...view import LanguageView


def _literal(value: str) -> str:
    """A text inside a JavaScript template literal: backslash, backtick and ``${`` stay what they are."""
    return value.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")


def html_in_literal(value: str) -> str:
    """HTML text inside a JavaScript template literal (reveal.js writes its views and help screen from such)."""
    return _literal(str(html_text(value)))


_html = html_in_literal


def _js_string(value: str) -> str:
    """A JavaScript string literal (JSON, with < > & as \\u escapes) for the written page's inline script."""
    return _literal(str(js_json(value)))


def replacements(view: LanguageView) -> list[tuple[str, str]]:
    """(English original, our text) pairs, each found exactly once in notes.js."""
    labels = view.charter.slides.labels
    word = lambda text: view.raw(text)  # noqa: E731
    locale = view.language.locale.replace("_", "-")
    layouts = {"default": labels.speaker_layout_default, "wide": labels.speaker_layout_wide,
               "tall": labels.speaker_layout_tall, "notes-only": labels.speaker_layout_notes}
    layout_js = ",\n\t\t\t\t\t".join(f"'{key}': {_js_string(word(text))}" for key, text in layouts.items())
    return [
        ('<html lang="en">', f'<html lang="{_html(view.code)}" dir="{view.direction}">'),
        ("description:`Speaker notes view`", f"description:`{_html(word(labels.speaker_view))}`"),  # the help screen
        ("<title>reveal.js - Speaker View</title>", f"<title>{_html(word(labels.speaker_view))}</title>"),
        ("Loading speaker view...", _html(word(labels.speaker_loading))),
        ('<span class="overlay-element label">Upcoming</span>',
         f'<span class="overlay-element label">{_html(word(labels.speaker_upcoming))}</span>'),
        ('<h4 class="label">Time <span class="reset-button">Click to Reset</span></h4>',
         f'<h4 class="label">{_html(word(labels.speaker_time))} '
         f'<span class="reset-button">{_html(word(labels.speaker_reset))}</span></h4>'),
        ('<h4 class="label">Notes</h4>', f'<h4 class="label">{_html(word(labels.notes))}</h4>'),
        ('<span class="clock-value">0:00 AM</span>', '<span class="clock-value"></span>'),
        ("now.toLocaleTimeString( 'en-US', { hour12: true, hour: '2-digit', minute:'2-digit' } )",
         f"now.toLocaleTimeString( {_js_string(locale)}, {{ hour: '2-digit', minute:'2-digit' }} )"),
        ("'default': 'Default',\n\t\t\t\t\t'wide': 'Wide',\n\t\t\t\t\t'tall': 'Tall',\n\t\t\t\t\t'notes-only': 'Notes only'",
         layout_js),
        ("layoutLabel.innerHTML = 'Layout' + ( title ? ( ': ' + title ) : '' );",
         f"layoutLabel.textContent = {_js_string(word(labels.speaker_layout))} + ( title ? ( ': ' + title ) : '' );"),
    ]


def localized_notes_plugin(source: str, view: LanguageView) -> str:
    """``plugin/notes.js`` with the speaker view's words and clock in the deck's language."""
    for original, ours in replacements(view):
        found = source.count(original)
        if found != 1:
            raise InternalError(f"reveal.js's notes plugin changed: {original[:60]!r} found {found} times, expected once")
        source = source.replace(original, ours)
    return source
