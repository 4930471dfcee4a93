"""Where each output lands inside ``site/``: one place, so pages can link to downloads.

The default language sits at the root, every other language under ``/<code>/``,
as on the website itself.
"""

from __future__ import annotations

from .view import LanguageView


def language_prefix(view: LanguageView) -> str:
    """``""`` for the default language, ``"en/"`` for English, …"""
    return "" if view.is_default else f"{view.code}/"


def site_url(view: LanguageView) -> str:
    """The absolute address of the website's home page in this language."""
    return absolute_url(view, language_prefix(view))


def absolute_url(view: LanguageView, path_in_site: str) -> str:
    """The absolute address of a file at ``path_in_site`` (relative to site/) once the site is published."""
    base = str(view.charter.settings.site_url)
    if not base.endswith("/"):
        base += "/"
    return base + path_in_site


def bookmark_pdf(view: LanguageView) -> str:
    """The bookmark strip (front and back, with bleed and crop marks), relative to site/."""
    return f"downloads/digicharter-bookmark-{view.code}.pdf"


def bookmark_sheet_pdf(view: LanguageView) -> str:
    """The A4 print sheet (strips side by side, duplex), relative to site/."""
    return f"downloads/digicharter-bookmark-sheet-{view.code}.pdf"


def slides_html(view: LanguageView) -> str:
    """The HTML slide deck's folder, relative to site/."""
    return f"{language_prefix(view)}slides/"


def slides_deck_page(view: LanguageView) -> str:
    """The deck's own page: what a link points at, so that it opens from a USB stick too (no folder listing)."""
    return slides_html(view) + "index.html"


def slides_pdf(view: LanguageView) -> str:
    return f"downloads/digicharter-slides-{view.code}.pdf"


def slides_pptx(view: LanguageView) -> str:
    """The editable deck (PowerPoint, LibreOffice Impress), next to the slide PDF."""
    return f"downloads/digicharter-slides-{view.code}.pptx"


def calendar_ics(view: LanguageView) -> str:
    """The school year to subscribe to (written only when the charter has a calendar.yaml)."""
    return f"calendar/{view.code}.ics"


def slides_notes_pdf(view: LanguageView) -> str:
    return f"downloads/digicharter-slides-notes-{view.code}.pdf"
