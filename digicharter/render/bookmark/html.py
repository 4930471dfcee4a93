"""The bookmark's HTML documents, from ``templates/bookmark/``, ready for WeasyPrint.

Three documents share one face template and one stylesheet: the *fit check*
(faces flowing freely, see :mod:`.bookmark_fit`), the *strip* for a print shop
and the *print sheet*. Sharing them is what makes the check valid: the words
that were measured are laid out by the same rules on paper.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ...assets import PDF_FONT_STACK, TEMPLATES_DIR, icon_svg
from ...escaping import as_html_text, css_colour, html_text, pdf_metadata
from ...outputs import site_url
from ...reproducible import source_date_epoch
from ...view import LanguageView
from .content import HOURS_ICON, Face
from .layout import SheetLayout
from ..pdf.fonts import font_face_css
from ..qr import qr_svg

#: How far past the bleed the strip's page reaches, so WeasyPrint's crop marks sit clear of the bleed (mm).
CROP_MARK_ROOM_MM = 6.0


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR / "bookmark"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=as_html_text,
    )
    env.filters["pdf_metadata"] = pdf_metadata
    return env


@dataclass(frozen=True)
class Colours:
    """The school's colours (school.yaml) and the two shades the bookmark derives from them."""

    primary: str
    accent: str
    background: str
    ink: str
    muted: str
    tint: str
    """A light shade of the primary colour, behind the QR code."""


def colours(view: LanguageView) -> Colours:
    school = view.charter.school.colours
    return Colours(
        primary=css_colour(school.primary),
        accent=css_colour(school.accent),
        background=css_colour(school.background),
        ink=css_colour(_mix(school.primary, "#000000", 0.72)),
        muted=css_colour(_mix(school.primary, "#3a3a3a", 0.55)),
        tint=css_colour(_mix(school.primary, "#ffffff", 0.9)),
    )


def _mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` of the way towards ``other`` (both #rrggbb)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def icon_css(faces: list[Face], colour: str) -> str:
    """One CSS class per icon used, the icon as a background image: decoration, not content.

    Background images are marked as artifacts in the tagged PDF, so screen
    readers skip the icons and read the words next to them.
    """
    names = {HOURS_ICON}
    for face in faces:
        for section in face.sections:
            if section.icon:
                names.add(section.icon)
            names.update(line.icon for line in section.lines if line.icon)
    rules = []
    for name in sorted(names):
        svg = icon_svg(name).replace("<svg ", f'<svg fill="{css_colour(colour)}" ', 1)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        rules.append(f'.i-{name} {{ background-image: url("data:image/svg+xml;base64,{data}"); }}')
    return "\n".join(rules)


@dataclass(frozen=True)
class QrCode:
    svg: Markup
    address: Markup
    """The address as printed under the code: without https:// and the closing slash."""


def qr_code(view: LanguageView, dark: str) -> QrCode:
    url = site_url(view)
    alt = view.text(view.charter.bookmark.labels.qr_alt, "plain")
    address = str(html_text(short_address(url)))
    # A long address may wrap before a dot or a slash, never inside a word.
    breakable = Markup(address.replace(".", "<wbr>.").replace("/", "<wbr>/"))
    return QrCode(Markup(qr_svg(url, dark=dark, title=alt)), breakable)


def short_address(url: str) -> str:
    """``https://digicharter.school.be/en/`` → ``digicharter.school.be/en``: what a parent would type."""
    return url.split("://", 1)[-1].rstrip("/")


def creation_date() -> str:
    """The PDFs' creation date: SOURCE_DATE_EPOCH when the caller sets it, else a fixed moment.

    A clock time would make two builds of the same charter differ byte for byte.
    """
    epoch = source_date_epoch()
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _labels(view: LanguageView) -> dict[str, Markup]:
    labels = view.charter.bookmark.labels
    return {name: Markup(view.text(getattr(labels, name), "html")) for name in type(labels).model_fields}


def _plain_labels(view: LanguageView) -> dict[str, str]:
    """The labels without markup: the PDF's title is plain text."""
    labels = view.charter.bookmark.labels
    return {name: view.text(getattr(labels, name), "plain") for name in type(labels).model_fields}


def _common(view: LanguageView, faces: list[Face]) -> dict:
    palette = colours(view)
    charter = view.charter
    return {
        "lang": view.code,
        "dir": view.direction,
        "school": charter.school,
        "description": view.text(charter.settings.description, "plain"),
        "created": creation_date(),
        "labels": _labels(view),
        "plain_labels": _plain_labels(view),
        "size": charter.bookmark.size,
        "colours": palette,
        "font_stack": Markup(PDF_FONT_STACK),  # our own constant, CSS as it stands
        "font_css": Markup(font_face_css()),
        "icon_css": Markup(icon_css(faces, palette.primary)),
        "qr": qr_code(view, palette.primary),
        "faces": faces,
        "faces_by_name": {face.name: face for face in faces},
    }


def fit_html(view: LanguageView, faces: list[Face], page_height_mm: float) -> str:
    """Faces flowing freely, one per page ``page_height_mm`` tall (the strip's height for the check)."""
    return _environment().get_template("fit.html.j2").render(**_common(view, faces), page_height_mm=page_height_mm)


def strip_html(view: LanguageView, faces: list[Face], height_mm: float | None = None) -> str:
    """The strip for a print shop; ``height_mm`` lays it out taller than bookmark.yaml says (to measure a face)."""
    size = view.charter.bookmark.size
    common = _common(view, faces)
    if height_mm is not None:
        common["size"] = size = size.model_copy(update={"height_mm": height_mm})
    return (
        _environment()
        .get_template("strip.html.j2")
        .render(**common, marks_bleed_mm=2 * size.bleed_mm + CROP_MARK_ROOM_MM)
    )


def sheet_html(view: LanguageView, faces: list[Face], layout: SheetLayout) -> str:
    return _environment().get_template("sheet.html.j2").render(**_common(view, faces), layout=layout)
