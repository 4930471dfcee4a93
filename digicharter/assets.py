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
#: Atkinson Hyperlegible has Latin letters only: on the website and in the HTML deck Arabic script comes
#: from Noto Sans Arabic, next in the font list, so a parent's phone draws it with the font the site
#: ships, not with whatever font the phone has (the PDFs: see PDF_FONT_STACK).
ARABIC_FONT_FAMILY = "Noto Sans Arabic"
#: The families the website and the HTML deck list, as CSS (each quoted).
FONT_STACK = f"'{FONT_FAMILY}', '{ARABIC_FONT_FAMILY}'"
#: The families the PDFs list. Not Noto Sans Arabic: it draws a letter as a shared dotless shape plus
#: its dots, glyphs that many letters share, so a PDF's text map cannot give the typed letters back
#: (pdftotext read "هكدذاةة" for "هكذا تتواصل", and search and copy failed). In PDFs Arabic is drawn by
#: DejaVu Sans, one glyph per letter, from its own npm package (not the system's copy: the same letters
#: and the same bytes on every machine), under a name of its own so that no system font stands in for it.
PDF_ARABIC_FONT_FAMILY = "Digicharter DejaVu Sans"
PDF_FONT_STACK = f"'{FONT_FAMILY}', '{PDF_ARABIC_FONT_FAMILY}'"
PDF_ARABIC_FONT_DIR = NODE_MODULES / "dejavu-fonts-ttf" / "ttf"
#: The Unicode blocks of Arabic script (Arabic, its Supplement, Extended-A, Presentation Forms A and B).
ARABIC_RANGE = "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"
ARABIC_FONT_DIR = NODE_MODULES / "@fontsource" / "noto-sans-arabic" / "files"
FONT_DIRS = (FONT_DIR, ARABIC_FONT_DIR, PDF_ARABIC_FONT_DIR)
ICON_DIR = Path(material.__file__).parent / "templates" / ".icons" / "material"


@dataclass(frozen=True)
class FontFile:
    path: Path
    weight: int
    style: str
    unicode_range: str
    """The characters this file draws (``@font-face``'s unicode-range), as its package lists them."""
    family: str = FONT_FAMILY

    @property
    def licence(self) -> Path:
        """The SIL Open Font License of the file's package, which asks to be shipped with the font."""
        return self.path.parent.parent / "LICENSE"


def _ranges(font_dir: Path) -> dict[str, str]:
    import json

    return json.loads((font_dir.parent / "unicode.json").read_text(encoding="utf-8"))


def _without_punctuation(unicode_range: str) -> str:
    """The range without General Punctuation (U+2000-206F), which the Latin files draw: one face per character."""
    def outside(token: str) -> bool:
        first, _, last = token.removeprefix("U+").partition("-")
        return int(last or first, 16) < 0x2000 or int(first, 16) > 0x206F

    return ",".join(token for token in unicode_range.split(",") if outside(token))


@lru_cache(maxsize=1)
def _font_files() -> tuple[FontFile, ...]:
    files = []
    latin, arabic = _ranges(FONT_DIR), _ranges(ARABIC_FONT_DIR)
    arabic["arabic"] = _without_punctuation(arabic["arabic"])
    for weight in (400, 700):
        for style in ("normal", "italic"):
            for subset in ("latin", "latin-ext"):
                path = FONT_DIR / f"atkinson-hyperlegible-{subset}-{weight}-{style}.woff2"
                files.append(FontFile(path, weight, style, latin[subset]))
            # Arabic has no italic: an italic run of Arabic is drawn upright rather than in another font.
            path = ARABIC_FONT_DIR / f"noto-sans-arabic-arabic-{weight}-normal.woff2"
            files.append(FontFile(path, weight, style, arabic["arabic"], ARABIC_FONT_FAMILY))
    return tuple(files)


def font_files() -> list[FontFile]:
    """Atkinson Hyperlegible (SIL OFL): designed for low-vision readers, served from the site itself; Noto
    Sans Arabic (SIL OFL) for Arabic script. A file may serve two faces (Arabic upright and italic)."""
    try:
        files = list(_font_files())
        missing = [f.path for f in files if not f.path.is_file()]
    except FileNotFoundError as exc:  # a package's unicode.json
        missing = [Path(exc.filename or "unicode.json")]
    if missing:
        from .errors import DigicharterError

        raise DigicharterError(
            _("the font files are missing ({file}); run scripts/setup.sh to install the front-end assets").format(
                file=missing[0].name)
        )
    return files


def pdf_arabic_font_files() -> list[FontFile]:
    """DejaVu Sans for the PDFs' Arabic (see :data:`PDF_FONT_STACK`), upright in both weights; never on the website."""
    files = [FontFile(PDF_ARABIC_FONT_DIR / name, weight, style, ARABIC_RANGE, PDF_ARABIC_FONT_FAMILY)
             for name, weight in (("DejaVuSans.ttf", 400), ("DejaVuSans-Bold.ttf", 700)) for style in ("normal", "italic")]
    missing = [f.path for f in files if not f.path.is_file()]
    if missing:
        from .errors import DigicharterError

        raise DigicharterError(
            _("the font files are missing ({file}); run scripts/setup.sh to install the front-end assets").format(
                file=missing[0].name)
        )
    return files


def shipped_font_files() -> list[tuple[Path, str]]:
    """Every font file once, and each font package's licence (the SIL OFL asks to ship it along), with
    the name each gets in a folder of fonts: what the website and the slide deck copy next to their pages."""
    fonts = font_files()
    shipped = {font.path.name: font.path for font in fonts}
    licences = [licence for licence in dict.fromkeys(font.licence for font in fonts) if licence.is_file()]
    for number, licence in enumerate(licences):
        shipped["LICENSE.txt" if number == 0 else f"LICENSE-{licence.parent.name}.txt"] = licence
    return [(source, name) for name, source in shipped.items()]


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
