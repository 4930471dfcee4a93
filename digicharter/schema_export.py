"""JSON Schemas for editors: one per charter file, written for *this* charter.

A YAML language server (VS Code's YAML extension, Neovim, Zed …) reads them
while the secretary types, through the line each charter file starts with::

    # yaml-language-server: $schema=schema/protocol.schema.json

So that the editor knows the charter and not just its shape, the schemas are
made from the model *and* the charter's own files:

* a field marked ``Ref(kind)`` (:mod:`digicharter.schema.refs`) lists the ids the
  charter defines (its channels, roles, OK codes …) as ``enum``: ``channel: e-mail``
  is underlined at once, and completion offers ``email``;
* every description is shown in the charter's languages (``markdownDescription``,
  which the server shows on hover), from the docstrings and the ``schema`` catalog;
* patterns come with a plain-language ``patternErrorMessage`` instead of a regex;
* a new agreement or channel is one completion (``defaultSnippets``).

The charter is read leniently: a file that does not parse only leaves the ids
it defines unlisted (those fields then take any id), so the schemas can be
refreshed on every build, even one that fails.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import sys
import textwrap
import types
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from . import schema_docs
from .i18n import SOURCE_LANGUAGE, _
from .schema import SECTION_FILES, Charter
from .schema.refs import REF_KEY, Defines

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ID_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

#: What a reference names and where those are written: the editor's message for an id that is not one of them.
REF_MESSAGES: dict[str, str] = {
    "channels": "Unknown channel. Use one of the channels of channels.yaml: {ids}",
    "roles": "Unknown group. Use one of the roles of school.yaml: {ids}",
    "ok": "Unknown OK code. Use one of the codes of framework.yaml: {ids}",
    "agreements": "Unknown agreement. Use the id of an agreement of agreements.yaml or protocol.yaml, e.g. {ids}",
    "sections": "Unknown protocol section. Use one of the sections of protocol.yaml: {ids}",
    "phones": "Unknown phone number. Use one of the phones of school.yaml: {ids}",
    "emails": "Unknown e-mail address. Use one of the emails of school.yaml: {ids}",
    "periods": "Unknown period. Use one of the periods of times.yaml: {ids}",
    "times": "Unknown time. Use one of the times of times.yaml: {ids}",
    "languages": "Unknown language. Use one of the languages of charter.yaml: {ids}",
    "icons": "Unknown icon. Use the name of a Material Design icon, e.g. phone, email, clock-outline "
             "(all of them: https://pictogrammers.com/library/mdi/)",
}

#: The model's patterns in words, for the editor's message instead of the regex (every pattern needs one: a test says so).
PATTERN_MESSAGES: dict[str, str] = {
    r"^[a-z0-9][a-z0-9_-]*$": "Not an id: use lowercase letters, digits, '-' and '_' (no spaces), e.g. school-team",
    r"^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$": "Not a time of day: write hours 00–23 and minutes 00–59, e.g. 17:00",
    r"^\+?[0-9 ./()\-]{6,30}$": "Not a phone number: write it as the school does, e.g. '011 62 16 13', or starting with +",
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": "Not a date: write year-month-day, e.g. 2026-10-07",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "Not an e-mail address: write it as name@school.be",
    r"^#[0-9a-fA-F]{6}$": "Not a colour: write # and six digits or letters a–f, e.g. #1f5c3a",
    r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$": "Not a language code: use the language's code, e.g. nl or en",
    r"^[a-z]{2,3}$": "Not a language code: two or three lowercase letters, e.g. nl, en or fr",
    r"^[a-z]{2,3}(_[A-Z]{2})?$": "Not a locale: write the language code, '_' and the country, e.g. nl_BE or en_GB",
    r"^[A-Z]{1,3}[0-9]{1,2}$": "Not an OK code: capital letters followed by a number, e.g. K1 or BL6",
    r"^[a-z0-9-]+(\.[a-z0-9-]+)+$": "Not a domain name: write the part after @ in lowercase, e.g. deboomhutlozen.be",
    r"^[a-z0-9-]+$": "Not an icon name: lowercase letters, digits and '-', e.g. clock-outline",
}

#: The words of the completions for a new agreement and a new channel.
SNIPPET_TEXTS = {
    "agreement": ("New agreement", "An agreement with its channel, the groups it binds and its text in every language."),
    "rule": ("New protocol rule", "A rule with its section, channel, the groups it binds and its text in every language."),
    "channel": ("New channel", "A channel with its name, icon and purpose in every language."),
}


# --------------------------------------------------------------------------- the charter's ids


def _unwrap(annotation: Any) -> Iterator[Any]:
    """The types inside ``list[X]``, ``dict[K, X]``, ``X | None`` and ``Annotated[X, …]``."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _unwrap(get_args(annotation)[0])
    elif origin in (list, tuple):
        yield from (t for arg in get_args(annotation) for t in _unwrap(arg))
    elif origin is dict:
        yield from _unwrap(get_args(annotation)[1])
    elif origin in (Union, types.UnionType):
        yield from (t for arg in get_args(annotation) for t in _unwrap(arg))
    else:
        yield annotation


