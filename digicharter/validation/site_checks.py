"""Checks of site.yaml against the rest of the charter (ids it names exist, short texts present …)."""

from __future__ import annotations

from ..schema import Charter
from .context import CheckContext


def check(charter: Charter, ctx: CheckContext) -> None:
    """Nothing to check yet."""
