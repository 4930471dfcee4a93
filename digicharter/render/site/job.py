"""One language of the website to build: the input every engine adapter takes (see :mod:`.engine`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ... import outputs
from ...assets import PROJECT_DIR
from ...schema import Charter
from ...view import LanguageView

#: The MkDocs settings every language is built with (Zensical's configuration is written from them too).
CONFIG_FILE = PROJECT_DIR / "mkdocs.yml"


@dataclass(frozen=True)
class Job:
    """One language to build: the charter, the language, where its pages are."""

    charter: Charter
    views: list[LanguageView]
    view: LanguageView
    site_src: Path
    base_url: str | None = None
    """The address of the default language's home page; None: the charter's site_url."""
    problems: tuple[str, ...] = ()
    #: The same problems in each language's words (by language code), for that language's pages.
    problems_in: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Charter mistakes the live preview shows above its pages (it shows the last good version)."""
    output_problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """What the live preview could not print (a bookmark too full …), by page language; ``"*"``: every language."""
    standalone: bool = False
    """True when MkDocs itself was started (mkdocs build/serve): the hook then builds the other languages too."""
    charter_dir: Path | None = None
    config_file: Path = CONFIG_FILE
    """The MkDocs settings every language is built with."""

    @property
    def docs_dir(self) -> Path:
        return self.site_src / self.view.code

    def language_url(self, view: LanguageView) -> str:
        if self.base_url is None:
            return outputs.site_url(view)
        return self.base_url.rstrip("/") + "/" + outputs.language_prefix(view)

    def for_language(self, view: LanguageView) -> "Job":
        return replace(self, view=view, standalone=False)
