"""The charter as one language sees it: every text resolved, every fact written out.

Renderers never pick languages or fill in facts themselves; they ask a
:class:`LanguageView`. That keeps "one fact, one place" true for all outputs and
makes a new language a matter of data.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from babel import Locale

from .facts import PARTS, REFERENCE, Fact, Reference, resolve
from .escaping import markdown_markup
from .markup import inline_html, plain
from .typography import join_list, label_separator, punctuate
from .schema import Charter
from .schema.agreements import Agreement
from .schema.base import Text
from .schema.channels import Channel
from .schema.settings import Language

Mode = Literal["plain", "markdown", "html"]

#: Where an e-mail address may break (after its @): becomes <wbr> once the text is HTML or Markdown.
_BREAK_AFTER_AT = "\ue000"


def text_in(text: Text, language: str, default_language: str) -> str:
    """The text in ``language``, falling back to the default language (the checker warns about that)."""
    return text.resolve(language, default_language)


@dataclass
class LanguageView:
    """Read-only access to a charter in one language."""

    charter: Charter
    language: Language

    @property
    def code(self) -> str:
        return self.language.code

    @cached_property
    def direction(self) -> Literal["ltr", "rtl"]:
        """The language's writing direction, from CLDR (Babel): rtl for Arabic, Hebrew, Persian …"""
        return "rtl" if Locale.parse(self.language.locale).text_direction == "rtl" else "ltr"  # type: ignore[return-value]

    def isolated(self, value: str) -> str:
        """A fact inside right-to-left text, kept left to right when it holds no right-to-left letter.

        A phone number, an e-mail address or 16:00 in an Arabic sentence
        would otherwise be reordered by the bidi algorithm ("56 34 12 016").
        Unicode's isolates (LRI … PDI) work the same in HTML, PDF and PowerPoint.
        """
        if self.direction != "rtl" or any(unicodedata.bidirectional(c) in ("R", "AL") for c in value):
            return value
        return f"\u2066{value}\u2069"

    @property
    def is_default(self) -> bool:
        return self.code == self.charter.settings.default_language

    def fact(self, ref: Reference) -> Fact:
        return resolve(self.charter, ref, self.code, self.language.locale, self.language.time_format)

    def raw(self, text: Text | None) -> str:
        """The text in this language with its references written out as plain text."""
        if text is None:
            return ""
        fallback = self.fallback_language(text)
        if fallback is not None:
            return self._isolate(fallback, self._view_in(fallback).raw(text))
        return self._fill(self._prose(text), "plain")

    def text(self, text: Text | None, mode: Mode = "html") -> str:
        """The text ready for an output: ``html`` (escaped, links), ``markdown`` or ``plain``."""
        if text is None:
            return ""
        fallback = self.fallback_language(text)
        if fallback is not None:  # the whole text in the fallback language, its facts included
            shown = self._view_in(fallback).text(text, mode)
            if mode == "plain":
                return self._isolate(fallback, shown)
        else:
            source = self._prose(text)
            if mode == "plain":
                return plain(self._fill(source, "plain"))
            filled = self._fill(source, "link")
            shown = inline_html(filled) if mode == "html" else markdown_markup(filled)
            return shown.replace(_BREAK_AFTER_AT, self._break_after_at(mode))
        # A text not yet translated shows in the default language, marked as such for screen
        # readers, hyphenation and the bidi algorithm (a Dutch line inside an Arabic page).
        return f'<span lang="{fallback}" dir="{self._directions[fallback]}">{shown}</span>'

    def _break_after_at(self, mode: Mode) -> str:
        """What marks the place after an address's @ where a line may break: ``<wbr>``, or nothing.

        Right to left, an address is isolated left to right; a browser breaks it
        there and keeps each line's half in order, but WeasyPrint reorders the
        halves around the break. Markdown is read by browsers only (the website's
        pages), so it keeps the break in every direction; HTML, which the PDFs
        are made of too, keeps it only left to right.
        """
        return "<wbr>" if mode == "markdown" or self.direction != "rtl" else ""

    def _prose(self, text: Text) -> str:
        """The text as typed in this language, with the language's spacing before punctuation (French)."""
        return punctuate(text_in(text, self.code, self.charter.settings.default_language), self.language.locale)

    def separator(self) -> str:
        """Between a label and its value: ": ", or what the language writes instead."""
        return label_separator(self.language.locale)

    def join(self, items) -> str:
        """Items joined as the language lists them ("A, B en C")."""
        return join_list(items, self.language.locale)

    def fallback_language(self, text: Text) -> str | None:
        """The language ``text`` is shown in when it has no translation into this one, else None."""
        default = self.charter.settings.default_language
        if text.get(self.code, default) is not None:
            return None
        return default if text.get(default, default) is not None else None

    @cached_property
    def _directions(self) -> dict[str, str]:
        return {lang.code: ("rtl" if Locale.parse(lang.locale).text_direction == "rtl" else "ltr")
                for lang in self.charter.settings.languages}

    def _view_in(self, code: str) -> "LanguageView":
        """The view of the fallback language, made once per view (a language in progress asks often)."""
        if code not in self._fallback_views:
            language = next(lang for lang in self.charter.settings.languages if lang.code == code)
            self._fallback_views[code] = LanguageView(self.charter, language)
        return self._fallback_views[code]

    @cached_property
    def _fallback_views(self) -> dict[str, "LanguageView"]:
        return {}

    def _isolate(self, fallback: str, shown: str) -> str:
        """Plain text has no lang attribute: a fallback of the other direction is isolated instead."""
        if self._directions.get(fallback) == self.direction or not shown:
            return shown
        return ("\u2066" if self._directions.get(fallback) == "ltr" else "\u2067") + shown + "\u2069"

    def _fill(self, source: str, how: str) -> str:
        def replace(match) -> str:
            if match.group(1) not in PARTS:  # a pattern's own fill-in such as {start}: the caller fills it
                return match.group(0)
            fact = self.fact(Reference(match.group(1), match.group(2), match.group(3), match.group(0)))
            display = self.isolated(fact.display)
            if how == "link" and fact.href:
                label = _escape_md(display)
                # A narrow screen breaks an address after its @, not in a word (see _break_after_at).
                if fact.href.startswith("mailto:"):
                    label = label.replace("@", "@" + _BREAK_AFTER_AT, 1)
                return f"[{label}]({fact.href})"
            return display if how == "plain" else _escape_md(display)

        return REFERENCE.sub(replace, source).replace("{{", "{").replace("}}", "}")

    # ----------------------------------------------------------------- lookups

    @cached_property
    def channels(self) -> list[Channel]:
        return list(self.charter.channels.channels)

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.charter.channels.channels if c.id == channel_id)

    @cached_property
    def all_agreements(self) -> list[Agreement]:
        """Quality-card agreements first, then protocol rules: the one namespace of rule ids."""
        return self.charter.all_rules()

    def agreement(self, agreement_id: str) -> Agreement:
        return next(a for a in self.all_agreements if a.id == agreement_id)

    def agreements_for(self, channel_id: str) -> list[Agreement]:
        return [a for a in self.all_agreements if a.channel == channel_id]

    def role_name(self, role_id: str) -> str:
        role = next(r for r in self.charter.school.roles if r.id == role_id)
        return self.raw(role.name)

    def agreements_serving(self, code: str) -> list[Agreement]:
        return [a for a in self.all_agreements if code in a.ok]


def _escape_md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")


def views(charter: Charter) -> list[LanguageView]:
    """One view per declared language, the default language first."""
    default = charter.settings.default_language
    languages = sorted(charter.settings.languages, key=lambda lang: lang.code != default)
    return [LanguageView(charter, lang) for lang in languages]
