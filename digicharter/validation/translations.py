"""Which texts lack a translation into which declared language.

Without ``--strict`` a missing translation is a warning and the default
language is shown instead; with ``--strict`` (the build, CI) it is an error,
so a half-translated charter is never published by accident.
"""

from __future__ import annotations

import re

from ..facts import REFERENCE
from ..schema import SECTION_FILES, Charter
from .context import CheckContext
from .walk import texts


def check_translations(charter: Charter, ctx: CheckContext, strict: bool) -> None:
    languages = {lang.code: lang.name for lang in charter.settings.languages}
    default = charter.settings.default_language
    report = ctx.error if strict else ctx.warning
    for section in SECTION_FILES:
        for path, text in texts(getattr(charter, section)):
            if len(text.values) == 1 and _language_neutral(text.values[0][1]):
                continue
            present = text.languages(default)
            missing = [code for code in languages if code not in present]
            if missing:
                names = ", ".join(f"{languages[c]} ({c})" for c in missing)
                adds = " and ".join(f"'{c}: …'" for c in missing)
                fallback = "" if strict else f"; the {languages.get(default, default)} text is shown instead"
                report(section, path, f"missing translation into {names}: add {adds}{fallback}")


def _language_neutral(value: str) -> bool:
    """A text made only of references (e.g. ``{email.director}``) reads the same in every language."""
    return not re.search(r"\w", REFERENCE.sub("", value))
