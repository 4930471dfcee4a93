"""Load ``charter/*.yaml`` into one validated :class:`~digicharter.schema.Charter`.

All problems are collected and reported together (as MkDocs does for its
config), so an editor fixes a batch of mistakes per run, not one: a broken
file hides only the checks that need it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .. import i18n
from ..errors import CharterError, Problem, display_path
from ..i18n import _
from ..os_errors import os_error_reason
from ..schema import OPTIONAL_SECTIONS, SECTION_FILES, Charter
from ..schema.base import StrictModel
from ..validation.context import CheckContext, PartialCharter, section_model
from ..validation.references import CHECKS
from ..translation.overlay import apply_translation_files
from ..validation.translations import check_translations
from .defaults import fill_defaults
from .error_messages import did_you_mean, problems_from_validation
from .yaml_loader import LoadedFile, YamlProblem, load_yaml_file


#: Files a charter folder may hold that are not part of the published charter (read by their own commands).
PRIVATE_FILES = frozenset({"classes.yaml"})


@dataclass
class LoadResult:
    """A valid charter, the warnings found on the way, and the files it came from."""

    charter: Charter
    warnings: list[Problem] = field(default_factory=list)
    files: dict[str, LoadedFile] = field(default_factory=dict)


def read_files(directory: Path, *, typed_numbers: bool = False) -> dict[str, LoadedFile]:
    """Read every section file as YAML; raise :class:`CharterError` with all that is wrong."""
    files, problems = read_each_file(directory, typed_numbers=typed_numbers)
    if problems:
        raise CharterError(problems)
    return files


def read_each_file(directory: Path, *, typed_numbers: bool = False) -> tuple[dict[str, LoadedFile], list[Problem]]:
    """Every section file that reads as YAML, and the problems of those that do not (or are missing)."""
    shown_dir = display_path(directory)
    if not directory.is_dir():
        raise CharterError([Problem(shown_dir, 0, 0, "", _("this charter folder does not exist"))])
    problems: list[Problem] = []
    expected = set(SECTION_FILES.values())
    files: dict[str, LoadedFile] = {}
    for section, name in SECTION_FILES.items():
        path = directory / name
        shown = display_path(path)
        if not path.is_file() and section in OPTIONAL_SECTIONS and not path.exists() and not path.is_symlink():
            continue
        if not path.is_file() and not path.is_symlink():  # a broken link is reported as what it is, below
            problems.append(Problem(shown, 0, 0, "", _("this file is missing; every charter has a {file}").format(file=name)))
            continue
        try:
            loaded = load_yaml_file(path, shown, typed_numbers=typed_numbers)
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(shown, 0, 0, "", _("cannot read this file: {reason}").format(reason=os_error_reason(exc))))
            continue
        if not isinstance(loaded.data, dict):
            received = _("an empty file") if loaded.data is None else _("a list or a single value")
            problems.append(
                Problem(shown, 1, 1, "", _("expected keys with values at the top of the file, received {received}").format(
                    received=received))
            )
            continue
        if section == "settings":
            # From here on the messages may speak the charter's language (unless --lang or LANG chose).
            i18n.use_charter_language(loaded.data.get("default_language"))
        files[section] = loaded
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in expected and path.name not in PRIVATE_FILES:
            problems.append(
                Problem(
                    display_path(path), 0, 0, "",
                    _("unknown charter file{did_you_mean} (expected files: {files})").format(
                        did_you_mean=did_you_mean(path.name, sorted(expected)), files=", ".join(SECTION_FILES.values())),
                )
            )
    return files, problems


def load_charter(directory: Path, *, strict: bool = False) -> LoadResult:
    """Read, validate and cross-check a charter folder.

    Raises :class:`CharterError` listing every problem; returns the charter
    and the warnings (missing translations when not ``strict``).

    Every file that reads is validated, and every valid file is cross-checked,
    even when another file is broken: a check that needs a broken file is
    skipped, and a note says what was not checked because of it.
    """
    files, problems = read_each_file(directory)
    fill_defaults(files)
    sections: dict[str, StrictModel] = {}
    for section, loaded in files.items():
        model = section_model(section)
        try:
            sections[section] = model.model_validate(loaded.data)
        except ValidationError as exc:
            problems += problems_from_validation(exc, model, section, files)
    po_problems, po_warnings = apply_translation_files(directory, files, sections, section_model)
    problems += po_problems + po_warnings
    absent = frozenset(s for s in OPTIONAL_SECTIONS if s not in files and not (directory / SECTION_FILES[s]).exists())
    if all(s in sections or s in absent for s in SECTION_FILES):
        charter: Charter | PartialCharter = Charter.model_validate(sections)
    else:
        charter = PartialCharter(sections, absent)
    ctx = CheckContext({s: files[s] for s in sections})
    for check in CHECKS:
        check(charter, ctx)
    check_translations(charter, ctx, strict)
    problems += ctx.problems
    shown = {section: display_path(directory / name) for section, name in SECTION_FILES.items()}
    problems += ctx.skipped_notes(shown, unreadable={s for s in SECTION_FILES if s not in files and s not in absent})
    if any(p.severity == "error" for p in problems):
        raise CharterError(problems)
    assert isinstance(charter, Charter)
    return LoadResult(charter, sorted(ctx.problems + po_warnings), files)
