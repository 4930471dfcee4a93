"""The website's look, as far as it comes from the charter: the school's colours, the font, the theme's words.

Kept apart from the pages (which are engine-neutral Markdown) because all of
this speaks the theme's language: Material's CSS variables and translation
keys, which Zensical's theme shares. Moving to another theme means rewriting
this module and ``templates/site/overrides/``, not the pages.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import material
from babel import Locale
from markupsafe import Markup

from ... import escaping
from ...assets import FONT_STACK, font_files, icon_svg, shipped_font_files
from ...view import LanguageView

_MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"

#: Where the font files land inside each language's site.
FONT_DIR = "assets/fonts"
#: The stylesheet with the school's colours and the font, generated per build.
SCHOOL_CSS = "assets/stylesheets/school.css"


# --------------------------------------------------------------------------- theme words


def has_translations(code: str) -> bool:
    """Whether the theme ships its own words (search box, menu …) in this language."""
    return (_MATERIAL_LANGUAGES / f"{code}.html").is_file()


@lru_cache(maxsize=1)
def theme_label_keys() -> tuple[str, ...]:
    """The names of the theme's words, read from its English translation (the most complete one)."""
    source = (_MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    return tuple(re.findall(r'^\s*"([a-z][a-z0-9_.-]*)":', source, re.M))


def theme_language(view: LanguageView) -> str:
    """The theme's own translation to start from: the language itself, or English when the theme lacks it."""
    return view.code if has_translations(view.code) else "en"


#: The search's language support the theme ships (lunr-languages): one stemmer and stop-word list per file.
_LUNR_LANGUAGES = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


@dataclass(frozen=True)
class SearchSettings:
    """The search index's language and pipeline for one language of the site."""

    lang: list[str]
    pipeline: list[str]


def search_settings(view: LanguageView) -> SearchSettings:
    """The language's own stemmer where the theme ships one (Arabic, Dutch, French, Turkish …), none where it lacks one.

    The theme takes the search language from its translation, and some of its
    translations (Arabic among them) name none, so the index fell back to
    English and stemmed Arabic words as English. A language without a stemmer
    gets no stemming and no stop words at all: English rules on other words
    would only make them unfindable.
    """
    code = view.language.locale.split("_")[0].lower()
    if code == "en" or (_LUNR_LANGUAGES / f"lunr.{code}.min.js").is_file():
        # A language not written in Latin letters keeps only its own letters in its index:
        # with English next to it, "Smartschool" and the texts still in Dutch stay findable.
        return SearchSettings([code] if _latin_script(view) else [code, "en"], ["stemmer", "stopWordFilter", "trimmer"])
    return SearchSettings(["en"], ["trimmer"])


def _latin_script(view: LanguageView) -> bool:
    """Whether the language is written in Latin letters, judged by its own name in CLDR (Babel)."""
    name = Locale.parse(view.language.locale).get_display_name() or ""
    return any(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def with_html_direction(html: str, view: LanguageView) -> str:
    """``<html lang=… dir=…>``: the theme puts the direction on ``<body>`` only.

    On ``<html>`` it also holds for what the browser draws outside the body
    (scroll bars, the page's own direction for CSS logical properties at the
    root) and for readers and tools that look at the root element only.
    """
    return re.sub(r"<html(?![^>]*\sdir=)(\s[^>]*)?>", lambda m: f'<html{m.group(1) or ""} dir="{view.direction}">',
                  html, count=1)


def theme_labels(view: LanguageView) -> dict[str, str]:
    """The theme words site.yaml replaces, in this language, plus the language code for ``<html lang>``."""
    labels = {key: view.raw(text) for key, text in view.charter.site.theme_labels.items()}
    labels["language"] = view.code
    return labels


# --------------------------------------------------------------------------- escaping


def _escaped(value: object) -> object:
    """What the theme prints: HTML stays HTML, a string becomes HTML text, anything else is left to Jinja."""
    if hasattr(value, "__html__"):
        return value
    if isinstance(value, str):
        return escaping.html_text(value)
    return value


def escape_theme_values(env) -> None:
    """Make the theme's Jinja environment escape every printed value (``{{ … }}``) for HTML.

    ``finalize`` sends each printed string through :func:`escaping.html_text`;
    ``autoescape`` makes macro results and ``|e`` Markup, so nothing is
    escaped twice. Templates are compiled when first used, after this hook.
    """
    env.autoescape = True
    env.finalize = _escaped


def _mark_toc(items) -> None:
    for item in items:
        item.title = Markup(item.title)  # Python-Markdown gives heading text as escaped HTML
        _mark_toc(item.children)


def mark_page_html(page) -> None:
    """The page body and its headings are HTML made by Python-Markdown from escaped Markdown: print them as they are."""
    if page.content is not None:
        page.content = Markup(page.content)
    _mark_toc(page.toc)


# --------------------------------------------------------------------------- colours


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #RRGGBB colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(colour: str, other: str, amount: float) -> str:
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def readable(colour: str, background: str, minimum: float = 4.5) -> str:
    """``colour``, darkened just enough to be readable as text on ``background``.

    The accent colour of a school is often a light, warm tone that looks good
    as a stripe but is too pale for link text; the theme uses the accent for
    links under the pointer, so it gets this readable variant.
    """
    amount = 0.0
    result = colour
    while contrast(result, background) < minimum and amount < 1:
        amount += 0.05
        result = _mix(colour, "#000000", amount)
    return result


# --------------------------------------------------------------------------- icons

#: The icons of the kinds of contact on the home page, and of the downloads (Material Design icon names).
FIXED_ICONS = {
    "phone": "phone",
    "sms": "message-text",
    "email": "email",
    "teacher": "human-male-board",
    "pdf": "file-pdf-box",
    "slides": "presentation",
    "pptx": "file-powerpoint-box",
    "calendar": "calendar-month",
}


def icon_css(view: LanguageView) -> str:
    """One CSS variable per icon the pages name (``dc-icon--<name>`` for channels, ``dc-contact--<kind>``).

    The pages stay plain Markdown with a class name; the picture is the
    theme's business: a Material Design icon used as a CSS mask, so it takes
    the text colour (and the printer's black) and costs no request.
    """
    rules = [f":root {{ --dc-clock: {_svg_url('clock-outline')}; }}"]
    for name in sorted({c.icon for c in view.channels}):
        rules.append(f".dc-icon--{name} {{ --dc-icon: {_svg_url(name)}; }}")
    for kind, name in FIXED_ICONS.items():
        rules.append(f".dc-contact--{kind}, .dc-kind--{kind} {{ --dc-icon: {_svg_url(name)}; }}")
    return "\n".join(rules)


def _svg_url(name: str) -> str:
    data = base64.b64encode(icon_svg(name).encode("utf-8")).decode("ascii")
    return f'url("data:image/svg+xml;base64,{data}")'


# --------------------------------------------------------------------------- font


@dataclass(frozen=True)
class SiteFile:
    """A file the website serves that is not a page: where it lands, and its source file or its content."""

    source: Path | None
    dest: str
    content: str | None = None


def site_files(view: LanguageView) -> list[SiteFile]:
    """The files each language's website serves besides the pages and the theme: the school's stylesheet, the font."""
    return [SiteFile(None, SCHOOL_CSS, school_css(view)), *font_site_files()]


def font_site_files() -> list[SiteFile]:
    """The font files and their licences inside the site."""
    return [SiteFile(source, f"{FONT_DIR}/{name}") for source, name in shipped_font_files()]


def school_css(view: LanguageView) -> str:
    """The school's colours as the theme's CSS variables, and the font served from the site itself."""
    colours = view.charter.school.colours
    rules = []
    for font in font_files():
        rules.append(
            f"@font-face {{ font-family: '{font.family}'; font-style: {font.style}; font-weight: {font.weight}; "
            f"font-display: swap; src: url('../fonts/{font.path.name}') format('woff2'); "
            f"unicode-range: {font.unicode_range}; }}"
        )
    primary, accent, background = colours.primary, colours.accent, colours.background
    rules.append(
        ":root {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {_mix(primary, '#ffffff', 0.2)};\n"
        f"  --md-primary-fg-color--dark: {_mix(primary, '#000000', 0.2)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {readable(accent, background)};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        f"  --md-default-bg-color: {background};\n"
        f"  --md-typeset-a-color: {primary};\n"
        f"  --md-text-font: {FONT_STACK};\n"
        f"  --dc-accent: {accent};\n"
        f"  --dc-primary-tint: {_mix(primary, background, 0.92)};\n"
        "}"
    )
    rules.append(icon_css(view))
    return "\n".join(rules) + "\n"
