"""Files every output shares: the font, the channel icons, the project's folders.

The website, the bookmark and the slides use the same font files and the same
icons, so they look like one family and nothing is fetched from another host.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import material

from .i18n import _

#: The project folder: where templates/, mkdocs.yml, node_modules/ live.
PROJECT_DIR = Path(os.environ.get("DIGICHARTER_PROJECT", Path(__file__).resolve().parent.parent))
TEMPLATES_DIR = PROJECT_DIR / "templates"
NODE_MODULES = PROJECT_DIR / "node_modules"

FONT_FAMILY = "Atkinson Hyperlegible"
_FONT_DIR = NODE_MODULES / "@fontsource" / "atkinson-hyperlegible" / "files"
_ICON_DIR = Path(material.__file__).parent / "templates" / ".icons" / "material"


@dataclass(frozen=True)
class FontFile:
    path: Path
    weight: int
    style: str


def font_files() -> list[FontFile]:
    """Atkinson Hyperlegible (SIL OFL): designed for low-vision readers, served from the site itself."""
    files = []
    for weight in (400, 700):
        for style in ("normal", "italic"):
            for subset in ("latin", "latin-ext"):
                path = _FONT_DIR / f"atkinson-hyperlegible-{subset}-{weight}-{style}.woff2"
                files.append(FontFile(path, weight, style))
    missing = [f.path for f in files if not f.path.is_file()]
    if missing:
        from .errors import DigicharterError

        raise DigicharterError(
            _("the font files are missing ({file}); run scripts/setup.sh to install the front-end assets").format(
                file=missing[0].name)
        )
    return files


@lru_cache(maxsize=None)
def icon_names() -> tuple[str, ...]:
    """Every icon name a channel or a bookmark line may use, sorted (the editors' schemas list them)."""
    return tuple(sorted(path.stem for path in _ICON_DIR.glob("*.svg")))


def icon_exists(name: str) -> bool:
    return (_ICON_DIR / f"{name}.svg").is_file()


@lru_cache(maxsize=None)
def icon_svg(name: str) -> str:
    """The SVG source of a Material Design icon (Apache 2.0, shipped with mkdocs-material)."""
    return (_ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