def section_model(section: str) -> type[BaseModel]:
    """The model of one charter file (an optional file's field is ``Model | None``)."""
    return next(t for t in _unwrap(Charter.model_fields[section].annotation) if isinstance(t, type) and issubclass(t, BaseModel))


def defining_fields(model: type[BaseModel], path: tuple[str, ...] = ()) -> Iterator[tuple[Defines, tuple[str, ...]]]:
    """Every collection marked ``Defines`` under ``model``, with its key path ("*": every item or value)."""
    for name, info in model.model_fields.items():
        for marker in info.metadata:
            if isinstance(marker, Defines):
                yield marker, path + (name,)
        for inner in _unwrap(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                is_collection = get_origin(info.annotation) in (list, dict) or any(
                    get_origin(arg) in (list, dict) for arg in get_args(info.annotation))
                yield from defining_fields(inner, path + ((name, "*") if is_collection else (name,)))


def _follow(data: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if not path:
        yield data
    elif path[0] == "*":
        values = data if isinstance(data, list) else list(data.values()) if isinstance(data, dict) else []
        for value in values:
            yield from _follow(value, path[1:])
    elif isinstance(data, dict) and path[0] in data:
        yield from _follow(data[path[0]], path[1:])


def charter_ids(data: dict[str, Any]) -> dict[str, list[str]]:
    """kind → the ids the charter defines, in its order, from each section's raw YAML data."""
    ids: dict[str, list[str]] = {}
    for section in SECTION_FILES:
        if section not in data:
            continue
        for marker, path in defining_fields(section_model(section)):
            found = ids.setdefault(marker.kind, [])
            for collection in _follow(data[section], path):
                if marker.key is None:
                    names = list(collection) if isinstance(collection, dict) else []
                else:
                    items = collection if isinstance(collection, list) else []
                    names = [item.get(marker.key) for item in items if isinstance(item, dict)]
                found.extend(n for n in names if isinstance(n, str) and n.strip() and n not in found)
    from .assets import icon_names

    ids["icons"] = list(icon_names())
    return {kind: names for kind, names in ids.items() if names}


def doc_languages(data: dict[str, Any]) -> list[str]:
    """The languages the help texts are written in: the charter's default first, then its others (with a catalog)."""
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    declared = [lang.get("code") for lang in settings.get("languages") or [] if isinstance(lang, dict)]
    default = settings.get("default_language")
    ordered = ([default] if isinstance(default, str) else []) + [c for c in declared if isinstance(c, str)]
    known = schema_docs.languages()
    chosen = [code for i, code in enumerate(ordered) if code in known and code not in ordered[:i]]
    return chosen or [SOURCE_LANGUAGE]


# --------------------------------------------------------------------------- the schemas


class _Writer:
    """Turns the model's plain JSON Schema into the editor's schema for one charter."""

    def __init__(self, ids: dict[str, list[str]], languages: list[str]) -> None:
        self.ids = ids
        self.languages = languages
        self.needs_icons = False

    def text(self, english: str) -> str:
        """The text in the charter's first language (English when not translated): the one-line forms."""
        return schema_docs.translate(english, self.languages[0]) or english

    def texts(self, english: str) -> list[tuple[str, str]]:
        found = [(code, schema_docs.translate(english, code)) for code in self.languages]
        return [(code, text) for code, text in found if text] or [(SOURCE_LANGUAGE, english)]

    def message(self, english: str, **fields: str) -> str:
        """An error message in every language of the charter, one per line."""
        return "\n".join(text.format(**fields) for _code, text in self.texts(english))

    def describe(self, node: dict[str, Any]) -> None:
        english = node["description"]
        found = self.texts(english)
        # Both forms in every language: servers differ in which one their hover shows.
        node["description"] = "\n\n".join(text for _code, text in found)
        if len(found) > 1:
            node["markdownDescription"] = "\n\n".join(f"**{code}** · {text}" for code, text in found)
        else:
            node["markdownDescription"] = found[0][1]

    def visit(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {
            key: {name: self.visit(sub) for name, sub in value.items()} if key in _SCHEMA_MAPS else self.visit(value)
            for key, value in node.items()
        }
        node.pop("title", None)  # pydantic's "Channel", "Binds": noise next to the description
        if "default" in node and node["default"] is None:
            del node["default"]  # else completion inserts "short: null"
        if isinstance(node.get("description"), str):
            self.describe(node)
        kind = node.pop(REF_KEY, None)
        if kind is not None:
            self.reference(node, kind)
        elif "pattern" in node:
            node["patternErrorMessage"] = self.message(PATTERN_MESSAGES[node["pattern"]])
        names = node.get("propertyNames")
        if isinstance(names, dict) and "languages" in self.ids and names.get("pattern") == _LANGUAGE_KEY:
            # The keys of a text per language: the charter's own languages.
            node["propertyNames"] = {
                "enum": self.ids["languages"],
                "errorMessage": self.message(REF_MESSAGES["languages"], ids=", ".join(self.ids["languages"])),
            }
        return node

    def reference(self, node: dict[str, Any], kind: str) -> None:
        names = self.ids.get(kind)
        if not names:
            if "pattern" in node:
                node["patternErrorMessage"] = self.message(PATTERN_MESSAGES[node["pattern"]])
            return
        for key in ("pattern", "maxLength", "type"):
            node.pop(key, None)
        if kind == "icons":
            # 7000 names, once per file: each icon field points at them.
            self.needs_icons = True
            node["$ref"] = "#/$defs/IconNames"
            return
        node["type"] = "string"
        node["enum"] = names
        node["examples"] = names[:3]
        shown = names if len(names) <= 12 else names[:12] + ["…"]
        node["errorMessage"] = self.message(REF_MESSAGES[kind], ids=", ".join(shown))

    def icon_defs(self) -> dict[str, Any]:
        names = self.ids["icons"]
        return {
            "type": "string",
            "enum": names,
            "examples": ["phone", "email", "clock-outline"],
            "errorMessage": self.message(REF_MESSAGES["icons"]),
        }

    def snippet(self, which: str, body: dict[str, Any]) -> dict[str, Any]:
        label, description = SNIPPET_TEXTS[which]
        return {"label": self.text(label), "description": self.text(description), "body": body}

    def choice(self, number: int, kind: str, fallback: str) -> str:
        """A snippet placeholder that offers the charter's ids to choose from."""
        names = [n for n in self.ids.get(kind, []) if _ID_SHAPE.match(n)][:20]
        return f"${{{number}|{','.join(names)}|}}" if names else f"${{{number}:{fallback}}}"

    def per_language(self, first: int) -> dict[str, str]:
        codes = self.ids.get("languages") or [self.languages[0]]
        return {code: f"${{{first + i}}}" for i, code in enumerate(codes)}

    def agreement_body(self, with_section: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"id": "${1:new-agreement}"}
        if with_section:
            body["section"] = self.choice(2, "sections", "section")
        body["channel"] = self.choice(3, "channels", "channel")
        body["binds"] = [self.choice(4, "roles", "parents")]
        body["text"] = self.per_language(5)
        return body

    def channel_body(self) -> dict[str, Any]:
        codes = self.ids.get("languages") or [self.languages[0]]
        return {
            "id": "${1:new-channel}",
            "name": self.per_language(2),
            "icon": "${%d:message-text}" % (2 + len(codes)),
            "purpose": self.per_language(3 + len(codes)),
        }


#: Keys whose value maps names (of fields, of definitions) to schemas: the mapping itself is no schema.
_SCHEMA_MAPS = ("properties", "$defs", "patternProperties")
_LANGUAGE_KEY = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"


@lru_cache(maxsize=None)
def _own_field_docstrings(cls: type) -> dict[str, str]:
    """The docstring under each field a class itself declares (``name: type`` followed by a string)."""
    try:
        body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0].body  # type: ignore[attr-defined]
    except (OSError, TypeError, SyntaxError, IndexError, AttributeError):
        return {}
    docs = {}
    for node, following in zip(body, body[1:]):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant) and isinstance(following.value.value, str)):
            docs[node.target.id] = inspect.cleandoc(following.value.value)
    return docs


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Each field's docstring, inherited fields included (a subclass's own docstring wins)."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_own_field_docstrings(cls))
    return docs


