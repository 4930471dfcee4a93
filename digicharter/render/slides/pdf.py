"""The 16:9 PDF of the deck and the notes handout, rendered by WeasyPrint.

WeasyPrint quietly clips what does not fit a fixed-size box, so the deck is laid
out as free-flowing 1280 × 720 px pages: a slide that is too long spills onto
another page instead of losing its last lines. Each slide carries a start and an
end anchor; :mod:`.slides_fit` compares the pages they landed on (the same
check the bookmark makes) and names every slide that spilled.
"""

from __future__ import annotations

from ...assets import PROJECT_DIR
from ...view import LanguageView
from ..pdf.writing import render as render_pdf
from .deck_info import DeckInfo
from .fit import Unfit, probe, unfit_slides
from .outline import Slide
from .templates import environment


def deck_html(slides: list[Slide], deck: DeckInfo) -> str:
    return environment().get_template("print.html.j2").render(slides=slides, deck=deck)


def handout_html(slides: list[Slide], deck: DeckInfo) -> str:
    return environment().get_template("handout.html.j2").render(slides=slides, deck=deck)


def render(html: str):
    """A deck or handout document (from :func:`deck_html` / :func:`handout_html`) laid out by WeasyPrint."""
    return render_pdf(html, base_url=str(PROJECT_DIR))


def lay_out(view: LanguageView, slides: list[Slide], deck: DeckInfo) -> tuple[object, list[Unfit]]:
    """The deck laid out for its PDF, and the slides that do not fit (the document is only for writing if none).

    The deck is laid out first with every slide cut to what a page could ever
    hold (:func:`~.slides_fit.probe`): a cut slide that still spills is known not
    to fit without laying out all of it. Only a deck whose cut slides all fit
    (which the probe's sizes make unlikely) is laid out again, whole.
    """
    probed, cut = probe(slides)
    document = render(deck_html(probed, deck))
    unfit = unfit_slides(view, slides, probed, document, cut)
    if unfit or not cut:
        return document, unfit
    document = render(deck_html(slides, deck))
    return document, unfit_slides(view, slides, slides, document)
