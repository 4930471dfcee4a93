"""Read and write the translators' PO files (``charter/translations/<language>.po``) with polib.

Why PO: Poedit, Weblate, Lokalise and every other translation tool read it,
show the source next to the translation, keep translator comments, and know
the *fuzzy* flag that marks a translation whose source has changed since.
polib reads and writes the whole format faithfully (contexts, previous
msgids of fuzzy entries, obsolete entries, translator comments), so we never
write PO by hand; Babel's writer was tried first and wraps a long previous
msgid into lines no PO reader accepts.

The YAML stays the source: a translation written in the YAML itself wins
over the PO file, and the export fills such texts in so the translator sees
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polib

from ..errors import Problem, display_path
from ..i18n import N_, _
from .entries import TextEntry

#: The outputs a text can appear on, as the comments name them.
OUTPUT_NAMES = (N_("website"), N_("bookmark"), N_("slides"))

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")


def po_path(charter_dir: Path, language: str) -> Path:
    return charter_dir / "translations" / f"{language}.po"


@dataclass(frozen=True)
class Translation:
    """A translation found in a PO file, with the source it was made from."""

    source: str
    string: str
    fuzzy: bool
    line: int


def _read(path: Path) -> polib.POFile:
    return polib.pofile(str(path), encoding="utf-8", check_for_duplicates=True)


def read_translations(path: Path) -> tuple[dict[str, Translation], list[Problem]]:
    """The translations of a PO file by context; a broken file is a problem at its line, not a crash."""
    shown = display_path(path)
    try:
        return dict(_parsed(path)), []
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        match = _SYNTAX_LINE.search(str(exc))
        reason = str(exc).split("):", 1)[-1].strip() if match else (getattr(exc, "strerror", None) or str(exc))
        return {}, [Problem(shown, int(match.group(1)) if match else 0, 0, "",
                            _("this translation file is not valid PO: {reason}").format(reason=reason[:200]))]


#: Translations by the PO file's bytes (a few files, a few versions each while someone edits).
_by_content: dict[bytes, tuple[tuple[str, Translation], ...]] = {}
_KEPT = 32


def _parsed(path: Path) -> tuple[tuple[str, Translation], ...]:
    """A PO file's translations, parsed once per content: a live preview reads the charter after every
    save, and parsing the PO files was a quarter of that.

    The file is parsed by its name, never from a string: polib splits a string at every Unicode line
    separator (U+2028 pasted from a word processor, say), a file only at its line breaks.
    """
    content = path.read_bytes()
    found = _by_content.get(content)
    if found is None:
        found = _translations(_read(path))
        if path.read_bytes() == content:  # not saved again while it was parsed
            if len(_by_content) >= _KEPT:
                _by_content.clear()
            _by_content[content] = found
    return found


def _translations(catalog: polib.POFile) -> tuple[tuple[str, Translation], ...]:
    found: dict[str, Translation] = {}
    for entry in catalog:
        if entry.msgid and entry.msgctxt and not entry.obsolete:
            found[entry.msgctxt] = Translation(entry.msgid, entry.msgstr, entry.fuzzy, entry.linenum or 0)
    return tuple(found.items())


def _comment(entry: TextEntry) -> str:
    lines = [_("appears on: {outputs}").format(outputs=", ".join(_(output) for output in entry.outputs))]
    if entry.room:
        lines.append(_("room: about {count} characters (the build checks that it fits)").format(count=entry.room))
    return "\n".join(lines)


def write_catalog(path: Path, language: str, entries: list[TextEntry], default_language: str,
                  school: str, stamp: int) -> dict[str, int]:
    """Write or update the PO file for ``language``; return how many texts are new, outdated, done.

    An existing translation is kept; when its source changed it is marked
    fuzzy with the previous source (``#| msgid``), so the PO editor shows what
    changed. Texts that no longer exist become obsolete entries (``#~``).
    Translator comments survive.
    """
    old: dict[str, polib.POEntry] = {}
    if path.exists():
        for entry in _read(path):
            if entry.msgid and entry.msgctxt and not entry.obsolete:
                old[entry.msgctxt] = entry
    when = datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    catalog = polib.POFile(wrapwidth=78)
    catalog.header = _("Translation of the communication charter of {school} into {language}.\n"
                       "Fill in each msgstr with a PO editor (Poedit, Weblate …); msgid is the source text.\n"
                       "Keep the names in braces, e.g. {example}, as they are: they are filled in.\n"
                       "Update this file with: digicharter translations {language}").format(
        school=school, language=language, example="{time.evening_quiet_from}")
    catalog.metadata = {
        "Project-Id-Version": f"{school} charter",
        "PO-Revision-Date": when,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": default_language,
    }
    counts = {"new": 0, "outdated": 0, "done": 0}
    for entry in entries:
        in_yaml = entry.text.get(language, default_language)
        previous = old.get(entry.context)
        flags: list[str] = []
        previous_msgid = None
        if in_yaml is not None:
            string = in_yaml
        elif previous is not None and previous.msgstr:
            string = previous.msgstr
            if previous.msgid != entry.source:
                flags.append("fuzzy")
                previous_msgid = previous.msgid
            elif previous.fuzzy:
                flags.append("fuzzy")
                previous_msgid = previous.previous_msgid
        else:
            string = ""
        counts["new" if not string else "outdated" if flags else "done"] += 1
        catalog.append(polib.POEntry(
            msgctxt=entry.context, msgid=entry.source, msgstr=string, flags=flags, previous_msgid=previous_msgid,
            occurrences=[(_shown(entry), str(entry.line))], comment=_comment(entry),
            tcomment=previous.tcomment if previous is not None else ""))
    contexts = {entry.context for entry in entries}
    for context, previous in old.items():
        if context not in contexts and previous.msgstr:
            previous.obsolete = True
            catalog.append(previous)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(str(catalog) + "\n", encoding="utf-8")
    temporary.replace(path)
    return counts


def _shown(entry: TextEntry) -> str:
    from ..schema import SECTION_FILES

    return SECTION_FILES[entry.section]
