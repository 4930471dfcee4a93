"""The 16:9 PDF of the deck and the notes handout, rendered by WeasyPrint.

WeasyPrint quietly clips what does not fit a fixed-size box, so the deck is laid
out as free-flowing 1280 × 720 px pages: a slide that is too long spills onto
another page instead of losing its last lines. Each slide carries a start and an
end anchor; :func:`unfit_slides` compares the pages they landed on (the same
check the bookmark makes) and names every slide that spilled.
"""

from __future__ import annotations

from weasyprint import HTML

from ..assets import PROJECT_DIR
from ..view import LanguageView
from .pdf import anchor_pages
from .slides import DeckInfo
from .slides_outline import Slide
from .slides_templates import environment


def render_deck(view: LanguageView, slides: list[Slide], deck: DeckInfo):
    """The deck as a rendered WeasyPrint document, one page per slide if everything fits."""
    html = environment().get_template("print.html.j2").render(slides=slides, deck=deck)
    return HTML(string=html, base_url=str(PROJECT_DIR)).render()


def render_handout(view: LanguageView, slides: list[Slide], deck: DeckInfo):
    """Every slide at half size with its speaker notes below it (A4 portrait)."""
    html = environment().get_template("handout.html.j2").render(slides=slides, deck=deck)
    return HTML(string=html, base_url=str(PROJECT_DIR)).render()


def unfit_slides(view: LanguageView, slides: list[Slide], document) -> list[str]:
    """A line per slide whose content ran past its page, saying which slide, in which language, and what to do."""
    pages = anchor_pages(document)
    problems = []
    for slide in slides:
        start, end = pages.get(f"{slide.key}-start"), pages.get(f"{slide.key}-end")
        if start is None or end is None or start == end:
            continue
        problems.append(
            f"  slide {slide.number} '{slide.plain_heading}' ({view.language.name}, {view.code}) runs "
            f"{end - start} page(s) too long; it comes from {slide.origin}.\n    What to do: {_advice(slide)}"
        )
    return problems


def _advice(slide: Slide) -> str:
    ids = slide.agreement_ids
    if ids:
        return (
            "shorten the 'short' texts it shows (agreements " + ", ".join(ids) + "), or show fewer agreements on "
            "it: give its outline item in slides.yaml a list 'agreements: [...]'"
        )
    if slide.kind == "text":
        return "shorten its heading, text or points in slides.yaml, or split it into two 'show: text' items"
    if slide.kind == "vision":
        return "shorten the first vision paragraph in quality.yaml, or replace the slide by a 'show: text' item"
    if slide.kind in ("reach", "questions"):
        return "shorten the contacts' labels and purposes in school.yaml (their 'short' labels for phones)"
    if slide.kind == "pdca":
        return "shorten the PDCA texts in quality.yaml, or replace the slide by a 'show: text' item in slides.yaml"
    return "shorten its heading and texts, or give it a shorter 'heading' in its outline item in slides.yaml"
