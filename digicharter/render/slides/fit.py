"""Find the slides that do not fit their 16:9 page — in seconds, however much a slide holds.

WeasyPrint needs time that grows with the square of a list that runs over many
pages: a slide with a thousand agreements took more than ten minutes to lay
out, only to be refused. But a slide that does not fit with its first
:data:`PROBE_POINTS` lines (and :data:`PROBE_CHARS` characters in all) does
not fit with all of them either. So the deck is first laid out with every
longer slide cut to that size (the *probe*): a cut slide that spills is
refused at once, with how many of its lines do fit. Only if a cut slide fits
after all (which no slide of a 16:9 page can, but the templates may change)
is the whole deck laid out to decide.

The message stays short however many slides fail: the worst few, then how
many more.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from ...i18n import _, ngettext
from ...view import LanguageView
from ..pdf.writing import anchor_pages
from .outline import Point, Slide

#: More lines than a 1280 × 720 px slide can show at its smallest type (about ten).
PROBE_POINTS = 30
#: More characters than one slide can show at its smallest type (about 2,500), counted over the whole slide.
PROBE_CHARS = 6000
#: How many unfit slides a message describes; the others are counted.
SHOWN = 3
#: How many agreement ids the advice for one slide names; the others are counted.
SHOWN_IDS = 3


@dataclass(frozen=True)
class Unfit:
    """A slide that does not fit: the pages it needs (at least, if it was cut), its lines and how many of them fit."""

    view: LanguageView
    slide: Slide
    pages: int
    lines: int
    fitting: int
    cut: bool = False
    """Laid out cut to what a page could ever hold (:func:`probe`): ``pages`` is then a lower bound."""

    @property
    def weight(self) -> tuple[int, int]:
        """Worst first: the most lines beyond what fits, then the most pages."""
        return (self.lines - self.fitting, self.pages)


def probe(slides: list[Slide]) -> tuple[list[Slide], set[str]]:
    """The deck with every slide cut to what a page could ever hold, and the keys of the slides that were cut.

    A slide keeps at most :data:`PROBE_POINTS` lines and, counted over its
    heading, texts and lines together, :data:`PROBE_CHARS` characters.
    """
    cut: set[str] = set()
    probed = []
    for slide in slides:
        left = PROBE_CHARS
        heading = _short(slide.heading, left)
        left -= len(slide.heading)
        content = {}
        for key, value in slide.content.items():
            if isinstance(value, Markup):
                content[key] = _short(value, max(left, 0))
                left -= len(value)
            else:
                content[key] = value
        points = slide.content.get("points") or []
        if points:
            shorter = []
            for point in points[:PROBE_POINTS]:
                if left <= 0:
                    break
                shorter.append(_short_point(point, left))
                left -= len(point.html)
            content["points"] = shorter
        if content != slide.content or heading != slide.heading:
            cut.add(slide.key)
            probed.append(replace(slide, heading=heading, content=content))
        else:
            probed.append(slide)
    return probed, cut


def _short(html: Markup, most: int) -> Markup:
    """At most ``most`` characters of text (as plain text: a cut through a tag must not break the HTML)."""
    if len(html) <= most:
        return html
    return Markup(escape(Markup(html).striptags()[:most]))


def _short_point(point: Point, most: int) -> Point:
    shorter = _short(point.html, most)
    return point if shorter is point.html else replace(point, html=shorter)


def unfit_slides(
    view: LanguageView, slides: list[Slide], probed: list[Slide], document, cut: set[str] = frozenset()
) -> list[Unfit]:
    """Every slide whose content ran past its page in ``document``, laid out from ``probed`` (``slides`` cut by :func:`probe`)."""
    pages = anchor_pages(document)
    found = []
    for slide, laid_out in zip(slides, probed):
        start, end = pages.get(f"{slide.key}-start"), pages.get(f"{slide.key}-end")
        if start is None or end is None or start == end:
            continue
        shown = len(laid_out.content.get("points") or [])
        on_first = sum(1 for i in range(shown) if pages.get(f"{slide.key}-point-{i}") == start)
        # The last line that starts on the first page may be the one that runs over.
        lines = len(slide.content.get("points") or [])
        found.append(Unfit(view, slide, end - start + 1, lines, max(on_first - 1, 0), slide.key in cut))
    return found


def message(unfit: list[Unfit]) -> str:
    """The worst :data:`SHOWN` unfit slides, each with what to do, and how many more there are."""
    ordered = sorted(unfit, key=lambda u: u.weight, reverse=True)
    parts = [_describe(u) for u in ordered[:SHOWN]]
    rest = len(ordered) - SHOWN
    if rest > 0:
        parts.append("  " + ngettext("… and {count} more slide that does not fit either.",
                                     "… and {count} more slides that do not fit either.", rest).format(count=rest))
    return "\n".join(parts)


def _describe(unfit: Unfit) -> str:
    view, slide = unfit.view, unfit.slide
    where = {"number": slide.number, "heading": _heading(slide), "language": view.language.name, "code": view.code}
    if unfit.lines > PROBE_POINTS and unfit.cut:
        what = _("  slide {number} '{heading}' ({language}, {code}) does not fit on its page: it shows {lines} lines, "
                 "and only about {fitting} fit on one slide.").format(lines=unfit.lines, fitting=unfit.fitting, **where)
    elif unfit.cut:
        what = _("  slide {number} '{heading}' ({language}, {code}) does not fit on its page: it needs more than "
                 "{pages} pages.").format(pages=unfit.pages, **where)
    else:
        what = _("  slide {number} '{heading}' ({language}, {code}) does not fit on its page: it needs {pages} pages.").format(
            pages=unfit.pages, **where)
    return (what + " " + _("It comes from {origin}.").format(origin=slide.origin)
            + "\n" + _("    What to do: {advice}").format(advice=_advice(view, slide)))


def _heading(slide: Slide) -> str:
    heading = slide.plain_heading
    return heading if len(heading) <= 60 else heading[:57] + "…"


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
        named = ", ".join(ids[:SHOWN_IDS])
        if len(ids) > SHOWN_IDS:
            named = _("{ids} and {count} more").format(ids=named, count=len(ids) - SHOWN_IDS)
        return _("shorten the {code} 'short' texts it shows (agreements.yaml / protocol.yaml: {ids}; "
                 "the longest is '{longest}'), or {fewer}").format(code=view.code, ids=named, longest=longest,
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
