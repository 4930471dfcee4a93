"""Where whole-charter checks record what they find, located by section and path.

The checks also run when a file could not be read or validated: they then get
a :class:`PartialCharter`, whose broken sections raise :class:`SectionMissing`.
A check wraps each part in ``with ctx.checking(section):``; a part that needs
a broken file stops there, and one note per broken file says which files'
references into it were not checked (its own problems are reported already).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import Problem
from ..i18n import _, ngettext
from ..loading.places import describe_place
from ..loading.yaml_loader import DataPath, LoadedFile
from ..schema import SECTION_FILES, Charter


class SectionMissing(Exception):
    """A check needed a section whose file could not be read or validated."""

    def __init__(self, section: str):
        self.section = section
        super().__init__(section)


def section_model(section: str):
    """The model class of one section (one file) of the charter (an optional one's model, not None)."""
    annotation = Charter.model_fields[section].annotation
    return next((arg for arg in getattr(annotation, "__args__", ()) if arg is not type(None)), annotation)


class PartialCharter:
    """The valid sections of a charter with broken files; reading a broken one raises :class:`SectionMissing`."""

    def __init__(self, sections: dict, absent: frozenset[str] = frozenset()):
        self._sections = dict(sections)
        self._absent = absent

    def __getattr__(self, name: str):
        if name in SECTION_FILES:
            if name in self._sections:
                return self._sections[name]
            if name in self._absent:  # an optional file the charter does not have
                return None
            raise SectionMissing(name)
        raise AttributeError(name)

    def rule_sources(self):
        return Charter.rule_sources(self)  # type: ignore[arg-type]

    def all_rules(self):
        return Charter.all_rules(self)  # type: ignore[arg-type]


@dataclass
class CheckContext:
    """Collects problems; every check reports through :meth:`error` or :meth:`warning`."""

    files: dict[str, LoadedFile]
    problems: list[Problem] = field(default_factory=list)
    #: Per broken section, the sections whose references into it were not checked.
    skipped: dict[str, set[str]] = field(default_factory=dict)

    def _add(self, section: str, path: DataPath, message: str, severity: str) -> None:
        loaded = self.files[section]
        mark = loaded.mark_for(path)
        self.problems.append(
            Problem(loaded.shown_as, mark.line, mark.column, describe_place(loaded, path), message, severity)
        )

    def error(self, section: str, path: DataPath, message: str) -> None:
        self._add(section, path, message, "error")

    def warning(self, section: str, path: DataPath, message: str) -> None:
        self._add(section, path, message, "warning")

    @contextmanager
    def checking(self, section: str) -> Iterator[None]:
        """Check what ``section`` says; if that needs a broken file, stop here and remember what was skipped."""
        try:
            yield
        except SectionMissing as missing:
            if missing.section != section and section in self.files:
                self.skipped.setdefault(missing.section, set()).add(section)

    def skipped_notes(self, shown_as: dict[str, str], unreadable: set[str]) -> list[Problem]:
        """One note per broken file: which other files' references into it were not checked."""
        notes = []
        for broken, sections in sorted(self.skipped.items()):
            names = [SECTION_FILES[s] for s in SECTION_FILES if s in sections]
            files = names[0] if len(names) == 1 else ", ".join(names[:-1]) + _(" and ") + names[-1]
            if broken in unreadable:
                text = ngettext(
                    "{broken} could not be read, so what {files} takes from it was not checked; "
                    "check again once {broken} is fixed",
                    "{broken} could not be read, so what {files} take from it was not checked; "
                    "check again once {broken} is fixed",
                    len(sections),
                )
            else:
                text = ngettext(
                    "{broken} has mistakes, so what {files} takes from it was not checked; "
                    "check again once they are fixed",
                    "{broken} has mistakes, so what {files} take from it was not checked; "
                    "check again once they are fixed",
                    len(sections),
                )
            notes.append(Problem(shown_as[broken], 0, 0, "", text.format(broken=SECTION_FILES[broken], files=files), "note"))
        return notes
