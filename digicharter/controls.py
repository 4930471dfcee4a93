"""Control characters and bidi overrides: what no output may carry raw, and how a message shows them.

Kept apart from :mod:`digicharter.escaping` so that the error types
(:mod:`digicharter.errors`), which print charter values on the terminal, and
the escaping rules, which raise those errors, do not import each other.
"""

from __future__ import annotations

import re

#: C0/C1 control characters except tab and newline, and the bidi overrides and isolates that can
#: make a published line (or a terminal) read other than it is typed. Invalid in XML 1.0 too.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def without_controls(value: str) -> str:
    """The text with control characters (NUL, ESC …) and lone surrogates removed.

    Validation rejects them at file:line; this is the last line of defence at
    the output boundary, so no NUL or ESC ever reaches a published file.
    """
    return CONTROLS.sub("", value)


def first_control(value: str) -> str | None:
    """The first control character or lone surrogate in ``value`` (what the loader rejects), if any."""
    match = CONTROLS.search(value)
    return match.group(0) if match else None


def terminal_text(value: str) -> str:
    """A value echoed in a message on the terminal: control characters and bidi overrides shown escaped.

    ``\\x1b[2J`` typed into a charter must not clear the editor's screen, and a
    right-to-left override must not make the message read backwards.
    """

    def show(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return BIDI_CONTROLS.sub(show, CONTROLS.sub(show, value))
