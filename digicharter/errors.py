"""The two kinds of failure Digicharter knows, kept apart on purpose.

A *user* mistake (a typo in the YAML, a text that does not fit the bookmark) is
reported as a list of :class:`Problem` lines that name file, line and what to
do, and the command exits with status 1. Anything else is a bug in Digicharter
itself: the CLI reports it as an internal error, asks for a bug report and
exits with status 2. Keeping the two types apart means a secretary never sees
a Python traceback for something they can fix themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning, or a note) in the charter, at one place.

    ``path`` names the place inside the file as its editor reads it, e.g.
    "agreement 'p-teachers-answer', channel" (see :mod:`digicharter.loading.places`).
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = field(default="error", compare=False)

    def __str__(self) -> str:
        """The problem as one line for the terminal, control characters and bidi overrides shown escaped.

        A charter value quoted in the message (``'\x1b[2J'``) must not clear the
        editor's screen or make the line read backwards, so the whole line goes
        through :func:`~digicharter.controls.terminal_text`, however it was built.
        """
        from .controls import terminal_text

        return terminal_text(self._line())

    def _line(self) -> str:
        from .i18n import _

        what = self.message
        if self.severity == "warning":
            what = _("warning: {message}").format(message=what)
        elif self.severity == "note":
            what = _("note: {message}").format(message=what)
        if self.line and self.path:
            return _("{file}:{line}:{column}: {place}: {message}").format(
                file=self.file, line=self.line, column=self.column, place=self.path, message=what)
        if self.line:
            return _("{file}:{line}:{column}: {message}").format(
                file=self.file, line=self.line, column=self.column, message=what)
        if self.path:
            return _("{file}: {place}: {message}").format(file=self.file, place=self.path, message=what)
        return _("{file}: {message}").format(file=self.file, message=what)


class DigicharterError(Exception):
    """Base for every failure that is the user's to fix (exit status 1)."""


class CharterError(DigicharterError):
    """The charter could not be loaded or validated: carries every problem found."""

    def __init__(self, problems: list[Problem]):
        # File by file; a note on what was not checked comes after that file's own problems.
        self.problems = sorted(problems, key=lambda p: (p.file, p.severity == "note", p))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Survives the trip back from a build worker process intact.
        return (type(self), (self.problems,))


class OutputError(DigicharterError):
    """An output could not be produced from a valid charter (e.g. text overflow)."""


class InternalError(Exception):
    """A bug in Digicharter itself, never the user's fault (exit status 2)."""


def display_path(path: Path) -> str:
    """Show a path the way the user typed it: relative to the current folder if possible.

    A link that points to itself cannot be resolved (Python 3.11 raises
    RuntimeError, later versions OSError); it is then shown as given, so that
    the problem it causes can be reported with its name.
    """
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
