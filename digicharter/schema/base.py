"""Building blocks every charter file uses: the strict base model and the small value types.

Each value type validates *and* explains: its error says what was expected and
what was received, in words a school secretary understands, and its JSON
Schema lets an editor underline the mistake while it is typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any, Literal

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..i18n import N_, _
from .refs import Ref

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

#: The longest text a charter may hold, per language: ten times the longest in the example. Texts end up
#: in PDFs, and WeasyPrint's cost grows with what it lays out (its "Security" notes: huge values); a text
#: this long is a pasting mistake, not a paragraph.
MAX_TEXT_CHARS = 5_000
#: The longest name (school name, short name, town): one line on a bookmark is some 30 characters.
MAX_NAME_CHARS = 200


#: The messages of the value types below, by error type; translated where they are reported
#: (:mod:`digicharter.loading.error_messages`), formatted with the error's context.
CUSTOM_MESSAGES: dict[str, str] = {
    "text_empty": N_("expected a text, received an empty text"),
    "text_same_alone": N_("'same:' is the one text for every language: write either same: … alone, or a text per "
                          "language (nl: …, en: …), not both"),
    "text_empty_mapping": N_("expected a text per language (nl: …, en: …), received an empty mapping"),
    "text_language": N_("expected a language code such as 'nl' or 'en' as key, received {received}"),
    "text_type": N_("the '{code}' text: expected a text, received {received}"),
    "text_type_2": N_("expected a text, or a text per language (nl: …, en: …), received {received}"),
    "text_too_long": N_("the text is {length} characters long; a text may have at most {limit}: shorten it"),
    "text_too_long_2": N_("the '{code}' text is {length} characters long; a text may have at most {limit}: shorten it"),
    "time_range": N_("{received} is not a time of day: expected hours 00–23 and minutes 00–59, e.g. 17:00"),
    "time_type": N_("expected a time of day written as HH:MM, e.g. 17:00, received {received}"),
    "date_type": N_("expected a date written as YYYY-MM-DD, e.g. 2026-10-07, received {received}"),
    "date_range": N_("{received} is not a date: the month or the day does not exist (write YYYY-MM-DD, e.g. 2026-10-07)"),
    "phone_type": N_("expected a phone number between quotes, e.g. '011 62 16 13', received {received}"),
    "phone_characters": N_("{received} is not only a phone number: write just the number, with digits, spaces and "
                           "+ / . - ( ) only, e.g. '011 62 16 13'; put any words in the 'label' or in a text"),
    "phone_invalid": N_("{received} is not a valid phone number: expected a Belgian number such as '011 62 16 13' or an international one starting with +"),
    "email_type": N_("expected an e-mail address, received {received}"),
    "email_invalid": N_("{received} is not a valid e-mail address ({reason})"),
}


def _error(kind: str, context: dict[str, Any] | None = None) -> PydanticCustomError:
    return PydanticCustomError(kind, CUSTOM_MESSAGES[kind], context)


class StrictModel(BaseModel):
    """Every charter model: unknown keys are errors, and each field's docstring is its description in the editors' schemas.

    Two settings keep ``check`` quick, since it builds every model in every run: pydantic reads no attribute
    docstrings (that reads and parses the source of every schema module, and only the editors' schemas show
    them: :mod:`digicharter.schema_export` reads them itself), and a model's validator is built when a
    charter is first validated (``defer_build``), once for the whole charter instead of once per model at import.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        hide_input_in_errors=True,
        defer_build=True,
    )


def _nothing_required(schema: dict[str, Any], _model: type) -> None:
    schema.pop("required", None)


class LabelsModel(StrictModel):
    """An output's own words: Digicharter has defaults for them (digicharter/defaults/), so none is required in the file.

    The model itself still requires every label: the loader fills in the
    defaults before validating (:mod:`digicharter.loading.defaults`), and a
    label missing in a language without defaults is reported at its place.
    Only the editor's schema leaves them optional.
    """

    model_config = ConfigDict(json_schema_extra=_nothing_required)


