"""Moving built files into place."""

from __future__ import annotations

import shutil
from pathlib import Path


def move_into(source: Path, target: Path) -> None:
    """Move everything in ``source`` into ``target``, merging folders and replacing only what has the same name."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            move_into(entry, destination)
            entry.rmdir()
            continue
        if destination.is_dir():
            shutil.rmtree(destination)
        elif destination.exists():
            destination.unlink()
        shutil.move(str(entry), str(destination))
