"""Messages in the editor's language: gettext catalogs, extracted and read with Babel.

Every message is written in English in the code, wrapped in ``_()`` (or
``ngettext`` when it counts something), with *named* placeholders, and is
formatted *after* translation, so a translation may put the parts in its own
order::

    from i18n import _, ngettext

    _("unknown channel '{channel}'").format(channel=value)
    ngettext("{count} problem found", "{count} problems found", n).format(count=n)

A table of texts built at import time marks them with ``N_()`` and
translates them where they are used: ``_(TABLE[key])``.

**After adding or changing a message** run ``scripts/messages.sh``: it
extracts every message into ``digicharter/locale/digicharter.pot``
(``pybabel extract``, configured in ``babel.cfg``) and merges the new ones into
each catalog ``digicharter/locale/<lang>/LC_MESSAGES/digicharter.po``. Translate
the new entries there (and delete their ``#, fuzzy`` line once the guess is
checked); ``tests/test_i18n.py`` fails while a message has no translation.
Another language is one more catalog (``scripts/messages.sh init fr``), no code.

Which language: ``--lang``, else the environment as gettext reads it
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else — once charter.yaml
is read — the charter's default language, else English.

The ``.po`` files are read directly at run time (compiled in memory, without
fuzzy entries): a pip install, an editable install and a source checkout all
work without a compile step, and there is no ``.mo`` file that can go stale.
"""

from __future__ import annotations

import gettext
import io
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "digicharter"
#: The language the messages are written in (no catalog of its own).
SOURCE_LANGUAGE = "en"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: The language chosen by --lang or the environment (None: let the charter decide), and the one in use.
_state: dict[str, str | None] = {"chosen": None, "active": SOURCE_LANGUAGE, "configured": None}


def available() -> list[str]:
    """The languages messages can be shown in: English and every catalog."""
    return list(_catalogs())


@lru_cache(maxsize=1)
def _catalogs() -> tuple[str, ...]:
    """The catalogs shipped with the package, looked up once: a check asks for them at every text it names."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def _language_of(value: str) -> str:
    """``nl_BE.UTF-8`` → ``nl``; ``C`` and ``POSIX`` → ``""``."""
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if code in ("c", "posix") else code


def from_environment(environ: dict[str, str] | None = None) -> str | None:
    """The messages' language the environment asks for, in gettext's order, if there is a catalog for it."""
    environ = os.environ if environ is None else environ
    known = available()
    for name in _ENVIRONMENT:
        value = environ.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE":  # a list of preferences, e.g. nl:en
            for part in value.split(":"):
                if _language_of(part) in known:
                    return _language_of(part)
            continue
        code = _language_of(value)
        return code if code in known else None
    return None


def setup(lang: str | None = None) -> None:
    """Choose the messages' language: ``lang`` (the --lang option), else the environment."""
    chosen = _language_of(lang) if lang else from_environment()
    if chosen is not None and chosen not in available():
        chosen = None
    _state["chosen"] = chosen
    _state["active"] = chosen or SOURCE_LANGUAGE
    _state["configured"] = "yes"


def reset() -> None:
    """Forget every choice (tests): the next message reads the environment again."""
    _state.update(chosen=None, active=SOURCE_LANGUAGE, configured=None)


def use_charter_language(code: object) -> None:
    """The charter's default language is known: use it for messages unless --lang or the environment chose."""
    _ensure()
    if _state["chosen"] is None and isinstance(code, str):
        language = _language_of(code)
        _state["active"] = language if language in available() else SOURCE_LANGUAGE


def current() -> str:
    _ensure()
    return _state["active"] or SOURCE_LANGUAGE


def _ensure() -> None:
    if _state["configured"] is None:
        setup(None)


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language`` as gettext translations (fuzzy entries left out)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """``message`` in the messages' language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the messages' language."""
    return translations(current()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a text for translation without translating it yet (tables built at import time)."""
    return message


@contextmanager
def using(language: str) -> Iterator[None]:
    """Messages in ``language`` (English if it has no catalog) inside the block, e.g. for one page's banner."""
    _ensure()
    saved = dict(_state)
    code = _language_of(language)
    _state["chosen"] = _state["active"] = code if code in available() else SOURCE_LANGUAGE
    try:
        yield
    finally:
        _state.update(saved)
