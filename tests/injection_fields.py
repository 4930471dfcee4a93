"""Every string a charter can hold, found from the model, and a charter copy with payloads in all of them.

The injection test must not depend on someone remembering to list a new field:
the fields are found by walking the pydantic model of each charter file
(:data:`digicharter.schema.charter.SECTION_FILES`) alongside the example
charter's data. Every ``str`` field and every text (``LocalizedText``) is a
target, in every declared language; an optional field the example leaves out
is added. A list of items the example leaves out (the slide outline) gets
items from :data:`SEEDS` first: the seed gives the places, the model the
fields, so a field added to such an item later is attacked too.
:func:`unreached` names any field still without a place.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel

from digicharter.loading.charter_loader import read_files
from digicharter.loading.defaults import fill_defaults
from digicharter.loading.yaml_loader import DataPath, load_yaml_file
from digicharter.schema.base import PhoneNumber, Text
from digicharter.schema.charter import SECTION_FILES, Charter

#: The payloads by family; the test puts all of them into every field at once.
#: ``digipayload`` is a word of its own in each family, for the search box to find.
#: ``{PORT}`` is the port of the test's own HTTP server, which no build may reach.
FAMILIES: dict[str, tuple[str, ...]] = {
    "html": (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "'><b onmouseover=alert(1)> digipayload </b>",
        "</style><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
    ),
    "markdown": (
        "See **digipayload**{{: onclick=alert(1) }}",
        '[x](https://example.org/){{: href="javascript:alert(2)" }}',
        "<a href='jav&#x61;script:alert(3)'>j</a>",
        '<a href=" javascript:alert(4)">k</a>',
        "jav&#x61;script:alert(5)",
        " javascript:alert(6)",
    ),
    "fetch": (
        "</style><a rel=attachment href=file:///etc/passwd> digipayload </a>",
        "<img src=http://127.0.0.1:{PORT}/img>",
        "<link rel=stylesheet href=http://127.0.0.1:{PORT}/css>",
        "</style><style>@import url(http://127.0.0.1:{PORT}/import);</style>",
        "<iframe src=http://127.0.0.1:{PORT}/frame></iframe>",
    ),
}


#: Items for the lists the example charter leaves out, appended to its files before the fields are found.
#: Each kind of item once, with valid references: a payload in a reference or a choice is then refused
#: at its line and the seed's value stays.
SEEDS: dict[str, str] = {
    "site.yaml": """
engine: mkdocs
""",
    "slides.yaml": """
outline:
  - show: title
  - show: text
    heading: {nl: Welkom, en: Welcome}
    text: {nl: Fijn dat u er bent., en: Glad you came.}
    points:
      - {nl: Koffie achteraan, en: Coffee at the back}
    notes:
      - {nl: Stel het team voor., en: Introduce the team.}
  - show: channel
    channel: phone
    agreements: [quiet-hours]
  - show: protocol
    section: parents
  - show: questions
""",
}


def seed(charter_dir: Path) -> None:
    """Append :data:`SEEDS` to a copy of the example charter (the keys are ones the example leaves out)."""
    for file, text in SEEDS.items():
        path = charter_dir / file
        assert text.split(":", 1)[0].strip() + ":" not in path.read_text(encoding="utf-8").splitlines(), file
        with path.open("a", encoding="utf-8") as out:
            out.write(text)


@dataclass(frozen=True)
class Target:
    """One string in one charter file: where it is, which field of the schema, and whether it is a text."""

    file: str
    path: DataPath
    field: str
    """The field in the schema, positions left out: e.g. ``channels.yaml:channels[].name``, ``times.yaml:times{}``."""
    is_text: bool


def _unwrap(annotation: Any) -> list[Any]:
    """The types an annotation allows, with ``Annotated`` and ``Optional`` taken off."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = []
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                found.extend(_unwrap(arg))
        return found
    return [annotation]


def _is_string(kind: Any) -> bool:
    """Whether the charter writes this type as a YAML string (a clock time and a phone number are typed as text)."""
    if kind in (str, time, PhoneNumber):
        return True
    return typing.get_origin(kind) is Literal and all(isinstance(v, str) for v in typing.get_args(kind))


