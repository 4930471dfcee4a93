"""Where whole-charter checks record what they find, located by section and path."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..loading.error_messages import format_path
from ..loading.yaml_loader import DataPath, LoadedFile


@dataclass
class CheckContext:
    """Collects problems; every check reports through :meth:`error` or :meth:`warning`."""

    files: dict[str, LoadedFile]
    problems: list[Problem] = field(default_factory=list)

    def _add(self, section: str, path: DataPath, message: str, severity: str) -> None:
        loaded = self.files[section]
        mark = loaded.mark_for(path)
        self.problems.append(Problem(loaded.shown_as, mark.line, mark.column, format_path(path), message, severity))

    def error(self, section: str, path: DataPath, message: str) -> None:
        self._add(section, path, message, "error")

    def warning(self, section: str, path: DataPath, message: str) -> None:
        self._add(section, path, message, "warning")
