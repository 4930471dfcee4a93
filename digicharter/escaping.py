"""One escaping rule per output context: every charter value passes through exactly one of these.

A charter is untrusted input (translations come from volunteers, charters are
copied between schools), and the same value lands in many contexts: HTML text,
an HTML attribute, a CSS string, an inline script, Markdown, YAML front matter,
SVG, PDF metadata. Each context has its own dangerous characters, so each has
one function here that makes *any* string inert there. Templates and engine
configuration call these at the boundary; nothing else escapes by hand.

The functions take a plain ``str`` and return a ``str`` safe to paste into
that context (Jinja templates with autoescape get :class:`markupsafe.Markup`
from the ones that produce markup, so they are not escaped twice).
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from .controls import BIDI_CONTROLS as _BIDI_CONTROLS
from .controls import first_control, terminal_text, without_controls  # noqa: F401 - one of the contexts


def html_text(value: str) -> Markup:
    """A value as HTML text content: ``<``, ``>``, ``&`` and quotes become entities."""
    return escape(without_controls(value))


def as_html_text(value: object) -> object:
    """A Jinja ``finalize``: every plain string a template prints goes through :func:`html_text`.

    Autoescaping would escape it too, but would let control characters through;
    markup we built ourselves (:class:`~markupsafe.Markup`) is left as it is.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return html_text(value)
    return value


def html_attr(value: str) -> Markup:
    """A value inside a double- or single-quoted HTML attribute (never an unquoted one)."""
    return escape(without_controls(value))


_CSS_SAFE = re.compile(r"[A-Za-z0-9 _.,;:!?()\-\u00a0-\uffff]")


def css_string(value: str) -> Markup:
    """A value as a CSS string literal, quotes included (for ``content:``, ``font-family`` …).

    Everything that is not a letter, digit or harmless punctuation is written
    as a hex escape, so neither ``"`` nor ``\\`` nor ``</style>`` can end the
    string, the rule or the style element it sits in. Every hex escape ends
    with a space, which CSS reads as the end of the escape and drops: without
    it a following hex digit (``\\3c 1``) would become part of the code point,
    and a following space would be swallowed.
    """
    out = []
    for char in without_controls(value).replace("\n", " "):
        out.append(char if _CSS_SAFE.fullmatch(char) and char not in "<>&" else f"\\{ord(char):x} ")
    return Markup('"' + "".join(out) + '"')


_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def css_colour(value: str) -> Markup:
    """A colour for CSS or SVG (``#rrggbb``), never anything else.

    Colours are validated when the charter is read (and rejected at
    file:line); this is the boundary's own check, so no colour field can ever
    carry ``; }`` or ``</style>`` into a stylesheet, even if validation missed it.
    """
    if not isinstance(value, str) or not _CSS_COLOUR.fullmatch(value):
        from .errors import InternalError

        raise InternalError(f"not a #rrggbb colour: {str(value)[:40]!r}")
    return Markup(value)


_JS_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def js_json(value: object) -> Markup:
    """Any JSON-able value as a JavaScript literal that is safe inside an inline ``<script>``.

    ``json.dumps`` alone would let ``</script>`` end the element; the
    characters that HTML or older JavaScript parsers treat specially are
    written as ``\\uXXXX`` escapes, which JSON and JavaScript read back unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _JS_UNSAFE[m.group(0)], without_controls(text)))


#: What a Markdown engine or one of its extensions (emphasis, links, raw HTML, entities, attribute
#: lists ``{: …}``, headings, lists, tables) could read as markup in a plain value.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~=&:\"']")
#: What charter markup (``**bold**``, ``*italic*``, ``[links](…)``) may not reach the engine as:
#: raw HTML, and the braces of ``attr_list`` (``{: onclick=… }`` would set an attribute).
#: Runs of spaces and line breaks (not the no-break spaces that keep "8.30 u" together).
_LINE_SPACE = re.compile(r"[ \t\r\n]+")
_MD_MARKUP_SPECIAL = re.compile(r"[<>{}]")


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def markdown_text(value: str) -> str:
    """A plain value (a name, a number, a label) as Markdown that shows exactly these characters.

    Every character that could be read as markup is written as a numeric
    character reference (``&#123;``), not a backslash escape: Python-Markdown
    honours a backslash only before some characters (``\\<`` stays a raw
    ``<``), while every engine decodes a character reference into text and
    no inline or block pattern, ``attr_list`` included, ever sees it.
    """
    return _MD_SPECIAL.sub(_reference, _LINE_SPACE.sub(" ", without_controls(value)).strip(" "))


def markdown_markup(value: str) -> str:
    """A charter text with its allowed inline markup, as Markdown whose markup cannot go further.

    Emphasis and links stay (their targets are checked when the charter is
    read); ``<`` and ``>`` become character references, so no raw HTML (nor
    an ``md_in_html`` block) can start, and so do ``{`` and ``}``, so that
    ``attr_list`` never sees an attribute list a charter wrote.
    """
    return _MD_MARKUP_SPECIAL.sub(_reference, without_controls(value))


#: Characters JSON leaves raw that YAML reads as line breaks or a byte-order mark.
_YAML_UNSAFE = re.compile("[\u2028\u2029\ufeff]")


def yaml_string(value: str) -> str:
    """A value for YAML front matter: a JSON string is a valid YAML double-quoted string.

    Not ``ensure_ascii``: YAML would read a ``\\ud83d\\udcde`` pair as two lone
    surrogates rather than one emoji; the few characters YAML takes for line
    breaks are escaped instead.
    """
    text = json.dumps(without_controls(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def xml_text(value: str) -> str:
    """A value as XML/SVG text or attribute content (``<title>`` of an SVG, a sitemap)."""
    return str(escape(without_controls(value)))


def pdf_metadata(value: str) -> str:
    """A value for a PDF's title, author or keywords: one line, no control characters.

    WeasyPrint encodes the string itself (pydyf writes it as a PDF string with
    its own escaping); what is left to us is keeping it a single, printable line.
    """
    return " ".join(_BIDI_CONTROLS.sub("", without_controls(value)).split())
