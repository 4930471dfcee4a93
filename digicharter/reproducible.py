"""One moment for everything a build dates: ``SOURCE_DATE_EPOCH``.

WeasyPrint (PDF dates, font subsets) and MkDocs (sitemap lastmod, gzip
headers) read it from the environment, so setting it for the duration of a
build is what makes two builds of the same charter byte-identical.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from contextlib import contextmanager
from typing import Iterator

from .i18n import _

#: A fixed moment (2024-01-01 00:00 UTC) for when nothing better is known.
DEFAULT_EPOCH = "1704067200"


#: The moments a build can date: from 1980-01-01 (the earliest a ZIP archive can hold) to the end of 2099
#: (PDF dates and gzip headers are far from their limits; any year with four digits reads the same everywhere).
EPOCH_MIN = 315532800
EPOCH_MAX = 4102444799
_ASCII_DIGITS = re.compile(r"[0-9]+")


def source_date_epoch(default: str = DEFAULT_EPOCH) -> int:
    """``SOURCE_DATE_EPOCH`` as a number, or ``default``; a value that is not a number in range is the user's to fix.

    Only ASCII digits count: ``str.isdigit`` also accepts '²' or Arabic-Indic
    digits, which ``int`` then refuses or reads as something else.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or default
    if not _ASCII_DIGITS.fullmatch(value) or not EPOCH_MIN <= int(value) <= EPOCH_MAX:
        from .errors import DigicharterError
        from .escaping import terminal_text

        raise DigicharterError(
            _("SOURCE_DATE_EPOCH must be a number of seconds since 1970 between {minimum} (1980-01-01) and "
              "{maximum} (2099-12-31), e.g. 1725148800; received '{value}'. Set it to such a number, or unset it "
              "to date the build from the charter's last commit").format(
                minimum=EPOCH_MIN, maximum=EPOCH_MAX, value=terminal_text(value[:40]))
        )
    return int(value)


@contextmanager
def source_date(epoch: str) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` to ``epoch`` inside the block, then restore what was there."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def charter_epoch(charter_dir: Path) -> str:
    """The moment the build claims to be from: ``SOURCE_DATE_EPOCH`` if set, else the charter's last commit.

    Every date a build writes (PDF metadata, the sitemap's lastmod, gzip
    headers) comes from this, so the same charter gives the same bytes.
    Outside git a fixed date is used.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return str(source_date_epoch())
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=charter_dir, capture_output=True, text=True, timeout=10,
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return DEFAULT_EPOCH
