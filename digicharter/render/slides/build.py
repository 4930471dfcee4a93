"""The info-evening slides: an HTML deck, a 16:9 PDF and a notes handout per language.

The deck is built from the charter model (:mod:`.outline`), laid out by
one set of templates (``templates/slides/``) and written three ways:

* the PDF first (:mod:`.pdf`), because WeasyPrint's layout is where a
  slide that does not fit is caught — then nothing is written at all;
* the notes handout, with each slide and its speaker notes;
* the HTML deck folder (:mod:`.html`), self-contained for a USB stick.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from markupsafe import Markup

from ...i18n import _
from ... import outputs
from ...errors import OutputError
from ...view import LanguageView
from ..pdf.fonts import font_face_css
from .deck_info import DeckInfo
from .fit import Unfit, message as fit_message
from .outline import Slide, build_deck
from .templates import SLIDES_TEMPLATES, cover_svg, data_uri, page_svg, palette, palette_css

if TYPE_CHECKING:
    from ...build_context import BuildContext


def _stylesheet(name: str) -> Markup:
    return Markup((SLIDES_TEMPLATES / name).read_text(encoding="utf-8"))


def reveal_config(view: LanguageView) -> dict:
    """reveal.js's options: a 1280 × 720 stage scaled to the screen, keyboard and clicker navigation."""
    config: dict = {
        "width": 1280,
        "height": 720,
        "margin": 0,  # the slide fills the screen: no frame around the dark title and closing slides
        "center": False,
        "hash": True,
        "controls": True,
        "controlsTutorial": False,
        "controlsLayout": "edges",
        "controlsBackArrows": "faded",
        "progress": True,
        "slideNumber": False,
        "transition": "fade",
        "backgroundTransition": "fade",
        "hideInactiveCursor": True,
        "help": True,
    }
    minutes = view.charter.slides.minutes
    if minutes:
        config["totalTime"] = minutes * 60
    return config


def deck_info(view: LanguageView, *, for_html: bool = False) -> DeckInfo:
    """The deck's words and looks in one language; ``for_html`` points fonts and pictures at the deck folder."""
    charter = view.charter
    school = charter.school
    labels = charter.slides.labels
    title = view.text(charter.settings.title, "plain")
    occasion = view.text(labels.occasion, "plain")
    handout_title = view.text(labels.handout, "plain")
    assets = "assets"
    if for_html:
        font_css = font_face_css(lambda font: f"fonts/{font.path.name}")
        content_background, cover_background = "page.svg", "cover.svg"
    else:
        font_css = font_face_css()
        content_background, cover_background = data_uri(page_svg(school.colours)), data_uri(cover_svg(school.colours))
    # reveal_config goes into a <script type="application/json">: "</" must not end the script.
    config_json = json.dumps(reveal_config(view), ensure_ascii=False).replace("</", "<\\/")
    return DeckInfo(
        language=view.code,
        direction=view.direction,
        title=f"{title} — {occasion}",
        description=view.text(charter.settings.description, "plain"),
        school=school.name,
        footer=school.short_name,
        keys=view.text(labels.keys, "plain"),
        handout_title=handout_title,
        handout_footer=f"{handout_title} · {title}",
        slide_word=view.text(labels.slide, "plain"),
        notes_word=view.text(labels.notes, "plain"),
        colours=school.colours,
        palette=palette(school.colours),
        muted=palette(school.colours)["muted"],
        palette_css=Markup(palette_css(school.colours, for_html=for_html)),
        slides_css=_stylesheet("slides.css"),
        frame_css=_stylesheet("frame.css"),
        print_css=_stylesheet("print.css"),
        handout_css=_stylesheet("handout.css"),
        font_css=Markup(font_css),
        content_background=content_background,
        cover_background=cover_background,
        assets=assets,
        reveal_config=Markup(config_json),
        point_anchors=not for_html,
    )


def build_slides(ctx: "BuildContext") -> None:
    """Every language's PDF, notes handout and HTML deck; no file is written unless every slide fits."""
    from .html import write_html_deck
    from .pdf import deck_html, handout_html, lay_out, render

    decks: list[tuple[LanguageView, list[Slide]]] = [(view, build_deck(view)) for view in ctx.views]
    rendered = []
    unfit: list[Unfit] = []
    cached: dict[str, str] = {}
    for view, slides in decks:
        deck = deck_info(view)
        notes_html = handout_html(slides, deck)
        # PDFs built before from exactly the same HTML are copied, not laid out again.
        key = ctx.pdf_cache.key(deck_html(slides, deck), notes_html)
        if ctx.pdf_cache.restore(key, _pdf_targets(ctx, view)):
            cached[view.code] = key
            continue
        document, spilled = lay_out(view, slides, deck)
        unfit += spilled
        rendered.append((view, slides, document, notes_html, key))
    if unfit:
        raise OutputError(
            _("some slides do not fit on their 16:9 page, and nothing may be cut off; nothing was built or changed:")
            + "\n" + fit_message(unfit)
        )

    from ..pdf.writing import write_pdf
    from .handout import write_handout

    for view, slides, document, notes_html, key in rendered:
        targets = _pdf_targets(ctx, view)
        write_pdf(document, targets["slides.pdf"])
        write_handout(render(notes_html), document, [slide.key for slide in slides], targets["slides.pdf"],
                      targets["notes.pdf"])
        ctx.pdf_cache.store(key, targets)
    from ...reproducible import source_date_epoch
    from ..pptx.deck import write_pptx

    for view, slides in decks:
        write_html_deck(view, slides, deck_info(view, for_html=True), ctx.staging / outputs.slides_html(view))
        info = deck_info(view)
        write_pptx(slides, ctx.staging / outputs.slides_pptx(view), colours=view.charter.school.colours,
                   footer=info.footer, title=info.title, author=info.school, stamp=source_date_epoch())
        text = (_("    slides ({code}): {count} slides, PDF, PowerPoint, notes handout and HTML deck (PDFs unchanged, reused)")
                if view.code in cached else _("    slides ({code}): {count} slides, PDF, PowerPoint, notes handout and HTML deck"))
        ctx.say(text.format(code=view.code, count=len(slides)))


def _pdf_targets(ctx: "BuildContext", view: LanguageView) -> dict:
    return {"slides.pdf": ctx.staging / outputs.slides_pdf(view), "notes.pdf": ctx.staging / outputs.slides_notes_pdf(view)}
