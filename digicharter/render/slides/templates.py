"""The Jinja environment and the school's look, shared by the HTML deck, the PDF and the notes handout.

One template macro lays out a slide's content (``templates/slides/slide.html.j2``)
and one stylesheet styles it (``slides.css``); the three outputs only wrap it
in their own frame, so what the director projects and what parents get on
paper look the same.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ...assets import FONT_STACK, PDF_FONT_STACK, TEMPLATES_DIR, icon_svg
from ...escaping import as_html_text, css_colour, css_string, html_text, pdf_metadata
from ...schema.school import Colours
from ..qr import qr_svg

SLIDES_TEMPLATES = TEMPLATES_DIR / "slides"


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(SLIDES_TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=as_html_text,
    )
    env.globals["icon"] = icon
    env.globals["qr"] = lambda url, colour: Markup(qr_svg(url, dark=css_colour(colour), title=url))
    env.filters["css_string"] = css_string
    env.filters["css_colour"] = css_colour
    env.filters["pdf_metadata"] = pdf_metadata
    env.filters["bare_url"] = bare_url
    return env


def bare_url(url: str) -> Markup:
    """An address as people say it (no https://, no final /), escaped, allowed to wrap only after a dot or a slash.

    Wrapping inside a word ("deboom-hutlozen") would give the reader, and a
    search in the PDF, a word that is not in the address.
    """
    bare = re.sub(r"^https?://", "", url).rstrip("/")
    return Markup("<wbr>").join(html_text(part) for part in re.split(r"(?<=[./])", bare))


def icon(name: str, fill: str, css_class: str = "icon") -> Markup:
    """A Material Design icon as inline SVG; decorative, so hidden from screen readers.

    The colour is given, not ``currentColor``: WeasyPrint draws inline SVG
    without the surrounding CSS, where ``currentColor`` would be black.
    """
    svg = icon_svg(name)
    attributes = f'class="{css_class}" aria-hidden="true" focusable="false" fill="{css_colour(fill)}"'
    return Markup(svg.replace("<svg ", f"<svg {attributes} ", 1))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` with ``amount`` (0–1) of ``other`` mixed in: tints and shades of the school's colours."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def palette(colours: Colours) -> dict[str, str]:
    """The school's colours with the tints and shades the slides use, by name."""
    primary, accent, background = colours.primary, colours.accent, colours.background
    colours_by_name = {
        "primary": primary,
        "primary-dark": mix(primary, "#000000", 0.35),
        "primary-tint": mix(primary, "#ffffff", 0.9),
        "primary-soft": mix(primary, "#ffffff", 0.75),
        "primary-light": mix(primary, "#ffffff", 0.55),
        "accent": accent,
        "accent-tint": mix(accent, "#ffffff", 0.85),
        "accent-light": mix(accent, "#ffffff", 0.55),
        "background": background,
        "ink": mix(primary, "#000000", 0.72),
        "muted": mix(primary, "#6b6b6b", 0.55),
    }
    return {name: css_colour(value) for name, value in colours_by_name.items()}


def palette_css(colours: Colours, *, for_html: bool = False) -> str:
    """The palette as CSS custom properties; every stylesheet of the slides uses only these."""
    rules = "".join(f"--{name}: {value}; " for name, value in palette(colours).items())
    return f":root {{ {rules}--font: {FONT_STACK if for_html else PDF_FONT_STACK}, sans-serif; }}"


def cover_svg(colours: Colours) -> str:
    """The decoration of the title and closing slides, drawn in the school's colours (one file for deck and PDF)."""
    primary, accent = css_colour(colours.primary), css_colour(colours.accent)
    light = mix(primary, "#ffffff", 0.18)
    lighter = mix(primary, "#ffffff", 0.30)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">'
        f'<rect width="1280" height="720" fill="{primary}"/>'
        f'<circle cx="1130" cy="120" r="330" fill="{light}"/>'
        f'<circle cx="1230" cy="610" r="220" fill="{lighter}"/>'
        f'<circle cx="930" cy="650" r="110" fill="{accent}" fill-opacity="0.9"/>'
        f'<rect x="0" y="704" width="1280" height="16" fill="{accent}"/>'
        "</svg>\n"
    )


def page_svg(colours: Colours) -> str:
    """The background of every other slide: a band of the school colour along the top, a quiet corner."""
    primary, accent, background = css_colour(colours.primary), css_colour(colours.accent), css_colour(colours.background)
    tint = mix(primary, "#ffffff", 0.92)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">'
        f'<rect width="1280" height="720" fill="{background}"/>'
        f'<circle cx="1280" cy="720" r="200" fill="{tint}"/>'
        f'<rect width="1280" height="14" fill="{primary}"/>'
        f'<rect x="80" y="14" width="120" height="6" fill="{accent}"/>'
        "</svg>\n"
    )


def data_uri(svg: str) -> str:
    """An SVG as a data: URI, so the PDFs need no files beside them."""
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
