"""The 16:9 PDF of the deck and the notes handout, rendered by WeasyPrint.

WeasyPrint quietly clips what does not fit a fixed-size box, so the deck is laid
out as free-flowing 1280 × 720 px pages: a slide that is too long spills onto
another page instead of losing its last lines. Each slide carries a start and an
end anchor; :func:`unfit_slides` compares the pages they landed on (the same
check the bookmark makes) and names every slide that spilled.
"""

from __future__ import annotations

from ..i18n import _
from ..assets import PROJECT_DIR
from ..view import LanguageView
from .pdf import anchor_pages, render as render_pdf
from .slides import DeckInfo
from .slides_outline import Slide
from .slides_templates import environment


def deck_html(slides: list[Slide], deck: DeckInfo) -> str:
    return environment().get_template("print.html.j2").render(slides=slides, deck=deck)


def handout_html(slides: list[Slide], deck: DeckInfo) -> str:
    return environment().get_template("handout.html.j2").render(slides=slides, deck=deck)


def render(html: str):
    """A deck or handout document (from :func:`deck_html` / :func:`handout_html`) laid out by WeasyPrint."""
    return render_pdf(html, base_url=str(PROJECT_DIR))


def unfit_slides(view: LanguageView, slides: list[Slide], document) -> list[str]:
    """A line per slide whose content ran past its page, saying which slide, in which language, and what to do."""
    pages = anchor_pages(document)
    problems = []
    for slide in slides:
        start, end = pages.get(f"{slide.key}-start"), pages.get(f"{slide.key}-end")
        if start is None or end is None or start == end:
            continue
        problems.append(
            _("  slide {number} '{heading}' ({language}, {code}) does not fit on its page: it needs {pages} pages. "
              "It comes from {origin}.").format(number=slide.number, heading=slide.plain_heading, language=view.language.name,
                                               code=view.code, pages=end - start + 1, origin=slide.origin)
            + "\n" + _("    What to do: {advice}").format(advice=_advice(view, slide))
        )
    return problems


def _advice(view: LanguageView, slide: Slide) -> str:
    standard = view.charter.slides.outline is None
    fewer = (
        _("write an 'outline' in slides.yaml (the file shows how) and give this slide a shorter list 'agreements: [...]'")
        if standard
        else _("give its outline item in slides.yaml a shorter list 'agreements: [...]'")
    )
    ids = slide.agreement_ids
    if ids:
        longest = max(ids, key=lambda i: len(view.text(view.agreement(i).short, "plain")))
        return _("shorten the {code} 'short' texts it shows (agreements.yaml / protocol.yaml: {ids}; "
                 "the longest is '{longest}'), or {fewer}").format(code=view.code, ids=", ".join(ids), longest=longest,
                                                                  fewer=fewer)
    if slide.kind == "text":
        return _("shorten its heading, text or points in slides.yaml, or split it into two 'show: text' items")
    if slide.kind == "vision":
        return _("shorten the first vision paragraph in quality.yaml, or put a 'show: text' slide in its place in an outline")
    if slide.kind in ("reach", "questions"):
        return _("shorten the labels and purposes of the phone numbers and e-mail addresses in school.yaml")
    if slide.kind == "pdca":
        return _("shorten the PDCA texts in quality.yaml, or put a 'show: text' slide in its place in an outline")
    return _("shorten its heading and texts (or give it a shorter 'heading' in an outline in slides.yaml)")
