"""``charter.yaml``: the charter as a whole — its languages and where it is published."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, HttpUrl

from .refs import Defines, Ref
from .base import LocalizedText, StrictModel


class Language(StrictModel):
    """One language the charter is published in. Adding a language is adding one of these."""

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    """The language code, e.g. nl or en. Texts use it as key; the website puts it in the address (/en/)."""
    name: str = Field(min_length=1)
    """The language's name in that language, as the language switcher shows it, e.g. Nederlands."""
    locale: str = Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")
    """The locale for numbers, times and durations (CLDR), e.g. nl_BE or en_GB."""
    time_format: str = "HH:mm"
    """How clock times are written in this language, as a CLDR pattern: "H.mm 'u'" gives 17.00 u, "HH:mm" gives 17:00."""
    complete: bool = True
    """false while the translation is in progress: it can be published, missing texts show in the default language, and check --strict does not fail on them."""


class Settings(StrictModel):
    """The charter's title, languages and web address."""

    title: LocalizedText
    """The charter's title, as the website and the outputs show it."""
    short_title: LocalizedText | None = None
    """The title where space is short: the website's header on a phone and browser tabs. Default: the title."""
    description: LocalizedText
    """One sentence on what the charter is, for search engines and link previews."""
    languages: Annotated[list[Language], Defines("languages", key="code")] = Field(min_length=1)
    """The languages the charter is published in. The first one need not be the default."""
    default_language: Annotated[str, Ref("languages")]
    """The code of the language that plain (untranslated) texts are written in; the website shows it at /."""
    site_url: HttpUrl
    """The address where the website is published, e.g. https://digicharter.school.be/ (the bookmark's QR code opens it)."""
