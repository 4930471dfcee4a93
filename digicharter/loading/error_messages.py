"""Turn pydantic's validation errors into lines a school secretary can act on.

Pydantic reports a location such as ``('protocol', 'rules', 2, 'chanel')`` and
a message written for programmers. Here the first element picks the file, the
rest is looked up in that file's marks for line and column, and the message is
rewritten as "expected …, received …" with a "did you mean …" where we can
guess what was meant.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .yaml_loader import DataPath, LoadedFile


def format_path(path: DataPath) -> str:
    """``('rules', 2, 'channel')`` → ``rules[2].channel`` (as the user reads the YAML)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(word: str, candidates: typing.Iterable[str]) -> str:
    """`` — did you mean 'x'?`` for the closest candidate, or nothing."""
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def _describe(value: Any) -> str:
    from ..schema.base import describe

    return describe(value)


def _model_at(root: type[BaseModel], path: DataPath) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path``, for the list of allowed keys."""
    current: Any = root
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
        if current is None:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated so that ``Foo | None`` reads as ``Foo``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    return annotation


#: What a value of each pattern looks like, for the message when one does not match.
_PATTERN_EXAMPLES = {
    r"^[a-z]{2,3}$": "a language code of 2 or 3 lowercase letters, e.g. nl or en",
    r"^[a-z]{2,3}(_[A-Z]{2})?$": "a locale like nl_BE or en_GB (language, underscore, country)",
    r"^[a-z0-9-]+(\.[a-z0-9-]+)+$": "a domain name in lowercase, e.g. deboomhutlozen.be",
    r"^[a-z0-9-]+$": "a name of lowercase letters, digits and '-', e.g. phone or notebook-edit",
    r"^[A-Z]{1,3}[0-9]{1,2}$": "an OK-framework code like K1 or BL6",
}


def _message(error: dict[str, Any], root: type[BaseModel], path: DataPath) -> str:
    kind = error["type"]
    received = _describe(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = path[-1] if path else "?"
        model = _model_at(root, path[:-1])
        allowed = list(model.model_fields) if model else []
        hint = did_you_mean(str(key), allowed)
        if not hint and allowed:
            hint = f" — allowed here: {', '.join(allowed)}"
        return f"unknown key '{key}'{hint}"
    if kind == "missing":
        return f"the required key '{path[-1]}' is missing; add it"
    if kind in ("string_type",):
        return f"expected a text, received {received}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, received {received}"
    if kind == "greater_than":
        return f"expected a number greater than {ctx.get('gt')}, received {received}"
    if kind == "greater_than_equal":
        return f"expected a number of at least {ctx.get('ge')}, received {received}"
    if kind == "less_than":
        return f"expected a number smaller than {ctx.get('lt')}, received {received}"
    if kind == "less_than_equal":
        return f"expected a number of at most {ctx.get('le')}, received {received}"
    if kind in ("float_type", "float_parsing", "finite_number", "decimal_parsing"):
        return f"expected a number (e.g. 55 or 3.5), received {received}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, received {received}"
    if kind in ("list_type",):
        return f"expected a list (one '- ' line per item), received {received}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping (keys with values), received {received}"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        return f"expected one of {expected}, received {received}{did_you_mean(str(error.get('input')), options)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern.startswith("^[a-z0-9][a-z0-9_-]*$"):
            return f"expected an id of lowercase letters, digits, '-' and '_', received {received}"
        if pattern.startswith("^#"):
            return f"expected a colour as #RRGGBB, e.g. #2e6b3a, received {received}"
        example = _PATTERN_EXAMPLES.get(pattern)
        if example:
            return f"expected {example}, received {received}"
        return f"received {received}, which does not have the expected form"
    if kind in ("too_short",):
        return f"expected at least {ctx.get('min_length')} item(s), received {ctx.get('actual_length')}"
    if kind in ("string_too_short",):
        return f"expected a text, received {received}"
    if kind in ("string_too_long", "too_long"):
        return f"expected at most {ctx.get('max_length')} characters or items, received more"
    if kind.startswith("url"):
        return f"expected a web address starting with https://, received {received}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def problems_from_validation(
    exc: ValidationError, root: type[BaseModel], files: dict[str, LoadedFile]
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located in its file."""
    problems = []
    seen: set[tuple[str, DataPath]] = set()
    for error in exc.errors():
        loc = tuple(error["loc"])
        if not loc or loc[0] not in files:
            # An error on the root itself cannot happen for a dict input; treat as internal.
            raise exc
        section, path = str(loc[0]), loc[1:]
        if (section, path) in seen:
            continue
        seen.add((section, path))
        loaded = files[section]
        mark = loaded.mark_for(path)
        message = _message(error, _model_for_section(root, section), path)
        problems.append(Problem(loaded.shown_as, mark.line, mark.column, format_path(path), message))
    return problems


def _model_for_section(root: type[BaseModel], section: str) -> type[BaseModel]:
    model = _model_at(root, (section,))
    assert model is not None
    return model
