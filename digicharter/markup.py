"""The small inline markup charter texts may use: **bold**, *italic* and [links](https://…).

Texts come from people, not programmers, and end up in web pages and PDFs. So
raw HTML is never passed on: a ``<script>`` typed into the YAML is shown as
text. Links are limited to the schemes a charter needs.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from .i18n import _

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel", "sms")
LINK = re.compile(r"\[([^\]\n]*)\]\(\s*([^)\s]*)[^)]*\)")
#: Anything a Markdown engine could take for a link target: ``](target`` (inline, also after nested
#: brackets) or ``[label]: target`` (a reference definition). Deliberately broader than one parser's
#: idea of a link, because the website's engine and ours need not agree on nesting.
_TARGETS = re.compile(r"\]\(\s*<?\s*([^\s)>]*)|^\s{0,3}\[[^\]\n]+\]:\s*<?\s*([^\s>]*)", re.M)


def link_problem(text: str) -> str | None:
    """Why a link in this text is not allowed, or None."""
    for match in _TARGETS.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme not in ALLOWED_SCHEMES:
            return _("the link target '{target}' is not allowed: a link must start with {schemes}").format(
                target=target[:60], schemes=", ".join(s + ":" for s in ALLOWED_SCHEMES))
    return None


def _safe_link(url: str) -> bool:
    return url.split(":", 1)[0].lower() in ALLOWED_SCHEMES if ":" in url else False


_md = MarkdownIt("zero", {"html": False, "breaks": False}).enable(["emphasis", "link", "escape", "newline", "backticks"])
_md.validateLink = _safe_link  # type: ignore[method-assign]


def inline_html(markdown: str) -> str:
    """Inline markup to HTML; anything that looks like HTML comes out as visible text."""
    return _md.renderInline(markdown)


def paragraphs(markdown: str) -> list[str]:
    """Split a multi-paragraph text on blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", markdown) if p.strip()]


_LINE_SPACE = re.compile(r"[ \t\r\n]+")


def one_line(text: str) -> str:
    """The text on one line: runs of spaces and line breaks become one space, no-break spaces stay.

    ``" ".join(text.split())`` would also turn the no-break spaces that keep
    "8.30 u" and "48 uur" together into ordinary, breakable ones.
    """
    return _LINE_SPACE.sub(" ", text).strip(" ")


def plain(markdown: str) -> str:
    """The text without markup, e.g. for a PDF's metadata or a page description."""
    text = LINK.sub(lambda m: m.group(1), markdown)
    return re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text)
