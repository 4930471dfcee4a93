"""``digicharter translations LANGUAGE``: write the PO file a translator fills in."""

from __future__ import annotations

from pathlib import Path

from .. import i18n
from ..errors import DigicharterError
from ..i18n import _
from ..loading.charter_loader import load_charter
from ..reproducible import source_date_epoch
from ..schema import SECTION_FILES
from .entries import text_entries
from .po_files import po_path, write_catalog


def export_translations(charter_dir: Path, language: str) -> tuple[Path, dict[str, int]]:
    """Write or update ``charter_dir/translations/LANGUAGE.po``; return its path and the counts."""
    result = load_charter(charter_dir, strict=False)
    charter = result.charter
    settings = charter.settings
    codes = [lang.code for lang in settings.languages]
    if language == settings.default_language:
        raise DigicharterError(_("{language} is the charter's default language: its texts are the source, "
                                 "there is nothing to translate").format(language=language))
    if language not in codes:
        raise DigicharterError(_("the charter has no language '{language}': add it under languages: in charter.yaml "
                                 "first (declared: {codes})").format(language=language, codes=", ".join(codes)))
    sections = {name: getattr(charter, name) for name in SECTION_FILES}
    entries = list(text_entries(sections, result.files, settings.default_language))
    path = po_path(charter_dir, language)
    comment_language = settings.default_language if settings.default_language in i18n.available() else "en"
    with i18n.using(comment_language):
        counts = write_catalog(path, language, entries, settings.default_language, charter.school.name,
                               source_date_epoch())
    return path, counts