class _DocumentedSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, with each field's docstring as its description (see :class:`~digicharter.schema.base.StrictModel`)."""

    def model_schema(self, schema: Any) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        model = schema["cls"]
        properties = json_schema.get("properties", {})
        for name, doc in field_docstrings(model).items():
            field = model.model_fields.get(name)
            key = (field.alias or name) if field is not None else name
            if key in properties and (field is None or field.description is None):  # as pydantic: over the type's own
                properties[key]["description"] = doc
        return json_schema


def plain_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema as pydantic writes it, each field described by its docstring."""
    return TypeAdapter(model).json_schema(schema_generator=_DocumentedSchema)


def section_schema(section: str, ids: dict[str, list[str]] | None = None, languages: list[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of one charter file, knowing the charter's ``ids`` (kind → ids)."""
    plain = plain_schema(section_model(section))
    writer = _Writer(ids or {}, languages or [SOURCE_LANGUAGE])
    schema = writer.visit(plain)
    defs = schema.setdefault("$defs", {})
    snippets = {
        "Agreement": ("agreement", lambda: writer.agreement_body(False)),
        "ProtocolRule": ("rule", lambda: writer.agreement_body(True)),
        "Channel": ("channel", writer.channel_body),
    }
    for name, (which, body) in snippets.items():
        if name in defs:
            defs[name]["defaultSnippets"] = [writer.snippet(which, body())]
    if writer.needs_icons:
        defs["IconNames"] = writer.icon_defs()
    if not defs:
        del schema["$defs"]
    return {"$schema": SCHEMA_DIALECT, "$id": schema_file_name(section), **schema}


