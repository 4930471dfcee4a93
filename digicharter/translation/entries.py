"""Every translatable text of a charter, with what a translator needs to know about it.

A text is identified by a context that names its file and its item the way
the editor reads it ("protocol.yaml | agreement 'p-teachers-answer' | text"):
it survives reordering, and it says where to look. The context is always
written in English so it does not change with the language of the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel

from .. import i18n
from ..loading.places import describe_place
from ..loading.yaml_loader import DataPath, LoadedFile
from ..schema import SECTION_FILES
from ..schema.base import Text
from ..validation.translations import language_neutral
from ..validation.walk import texts

#: Where each section's texts appear; a text's own key can say more (see _outputs).
_SECTION_OUTPUTS = {
    "site": ("website",),
    "bookmark": ("bookmark",),
    "slides": ("slides",),
}


@dataclass(frozen=True)
class TextEntry:
    """One text to translate."""

    section: str
    path: DataPath
    context: str
    source: str
    text: Text
    line: int
    outputs: tuple[str, ...]
    room: int | None


def context_of(section: str, loaded: LoadedFile, path: DataPath) -> str:
    """The stable, English name of a text's place: file, item and key."""
    with i18n.using("en"):
        place = describe_place(loaded, path)
    return f"{SECTION_FILES[section]} | {place}"


def _outputs(section: str, path: DataPath) -> tuple[str, ...]:
    if section in _SECTION_OUTPUTS:
        return _SECTION_OUTPUTS[section]
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if key == "short":
        return ("bookmark", "slides")
    if section in ("agreements", "protocol", "channels", "school", "times"):
        return ("website", "bookmark", "slides")
    return ("website",)


def _room(path: DataPath, source: str) -> int | None:
    """Short forms sit on a bookmark line or a slide: a translation has about the source's room."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if key in ("short", "name", "label", "title") or len(source) <= 60:
        return max(12, round(len(source) * 1.2))
    return None


def text_entries(sections: dict[str, BaseModel], files: dict[str, LoadedFile], default_language: str) -> Iterator[TextEntry]:
    """Every text of the valid sections that has a source in the default language, in file order."""
    for section in SECTION_FILES:
        if section not in sections or sections[section] is None or section not in files:
            continue
        loaded = files[section]
        for path, text in texts(sections[section]):
            source = text.get(default_language, default_language)
            if source is None or text.same or (len(text.values) == 1 and language_neutral(source)):
                continue
            yield TextEntry(section, path, context_of(section, loaded, path), source, text,
                            loaded.mark_for(path).line,
                            _outputs(section, path), _room(path, source))


def patched(data: Any, path: DataPath, language: str, default_language: str, translation: str) -> Any:
    """``data`` with ``translation`` added at ``path`` for ``language`` (a plain string becomes a mapping)."""
    if not path:
        if isinstance(data, dict):
            return {**data, language: translation}
        return {default_language: data, language: translation}
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: patched(data[head], rest, language, default_language, translation)}
    if isinstance(data, list):
        copy = list(data)
        copy[head] = patched(copy[head], rest, language, default_language, translation)  # type: ignore[index]
        return copy
    raise KeyError(path)