def labels_optional(schema: dict[str, Any], _model: type) -> None:
    """For a file with ``labels``: the editor must not ask for them (see :class:`LabelsModel`)."""
    required = [name for name in schema.get("required", []) if name != "labels"]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)


def describe(value: Any) -> str:
    """Name what the editor wrote, for "expected …, received …" messages."""
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return f"'{'true' if value else 'false'}'"
    if isinstance(value, dict):
        return _("a mapping (keys with values)")
    if isinstance(value, list):
        return _("a list")
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'"


# --------------------------------------------------------------------------- ids

Id = Annotated[
    str,
    # No description here: it would hide the field's own docstring ("the channel this agreement belongs to").
    Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60),
]
"""An identifier: lowercase letters, digits, '-' and '_'. Other parts of the charter refer to it."""


# --------------------------------------------------------------------------- texts


#: The key of a text written once for every language: ``name: {same: Smartschool}``.
SAME = "same"


@dataclass(frozen=True)
class Text:
    """A text in one or more languages.

    ``values`` maps a language code to the text; the key ``""`` holds a plain
    string, which is written in the charter's default language. Which language
    that is becomes known only once the whole charter is read, so it is
    resolved later (see :mod:`digicharter.view`).
    """

    values: tuple[tuple[str, str], ...]

    @property
    def same(self) -> bool:
        """Written once for every language (``{same: Smartschool}``): a name, a brand, nothing to translate."""
        return len(self.values) == 1 and self.values[0][0] == SAME

    def get(self, language: str, default_language: str) -> str | None:
        mapping = dict(self.values)
        if SAME in mapping:
            return mapping[SAME]
        if language in mapping:
            return mapping[language]
        if language == default_language and "" in mapping:
            return mapping[""]
        return None

    def languages(self, default_language: str) -> set[str]:
        return {default_language if code == "" else code for code, _text in self.values}

    def any(self) -> str:
        return self.values[0][1]

    def resolve(self, language: str, default_language: str) -> str:
        """The text in ``language``, else in the default language, else the first one written."""
        value = self.get(language, default_language)
        if value is None:
            value = self.get(default_language, default_language)
        return value if value is not None else self.any()


def _parse_text(value: Any) -> Text:
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise _error("text_empty")
        _check_length(value.strip(), None)
        return Text(((("", value.strip()),)))
    if isinstance(value, dict):
        if not value:
            raise _error("text_empty_mapping")
        if SAME in value:
            if len(value) > 1:
                raise _error("text_same_alone")
            text = value[SAME]
            if not isinstance(text, str) or not text.strip():
                raise _error("text_type", {"code": SAME, "received": describe(text)})
            _check_length(text.strip(), SAME)
            return Text(((SAME, text.strip()),))
        pairs = []
        for code, text in value.items():
            if not isinstance(code, str) or not LANGUAGE_CODE.match(code):
                raise _error("text_language", {"received": describe(code)})
            if not isinstance(text, str) or not text.strip():
                raise _error("text_type", {"code": code, "received": describe(text)})
            _check_length(text.strip(), code)
            pairs.append((code, text.strip()))
        return Text(tuple(pairs))
    raise _error("text_type_2", {"received": describe(value)})


def _check_length(text: str, code: str | None) -> None:
    if len(text) > MAX_TEXT_CHARS:
        if code is None:
            raise _error("text_too_long", {"length": len(text), "limit": MAX_TEXT_CHARS})
        raise _error("text_too_long_2", {"code": code, "length": len(text), "limit": MAX_TEXT_CHARS})


_TEXT_SCHEMA = {
    "anyOf": [
        # No descriptions on the two forms: an editor shows the field's own ("the short form for the bookmark").
        {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS},
        {
            "type": "object",
            "propertyNames": {"anyOf": [{"pattern": LANGUAGE_CODE.pattern}, {"const": "same"}]},
            "additionalProperties": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS},
            "minProperties": 1,
        },
    ]
}

