"""Load ``charter/*.yaml`` into one validated :class:`~digicharter.schema.Charter`.

All problems are collected and reported together (as MkDocs does for its
config), so an editor fixes a batch of mistakes per run, not one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import CharterError, Problem, display_path
from ..schema import SECTION_FILES, Charter
from ..validation.context import CheckContext
from ..validation.references import CHECKS
from ..validation.translations import check_translations
from .error_messages import did_you_mean, problems_from_validation
from .yaml_loader import LoadedFile, YamlProblem, load_yaml_file


@dataclass
class LoadResult:
    """A valid charter, the warnings found on the way, and the files it came from."""

    charter: Charter
    warnings: list[Problem] = field(default_factory=list)
    files: dict[str, LoadedFile] = field(default_factory=dict)


def read_files(directory: Path, *, typed_numbers: bool = False) -> dict[str, LoadedFile]:
    """Read every section file as YAML; raise :class:`CharterError` with all that is wrong."""
    shown_dir = display_path(directory)
    if not directory.is_dir():
        raise CharterError([Problem(shown_dir, 0, 0, "", "this charter folder does not exist")])
    problems: list[Problem] = []
    expected = set(SECTION_FILES.values())
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in expected:
            problems.append(
                Problem(
                    display_path(path), 0, 0, "",
                    f"unknown charter file{did_you_mean(path.name, sorted(expected))} "
                    f"(expected files: {', '.join(SECTION_FILES.values())})",
                )
            )
    files: dict[str, LoadedFile] = {}
    for section, name in SECTION_FILES.items():
        path = directory / name
        shown = display_path(path)
        if not path.is_file():
            problems.append(Problem(shown, 0, 0, "", f"this file is missing; every charter has a {name}"))
            continue
        try:
            loaded = load_yaml_file(path, shown, typed_numbers=typed_numbers)
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(shown, 0, 0, "", f"cannot read this file: {exc.strerror}"))
            continue
        if not isinstance(loaded.data, dict):
            received = "an empty file" if loaded.data is None else "a list or a single value"
            problems.append(Problem(shown, 1, 1, "", f"expected keys with values at the top of the file, received {received}"))
            continue
        files[section] = loaded
    if problems:
        raise CharterError(problems)
    return files


def load_charter(directory: Path, *, strict: bool = False) -> LoadResult:
    """Read, validate and cross-check a charter folder.

    Raises :class:`CharterError` listing every problem; returns the charter
    and the warnings (missing translations when not ``strict``).
    """
    files = read_files(directory)
    try:
        charter = Charter.model_validate({section: loaded.data for section, loaded in files.items()})
    except ValidationError as exc:
        raise CharterError(problems_from_validation(exc, Charter, files)) from None
    ctx = CheckContext(files)
    for check in CHECKS:
        check(charter, ctx)
    check_translations(charter, ctx, strict)
    errors = [p for p in ctx.problems if p.severity == "error"]
    if errors:
        raise CharterError(ctx.problems)
    return LoadResult(charter, sorted(ctx.problems), files)
