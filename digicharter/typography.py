"""Typography from the locale: how a label meets its value, how a list is joined, spacing before punctuation.

Templates used to write ``": "`` and ``", "`` as Dutch and English do, which
French does not ("Pour qui : Enseignants", a "?" that must not wrap alone onto
the next line). List patterns come from CLDR through Babel; French puts a
narrow no-break space (U+202F) before ``: ; ? !``, which also keeps the sign on
the line of its word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from babel.lists import format_list

NARROW_NO_BREAK_SPACE = "\u202f"

#: A space (or none) between a word and ``: ; ? !`` that ends a phrase: not "16:00", not "https://".
_BEFORE_SIGN = re.compile(r"(?<=[\w)\]*»’'\"])[ \u00a0\u202f]?([:;?!])(?=[\s*_)\]]|$)")


@lru_cache(maxsize=None)
def _spaces_before_signs(locale: str) -> bool:
    """Cached: every text of every view asks, on the way to every output."""
    return Locale.parse(locale).language == "fr"


def label_separator(locale: str) -> str:
    """What comes between a label and its value: ": " (French: a narrow no-break space, then ": ")."""
    return f"{NARROW_NO_BREAK_SPACE}: " if _spaces_before_signs(locale) else ": "


def join_list(items: Iterable[str], locale: str) -> str:
    """Items as the language lists them: "A, B en C", "A, B and C", "A, B et C" (CLDR, through Babel)."""
    items = list(items)
    return format_list(items, style="standard", locale=locale) if items else ""


def punctuate(text: str, locale: str) -> str:
    """A charter text with the language's spacing before punctuation (French: U+202F before : ; ? !)."""
    if not _spaces_before_signs(locale):
        return text
    return _BEFORE_SIGN.sub(lambda m: NARROW_NO_BREAK_SPACE + m.group(1), text)
