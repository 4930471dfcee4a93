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


def _project_dir() -> Path:
    """Where templates/, mkdocs.yml and node_modules/ are: in the package once installed, else the repository.

    A wheel carries them in ``digicharter/_data/`` (copied there by setup.py),
    so an installed Digicharter needs no source tree and a charter can live
    anywhere; in the repository (and an editable install) they are read where
    they are edited. ``DIGICHARTER_PROJECT`` points elsewhere (tests).
    """
    if os.environ.get("DIGICHARTER_PROJECT"):
        return Path(os.environ["DIGICHARTER_PROJECT"])
    installed = Path(__file__).resolve().parent / "_data"
    if (installed / "mkdocs.yml").is_file():
        return installed
    return Path(__file__).resolve().parent.parent


#: The project folder: where templates/, mkdocs.yml, node_modules/ live.
PROJECT_DIR = _project_dir()
TEMPLATES_DIR = PROJECT_DIR / "templates"
NODE_MODULES = PROJECT_DIR / "node_modules"

FONT_FAMILY = "Atkinson Hyperlegible"
FONT_DIR = NODE_MODULES / "@fontsource" / "atkinson-hyperlegible" / "files"
ICON_DIR = Path(material.__file__).parent / "templates" / ".icons" / "material"


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
                path = FONT_DIR / f"atkinson-hyperlegible-{subset}-{weight}-{style}.woff2"
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
    return tuple(sorted(path.stem for path in ICON_DIR.glob("*.svg")))


def icon_exists(name: str) -> bool:
    """Whether Material ships an icon of this name; a name the system cannot look up is simply not one."""
    try:
        return (ICON_DIR / f"{name}.svg").is_file()
    except (OSError, ValueError):  # too long, or a character no file name may hold
        return False


@lru_cache(maxsize=None)
def icon_svg(name: str) -> str:
    """The SVG source of a Material Design icon (Apache 2.0, shipped with mkdocs-material)."""
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