def schema_file_name(section: str) -> str:
    return SECTION_FILES[section].replace(".yaml", ".schema.json")


def read_charter_data(charter_dir: Path | None) -> dict[str, Any]:
    """Each section's raw YAML data, for the files that parse (none without a charter folder)."""
    if charter_dir is None or not charter_dir.is_dir():
        return {}
    from .loading.charter_loader import read_each_file

    files, _problems = read_each_file(charter_dir, typed_numbers=True)
    return {section: loaded.data for section, loaded in files.items()}


def schema_files(charter_dir: Path | None = None) -> dict[str, str]:
    """File name → JSON text, for every charter file.

    Keys keep the model's order (a snippet inserts ``id`` first, completion lists fields as the file has them);
    the same charter gives the same bytes.
    """
    data = read_charter_data(charter_dir)
    ids = charter_ids(data)
    languages = doc_languages(data)
    return {
        schema_file_name(section): json.dumps(section_schema(section, ids, languages), indent=2, ensure_ascii=False) + "\n"
        for section in SECTION_FILES
    }


def write_schemas(directory: Path, charter_dir: Path | None = None) -> list[Path]:
    """Write the schemas into ``directory``; only the files whose text changed are touched (and returned).

    Untouched files matter: ``digicharter serve`` watches the charter folder, and
    rewriting an unchanged schema must not look like an edit.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files(charter_dir).items():
        path = directory / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def refresh_schemas(charter_dir: Path) -> None:
    """Bring ``charter_dir/schema/`` up to date with the charter (every build does), so the editor knows new ids.

    A folder that cannot be written (read-only checkout) costs the editor its help, not the build its output.
    """
    if not charter_dir.is_dir():
        return  # the build itself says that the folder is missing
    try:
        write_schemas(charter_dir / "schema", charter_dir)
    except OSError as exc:
        print(_("note: the editor schemas in {folder} could not be updated: {reason}").format(
            folder=charter_dir / "schema", reason=exc.strerror or exc), file=sys.stderr)


def schema_texts() -> set[str]:
    """Every English text the schemas show, for the ``schema`` catalog (see :mod:`digicharter.schema_docs`)."""
    found: set[str] = set(REF_MESSAGES.values()) | set(PATTERN_MESSAGES.values())
    found |= {text for pair in SNIPPET_TEXTS.values() for text in pair}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                found.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for section in SECTION_FILES:
        walk(plain_schema(section_model(section)))
    return found
