"""What every output step gets: the charter, its language views and where to write.

A module of its own so that the renderers under :mod:`digicharter.render`
import it without importing the build that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .render.pdf.cache import PdfCache, no_cache
from .schema import Charter
from .view import LanguageView


@dataclass
class BuildContext:
    """What every output step gets: the charter, its language views and where to write."""

    charter: Charter
    views: list[LanguageView]
    charter_dir: Path
    staging: Path
    """The new site folder being filled; becomes site/ when all steps succeed."""
    work_dir: Path
    """Scratch space for intermediate files (deleted after the build)."""
    site_src: Path
    """Where the generated Markdown pages go (engine-neutral): this build's own, inside ``work_dir`` unless a caller chose."""
    quiet: bool = False
    pdf_cache: PdfCache = field(default_factory=no_cache)
    """PDFs of earlier builds by the hash of their input (see render/pdf_cache.py)."""
    all_views: list[LanguageView] | None = None
    """Every language of the charter when ``views`` holds only some of them (a step split per language):
    a page's language switcher still names them all."""

    @property
    def every_view(self) -> list[LanguageView]:
        return self.all_views if self.all_views is not None else self.views

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, flush=True)


Step = tuple[str, Callable[[BuildContext], None]]
