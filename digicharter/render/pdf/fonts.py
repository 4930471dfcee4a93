"""The charter font for PDFs: ``@font-face`` rules, and the fonts decompressed once for WeasyPrint.

Apart from the writing (:mod:`.writing`) so that the URL fetcher
(:mod:`.fetcher`), which serves the decompressed files, needs nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ...assets import FONT_FAMILY, FontFile, font_files, pdf_arabic_font_files


def _source(font: FontFile, url_for: Callable[[FontFile], str] | None) -> str:
    if url_for is not None:
        return f"url('{url_for(font)}') format('woff2')"
    if font.path.suffix == ".ttf":
        return f"url('{font.path.as_uri()}') format('truetype')"
    return f"url('{truetype_copy(font.path).as_uri()}') format('truetype')"


def font_cache_dir() -> Path:
    """Where :func:`truetype_copy` keeps decompressed fonts (the PDF fetcher serves its ``.ttf`` files)."""
    import tempfile

    return Path(tempfile.gettempdir()) / "digicharter-fonts"


def truetype_copy(woff2: Path) -> Path:
    """The font as plain TrueType, decompressed once and kept in the temp folder.

    WeasyPrint decompresses a WOFF2 file again for every document it renders,
    which took a quarter of a build (a build renders about ten documents with
    eight font files each). The decompressed file is deterministic, so PDFs
    stay byte-identical.
    """
    import hashlib

    from fontTools.ttLib import TTFont

    digest = hashlib.sha256(woff2.read_bytes()).hexdigest()[:16]
    target = font_cache_dir() / f"{woff2.stem}-{digest}.ttf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(woff2))
        font.flavor = None
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(str(partial))
        partial.replace(target)  # atomic: parallel builds never read a half-written font
    return target


def font_face_css(url_for: Callable[[FontFile], str] | None = None) -> str:
    """``@font-face`` rules for the charter font, pointing at the installed files.

    ``url_for`` gives each file another address, e.g. a relative one for an HTML
    deck that must work from a USB stick (the default is the installed file's URI).
    """
    rules = []
    if url_for is None:  # a PDF: Atkinson Hyperlegible and DejaVu Sans for Arabic (see assets.PDF_FONT_STACK)
        fonts = [font for font in font_files() if font.family == FONT_FAMILY] + pdf_arabic_font_files()
    else:
        fonts = font_files()
    for font in fonts:
        rules.append(
            f"@font-face {{ font-family: '{font.family}'; font-weight: {font.weight}; font-style: {font.style}; "
            f"src: {_source(font, url_for)}; "
            f"unicode-range: {font.unicode_range}; }}"
        )
    return "\n".join(rules)
