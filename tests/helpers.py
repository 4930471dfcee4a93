"""Small helpers for tests that run the CLI and edit a charter copy."""

from __future__ import annotations

import re
from pathlib import Path

from digicharter.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``digicharter ARGS`` in-process; return exit status, stdout and stderr."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a charter file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {path.name}"
    return text[: text.index(needle)].count("\n") + 1


LOCATION = re.compile(r"^(?P<file>[^:\s]+\.yaml):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$", re.M)


def locations(stderr: str) -> list[tuple[str, int, str]]:
    """(file name, line, message) of every located problem line."""
    return [(Path(m["file"]).name, int(m["line"]), m["rest"]) for m in LOCATION.finditer(stderr)]