LocalizedText = Annotated[
    Text,
    PlainValidator(_parse_text),
    PlainSerializer(lambda t: {k or "*": v for k, v in t.values}),
    WithJsonSchema(_TEXT_SCHEMA),
]


# --------------------------------------------------------------------------- clock times

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:.hu]\s*(\d{2})\s*(?:u|uur)?\s*$")


def _parse_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        match = _TIME.match(value)
        if match:
            hours, minutes = int(match.group(1)), int(match.group(2))
            if hours > 23 or minutes > 59:
                raise _error("time_range", {"received": describe(value)})
            return time(hours, minutes)
    raise _error("time_type", {"received": describe(value)})


ClockTime = Annotated[
    time,
    PlainValidator(_parse_time),
    PlainSerializer(lambda t: t.strftime("%H:%M")),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$",
            "description": "A time of day as HH:MM, e.g. 17:00.",
            "examples": ["17:00", "08:30"],
        }
    ),
]


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                raise _error("date_range", {"received": describe(value)}) from None
    raise _error("date_type", {"received": describe(value)})


CalendarDate = Annotated[
    date,
    PlainValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat()),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                    "description": "A date as YYYY-MM-DD, e.g. 2026-10-07."}),
]


# --------------------------------------------------------------------------- contacts


@dataclass(frozen=True)
class PhoneNumber:
    """A phone number as the school writes it, and in international form for links."""

    written: str
    e164: str
    is_mobile: bool


#: What a written phone number may hold: digits, spaces and the punctuation people group them with.
_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ./()\-]+")


def _parse_phone(value: Any) -> PhoneNumber:
    if isinstance(value, PhoneNumber):
        return value
    if not isinstance(value, str):
        raise _error("phone_type", {"received": describe(value)})
    if not _PHONE_CHARACTERS.fullmatch(value.strip()):
        # phonenumbers finds a number inside any sentence ("Bel ons niet! 0497 381 759"), and the
        # number is published as written: so what is written must be the number and nothing else.
        raise _error("phone_characters", {"received": describe(value)})
    try:
        parsed = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise _error("phone_invalid", {"received": describe(value)})
    return PhoneNumber(
        written=" ".join(value.split()),
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        is_mobile=phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE,
    )


Phone = Annotated[
    PhoneNumber,
    PlainValidator(_parse_phone),
    PlainSerializer(lambda p: p.written),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\+?[0-9 ./()\-]{6,30}$",
            "description": "A phone number as the school writes it, e.g. '011 62 16 13'.",
            "examples": ["011 62 16 13", "+32 11 62 16 13"],
        }
    ),
]


def _parse_email(value: Any) -> str:
    if not isinstance(value, str):
        raise _error("email_type", {"received": describe(value)})
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise _error("email_invalid", {"received": describe(value), "reason": str(exc).rstrip(".")}) from None


EmailAddress = Annotated[
    str,
    PlainValidator(_parse_email),
    WithJsonSchema(
        {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "description": "An e-mail address.",
         "examples": ["secretariaat@school.be"]}
    ),
]

#: Material Design icon names are at most 46 characters long; the limit keeps a pasted paragraph from
#: ever being looked up as a file name (the system refuses names over 255 bytes).
ICON_NAME_MAX = 64

IconName = Annotated[
    str,
    # No description here: it would hide the field's own docstring. Ref: the editor lists the icons Digicharter ships.
    Field(pattern=r"^[a-z0-9-]+$", max_length=ICON_NAME_MAX),
    Ref("icons"),
]
"""A Material Design icon name: lowercase letters, digits and '-', e.g. phone or weather-night."""

Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as #RRGGBB, e.g. #2e6b3a.", examples=["#1f5c3a"]),
]

DayKind = Literal["school_days", "school_day", "weekdays", "calendar_days"]
