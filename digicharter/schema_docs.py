"""The editors' help texts in other languages: a gettext catalog of its own, ``schema``.

The descriptions of the charter's fields are the models' docstrings, written in
English next to the field they explain. Their translations live in
``digicharter/locale/<lang>/LC_MESSAGES/schema.po`` — a catalog apart from the
messages', because these texts are read while writing the schemas (in every
language of the charter at once), not in the language of one run.

``python -m digicharter.schema_catalog FILE.pot`` writes every text the schemas
translate; ``scripts/messages.sh`` runs it and merges the new ones into each
catalog. A missing translation falls back to English; ``tests/test_schema.py``
fails on it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .i18n import LOCALE_DIR, SOURCE_LANGUAGE

DOMAIN = "schema"


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """English and every language with a catalog of help texts."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE] + [code for code in found if code != SOURCE_LANGUAGE]


@lru_cache(maxsize=None)
def _catalog(language: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    path = catalog_path(language)
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def translate(text: str, language: str) -> str | None:
    """``text`` in ``language``; None when the catalog has no translation for it."""
    if language == SOURCE_LANGUAGE:
        return text
    return _catalog(language).get(text)
