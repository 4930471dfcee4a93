"""One moment for everything a build dates: ``SOURCE_DATE_EPOCH``.

WeasyPrint (PDF dates, font subsets) and MkDocs (sitemap lastmod, gzip
headers) read it from the environment, so setting it for the duration of a
build is what makes two builds of the same charter byte-identical.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from .i18n import _

#: A fixed moment (2024-01-01 00:00 UTC) for when nothing better is known.
DEFAULT_EPOCH = "1704067200"


def source_date_epoch(default: str = DEFAULT_EPOCH) -> int:
    """``SOURCE_DATE_EPOCH`` as a number, or ``default``; a value that is not a number is the user's to fix."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or default
    if not value.isdigit():
        from .errors import DigicharterError

        raise DigicharterError(
            _("SOURCE_DATE_EPOCH must be a number of seconds since 1970, e.g. 1725148800; received '{value}'").format(
                value=value[:40])
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
