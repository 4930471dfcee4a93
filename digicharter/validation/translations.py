"""Which texts lack a translation into which declared language.

Without ``--strict`` a missing translation is a warning and the default
language is shown instead; with ``--strict`` (the build, CI) it is an error,
so a half-translated charter is never published by accident.
"""

from __future__ import annotations

import re

from ..facts import REFERENCE
from ..schema import SECTION_FILES, Charter
from ..i18n import _
from .context import CheckContext
from .walk import texts


def check_translations(charter: Charter, ctx: CheckContext, strict: bool) -> None:
    report = ctx.error if strict else ctx.warning
    for section in SECTION_FILES:
        with ctx.checking(section):  # which languages a text needs is written in charter.yaml
            languages = {lang.code: lang.name for lang in charter.settings.languages}
            complete = {lang.code for lang in charter.settings.languages if lang.complete}
            default = charter.settings.default_language
            for path, text in texts(getattr(charter, section)):
                if text.same or (len(text.values) == 1 and language_neutral(text.values[0][1])):
                    continue
                present = text.languages(default)
                # A language in progress is reported as a whole (check's progress report), not text by text.
                missing = [code for code in languages if code not in present and code in complete]
                if missing:
                    names = ", ".join(f"{languages[c]} ({c})" for c in missing)
                    adds = _(" and ").join(f"'{c}: …'" for c in missing)
                    if strict:
                        message = _("missing translation into {languages}: add {keys}")
                    else:
                        message = _("missing translation into {languages}: add {keys}; the {default} text is shown instead")
                    report(section, path, message.format(languages=names, keys=adds, default=languages.get(default, default)))


def language_neutral(value: str) -> bool:
    """A text made only of references (e.g. ``{email.director}``) reads the same in every language."""
    return not re.search(r"\w", REFERENCE.sub("", value))
