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


def reads_in(needle: str, haystack: str, direction: str = "ltr") -> bool:
    """Whether a text that was typed is in text read back from a PDF.

    Left to right: as one string, spaces aside. Right to left: poppler puts each
    run back in reading order, but a line mixing Arabic with Latin words,
    numbers and brackets comes out with its runs and brackets in another order,
    and a word with a vowel mark above it may come out in two pieces (the mark
    is taken for a line of its own). So each word must be there, as runs of one
    script, and words with vowel marks are left out.
    """
    import re
    import unicodedata

    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf").casefold()

    needle, haystack = plain(needle), plain(haystack)
    if direction != "rtl":
        return re.sub(r"\s+", "", needle) in re.sub(r"\s+", "", haystack)
    squashed = re.sub(r"\s+", "", "".join(c for c in haystack if unicodedata.category(c) != "Mn"))
    runs = [run for word in needle.split() if not any(unicodedata.category(c) == "Mn" for c in word)
            for run in re.findall(r"\d+|[a-z\u00c0-\u024f]+|[^\W\d_a-z\u00c0-\u024f]+", word)]
    return all(run in squashed for run in runs)


def time_phrases(loaded) -> dict[str, list[str]]:
    """Every time and duration the charter names, per language as its pages show them ("8.30 u", "48 uur"), with a space.

    From the model (every time and duration in times.yaml, in each language's format), so a new time is covered.
    """
    from digicharter.facts import Reference
    from digicharter.view import views

    phrases = {}
    for view in views(loaded.charter):
        times = loaded.charter.times
        found = {view.fact(Reference("time", name, None, "")).display for name in times.times}
        found |= {view.fact(Reference("duration", name, None, "")).display for name in times.durations}
        phrases[view.code] = sorted(p for p in found if " " in p or "\u00a0" in p)
    return phrases
