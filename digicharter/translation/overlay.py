"""Fill the charter's texts from the translators' PO files, before the charter is validated as a whole.

A translation applies when the PO entry's context names the text's place and
its source (msgid) is the text as it reads now in the default language. When
the source changed since, or the translator left it fuzzy, the translation is
outdated: it is not published, and ``check`` says so at the text's line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import Problem, display_path
from ..i18n import _
from ..loading.places import describe_place
from ..loading.yaml_loader import LoadedFile
from ..schema.settings import Settings
from .entries import patched, text_entries
from .po_files import po_path, read_translations


def apply_translation_files(directory: Path, files: dict[str, LoadedFile], sections: dict[str, BaseModel],
                            section_model) -> tuple[list[Problem], list[Problem]]:
    """Patch ``files`` and re-validate the touched ``sections`` in place; return (problems, warnings)."""
    settings = sections.get("settings")
    if not isinstance(settings, Settings):
        return [], []
    default = settings.default_language
    default_name = next((lang.name for lang in settings.languages if lang.code == default), default)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    touched: set[str] = set()
    entries = list(text_entries(sections, files, default))
    for language in settings.languages:
        if language.code == default:
            continue
        path = po_path(directory, language.code)
        if not path.is_file():
            continue
        found, broken = read_translations(path)
        problems += broken
        po_shown = display_path(path)
        for entry in entries:
            if entry.text.get(language.code, default) is not None:
                continue
            translation = found.get(entry.context)
            if translation is None or not translation.string:
                continue
            if translation.fuzzy or translation.source != entry.source:
                mark = files[entry.section].mark_for(entry.path)
                warnings.append(Problem(
                    files[entry.section].shown_as, mark.line, mark.column, describe_place(files[entry.section], entry.path),
                    _("the translation into {language} is outdated (its source changed since, or it is marked "
                      "fuzzy): update it in {file} line {line}; until then the {default} text is shown").format(
                        language=language.code, file=po_shown, line=translation.line, default=default_name),
                    severity="warning"))
                continue
            loaded = files[entry.section]
            loaded.data = patched(loaded.data, entry.path, language.code, default, translation.string)
            touched.add(entry.section)
    for section in touched:
        try:
            sections[section] = section_model(section).model_validate(files[section].data)
        except ValidationError as exc:
            from ..loading.error_messages import problems_from_validation

            problems += problems_from_validation(exc, section_model(section), section, files)
            sections.pop(section, None)
    return problems, warnings