def _walk(annotation: Any, data: Any, where: tuple[str, DataPath, str], found: list[Target], schema: set[str]) -> None:
    """Collect the targets under ``data`` (typed ``annotation``); ``schema`` gets every string field, reached or not."""
    file, path, field = where
    for kind in _unwrap(annotation):
        if kind is Text or _is_string(kind):
            is_text = kind is Text
            schema.add(field)
            if data is None or isinstance(data, dict if is_text else str) or isinstance(data, str):
                found.append(Target(file, path, field, is_text))
            return
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if data is not None and not isinstance(data, dict):
                return
            for name, info in kind.model_fields.items():
                value = data.get(name) if isinstance(data, dict) else None
                probe = found if data is not None else []
                _walk(info.annotation, value, (file, (*path, name), f"{field}.{name}"), probe, schema)
            return
        origin = typing.get_origin(kind)
        if origin in (list, tuple, dict):
            args = typing.get_args(kind)
            item = args[-1] if origin is dict else args[0]
            mark = "{}" if origin is dict else "[]"
            _walk(item, None, (file, path, field + mark), [], schema)  # the schema's fields, even with no items
            if origin is dict and isinstance(data, dict):
                entries = list(data.items())
            elif origin is not dict and isinstance(data, list):
                entries = list(enumerate(data))
            else:
                entries = []
            if not entries and origin is list and any(k is Text or _is_string(k) for k in _unwrap(item)):
                entries = [(0, None)]  # an empty list of strings gets one, so its items are attacked too
            for key, value in entries:
                _walk(item, value, (file, (*path, key), field + mark), found, schema)
            return


@dataclass
class Charter_:
    """The example charter's files as data, and every target in them."""

    data: dict[str, Any]
    targets: list[Target]
    schema: set[str]
    """Every string field of the schema (as :attr:`Target.pattern`), whether the example reaches it or not."""
    languages: list[str]


def read(charter_dir: Path) -> Charter_:
    """The data of every file of ``charter_dir`` and every string field in it."""
    data = {}
    targets: list[Target] = []
    schema: set[str] = set()
    # The files as the model sees them: Digicharter's default words filled in under the labels a
    # charter leaves out, so that those are attacked too (a school may write every one of them).
    files = read_files(charter_dir)
    fill_defaults(files)
    for section, file in SECTION_FILES.items():
        if section not in files:
            continue
        data[file] = files[section].data
        section_model = Charter.model_fields[section].annotation
        _walk(section_model, data[file], (file, (), file + ":"), targets, schema)
    languages = [language["code"] for language in data["charter.yaml"]["languages"]]
    return Charter_(data, targets, schema, languages)


def unreached(charter: Charter_) -> set[str]:
    """Fields of the schema the example charter gives no place to (inside a list or mapping it leaves empty)."""
    return charter.schema - {t.field for t in charter.targets}


def _set(data: Any, path: DataPath, value: Any) -> None:
    """Put ``value`` at ``path``, making the mappings and lists on the way that the example leaves out."""
    for step, following in zip(path, (*path[1:], None)):
        new = value if following is None else ([] if isinstance(following, int) else {})
        if isinstance(data, list):
            if step == len(data):
                data.append(new)
            elif following is None:
                data[step] = new
        elif following is None or data.get(step) is None:
            data[step] = new
        data = data[step]


def _get(data: Any, path: DataPath) -> Any:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def write(charter_dir: Path, source: Charter_, values: dict[Target, str]) -> dict[Target, set[int]]:
    """Write the charter with ``values`` in place of the targets' strings; return each target's lines.

    A text gets the value in every declared language. The files are dumped
    as plain YAML (comments are lost, which no test needs), then read again
    with the project's own loader to learn the line of every value.
    """
    data = _plain(source.data)
    for target, value in values.items():
        new: Any = {code: value for code in source.languages} if target.is_text else value
        _set(data[target.file], target.path, new)
    for file, content in data.items():
        (charter_dir / file).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False),
            encoding="utf-8",
        )
    lines: dict[Target, set[int]] = {}
    for file in data:
        loaded = load_yaml_file(charter_dir / file, file)
        for target in values:
            if target.file == file:
                paths = [target.path, *((*target.path, code) for code in source.languages)] if target.is_text else [target.path]
                if target.path and isinstance(target.path[-1], int):
                    paths.append(target.path[:-1])  # an item the list may not have is refused at the list's key
                lines[target] = {loaded.mark_for(p).line for p in paths}
    return lines


def _plain(value: Any) -> Any:
    """A deep copy of plain dicts and lists (the loader's default labels are dict subclasses YAML cannot dump)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def original(source: Charter_, target: Target) -> Any:
    """The example's own value of a target (None if the example leaves it out)."""
    return _get(source.data[target.file], target.path)
