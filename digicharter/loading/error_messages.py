"""Turn pydantic's validation errors into lines a school secretary can act on.

Each file is validated by its own model, so one broken file does not hide the
mistakes of another. Pydantic reports a location such as ``('rules', 2,
'chanel')`` and a message written for programmers. Here the location is looked
up in the file's marks for line and column and named as the editor reads it
(:mod:`.places`), and the message is rewritten, in the editor's language, as
"expected …, received …" with a "did you mean …" where we can guess what was
meant.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..i18n import N_, _
from ..schema.base import CUSTOM_MESSAGES
from .places import describe_place
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
    return _(" — did you mean '{guess}'?").format(guess=close[0]) if close else ""


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
    r"^[a-z]{2,3}$": N_("a language code of 2 or 3 lowercase letters, e.g. nl or en"),
    r"^[a-z]{2,3}(_[A-Z]{2})?$": N_("a locale like nl_BE or en_GB (language, underscore, country)"),
    r"^[a-z0-9-]+(\.[a-z0-9-]+)+$": N_("a domain name in lowercase, e.g. deboomhutlozen.be"),
    r"^[a-z0-9-]+$": N_("a name of lowercase letters, digits and '-', e.g. phone or notebook-edit"),
    r"^[A-Z]{1,3}[0-9]{1,2}$": N_("an OK-framework code like K1 or BL6"),
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
            hint = _(" — allowed here: {keys}").format(keys=", ".join(allowed))
        return _("unknown key '{key}'{hint}").format(key=key, hint=hint)
    if kind == "missing":
        return _("the required key '{key}' is missing; add it").format(key=path[-1])
    if kind in ("string_type",):
        return _("expected a text, received {received}").format(received=received)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("expected a whole number, received {received}").format(received=received)
    if kind == "greater_than":
        return _("expected a number greater than {limit}, received {received}").format(limit=ctx.get("gt"), received=received)
    if kind == "greater_than_equal":
        return _("expected a number of at least {limit}, received {received}").format(limit=ctx.get("ge"), received=received)
    if kind == "less_than":
        return _("expected a number smaller than {limit}, received {received}").format(limit=ctx.get("lt"), received=received)
    if kind == "less_than_equal":
        return _("expected a number of at most {limit}, received {received}").format(limit=ctx.get("le"), received=received)
    if kind in ("float_type", "float_parsing", "finite_number", "decimal_parsing"):
        return _("expected a number (e.g. 55 or 3.5), received {received}").format(received=received)
    if kind in ("bool_type", "bool_parsing"):
        return _("expected true or false, received {received}").format(received=received)
    if kind in ("list_type",):
        return _("expected a list (one '- ' line per item), received {received}").format(received=received)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("expected a mapping (keys with values), received {received}").format(received=received)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        return _("expected one of {options}, received {received}{did_you_mean}").format(
            options=", ".join(f"'{o}'" for o in options), received=received,
            did_you_mean=did_you_mean(str(error.get("input")), options),
        )
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern.startswith("^[a-z0-9][a-z0-9_-]*$"):
            return _("expected an id of lowercase letters, digits, '-' and '_', received {received}").format(received=received)
        if pattern.startswith("^#"):
            return _("expected a colour as #RRGGBB, e.g. #2e6b3a, received {received}").format(received=received)
        example = _PATTERN_EXAMPLES.get(pattern)
        if example:
            return _("expected {example}, received {received}").format(example=_(example), received=received)
        return _("received {received}, which does not have the expected form").format(received=received)
    if kind in ("too_short",):
        return _("expected at least {minimum} item(s), received {count}").format(
            minimum=ctx.get("min_length"), count=ctx.get("actual_length"))
    if kind in ("string_too_short",):
        return _("expected a text, received {received}").format(received=received)
    if kind in ("string_too_long", "too_long"):
        return _("expected at most {maximum} characters or items, received more").format(maximum=ctx.get("max_length"))
    if kind.startswith("url"):
        return _("expected a web address starting with https://, received {received}").format(received=received)
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind in CUSTOM_MESSAGES:  # the charter's own value types (see schema/base.py)
        return _(CUSTOM_MESSAGES[kind]).format(**{k: str(v) for k, v in ctx.items()})
    return str(error["msg"])


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel], section: str, files: dict[str, LoadedFile]
) -> list[Problem]:
    """One :class:`Problem` per pydantic error of one section's ``model``, located in its file."""
    problems = []
    seen: set[DataPath] = set()
    loaded = files[section]
    for error in exc.errors():
        path = tuple(error["loc"])
        if path in seen:
            continue
        seen.add(path)
        mark = loaded.mark_for(path)
        message = _message(error, model, path)
        problems.append(Problem(loaded.shown_as, mark.line, mark.column, describe_place(loaded, path), message))
    return problems
