"""Digicharter's own words (``digicharter/defaults/<language>.yaml``) under the labels a charter leaves out.

The website, the bookmark and the slides need some forty words of their own
(menu names, headings, captions). A school should write its content, not those:
so for every language Digicharter has words for, a label that site.yaml,
bookmark.yaml or slides.yaml does not give is taken from here. A label the
school does write wins, in the languages it writes it in.

The words are merged into the raw data *before* the model validates it, so the
renderers see one complete set of labels and a language without defaults is
reported like any other missing text: the label, its file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InternalError
from .yaml_loader import LoadedFile, YamlProblem, load_yaml_file

DEFAULTS_DIR = Path(__file__).resolve().parent.parent / "defaults"

#: The sections (files) whose ``labels`` have defaults.
SECTIONS = ("site", "bookmark", "slides", "calendar")


def languages() -> list[str]:
    """The language codes Digicharter has default words for."""
    return sorted(path.stem for path in DEFAULTS_DIR.glob("*.yaml"))


@lru_cache(maxsize=None)
def words(code: str) -> dict[str, Any]:
    """The default words of one language: ``{section: {"labels": {key: text or nested keys}}}``."""
    path = DEFAULTS_DIR / f"{code}.yaml"
    try:
        data = load_yaml_file(path, path.name).data
    except (OSError, YamlProblem) as exc:
        raise InternalError(f"the default words {path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise InternalError(f"the default words {path} hold no sections")
    return data


def fill_defaults(files: dict[str, LoadedFile]) -> None:
    """Complete the ``labels`` of site.yaml, bookmark.yaml and slides.yaml with the default words, in place.

    The languages are those charter.yaml declares; without a readable
    charter.yaml nothing is filled in (its own problems are reported, and the
    other files' labels are then checked as written).
    """
    settings = files.get("settings")
    if settings is None or not isinstance(settings.data, dict):
        return
    declared = _declared_languages(settings.data)
    default_language = settings.data.get("default_language")
    if not isinstance(default_language, str):
        default_language = None
    known = [code for code in declared if code in languages()]
    if not known:
        return
    for section in SECTIONS:
        loaded = files.get(section)
        if loaded is None or not isinstance(loaded.data, dict):
            continue
        tree = _combined(section, tuple(known))
        # 'labels:' with nothing (or only comments) under it reads as None: all defaults.
        loaded.data["labels"] = _merge(tree, loaded.data.get("labels"), default_language)


def _declared_languages(settings: dict[str, Any]) -> list[str]:
    entries = settings.get("languages")
    if not isinstance(entries, list):
        return []
    return [entry["code"] for entry in entries if isinstance(entry, dict) and isinstance(entry.get("code"), str)]


class _Leaf(dict):
    """One label's default text per language (a mapping the school's value is merged into)."""


def _combined(section: str, codes: tuple[str, ...]) -> dict[str, Any]:
    """The defaults of ``section``'s labels in every language of ``codes``: nested keys, leaves per language."""
    combined: dict[str, Any] = {}
    for code in codes:
        labels = words(code).get(section, {}).get("labels", {})
        _add(combined, labels, code)
    return combined


def _add(target: dict[str, Any], source: dict[str, Any], code: str) -> None:
    for key, value in source.items():
        if isinstance(value, dict):
            _add(target.setdefault(key, {}), value, code)
        else:
            target.setdefault(key, _Leaf())[code] = value


def _merge(defaults: dict[str, Any], given: Any, default_language: str | None) -> Any:
    """The school's labels over the defaults: per key, and per language within a key."""
    if not isinstance(given, dict):
        given = {} if given is None else given
    if not isinstance(given, dict):
        return given  # a list or a text where labels belong: the model reports it
    merged: dict[str, Any] = {}
    for key, default in defaults.items():
        if key not in given:
            merged[key] = _fresh(default)
        elif isinstance(default, _Leaf):
            merged[key] = _merge_text(default, given[key], default_language)
        elif isinstance(given[key], dict):
            merged[key] = _merge(default, given[key], default_language)
        else:
            merged[key] = given[key]
    for key, value in given.items():
        if key not in merged:
            merged[key] = value  # an unknown label: the model reports it, at its line
    return merged


def _merge_text(default: _Leaf, given: Any, default_language: str | None) -> Any:
    if isinstance(given, dict) and all(isinstance(code, str) and code for code in given):
        return {**default, **given}
    if isinstance(given, str) and given.strip() and default_language is not None:
        return {**default, default_language: given}  # a plain text is in the default language
    return given  # anything else is the school's own mistake, reported as written


def _fresh(default: Any) -> Any:
    """A plain copy, so that no two charters share (and change) one mapping."""
    if isinstance(default, dict):
        return {key: _fresh(value) for key, value in default.items()}
    return default
