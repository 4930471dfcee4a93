"""What the bookmark and the slides share when they make PDFs with WeasyPrint.

* one font, embedded from the same files the website serves;
* reproducible bytes: WeasyPrint stamps the time (and its font subsets vary)
  unless ``SOURCE_DATE_EPOCH`` is set, so we set it for the duration of a write;
* tagged PDF/UA output with title, language and author for screen readers;
* overflow detection: WeasyPrint silently drops text that does not fit a
  fixed-height box, so outputs lay content out in free-flowing pages and ask
  :func:`anchor_pages` on which page a start and an end marker landed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..assets import FONT_FAMILY, FontFile, font_files
from ..reproducible import source_date, source_date_epoch


def _source(font: FontFile, url_for: Callable[[FontFile], str] | None) -> str:
    if url_for is not None:
        return f"url('{url_for(font)}') format('woff2')"
    return f"url('{truetype_copy(font.path).as_uri()}') format('truetype')"


def truetype_copy(woff2: Path) -> Path:
    """The font as plain TrueType, decompressed once and kept in the temp folder.

    WeasyPrint decompresses a WOFF2 file again for every document it renders,
    which took a quarter of a build (a build renders about ten documents with
    eight font files each). The decompressed file is deterministic, so PDFs
    stay byte-identical.
    """
    import hashlib
    import tempfile

    from fontTools.ttLib import TTFont

    digest = hashlib.sha256(woff2.read_bytes()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / "digicharter-fonts" / f"{woff2.stem}-{digest}.ttf"
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
    for font in font_files():
        latin_ext = "latin-ext" in font.path.name
        unicode_range = (
            "U+0100-02AF, U+0304, U+0308, U+0329, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, "
            "U+2113, U+2C60-2C7F, U+A720-A7FF"
            if latin_ext
            else "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, "
            "U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
        )
        rules.append(
            f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {font.weight}; font-style: {font.style}; "
            f"src: {_source(font, url_for)}; "
            f"unicode-range: {unicode_range}; }}"
        )
    return "\n".join(rules)


def reproducible():
    """Set SOURCE_DATE_EPOCH (unless the caller did) while a PDF is written."""
    return source_date(str(source_date_epoch()))


def anchor_pages(document) -> dict[str, int]:
    """Anchor id → index of the page it landed on, for a rendered WeasyPrint document."""
    pages: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            pages.setdefault(anchor, index)
    return pages


def write_pdf(document, target: Path, *, finisher: Callable | None = None) -> None:
    """Write a rendered document as a tagged, reproducible PDF (PDF/UA-1).

    ``finisher(document, pdf)`` may adjust the PDF objects before they are
    written, e.g. the bookmark sets its pages' BleedBox to the real bleed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with reproducible():
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True, finisher=finisher)
